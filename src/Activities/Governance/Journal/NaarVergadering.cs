using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A written round gave no decision (a tie, no quorum): the matter goes to a meeting of the body.</summary>
public sealed record NaarVergadering(string? Reden) : GovernanceJournalEntry
{
    public const string KindName = "naarVergadering";

    public override string Kind => KindName;

    public override JsonObject ToData() => new() { ["reden"] = Reden };

    public static NaarVergadering Read(StoredJournalData stored) => new(stored.Text("reden"));

    public override string Sentence(JournalReading reading) => JournalWords.Clause(Reden ?? "Schriftelijk geen besluit; het voorstel gaat naar de vergadering");
}
