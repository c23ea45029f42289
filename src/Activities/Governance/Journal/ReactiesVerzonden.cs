using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// The DB's adopted reactions went to the councils (art. 35 lid 3 Wgr): how many councils were sent their own zienswijze
/// with the reaction, and how many that gave none were sent the notice.
/// </summary>
public sealed record ReactiesVerzonden(int? Reacties, int? Kennisgevingen) : GovernanceJournalEntry
{
    public const string KindName = "reactiesVerzonden";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["reacties"] = Reacties,
        ["kennisgevingen"] = Kennisgevingen,
    };

    public static ReactiesVerzonden Read(StoredJournalData stored) => new(stored.Integer("reacties"), stored.Integer("kennisgevingen"));

    public override string Sentence(JournalReading reading) =>
        $"Reacties van het bestuur op de zienswijzen verzonden (art. 35 lid 3 Wgr): {JournalWords.Count(Reacties ?? 0, "raad", "raden")} hun eigen zienswijze met de reactie, "
        + $"{JournalWords.Count(Kennisgevingen ?? 0, "raad", "raden")} zonder zienswijze een bericht met de zienswijzennota";
}
