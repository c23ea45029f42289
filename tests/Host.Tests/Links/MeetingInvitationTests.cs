using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Workflows.Outbox;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// The invitation a convocation carries works for a meeting on any date: years ahead, as a five-year
/// jaarkalender has them, and in the past. Ical.Net reads the machine's real clock when it writes a time zone, so these
/// tests place the meetings relative to the real date (a fake clock would not reach the code that broke).
/// </summary>
public sealed class MeetingInvitationTests(MailHostFixture host) : IClassFixture<MailHostFixture>
{
    private static readonly int RealYear = DateTime.UtcNow.Year;

    private static readonly MailAddress Recipient = new("Roos Zijlstra", "roos.zijlstra@assen.example.org");
    private static readonly MailAddress Organizer = new("Secretariaat SamenDrenthe", "secretariaat@samendrenthe.example.org");

    // year, month, day, local time, the UTC offset Amsterdam has then (hours); the future years count from the real year.
    public static TheoryData<int, int, int, string, int> Meetings => new()
    {
        { RealYear + 2, 7, 15, "14:30", 2 },   // two years ahead, summer time
        { RealYear + 2, 12, 10, "19:30", 1 },  // two years ahead, winter time
        { RealYear + 5, 1, 20, "10:00", 1 },   // five years ahead, winter time
        { RealYear + 5, 6, 12, "09:15", 2 },   // five years ahead, summer time
        { 2021, 3, 29, "20:00", 2 },           // in the past, the day after summer time began
        { 2019, 11, 5, "13:00", 1 },           // in the past, winter time
    };

    [Theory]
    [MemberData(nameof(Meetings))]
    public void The_invitation_carries_an_Amsterdam_time_zone_that_covers_the_meeting_date(int year, int month, int day, string time, int offsetHours)
    {
        var date = new DateOnly(year, month, day);
        var start = date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture));

        var attachment = MeetingInvitation.For(Details(date, time), Recipient, Organizer, DateTimeOffset.UtcNow);

        attachment.FileName.Should().Be("uitnodiging.ics");
        var text = Encoding.UTF8.GetString(attachment.Content);
        AssertInvitation(text, start, TimeSpan.FromHours(offsetHours));
    }

    [Fact]
    public async Task A_convocation_for_a_meeting_five_years_ahead_is_delivered_with_its_invitation_at_the_first_attempt()
    {
        var date = new DateOnly(RealYear + 5, 6, 12);
        var mail = new ConvocationMail(Recipient, "Dagelijks bestuur", date, new TimeOnly(9, 15), "Kantoor SamenDrenthe, Assen",
            [new ConvocationMail.AgendaLine("Meerjarenbegroting", "bespreekstuk", [])], [], 0, MeetingId: $"db-{date:yyyyMMdd}", Sequence: 2);

        var row = await host.QueueAsync(mail);

        row = (await host.WaitForOutboxAsync([row.Id], m => m.SentAt is not null || m.Attempts > 0, TimeSpan.FromSeconds(15))).Should().ContainSingle().Subject;
        row.LastError.Should().BeNull();
        row.SentAt.Should().NotBeNull();
        row.Attempts.Should().Be(1);
        var sent = MailsAbout($"Convocatie Dagelijks bestuur {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}").Should().ContainSingle().Subject;
        var ics = sent.Attachments.OfType<MimePart>().Should().ContainSingle(a => a.FileName == "uitnodiging.ics").Subject;
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var text = Encoding.UTF8.GetString(content.ToArray());
        AssertInvitation(text, date.ToDateTime(new TimeOnly(9, 15)), TimeSpan.FromHours(2));
        var invitation = Ical.Net.Calendar.Load(text)!.Events.Single();
        invitation.Sequence.Should().Be(2);
        invitation.Description.Should().Be("Agenda:\n1. Meerjarenbegroting (bespreekstuk)");
    }

    [Fact]
    public async Task An_agendering_notice_before_the_convocation_is_handled_without_a_mail_to_anyone()
    {
        // One invitation per meeting (ADR 24): the item waits for the convocation, which carries the whole agenda.
        var notification = new NotificationMail
        {
            NotificationKind = "agendering",
            Subject = "Geagendeerd: Omgevingsvisie",
            To = [new MailRecipient(null, "Anna de Vries", "anna.devries@example.org"), new MailRecipient(null, "Piet Bos", "piet.bos@example.org")],
            Meeting = Meeting(new DateOnly(RealYear + 1, 3, 4), "10:00"),
            Proposal = new MailProposal("Omgevingsvisie"),
        };
        var payload = JsonSerializer.SerializeToNode(notification)!.AsObject();

        var ids = await host.Services.GetRequiredService<IOutbox>().EnqueueAsync([new OutboxEntry(MeldingActivity.OutboxKind, payload, "voorstel-omgevingsvisie")], CancellationToken.None);

        var row = (await host.WaitForOutboxAsync(ids, m => m.SentAt is not null || m.Attempts > 0, TimeSpan.FromSeconds(15))).Should().ContainSingle().Subject;
        row.LastError.Should().BeNull();
        row.SentAt.Should().NotBeNull("the notice is handled: the convocation will carry the item");
        MailsAbout("Geagendeerd: Omgevingsvisie").Should().BeEmpty("a member gets one invitation per meeting, not a mail per item");
    }

    /// <summary>The mails in the pickup folder with this subject; the folder appears with the first mail delivered.</summary>
    private List<MimeMessage> MailsAbout(string subject) => Directory.Exists(host.PickupFolder)
        ? Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.Subject == subject).ToList()
        : [];

    private static MeetingInvitation.Details Details(DateOnly date, string time) =>
        new($"db-{date:yyyyMMdd}", "Dagelijks bestuur", date, TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture), "Kantoor SamenDrenthe, Assen",
            ["Regionaal preventieplan (bespreekstuk)"], 0);

    private static JsonObject Meeting(DateOnly date, string time) => new()
    {
        ["id"] = $"db-{date:yyyyMMdd}",
        ["orgaan"] = "db",
        ["orgaanNaam"] = "Dagelijks bestuur",
        ["datum"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tijd"] = time,
        ["plaats"] = "Kantoor SamenDrenthe, Assen",
    };

    /// <summary>
    /// The event starts at the meeting's local time in Europe/Amsterdam, and the VTIMEZONE sent along gives that local
    /// time the right UTC offset: some onset of its STANDARD or DAYLIGHT rules lies on or before the meeting.
    /// </summary>
    private static void AssertInvitation(string text, DateTime start, TimeSpan offset)
    {
        text.Should().Contain($"DTSTART;TZID=Europe/Amsterdam:{start:yyyyMMdd'T'HHmmss}");
        var calendar = Ical.Net.Calendar.Load(text)!;
        var invitation = calendar.Events.Should().ContainSingle().Subject;
        invitation.Start!.TzId.Should().Be("Europe/Amsterdam");
        invitation.Start.Value.Should().Be(start);

        var zone = calendar.TimeZones.Should().ContainSingle().Subject;
        zone.TzId.Should().Be("Europe/Amsterdam");
        zone.TimeZoneInfos.Select(i => i.Name).Should().BeEquivalentTo(["STANDARD", "DAYLIGHT"]);
        OffsetAt(zone, start).Should().Be(offset, "the VTIMEZONE must cover {0:yyyy-MM-dd}", start);
    }

    /// <summary>The UTC offset the VTIMEZONE's own rules give a local time: that of the last onset before it.</summary>
    private static TimeSpan? OffsetAt(VTimeZone zone, DateTime local)
    {
        var onsets = new List<(DateTime At, TimeSpan Offset)>();
        foreach (var info in zone.TimeZoneInfos)
        {
            var first = info.Start!.Value;
            var offset = info.OffsetTo!.Offset;
            onsets.Add((first, offset));
            if (info.RecurrenceRule is { } rule)
            {
                rule.Frequency.Should().Be(Ical.Net.FrequencyType.Yearly);
                var weekday = rule.ByDay.Should().ContainSingle().Subject;
                for (var year = first.Year + 1; year <= local.Year; year++)
                {
                    var at = Nth(year, rule.ByMonth.Should().ContainSingle().Subject, weekday).ToDateTime(TimeOnly.FromDateTime(first));
                    if (rule.Until is { } until && at > until.Value)
                    {
                        break;
                    }

                    onsets.Add((at, offset));
                }
            }
        }

        var before = onsets.Where(o => o.At <= local).ToList();
        return before.Count == 0 ? null : before.MaxBy(o => o.At).Offset;
    }

    private static DateOnly Nth(int year, int month, WeekDay weekday)
    {
        var days = Enumerable.Range(1, DateTime.DaysInMonth(year, month)).Select(d => new DateOnly(year, month, d))
            .Where(d => d.DayOfWeek == weekday.DayOfWeek).ToList();
        var n = weekday.Offset ?? 1;
        return n > 0 ? days[n - 1] : days[^-n];
    }
}
