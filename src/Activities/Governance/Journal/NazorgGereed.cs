using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The follow-up task was reported done (stored with the outcome <c>gereed</c>).</summary>
public sealed record NazorgGereed(string? Toelichting) : GovernanceJournalEntry
{
    public const string KindName = "nazorgGereed";

    public override string Kind => KindName;

    public override string? Outcome => Activities.NazorgActivity.Gereed;

    public override JsonObject ToData() => new() { ["toelichting"] = Toelichting };

    public static NazorgGereed Read(StoredJournalData stored) => new(stored.Text("toelichting"));

    public override string Sentence(JournalReading reading) =>
        JournalWords.Sentence("Nazorgtaak gereed gemeld", Toelichting is null ? null : "toelichting: " + Toelichting);
}
