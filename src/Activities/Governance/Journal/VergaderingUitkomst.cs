using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The outcome of a meeting as the secretary recorded it (advice or decision), with the count when votes were given.</summary>
/// <param name="Uitkomst">The port the step leaves by (the stored outcome).</param>
/// <param name="Vergadering">The meeting's id.</param>
/// <param name="Uitleg">The count explained, when votes were recorded.</param>
/// <param name="GewijzigdeBeslispunten">With <c>gewijzigdVastgesteld</c>: the beslispunten as amended, each with its new text.</param>
public sealed record VergaderingUitkomst(string? Uitkomst, string? Vergadering, string? Uitleg, string? Toelichting,
    IReadOnlyList<Proposals.Beslispunt>? GewijzigdeBeslispunten = null) : GovernanceJournalEntry
{
    public const string KindName = "vergaderingUitkomst";

    public override string Kind => KindName;

    public override string? Outcome => Uitkomst;

    public override JsonObject ToData()
    {
        var data = new JsonObject
        {
            ["vergadering"] = Vergadering,
            ["uitleg"] = Uitleg,
            ["toelichting"] = Toelichting,
        };
        if (GewijzigdeBeslispunten is not null)
        {
            // Only when amended, so lines stored before read back and write the same JSON.
            data["gewijzigdeBeslispunten"] = new JsonArray(GewijzigdeBeslispunten.Select(p => (JsonNode)new JsonObject { ["nummer"] = p.Number, ["tekst"] = p.Text }).ToArray());
        }

        return data;
    }

    public static VergaderingUitkomst Read(StoredJournalData stored) =>
        new(stored.Outcome, stored.Text("vergadering"), stored.Text("uitleg"), stored.Text("toelichting"),
            Proposals.ProposalInput.ReadPoints(stored.Data?["gewijzigdeBeslispunten"]));

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
            Toelichting is null ? null : "toelichting: " + Toelichting,
            GewijzigdeBeslispunten is { Count: > 0 } amended ? Proposals.DecisionPointChange.Amended(amended) : null);
    }
}
