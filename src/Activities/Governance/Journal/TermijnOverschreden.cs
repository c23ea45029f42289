using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>A notification with a legal last day went out after it (late is better than not at all; the secretaries are told).</summary>
public sealed record TermijnOverschreden(string? Onderwerp, string? Termijn) : GovernanceJournalEntry
{
    public const string KindName = "termijnOverschreden";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["onderwerp"] = Onderwerp,
        ["termijn"] = Termijn,
    };

    public static TermijnOverschreden Read(StoredJournalData stored) => new(stored.Text("onderwerp"), stored.Text("termijn"));

    public override string Sentence(JournalReading reading) => JournalWords.Sentence(
        "Wettelijke termijn overschreden" + (Onderwerp is null ? "" : ": " + Onderwerp + " is te laat verzonden"),
        Termijn is null ? null : "de termijn was " + Termijn);
}
