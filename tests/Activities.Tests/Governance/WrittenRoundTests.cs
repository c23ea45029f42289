using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>
/// Meeting or in writing: the per-body setting of the reglement, the one rule that says where a written round may be
/// held, the shipped route that carries both ways, the tally of a round and the working-day end of a reglement's period.
/// </summary>
public sealed class WrittenRoundTests
{
    private static readonly GovernanceModel Demo = GovernanceSeed.Parse(DemoGovernance.Json());

    private static readonly WorkflowDefinitionModel Voorstel =
        DefinitionParser.Parse(File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json")));

    private static Body Body(string id) => Demo.FindBody(id)!;

    [Fact]
    public void The_demo_reglementen_let_the_BACs_and_the_DB_act_in_writing_and_not_the_AB()
    {
        Demo.Bodies.Where(b => b.WrittenRounds).Select(b => b.Id).Should().BeEquivalentTo("bac-pg", "bac-zv", "db");
    }

    [Fact]
    public void The_setting_survives_writing_the_model_back_and_a_body_without_it_does_not_allow_written_rounds()
    {
        var again = GovernanceSeed.Parse(GovernanceSeedWriter.Serialize(Demo));
        again.Bodies.Select(b => (b.Id, b.WrittenRounds)).Should().Equal(Demo.Bodies.Select(b => (b.Id, b.WrittenRounds)));
        JsonNode.Parse(GovernanceSeedWriter.Serialize(Demo))!["bodies"]!.AsArray().Count(b => b!["writtenRounds"] is not null).Should().Be(3, "only where it is on");

        var seed = JsonNode.Parse(DemoGovernance.Json())!.AsObject();
        seed["bodies"]!.AsArray().Single(b => b!["id"]!.GetValue<string>() == "db")!.AsObject().Remove("writtenRounds");
        var without = GovernanceSeed.Parse(seed.ToJsonString());
        WrittenRoundRule.For(without.FindBody("db")!, "beleidsvoorstel").Should().Be(new WrittenRoundVerdict(false,
            "Het reglement van orde van het dagelijks bestuur staat schriftelijk besluiten niet toe; dat gebeurt in een vergadering."));
    }

    [Theory]
    [InlineData("bac-pg", "beleidsvoorstel", true, "Het reglement van orde van de BAC Publieke Gezondheid staat schriftelijk adviseren toe.")]
    [InlineData("db", "beleidsvoorstel", true, "Het reglement van orde van het dagelijks bestuur staat schriftelijk besluiten toe.")]
    [InlineData("db", "viermaandsrapportage", true, "Het reglement van orde van het dagelijks bestuur staat schriftelijk besluiten toe.")]
    [InlineData("ab", "beleidsvoorstel", false, "Het algemeen bestuur besluit in een vergadering: zijn vergaderingen zijn openbaar (art. 22 Wgr). Schriftelijk besluiten kan het niet.")]
    [InlineData("db", "begroting", false, "Over een (ontwerp)begroting wordt nooit schriftelijk besloten: de raden geven er een zienswijze op en het algemeen bestuur stelt haar in een openbare vergadering vast (art. 35 Wgr).")]
    [InlineData("db", "begrotingswijziging", false, "Over een begrotingswijziging wordt nooit schriftelijk besloten: zij volgt de procedure van de begroting (art. 35 Wgr).")]
    [InlineData("db", "jaarrekening", false, "Over een jaarrekening wordt nooit schriftelijk besloten: het algemeen bestuur stelt haar in een openbare vergadering vast en zendt haar aan Gedeputeerde Staten (art. 34 Wgr).")]
    [InlineData("db", "jaarrapportage", false, "Over een jaarrapportage wordt nooit schriftelijk besloten: zij draagt de jaarrekening, die het algemeen bestuur in een openbare vergadering vaststelt (art. 34 Wgr).")]
    [InlineData("bac-zv", "wijzigingRegeling", false, "Over een wijziging van de regeling wordt nooit schriftelijk besloten: de raden geven er een zienswijze op en de colleges besluiten met toestemming van hun raad (art. 1 Wgr).")]
    public void The_rule_says_for_a_body_and_a_kind_whether_a_written_round_is_allowed_and_why(string body, string kind, bool allowed, string reason)
    {
        WrittenRoundRule.For(Body(body), kind).Should().Be(new WrittenRoundVerdict(allowed, reason));
    }

    [Fact]
    public void The_AB_never_decides_in_writing_even_when_its_reglement_would_say_so()
    {
        WrittenRoundRule.For(Body("ab") with { WrittenRounds = true }, "beleidsvoorstel").Allowed.Should().BeFalse();
    }

    [Fact]
    public void A_period_a_reglement_sets_moves_to_the_next_working_day_and_names_the_reglement_not_the_atw()
    {
        // Saturday 2 January 2027 + 1 week = Saturday 9 January: moves to Monday 11 January, by the reglement.
        var deadline = ActivityServices.Deadlines().PeriodAfter(new DateOnly(2027, 1, 2), IsoDuration.Parse("P1W"), "schriftelijke ronde van 1 week",
            VotingActivity.ReglementVanOrde, atwApplies: false, movesToWorkingDay: true);

        deadline.Date.Should().Be(new DateOnly(2027, 1, 11));
        deadline.Display.Should().Be("uiterlijk 11 januari 2027 (reglement van orde: schriftelijke ronde van 1 week; verschoven van 9 januari 2027 (zaterdag) naar de eerstvolgende werkdag (reglement van orde))");
        deadline.Display.Should().NotContain("Atw");
    }

    [Fact]
    public void The_shipped_route_with_written_advice_and_decision_passes_no_BAC_or_DB_meeting_in_either_model()
    {
        // Start Thursday 1 October 2026, ready 15 October. The BAC advises in writing within a week: Thursday 22 October;
        // the DB decides in writing within a week: Thursday 29 October. The AB of 9 December 2026 (documents by 25
        // November) decides. Without BACs the same, without the BAC's week.
        var comparison = Compare(new
        {
            titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", wijzeBac = "schriftelijk", wijzeDb = "schriftelijk",
        }, new DateOnly(2026, 10, 1));

        foreach (var route in new[] { comparison.MetBacs, comparison.ZonderBacs })
        {
            route.Meetings.Select(m => m.Id).Should().Equal("ab-2026-12-09");
            route.Steps.Select(s => s.ActivityId).Should().NotContain(["agendeerBac", "agendeerDb"]);
            route.DecisionDate.Should().Be(new DateOnly(2026, 12, 9));
        }

        comparison.MetBacs.Steps.Single(s => s.ActivityId == "advies").Deadline.Should().Be("uiterlijk 22 oktober 2026 (reglement van orde: schriftelijke ronde van 1 week)");
        comparison.MetBacs.Steps.Single(s => s.ActivityId == "besluitDb").Deadline.Should().Be("uiterlijk 29 oktober 2026 (reglement van orde: schriftelijke ronde van 1 week)");
        comparison.ZonderBacs.Steps.Should().NotContain(s => s.ActivityId == "advies");
    }

    [Fact]
    public void The_shipped_route_with_meetings_still_schedules_the_BAC_and_the_DB()
    {
        var route = Compare(new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", wijzeBac = "vergadering" }, new DateOnly(2026, 10, 1)).MetBacs;

        route.Meetings.Select(m => m.Id).Should().Equal("bac-pg-2026-11-11", "db-2027-01-20", "ab-2027-04-14");
        route.Steps.Select(s => s.ActivityId).Should().Contain(["agendeerBac", "agendeerDb"]);
    }

    [Fact]
    public void The_tally_counts_every_choice_and_knows_each_seat_s_own_choice_and_text()
    {
        var state = new JsonObject
        {
            ["fase"] = "schriftelijk",
            ["zetels"] = new JsonArray("a", "b", "c", "d", "e"),
            ["stemmen"] = new JsonObject
            {
                ["a"] = new JsonObject { ["naam"] = "Anna", ["keuze"] = "positief", ["toelichting"] = "Eens." },
                ["c"] = new JsonObject { ["naam"] = "Cor", ["keuze"] = "negatief", ["toelichting"] = null },
            },
        };

        var tally = WrittenRoundTally.Read(state, AdviesActivity.Declared.Request(VotingActivity.VoteBookmark)!.Choices)!;

        tally.Summary.Should().Be("2 van 5 hebben gekozen");
        tally.Counts.Should().Be("1 positief, 0 positief met kanttekeningen, 1 negatief, 0 onthouding; 3 nog niet");
        tally.Of("a").Should().Be(new WrittenVote("a", "Anna", "positief", "Eens."));
        tally.Of("b").Should().BeNull();
        WrittenRoundTally.Read(new JsonObject { ["fase"] = "vergadering" }, []).Should().BeNull("a meeting has no written round");
    }

    private static ModelComparison Compare(object input, DateOnly start)
    {
        var deadlines = ActivityServices.Deadlines();
        var snapshot = ActivityServices.Demo(deadlines, JaarkalenderSeed.DemoJson());
        using var services = ActivityServices.Build(snapshot);
        return services.GetRequiredService<RouteSimulator>()
            .Compare(Voorstel, System.Text.Json.JsonSerializer.SerializeToNode(input)!.AsObject(), start, snapshot);
    }
}
