using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance;

public sealed class JaarkalenderTests
{
    private static readonly GovernanceModel Governance = GovernanceSeed.Parse(DemoGovernance.Json());

    private static readonly DeadlineCalculator Deadlines =
        new ServiceCollection().AddActivities(new ConfigurationBuilder().Build()).BuildServiceProvider().GetRequiredService<DeadlineCalculator>();

    private static Jaarkalender Demo => JaarkalenderSeed.Parse(JaarkalenderSeed.DemoJson(), Governance, Deadlines);

    [Fact]
    public void The_demo_jaarkalender_holds_the_known_meetings_of_2026()
    {
        var known = Demo.Meetings.Select(m => $"{m.Body} {m.Date:yyyy-MM-dd}").ToList();

        known.Should().Contain(["db 2026-02-11", "db 2026-03-25", "ab 2026-04-15", "ab 2026-07-01"]);
        Demo.MeetingsOf("ab").Should().HaveCount(12, "six AB meetings a year, 2026 and 2027");
    }

    [Fact]
    public void A_documents_deadline_is_ten_working_days_before_the_meeting_past_the_easter_holidays()
    {
        // Back from Wednesday 15 April 2026: 14, 13, 10, 9, 8, 7 April (6 = Tweede Paasdag, 3 = Goede Vrijdag), 2, 1 April, 31, 30 March.
        var ab = Demo.Meetings.Single(m => m.Id == "ab-2026-04-15");

        ab.DocumentsDeadline.Date.Should().Be(new DateOnly(2026, 3, 30));
        ab.DocumentsDeadline.Display.Should().Be("uiterlijk 30 maart 2026 (reglement van orde: stukken 10 werkdagen vóór de vergadering)");
    }

    [Fact]
    public void The_ics_feed_of_a_body_has_each_meeting_with_a_stable_uid_in_amsterdam_time()
    {
        var ab = Governance.Bodies.Single(b => b.Id == "ab");

        var ics = JaarkalenderIcs.For(ab, Demo, TimeSpan.FromHours(2));
        var parsed = Ical.Net.Calendar.Load(ics)!;

        parsed.Events.Should().HaveCount(12);
        var first = parsed.Events.OrderBy(e => e.Start!.Value).First();
        first.Uid.Should().Be("ab-2026-04-15@adviesroute");
        first.Start!.TzId.Should().Be("Europe/Amsterdam");
        first.Start.Value.Should().Be(new DateTime(2026, 4, 15, 19, 30, 0));
        first.Description.Should().Contain("Stukken: uiterlijk 30 maart 2026");
        ics.Should().Contain("X-WR-CALNAME:Algemeen bestuur (jaarkalender)");

        // The time zone carries its summer and winter rules (RFC 5545 3.6.5), not a bare TZID.
        var zone = parsed.TimeZones.Should().ContainSingle().Subject;
        zone.TzId.Should().Be("Europe/Amsterdam");
        ics.Should().Contain("BEGIN:DAYLIGHT").And.Contain("TZOFFSETTO:+0200").And.Contain("BEGIN:STANDARD").And.Contain("TZOFFSETTO:+0100");
    }

    [Fact]
    public void The_ics_feed_of_a_year_far_ahead_of_the_real_clock_is_made_with_rules_that_cover_its_meetings()
    {
        // Ical.Net reads the machine's real clock when it writes a time zone; a first meeting more than a year after it
        // made the feed throw. The meetings lie five years after the real date, in winter and in summer.
        var year = DateTime.UtcNow.Year + 5;
        var ab = Governance.Bodies.Single(b => b.Id == "ab");
        var far = new Jaarkalender(
            [Demo.Meetings[0] with { Id = "ab-ver-winter", Body = "ab", Date = new DateOnly(year, 1, 14), Time = new TimeOnly(19, 30) },
             Demo.Meetings[0] with { Id = "ab-ver-zomer", Body = "ab", Date = new DateOnly(year, 7, 8), Time = new TimeOnly(19, 30) }], []);

        var parsed = Ical.Net.Calendar.Load(JaarkalenderIcs.For(ab, far, TimeSpan.FromHours(2)))!;

        parsed.TimeZones.Should().ContainSingle().Which.TzId.Should().Be("Europe/Amsterdam");
        var events = parsed.Events.OrderBy(e => e.Start!.Value).ToList();
        events.Select(e => e.Start!.Value).Should().Equal(new DateTime(year, 1, 14, 19, 30, 0), new DateTime(year, 7, 8, 19, 30, 0));
        events.Select(e => e.Start!.AsUtc).Should().Equal(new DateTime(year, 1, 14, 18, 30, 0, DateTimeKind.Utc), new DateTime(year, 7, 8, 17, 30, 0, DateTimeKind.Utc));
    }

    private static string Broken(Action<JsonObject> change)
    {
        var seed = JsonNode.Parse(JaarkalenderSeed.DemoJson())!.AsObject();
        change(seed);
        return seed.ToJsonString();
    }

    [Theory]
    [InlineData("date", "2026-02-30", "$.meetings[0].date")]
    [InlineData("body", "raad-groningen", "$.meetings[0].body")]
    [InlineData("time", "25:00", "$.meetings[0].time")]
    public void A_calendar_with_an_impossible_value_or_an_unknown_body_is_refused(string field, string value, string path)
    {
        var json = Broken(s => s["meetings"]![0]![field] = value);

        var parse = () => JaarkalenderSeed.Parse(json, Governance, Deadlines);

        parse.Should().Throw<GovernanceSeedException>().Which.Errors.Should().ContainSingle(e => e.Path == path);
    }
}
