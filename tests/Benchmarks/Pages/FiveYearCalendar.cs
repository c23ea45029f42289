using System.Globalization;
using System.Text.Json.Nodes;

namespace AdviesRoute.Benchmarks.Pages;

/// <summary>
/// A jaarkalender of several years in the demo's rhythm (seed 002, 3.8): per year 20 DB, 12 AB, 8 of each BAC, 6 of the
/// stuurgroep ZVHD and 6 of the netwerktafel, i.e. 60 meetings a year, each on a fixed weekday of its month.
/// </summary>
internal static class FiveYearCalendar
{
    private const string Office = "Kantoor SamenDrenthe, Assen";

    /// <summary>Per body: the time, the weekday, and (month, nth weekday of that month) of every meeting in a year.</summary>
    private static readonly (string Body, string Time, DayOfWeek Day, (int Month, int Nth)[] Dates)[] Rhythm =
    [
        ("db", "10:00", DayOfWeek.Wednesday, [(1, 3), (2, 1), (2, 3), (3, 1), (3, 3), (4, 1), (4, 3), (5, 1), (5, 3), (6, 1), (6, 3), (7, 1), (9, 1), (9, 3), (10, 1), (10, 3), (11, 1), (11, 3), (12, 1), (12, 3)]),
        ("ab", "19:30", DayOfWeek.Wednesday, [(1, 4), (2, 4), (3, 4), (4, 4), (5, 4), (6, 4), (7, 2), (7, 4), (9, 2), (10, 4), (11, 4), (12, 2)]),
        ("bac-pg", "14:00", DayOfWeek.Wednesday, [(2, 2), (3, 2), (5, 2), (6, 2), (9, 4), (10, 2), (11, 2), (12, 4)]),
        ("bac-zv", "14:00", DayOfWeek.Thursday, [(2, 2), (3, 2), (5, 2), (6, 2), (9, 4), (10, 2), (11, 2), (12, 4)]),
        ("stuurgroep-zvhd", "14:00", DayOfWeek.Thursday, [(2, 3), (4, 3), (6, 3), (9, 3), (10, 3), (12, 3)]),
        ("bnt-zv", "10:00", DayOfWeek.Friday, [(1, 2), (3, 2), (5, 2), (7, 2), (9, 2), (11, 2)]),
    ];

    public static int MeetingsPerYear => Rhythm.Sum(r => r.Dates.Length);

    /// <summary>The calendar JSON for the years <paramref name="first"/> to <paramref name="last"/> (inclusive; the seed adds the year after
    /// its last one, so the proposals still open at its end have meetings to go to).</summary>
    public static string Json(int first, int last)
    {
        var meetings = new JsonArray();
        var milestones = new JsonArray();
        for (var year = first; year <= last; year++)
        {
            foreach (var (body, time, day, dates) in Rhythm)
            {
                foreach (var (month, nth) in dates)
                {
                    var date = Nth(year, month, day, nth);
                    var meeting = new JsonObject
                    {
                        ["id"] = $"{body}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                        ["body"] = body,
                        ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["time"] = time,
                        ["place"] = body == "stuurgroep-zvhd" ? "Zorg- en Veiligheidshuis Drenthe, Assen" : Office,
                    };
                    if (body == "ab" && month == 9)
                    {
                        meeting["note"] = $"begroting {year + 1} (vóór 15 september naar Gedeputeerde Staten)";
                        meeting["pc"] = "Begroting";
                    }

                    meetings.Add(meeting);
                }
            }

            milestones.Add(new JsonObject { ["date"] = $"{year}-04-29", ["description"] = $"Kaderbrief {year + 2} en voorlopige jaarrekening {year - 1} naar de raden (vóór 30 april)", ["legalBasis"] = "art. 34b Wgr" });
            milestones.Add(new JsonObject { ["date"] = $"{year}-09-14", ["description"] = $"Begroting {year + 1} naar Gedeputeerde Staten (vóór 15 september)", ["legalBasis"] = "art. 34 lid 2 Wgr" });
        }

        return new JsonObject
        {
            ["description"] = $"Jaarkalender {first}-{last} (benchmark): {MeetingsPerYear} vergaderingen per jaar in het ritme van de demo.",
            ["documentsWorkingDaysBefore"] = 10,
            ["meetings"] = meetings,
            ["milestones"] = milestones,
        }.ToJsonString();
    }

    private static DateOnly Nth(int year, int month, DayOfWeek day, int nth)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (nth - 1)));
    }
}
