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

    public static string For(Body body, Jaarkalender jaarkalender, TimeSpan duration)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//AdviesRoute//Jaarkalender//NL" };
        calendar.AddProperty("X-WR-CALNAME", $"{body.Name} (jaarkalender)");
        var meetings = jaarkalender.MeetingsOf(body.Id).ToList();

        // A full VTIMEZONE (its summer and winter rules), as RFC 5545 asks: a bare TZID is not enough for every client.
        var earliest = meetings.Count > 0 ? meetings[0].Date.ToDateTime(TimeOnly.MinValue) : new DateTime(2026, 1, 1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, earliest, includeHistoricalData: false));
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
