using System.Globalization;
using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Journal;

/// <summary>
/// A meeting as a journal line carries it (the shape of the <c>vergadering</c> variable): id, body, day, time, place,
/// its documents deadline and the part of the agenda.
/// </summary>
public sealed record JournalMeeting(string? Id, string? Orgaan, string? OrgaanNaam, DateOnly? Datum, string? Tijd, string? Plaats,
    JournalDeadline? Stukken, string? Agendadeel)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["orgaan"] = Orgaan,
        ["orgaanNaam"] = OrgaanNaam,
        ["datum"] = Datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tijd"] = Tijd,
        ["plaats"] = Plaats,
        ["stukken"] = Stukken?.ToJson(),
        ["agendadeel"] = Agendadeel,
    };

    public static JournalMeeting? Read(JsonNode? node) => node is JsonObject o
        ? new JournalMeeting(Text(o, "id"), Text(o, "orgaan"), Text(o, "orgaanNaam"), StoredJournalData.ParseDay(Text(o, "datum")), Text(o, "tijd"),
            Text(o, "plaats"), JournalDeadline.Read(o["stukken"]), Text(o, "agendadeel"))
        : null;

    /// <summary>"de vergadering van Dagelijks bestuur op 18 november 2026 om 10:00".</summary>
    public string Describe(JournalReading reading, bool withTimeAndPlace = false)
    {
        var body = OrgaanNaam ?? reading.Body(Orgaan)?.Name;
        var text = "de vergadering" + (body is null ? "" : " van " + body) + (Datum is { } day ? " op " + JournalWords.Day(day) : "");
        if (withTimeAndPlace)
        {
            text += (Tijd is null ? "" : " om " + Tijd) + (Plaats is null ? "" : " in " + Plaats);
        }

        return text + (Agendadeel is null ? "" : $" (agendadeel {Agendadeel})");
    }

    private static string? Text(JsonObject o, string name) => StoredJournalData.Text(o, name);
}

/// <summary>A deadline as stored with a line: its day, moment, rule, legal basis, shift and the Dutch text shown.</summary>
public sealed record JournalDeadline(DateOnly? Datum, DateTimeOffset? Moment, string? Regel, string? Artikel, string? Verschuiving, string? Tekst)
{
    public JsonObject ToJson() => new()
    {
        ["datum"] = Datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["moment"] = Moment,
        ["regel"] = Regel,
        ["artikel"] = Artikel,
        ["verschuiving"] = Verschuiving,
        ["tekst"] = Tekst,
    };

    public static JournalDeadline? Read(JsonNode? node) => node is JsonObject o
        ? new JournalDeadline(StoredJournalData.ParseDay(StoredJournalData.Text(o, "datum")),
            o["moment"] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var moment) ? moment : null,
            StoredJournalData.Text(o, "regel"), StoredJournalData.Text(o, "artikel"), StoredJournalData.Text(o, "verschuiving"), StoredJournalData.Text(o, "tekst"))
        : null;
}
