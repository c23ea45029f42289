using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>Agenderen found no meeting left on the jaarkalender; the step waits until the calendar is extended.</summary>
public sealed record GeenVergadering(string? Reden) : GovernanceJournalEntry
{
    public const string KindName = "geenVergadering";

    public override string Kind => KindName;

    public override JsonObject ToData() => new() { ["reden"] = Reden };

    public static GeenVergadering Read(StoredJournalData stored) => new(stored.Text("reden"));

    public override string Sentence(JournalReading reading) =>
        JournalWords.Clause(Reden ?? "Er staat geen vergadering meer op de jaarkalender waarvoor de stukken nog op tijd kunnen zijn");
}
