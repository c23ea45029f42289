using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance;

public sealed class LegalCheckTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddActivities(new ConfigurationBuilder().Build()).BuildServiceProvider();
    private static readonly GovernanceModel Governance = GovernanceSeed.Parse(DemoGovernance.Json());
    private static LegalCheck Check => Services.GetRequiredService<LegalCheck>();

    private static Jaarkalender Calendar(Action<JsonArray>? change = null)
    {
        var seed = JsonNode.Parse(JaarkalenderSeed.DemoJson())!.AsObject();
        change?.Invoke(seed["meetings"]!.AsArray());
        return JaarkalenderSeed.Parse(seed.ToJsonString(), Governance, Services.GetRequiredService<DeadlineCalculator>());
    }

    [Fact]
    public void The_demo_calendar_fits_the_begroting_periods_of_2026()
    {
        // AB adopts on Wednesday 9 September 2026; the DB answers the zienswijzen on 26 August. 26 August - 12 weeks =
        // Wednesday 3 June 2026, and 3 June + 12 weeks ends on 26 August: so the DB of 20 May sends the ontwerpbegroting.
        // To GS: the earlier of 23 September (2 weeks) and 14 September ("vóór 15 september").
        var check = Check.Begroting(Calendar(), 2026);

        check.Warnings.Should().BeEmpty();
        check.Adoption!.Date.Should().Be(new DateOnly(2026, 9, 9));
        check.ReactionMeeting!.Date.Should().Be(new DateOnly(2026, 8, 26));
        check.LatestDispatch!.Date.Should().Be(new DateOnly(2026, 6, 3));
        check.DispatchMeeting!.Date.Should().Be(new DateOnly(2026, 5, 20));
        check.ToGedeputeerdeStaten!.Date.Should().Be(new DateOnly(2026, 9, 14));
        check.ToGedeputeerdeStaten.Rule.Should().Be("vóór 15 september naar Gedeputeerde Staten");
        check.KadersMeeting!.Date.Should().Be(new DateOnly(2026, 3, 25));
        check.KadersDeadline.Display.Should().Be("uiterlijk 29 april 2026 (art. 34b Wgr: vóór 30 april naar de raden)");
    }

    [Fact]
    public void Without_a_db_meeting_before_30_april_the_check_warns_that_the_kaderbrief_and_voorlopige_jaarrekening_come_too_late()
    {
        // The DB of 25 March 2026 moves to 6 May: the one of 11 February is then the last before 30 April.
        var moved = Calendar(meetings => meetings.First(m => m!["id"]!.GetValue<string>() == "db-2026-03-25")!["date"] = "2026-05-06");
        Check.Begroting(moved, 2026).KadersMeeting!.Date.Should().Be(new DateOnly(2026, 2, 11));

        // Without both, nothing before 30 April is left.
        var calendar = Calendar(meetings =>
        {
            foreach (var early in meetings.Where(m => m!["body"]!.GetValue<string>() == "db" && string.CompareOrdinal(m["date"]!.GetValue<string>(), "2026-04-29") <= 0).ToList())
            {
                meetings.Remove(early);
            }
        });

        var check = Check.Begroting(calendar, 2026);

        check.KadersMeeting.Should().BeNull();
        check.Warnings.Should().ContainSingle().Which.Should().Contain("art. 34b Wgr").And.Contain("29 april 2026").And.Contain("vóór 30 april");
    }

    [Fact]
    public void Without_a_db_meeting_in_time_to_send_the_ontwerpbegroting_the_check_warns()
    {
        var calendar = Calendar(meetings =>
        {
            foreach (var early in meetings.Where(m => m!["body"]!.GetValue<string>() == "db" && string.CompareOrdinal(m["date"]!.GetValue<string>(), "2026-06-03") <= 0).ToList())
            {
                meetings.Remove(early);
            }
        });

        var check = Check.Begroting(calendar, 2026);

        // Without DB meetings before June, neither the ontwerpbegroting (art. 35) nor the kaderbrief (art. 34b) fits.
        check.Warnings.Should().HaveCount(2);
        check.Warnings[0].Should().Contain("art. 34b Wgr");
        check.Warnings[1].Should().Contain("art. 35 lid 3 Wgr").And.Contain("3 juni 2026");
        check.DispatchMeeting.Should().BeNull();
    }

    [Fact]
    public void An_adoption_after_14_september_is_warned_about_the_gs_deadline()
    {
        var calendar = Calendar(meetings => meetings.First(m => m!["id"]!.GetValue<string>() == "ab-2026-09-09")!["date"] = "2026-09-30");

        var check = Check.Begroting(calendar, 2026);

        check.Warnings.Should().ContainSingle().Which.Should().Contain("art. 34 lid 2 Wgr").And.Contain("30 september 2026");
    }

    [Fact]
    public void A_year_without_an_ab_meeting_for_the_begroting_is_warned_about()
    {
        // 2028 has no meetings at all: neither a DB before 30 April (art. 34b Wgr) nor an AB for the begroting.
        var warnings = Check.Begroting(Calendar(), 2028).Warnings;

        warnings.Should().HaveCount(2);
        warnings[0].Should().Contain("art. 34b Wgr");
        warnings[1].Should().Contain("algemeen bestuur").And.Contain("2028");
    }
}
