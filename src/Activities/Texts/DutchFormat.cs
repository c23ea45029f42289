using System.Globalization;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Texts;

/// <summary>
/// The one place that turns dates, moments, periods and counts into the Dutch words a person reads on a page, in a
/// mail, in the route simulation and in the designer: "20 januari 2027", "20 januari 2027 om 14:30", "2 weken",
/// "1 voorstel" / "2 voorstellen" / "geen voorstellen". Nothing a person reads shows the ISO form a definition or a
/// step's state stores (<c>2027-01-20</c>, <c>P2W</c>); text that cannot be read as a date or period becomes a plain
/// Dutch fallback instead.
/// </summary>
public static class DutchFormat
{
    /// <summary>What a stored date reads as when it is missing or no date.</summary>
    public const string UnknownDay = "onbekende datum";

    /// <summary>What a stored moment reads as when it is missing or no moment.</summary>
    public const string UnknownMoment = "onbekend moment";

    /// <summary>What a stored period reads as when it is missing or no ISO 8601 duration.</summary>
    public const string UnknownDuration = "onbekende duur";

    /// <summary>The Dutch culture: month and day names, thousands separators.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A calendar day: "20 januari 2027".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    /// <summary>
    /// A day as a step's state or a definition stores it (<c>yyyy-MM-dd</c>) in words: "20 januari 2027"; missing or
    /// malformed text reads as <see cref="UnknownDay"/>, never as the stored text.
    /// </summary>
    public static string Day(string? stored) => TryParseDay(stored, out var day) ? Day(day) : UnknownDay;

    /// <summary>A day with its weekday, for meetings: "woensdag 20 januari 2027".</summary>
    public static string DayWithWeekday(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>A day within a year the page already names: "20 januari".</summary>
    public static string DayAndMonth(DateOnly day) => day.ToString("d MMMM", Culture);

    /// <summary>A short day for tables: "wo 20 januari".</summary>
    public static string ShortDayWithWeekday(DateOnly day) => day.ToString("ddd d MMMM", Culture);

    /// <summary>The weekday: "woensdag".</summary>
    public static string Weekday(DateOnly day) => day.ToString("dddd", Culture);

    /// <summary>A time of day: "14:30".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    /// <summary>The time of day of a moment on the Netherlands' clock: "14:30".</summary>
    public static string Time(DateTimeOffset moment) => Time(TimeOnly.FromDateTime(DutchTime.Local(moment).DateTime));

    /// <summary>A moment on the Netherlands' clock (Europe/Amsterdam, summer or winter time): "20 januari 2027 om 14:30".</summary>
    public static string Moment(DateTimeOffset moment)
    {
        var local = DutchTime.Local(moment);
        return $"{Day(DateOnly.FromDateTime(local.DateTime))} om {Time(TimeOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>A moment without its year, for recent events: "20 januari om 14:30".</summary>
    public static string MomentInYear(DateTimeOffset moment)
    {
        var local = DutchTime.Local(moment);
        return $"{DayAndMonth(DateOnly.FromDateTime(local.DateTime))} om {Time(TimeOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>A moment stored as ISO 8601 text in words; missing or malformed text reads as <see cref="UnknownMoment"/>.</summary>
    public static string Moment(string? stored) =>
        stored is not null && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
            ? Moment(moment)
            : UnknownMoment;

    /// <summary>A period in words: "1 week", "2 weken", "1 week en 2 dagen", "1 jaar, 2 maanden en 3 dagen", "30 minuten".</summary>
    public static string Duration(IsoDuration duration)
    {
        var time = duration.Time;
        var parts = new List<string>();
        AddPart(parts, duration.Years, "jaar", "jaar");
        AddPart(parts, duration.Months, "maand", "maanden");
        AddPart(parts, duration.Weeks, "week", "weken");
        AddPart(parts, duration.Days, "dag", "dagen");
        AddPart(parts, (time.Days * 24) + time.Hours, "uur", "uur");
        AddPart(parts, time.Minutes, "minuut", "minuten");
        AddPart(parts, time.Seconds, "seconde", "seconden");
        return parts.Count == 0 ? "0 dagen" : List(parts);
    }

    /// <summary>
    /// A period stored as ISO 8601 text (<c>P2W</c>) in words: "2 weken"; missing text or text that is no period reads as
    /// <see cref="UnknownDuration"/>, never as the code.
    /// </summary>
    public static string Duration(string? iso) => IsoDuration.TryParse(iso, out var duration) ? Duration(duration) : UnknownDuration;

    /// <summary>A measured value with at most one decimal, as people write it: "2,5", "3".</summary>
    public static string Decimal(double value) => value.ToString("#,0.#", Culture);

    /// <summary>A number as people write it: "4.000".</summary>
    public static string Number(int n) => n.ToString("N0", Culture);

    /// <summary>A count with its noun: "geen voorstellen", "1 voorstel", "2 voorstellen", "1.200 leden".</summary>
    /// <param name="n">How many; a negative count is refused.</param>
    /// <param name="singular">The noun for one: "voorstel".</param>
    /// <param name="plural">The noun for none or several: "voorstellen".</param>
    public static string Count(int n, string singular, string plural)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n switch
        {
            0 => "geen " + plural,
            1 => "1 " + singular,
            _ => Number(n) + " " + plural,
        };
    }

    /// <summary>Words joined as Dutch lists them: "a", "a en b", "a, b en c".</summary>
    public static string List(IReadOnlyList<string> items) => List(items, "en");

    /// <summary>Alternatives joined as Dutch lists them: "a", "a of b", "a, b of c".</summary>
    public static string Alternatives(IEnumerable<string> items) => List(items.ToList(), "of");

    private static string List(IReadOnlyList<string> items, string last) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {last} " + items[^1],
    };

    /// <summary>Reads a day as stored (<c>yyyy-MM-dd</c>, nothing else).</summary>
    public static bool TryParseDay(string? stored, out DateOnly day)
    {
        day = default;
        return stored is not null && DateOnly.TryParseExact(stored.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static void AddPart(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(Number(count) + " " + (count == 1 ? one : many));
        }
    }
}
