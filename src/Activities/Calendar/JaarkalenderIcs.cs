using AdviesRoute.Activities.Governance.Model;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// The meetings of one body as a subscribable iCalendar (RFC 5545) feed. Each meeting keeps a stable UID, so a
/// subscribed calendar updates a moved meeting instead of adding a second one.
/// </summary>
public static class JaarkalenderIcs
{
    public const string TimeZone = "Europe/Amsterdam";

    /// <summary>
    /// A day that lies before the machine's clock on every machine this runs on, and after the last change of the
    /// Netherlands' summer-time rules (1996).
    /// </summary>
    /// <remarks>
    /// Ical.Net writes a VTIMEZONE from the zone's transitions between a year before the date it is given and the
    /// machine's real clock, which it reads itself; a date more than about a year after that clock makes it throw
    /// ("the end parameter must be equal to or later than the start parameter"), so every meeting invitation and every
    /// feed further ahead failed. The transitions it finds become yearly rules without an end, starting the year before
    /// the date given: a date in the past describes every later meeting. So the date given is this day, or the first
    /// meeting's own day when that is earlier. A calendar then reads no clock, and is the same every time it is made.
    /// </remarks>
    private static readonly DateOnly RulesKnownFrom = new(2024, 1, 1);

    /// <summary>The Europe/Amsterdam VTIMEZONE with rules that cover a calendar whose first meeting is on this day.</summary>
    public static VTimeZone AmsterdamZone(DateOnly firstMeeting) =>
        VTimeZone.FromDateTimeZone(TimeZone, (firstMeeting < RulesKnownFrom ? firstMeeting : RulesKnownFrom).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);

    public static string For(Body body, Jaarkalender jaarkalender, TimeSpan duration)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//AdviesRoute//Jaarkalender//NL" };
        calendar.AddProperty("X-WR-CALNAME", $"{body.Name} (jaarkalender)");
        var meetings = jaarkalender.MeetingsOf(body.Id).ToList();

        // A full VTIMEZONE (its summer and winter rules), as RFC 5545 asks: a bare TZID is not enough for every client.
        calendar.AddTimeZone(AmsterdamZone(meetings.Count > 0 ? meetings[0].Date : RulesKnownFrom));
        foreach (var meeting in meetings)
        {
            var start = meeting.Date.ToDateTime(meeting.Time);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Id}@adviesroute",
                Summary = body.Name,
                Location = meeting.Place,
                Description = string.Join("\n", new[] { meeting.Note, $"Stukken: {meeting.DocumentsDeadline.Display}" }.Where(s => !string.IsNullOrEmpty(s))),
                Start = new CalDateTime(start, TimeZone),
                End = new CalDateTime(start.Add(duration), TimeZone),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
