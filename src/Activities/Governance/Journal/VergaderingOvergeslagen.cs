using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>Agenderen passed a meeting whose documents deadline had gone by; the reason names the meeting and the deadline.</summary>
public sealed record VergaderingOvergeslagen(string? Reden) : GovernanceJournalEntry
{
    public const string KindName = "vergaderingOvergeslagen";

    public override string Kind => KindName;

    public override JsonObject ToData() => new() { ["reden"] = Reden };

    public static VergaderingOvergeslagen Read(StoredJournalData stored) => new(stored.Text("reden"));

    public override string Sentence(JournalReading reading) => JournalWords.Clause(Reden ?? "Een vergadering is overgeslagen: de stukken waren niet op tijd");
}
