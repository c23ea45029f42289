using System.Globalization;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// A period as people read it: "2 weken", "1 week en 3 dagen", "6 maanden", "30 minuten". Deadline rules name their
/// period this way, never as the ISO code (<c>P2W</c>) a definition stores.
/// </summary>
public static class DutchDuration
{
    public static string Format(IsoDuration duration)
    {
        var time = duration.Time;
        var parts = new List<string>();
        Add(parts, duration.Years, "jaar", "jaar");
        Add(parts, duration.Months, "maand", "maanden");
        Add(parts, duration.Weeks, "week", "weken");
        Add(parts, duration.Days, "dag", "dagen");
        Add(parts, (time.Days * 24) + time.Hours, "uur", "uur");
        Add(parts, time.Minutes, "minuut", "minuten");
        Add(parts, time.Seconds, "seconde", "seconden");
        return parts.Count switch
        {
            0 => "0 dagen",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " en " + parts[^1],
        };
    }

    /// <summary>The ISO text in Dutch when it is a duration; otherwise the text as it is.</summary>
    public static string Format(string isoText) => IsoDuration.TryParse(isoText, out var duration) ? Format(duration) : isoText;

    private static void Add(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many));
        }
    }
}
