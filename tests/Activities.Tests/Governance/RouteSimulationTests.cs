using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>
/// The route simulation on the shipped "voorstel" definition and the demo jaarkalender 2026-2027. Documents are due
/// 10 working days before each meeting; every expected date is worked out in the comments.
/// </summary>
public sealed class RouteSimulationTests
{
    private static readonly WorkflowDefinitionModel Voorstel =
        DefinitionParser.Parse(File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json")));

    private static ModelComparison Compare(object input, DateOnly start, string? withoutMeeting = null)
    {
        var deadlines = ActivityServices.Deadlines();
        var calendar = JsonNode.Parse(JaarkalenderSeed.DemoJson())!;
        if (withoutMeeting is not null)
        {
            var meetings = calendar["meetings"]!.AsArray();
            meetings.Remove(meetings.Single(m => m!["id"]!.GetValue<string>() == withoutMeeting));
        }

        var snapshot = ActivityServices.Demo(deadlines, calendar.ToJsonString());
        using var services = ActivityServices.Build(snapshot);
        return services.GetRequiredService<RouteSimulator>()
            .Compare(Voorstel, System.Text.Json.JsonSerializer.SerializeToNode(input)!.AsObject(), start, snapshot);
    }

    [Fact]
    public void Begroting_started_6_January_2027_is_decided_by_the_AB_on_7_July_with_a_missed_DB_a_double_holiday_shift_and_the_DB_adopting_the_reactions()
    {
        // Start Wednesday 6 January 2027; preparation takes its expected 2 weeks: ready Wednesday 20 January.
        // The DB of 20 January wanted its documents by 6 January: missed. The next DB is 10 February (documents by
        // 27 January). The DB sends the draft on 10 February; 12 weeks later is Wednesday 5 May 2027, Bevrijdingsdag,
        // and Thursday 6 May is Hemelvaartsdag, so the councils' period ends Friday 7 May (art. 1 lid 1 Atw).
        // The DB adopts its reactions to the zienswijzen before they go to the councils and the AB (art. 35 lid 3 Wgr):
        // the DB of 19 May wanted documents by 5 May, missed, so the DB of 16 June. The AB of 23 June wanted documents
        // by 9 June: missed; the AB of 7 July (documents by 23 June) decides. Follow-up to GS: the earlier of 21 July
        // (2 weeks) and 14 September.
        var comparison = Compare(new { titel = "Begroting 2028", pijler = "PubliekeGezondheid", soort = "begroting" }, new DateOnly(2027, 1, 6));
        var route = comparison.MetBacs;

        route.DecisionDate.Should().Be(new DateOnly(2027, 7, 7));
        route.Meetings.Select(m => m.Id).Should().Equal("db-2027-02-10", "db-2027-06-16", "ab-2027-07-07");
        route.Steps.Single(s => s.ActivityId == "voorbereiding").Date.Should().Be(new DateOnly(2027, 1, 20));
        route.Steps.Single(s => s.ActivityId == "agendeerDb").Skipped.Should().ContainSingle()
            .Which.Should().Contain("20 januari 2027 gemist").And.Contain("6 januari 2027");
        route.Steps.Single(s => s.ActivityId == "zienswijzenronde").Deadline.Should().Be(
            "uiterlijk 7 mei 2027 (art. 35 lid 3 Wgr: 12 weken na verzending; verschoven van 5 mei 2027 (Bevrijdingsdag) naar de eerstvolgende werkdag (art. 1 lid 1 Atw))");
        route.Steps.Single(s => s.ActivityId == "agendeerDbReacties").Skipped.Should().ContainSingle().Which.Should().Contain("19 mei 2027 gemist");
        route.Steps.Single(s => s.ActivityId == "nazorgBegroting").Deadline.Should().Be("uiterlijk 21 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)");
        route.LeadTimeDays.Should().Be(182);

        // The P&C cycle passes no BAC (seed 002, 3.1), so for the begroting both models take the same route.
        comparison.ZonderBacs.DecisionDate.Should().Be(new DateOnly(2027, 7, 7));
        comparison.ZonderBacs.Meetings.Select(m => m.Id).Should().Equal("db-2027-02-10", "db-2027-06-16", "ab-2027-07-07");
        comparison.ExtraDaysWithBacs.Should().Be(0);
    }

    [Fact]
    public void Removing_the_DB_of_10_February_moves_the_begroting_to_the_AB_of_8_September()
    {
        // Without the DB of 10 February the next DB after 20 January is 24 March (documents by 10 March). 12 weeks after
        // 24 March is Wednesday 16 June, a working day. The DB that adopts the reactions: 16 June wanted documents by
        // 2 June, missed, so 25 August; then the AB of 8 September (documents by 25 August) decides, still before
        // 15 September (art. 34 lid 2 Wgr).
        var route = Compare(new { titel = "Begroting 2028", pijler = "PubliekeGezondheid", soort = "begroting" }, new DateOnly(2027, 1, 6),
            withoutMeeting: "db-2027-02-10").MetBacs;

        route.DecisionDate.Should().Be(new DateOnly(2027, 9, 8));
        route.Meetings.Select(m => m.Id).Should().Equal("db-2027-03-24", "db-2027-08-25", "ab-2027-09-08");
        route.Steps.Single(s => s.ActivityId == "zienswijzenronde").Deadline.Should().Be("uiterlijk 16 juni 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)");
    }

    [Fact]
    public void A_beleidsvoorstel_costs_one_meeting_and_126_days_more_in_the_model_with_BACs()
    {
        // Start Thursday 1 October 2026, ready 15 October.
        // With BACs: the BAC PG of 11 November (documents by 28 October) advises. The DB of 18 November wanted its
        // documents by 4 November: missed; the DB of 20 January 2027 (documents by 6 January) decides to send it on;
        // the AB of 14 April 2027 (documents by 31 March) decides.
        // Without BACs: the DB of 18 November (documents by 4 November), then the AB of 9 December 2026 (documents by
        // 25 November). 9 December 2026 to 14 April 2027 is 126 days.
        var comparison = Compare(new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" }, new DateOnly(2026, 10, 1));

        comparison.MetBacs.DecisionDate.Should().Be(new DateOnly(2027, 4, 14));
        comparison.MetBacs.Meetings.Select(m => m.Id).Should().Equal("bac-pg-2026-11-11", "db-2027-01-20", "ab-2027-04-14");
        comparison.ZonderBacs.DecisionDate.Should().Be(new DateOnly(2026, 12, 9));
        comparison.ZonderBacs.Meetings.Select(m => m.Id).Should().Equal("db-2026-11-18", "ab-2026-12-09");
        comparison.ExtraDaysWithBacs.Should().Be(126);
        comparison.ExtraMeetingsWithBacs.Should().Be(1);
        comparison.ZonderBacs.Steps.Single(s => s.ActivityId == "agendeerAb").Description.Should().Contain("9 december 2026");
    }

    [Fact]
    public void The_simulation_marks_voorlopige_jaarstukken_that_a_late_DB_sends_after_29_April_as_too_late_for_art_34b()
    {
        // Started 1 February 2027: ready 15 February, the DB of 24 March (documents by 10 March) sends the voorlopige
        // jaarstukken, in time for "vóór 30 april".
        const string Art34b = "uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)";
        var inTime = Compare(new { titel = "Jaarrekening 2026", pijler = "PubliekeGezondheid", soort = "jaarrekening" }, new DateOnly(2027, 2, 1)).MetBacs;
        var sent = inTime.Steps.Single(s => s.ActivityId == "voorlopigeJaarrekening");
        sent.Date.Should().Be(new DateOnly(2027, 3, 24));
        sent.Deadline.Should().Be(Art34b);
        sent.Description.Should().NotContain("te laat");

        // Started 1 April: ready 15 April, the DB of 24 March has passed, the next is 19 May: too late.
        var late = Compare(new { titel = "Jaarrekening 2026", pijler = "PubliekeGezondheid", soort = "jaarrekening" }, new DateOnly(2027, 4, 1)).MetBacs;
        var lateStep = late.Steps.Single(s => s.ActivityId == "voorlopigeJaarrekening");
        lateStep.Date.Should().Be(new DateOnly(2027, 5, 19));
        lateStep.Description.Should().Be($"Melding: Voorlopige jaarstukken: Jaarrekening 2026 (te laat: {Art34b})");
    }

    [Fact]
    public void A_route_beyond_the_calendar_is_refused_with_the_body_and_the_date()
    {
        var act = () => Compare(new { titel = "Te laat", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" }, new DateOnly(2027, 12, 1));

        act.Should().Throw<SimulationException>().WithMessage("*geen vergadering van*");
    }
}
