using System.Globalization;
using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>The secretary moved the item to another meeting of the same body, with a reason.</summary>
/// <param name="Van">The meeting it was on (id).</param>
/// <param name="Naar">The meeting it moved to (id).</param>
/// <param name="Datum">The day of that meeting.</param>
/// <param name="NaStukkentermijn">Whether the documents reach the members after that meeting's documents deadline.</param>
public sealed record Verplaatst(string? Van, string? Naar, DateOnly? Datum, string? Toelichting, bool NaStukkentermijn) : GovernanceJournalEntry
{
    public const string KindName = "verplaatst";

    public override string Kind => KindName;

    public override JsonObject ToData() => new()
    {
        ["van"] = Van,
        ["naar"] = Naar,
        ["datum"] = Datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["toelichting"] = Toelichting,
        ["naStukkentermijn"] = NaStukkentermijn,
    };

    public static Verplaatst Read(StoredJournalData stored) =>
        new(stored.Text("van"), stored.Text("naar"), stored.Day("datum"), stored.Text("toelichting"), stored.Boolean("naStukkentermijn") == true);

    public override string Sentence(JournalReading reading)
    {
        var meeting = reading.Meeting(Naar);
        var body = meeting is null ? null : reading.Body(meeting.Body)?.Name;
        var day = Datum ?? meeting?.Date;
        return JournalWords.Sentence(
            "Verplaatst naar de vergadering" + (body is null ? "" : " van " + body) + (day is { } d ? " op " + JournalWords.Day(d) : ""),
            Toelichting is null ? null : "reden: " + Toelichting,
            NaStukkentermijn ? "de stukken komen na de stukkentermijn" : null);
    }
}
