using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The zienswijzenronde closed: how many councils gave a zienswijze and how many did not.</summary>
public sealed record ZienswijzenOntvangen(int? Zienswijzen, int? GeenZienswijze) : GovernanceJournalEntry
{
    public const string KindName = "zienswijzenOntvangen";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["zienswijzen"] = Zienswijzen,
        ["geenZienswijze"] = GeenZienswijze,
    };

    public static ZienswijzenOntvangen Read(StoredJournalData stored) => new(stored.Integer("zienswijzen"), stored.Integer("geenZienswijze"));

    public override string Sentence(JournalReading reading) =>
        $"Zienswijzenronde gesloten: {JournalWords.Count(Zienswijzen ?? 0, "zienswijze", "zienswijzen")} ontvangen, "
        + $"{JournalWords.Count(GeenZienswijze ?? 0, "raad", "raden")} zonder zienswijze";
}
