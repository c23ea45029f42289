using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdviesRoute.Host.Links;

/// <summary>
/// The .ics invitation a mail about an agenda item carries: the meeting as an event (METHOD:REQUEST) with the
/// recipient as attendee. Its UID is the meeting's, as in the jaarkalender feed, so a calendar keeps one event per
/// meeting however many items it receives for it.
/// </summary>
public static class MeetingInvitation
{
    public static MailAttachment For(JsonObject meeting, MailAddress recipient, MailAddress organizer, string itemTitle)
    {
        var date = DateOnly.ParseExact(meeting["datum"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = TimeOnly.ParseExact(meeting["tijd"]!.GetValue<string>(), "HH:mm", CultureInfo.InvariantCulture);
        var start = date.ToDateTime(time);
        var calendar = new Ical.Net.Calendar { ProductId = "-//AdviesRoute//Vergadering//NL", Method = "REQUEST" };
        calendar.AddTimeZone(JaarkalenderIcs.AmsterdamZone(date));
        var body = meeting["orgaanNaam"]?.GetValue<string>() ?? meeting["orgaan"]!.GetValue<string>();
        var invitation = new CalendarEvent
        {
            Uid = $"{meeting["id"]!.GetValue<string>()}@adviesroute",
            Summary = $"Vergadering {body}",
            Location = meeting["plaats"]?.GetValue<string>(),
            Description = $"Op de agenda: {itemTitle}" + (meeting["agendadeel"]?.GetValue<string>() is { } part ? $" (agendadeel {part})" : ""),
            Start = new CalDateTime(start, JaarkalenderIcs.TimeZone),
            End = new CalDateTime(start.AddHours(2), JaarkalenderIcs.TimeZone),
            Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name },
        };
        invitation.Attendees.Add(new Attendee($"mailto:{recipient.Email}") { CommonName = recipient.Name, Rsvp = false });
        calendar.Events.Add(invitation);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new MailAttachment("uitnodiging.ics", "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }

}
