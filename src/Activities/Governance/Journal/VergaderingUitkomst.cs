using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The outcome of a meeting as the secretary recorded it (advice or decision), with the count when votes were given.</summary>
/// <param name="Uitkomst">The port the step leaves by (the stored outcome).</param>
/// <param name="Vergadering">The meeting's id.</param>
/// <param name="Uitleg">The count explained, when votes were recorded.</param>
public sealed record VergaderingUitkomst(string? Uitkomst, string? Vergadering, string? Uitleg, string? Toelichting) : GovernanceJournalEntry
{
    public const string KindName = "vergaderingUitkomst";

    public override string Kind => KindName;

    public override string? Outcome => Uitkomst;

    public override JsonObject ToData() => new()
    {
        ["vergadering"] = Vergadering,
        ["uitleg"] = Uitleg,
        ["toelichting"] = Toelichting,
    };

    public static VergaderingUitkomst Read(StoredJournalData stored) =>
        new(stored.Outcome, stored.Text("vergadering"), stored.Text("uitleg"), stored.Text("toelichting"));

    /// <summary>The outcome as the besluitenlijst names it: "vastgesteld", "gewijzigd vastgesteld", "positief met kanttekeningen".</summary>
    public string OutcomeWords => JournalWords.Code(Uitkomst);

    public override string Sentence(JournalReading reading)
    {
        var meeting = reading.Meeting(Vergadering);
        var where = meeting is null
            ? "In de vergadering"
            : $"{reading.Body(meeting.Body)?.Name ?? "Het orgaan"} in de vergadering van {JournalWords.Day(meeting.Date)}";
        return JournalWords.Sentence($"{where}: {(JournalWords.IsAdvice(Uitkomst) ? "advies " : "")}{OutcomeWords}",
            Uitleg is null ? null : JournalWords.Continuing(Uitleg),
            Toelichting is null ? null : "toelichting: " + Toelichting);
    }
}
