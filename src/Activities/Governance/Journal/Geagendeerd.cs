using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>Agenderen put the proposal on a meeting (stored with the outcome <c>geagendeerd</c>).</summary>
public sealed record Geagendeerd(JournalMeeting? Vergadering) : GovernanceJournalEntry
{
    public const string KindName = "geagendeerd";

    public override string Kind => KindName;

    public override string? Outcome => Activities.AgenderenActivity.Geagendeerd;

    public override JsonObject ToData() => new() { ["vergadering"] = Vergadering?.ToJson() };

    public static Geagendeerd Read(StoredJournalData stored) => new(JournalMeeting.Read(stored.Data?["vergadering"]));

    public override string Sentence(JournalReading reading) => Vergadering is null
        ? "Geagendeerd"
        : JournalWords.Sentence("Geagendeerd voor " + Vergadering.Describe(reading),
            Vergadering.Stukken?.Tekst is { } documents ? "stukken " + documents : null);
}
