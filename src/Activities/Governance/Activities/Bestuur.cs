using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>The category the designer's palette shows the governance activities under.</summary>
internal static class Bestuur
{
    public const string Category = "Bestuur";

    /// <summary>The day in the Netherlands at a moment: deadlines and terms are counted in Dutch days.</summary>
    public static DateOnly Today(DateTimeOffset now) => DutchTime.Today(now);

    public static string Format(DateOnly day) => AdviesRoute.Activities.Texts.DutchFormat.Day(day);

    public static Body RequireBody(GovernanceModel model, string? id, string input) =>
        (id is null ? null : model.FindBody(id))
        ?? throw new InvalidOperationException($"Invoer '{input}': orgaan '{id}' bestaat niet in het bestuursmodel.");

    public static JsonObject ToJson(Deadline deadline) => new()
    {
        ["datum"] = deadline.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["moment"] = deadline.Moment,
        ["regel"] = deadline.Rule,
        ["artikel"] = deadline.LegalBasis,
        ["verschuiving"] = deadline.Shift,
        ["tekst"] = deadline.Display,
    };

    /// <summary>A deadline as <see cref="ToJson(Deadline)"/> stored it in a step's state.</summary>
    public static Deadline DeadlineOf(JsonObject json) => new(
        DateOnly.ParseExact(json["datum"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        json["moment"]!.GetValue<DateTimeOffset>(), json["regel"]!.GetValue<string>(), json["artikel"]!.GetValue<string>(), json["verschuiving"]?.GetValue<string>());

    public static JsonObject ToJson(Meeting meeting, Body body, string? agendaPart = null) => new()
    {
        ["id"] = meeting.Id,
        ["orgaan"] = meeting.Body,
        ["orgaanNaam"] = body.Name,
        ["datum"] = meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tijd"] = meeting.Time.ToString("HH\\:mm", CultureInfo.InvariantCulture),
        ["plaats"] = meeting.Place,
        ["stukken"] = ToJson(meeting.DocumentsDeadline),
        ["agendadeel"] = agendaPart,
    };

    public static JsonObject Person(Member member) => new()
    {
        ["lid"] = member.Id,
        ["naam"] = member.Name,
        ["email"] = member.Email,
    };

    /// <summary>A meeting named by an input: its id as text, or an object with an <c>id</c> (what Agenderen stores).</summary>
    public static Meeting? FindMeeting(Jaarkalender calendar, JsonNode? value)
    {
        var id = value switch
        {
            JsonObject o => o["id"]?.GetValue<string>(),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => null,
        };
        return id is null ? null : calendar.Meetings.FirstOrDefault(m => m.Id == id);
    }

    /// <summary>The next meeting of a body whose documents deadline has not passed on <paramref name="today"/>.</summary>
    public static Meeting? NextMeeting(Jaarkalender calendar, string bodyId, DateOnly today, DateOnly? after = null, DateOnly? notBefore = null) =>
        calendar.MeetingsOf(bodyId).FirstOrDefault(m => m.DocumentsDeadline.Date >= today
            && (after is null || m.Date > after) && (notBefore is null || m.Date >= notBefore));

    /// <summary>
    /// The save-time check of a literal that names bodies: each must exist (and be of <paramref name="kind"/> when
    /// given). <paramref name="alsoAllowed"/> are other words the input accepts, e.g. a member id or "raden".
    /// </summary>
    public static string? CheckBodies(IGovernanceDirectory directory, JsonNode value, BodyKind? kind = null, Func<string, bool>? alsoAllowed = null)
    {
        var ids = value switch
        {
            JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        var model = directory.Current.Model;
        foreach (var id in ids)
        {
            if (id is null || alsoAllowed?.Invoke(id) == true)
            {
                continue;
            }

            if (model.FindBody(id) is not { } body)
            {
                return $"orgaan '{id}' bestaat niet in het bestuursmodel.";
            }

            if (kind is not null && body.Kind != kind)
            {
                return $"{body.Name} is geen {kind switch { BodyKind.Gemeenteraad => "gemeenteraad", BodyKind.College => "college van B en W", _ => kind.ToString() }}.";
            }
        }

        return null;
    }

    /// <summary>
    /// The next meeting of a body on or after <paramref name="from"/> and after <paramref name="after"/>, whatever its
    /// documents deadline: for an item that is already on the agenda, whose documents the members have.
    /// </summary>
    public static Meeting? NextMeetingOfItem(Jaarkalender calendar, string bodyId, DateOnly from, DateOnly? after = null) =>
        calendar.MeetingsOf(bodyId).FirstOrDefault(m => m.Date >= from && (after is null || m.Date > after));

    /// <summary>A Dutch message when a literal is not a day of the year as "mm-dd" (e.g. 04-29); else null.</summary>
    public static string? CheckDayOfYear(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && !TryDayOfYear(text, 2028, out _)
            ? $"'{text}' is geen dag van het jaar (mm-dd, bijvoorbeeld 04-29)."
            : null;

    /// <summary>The day "mm-dd" of input <paramref name="input"/> in <paramref name="year"/> (29 February only in a leap year).</summary>
    public static DateOnly DayOfYear(string text, int year, string input) =>
        TryDayOfYear(text, year, out var day) ? day : throw new InvalidOperationException($"Invoer '{input}': '{text}' is geen dag van het jaar {year} (mm-dd).");

    private static bool TryDayOfYear(string text, int year, out DateOnly day) =>
        DateOnly.TryParseExact($"{year}-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
