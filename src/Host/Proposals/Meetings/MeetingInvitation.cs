using System.Text;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// The one .ics invitation of a meeting that the convocation carries: the meeting as an event (METHOD:REQUEST) with the
/// recipient as attendee and the whole agenda in its description. Its UID is the meeting's, as in the jaarkalender feed,
/// and its SEQUENCE rises with every update, so a calendar keeps one event per meeting and replaces it with each update.
/// </summary>
public static class MeetingInvitation
{
    public const string FileName = "uitnodiging.ics";

    /// <summary>What the invitation says of the meeting.</summary>
    /// <param name="Agenda">The agenda's lines as the mail numbers them, e.g. "Aanpassing tarieven (hamerstuk)".</param>
    public sealed record Details(string MeetingId, string BodyName, DateOnly Date, TimeOnly Time, string Place, IReadOnlyList<string> Agenda, int Sequence);

    /// <summary>The UID of a meeting's event, the same in every invitation and in the jaarkalender feed.</summary>
    public static string Uid(string meetingId) => $"{meetingId}@adviesroute";

    /// <param name="stamp">DTSTAMP: when the invitation was made (from the host's clock, not the machine's).</param>
    public static MailAttachment For(Details meeting, MailAddress recipient, MailAddress organizer, DateTimeOffset stamp)
    {
        var start = meeting.Date.ToDateTime(meeting.Time);
        var calendar = new Ical.Net.Calendar { ProductId = "-//AdviesRoute//Vergadering//NL", Method = "REQUEST" };
        calendar.AddTimeZone(JaarkalenderIcs.AmsterdamZone(meeting.Date));
        var description = new StringBuilder("Agenda:");
        for (var i = 0; i < meeting.Agenda.Count; i++)
        {
            description.Append('\n').Append(i + 1).Append(". ").Append(meeting.Agenda[i]);
        }

        var invitation = new CalendarEvent
        {
            Uid = Uid(meeting.MeetingId),
            Sequence = meeting.Sequence,
            Summary = $"Vergadering {meeting.BodyName}",
            Location = meeting.Place,
            Description = description.ToString(),
            Start = new CalDateTime(start, JaarkalenderIcs.TimeZone),
            End = new CalDateTime(start.AddHours(2), JaarkalenderIcs.TimeZone),
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name },
        };
        invitation.Attendees.Add(new Attendee($"mailto:{recipient.Email}") { CommonName = recipient.Name, Rsvp = false });
        calendar.Events.Add(invitation);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new MailAttachment(FileName, "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }
}
