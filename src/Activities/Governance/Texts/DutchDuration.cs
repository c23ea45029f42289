using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Texts;

/// <summary>
/// A period as people read it ("2 weken", "1 maand en 10 dagen"), for texts that members and secretaries see: the
/// ISO form of the definition ("P2W") is a code, not Dutch.
/// </summary>
public static class DutchDuration
{
    /// <summary>The period of an ISO 8601 duration in Dutch words; the text itself when it is not one.</summary>
    public static string Format(string iso)
    {
        if (!IsoDuration.TryParse(iso, out var d))
        {
            return iso;
        }

        var parts = new List<string>();
        Add(parts, d.Years, "jaar", "jaar");
        Add(parts, d.Months, "maand", "maanden");
        Add(parts, d.Weeks, "week", "weken");
        Add(parts, d.Days, "dag", "dagen");
        Add(parts, (int)d.Time.TotalHours, "uur", "uur");
        Add(parts, d.Time.Minutes, "minuut", "minuten");
        return parts.Count switch
        {
            0 => "0 dagen",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " en " + parts[^1],
        };
    }

    private static void Add(List<string> parts, int count, string one, string more)
    {
        if (count != 0)
        {
            parts.Add($"{count} {(count == 1 ? one : more)}");
        }
    }
}
