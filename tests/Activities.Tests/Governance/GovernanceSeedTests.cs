using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Voting;

namespace AdviesRoute.Activities.Tests.Governance;

public sealed class GovernanceSeedTests
{
    private static readonly GovernanceModel Demo = GovernanceSeed.Parse(DemoGovernance.Json());

    [Fact]
    public void The_demo_governance_has_the_twelve_municipalities_and_their_councils_and_colleges()
    {
        Demo.Municipalities.Select(m => m.Name).Should().Equal(
            "Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden", "De Wolden", "Emmen",
            "Hoogeveen", "Meppel", "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld");
        Demo.Bodies.Count(b => b.Kind == BodyKind.Gemeenteraad).Should().Be(12);
        Demo.Bodies.Count(b => b.Kind == BodyKind.College).Should().Be(12);
        Demo.Members.Should().OnlyContain(m => m.Email.EndsWith(".example.org", StringComparison.Ordinal), "demo people are fictional");
    }

    [Fact]
    public void Each_bac_has_a_wethouder_of_every_municipality_and_the_bac_zorg_en_veiligheid_counts_per_municipality()
    {
        var day = new DateOnly(2026, 9, 1);
        foreach (var bac in new[] { "bac-pg", "bac-zv" })
        {
            Demo.MembersOf(bac, day).Where(m => m.Role == MemberRole.Portefeuillehouder).Select(m => m.Municipality)
                .Should().BeEquivalentTo(Demo.Municipalities.Select(m => m.Id));
        }

        Demo.Bodies.Single(b => b.Id == "bac-zv").VoteCounting.Should().Be(VoteCounting.PerMunicipality);
        Demo.MembersOf("bac-zv", day).Count().Should().Be(14, "12 wethouders and two burgemeesters");
    }

    [Fact]
    public void The_ab_changes_members_on_1_july_2026_and_each_new_member_has_a_substitute()
    {
        var before = Demo.MembersOf("ab", new DateOnly(2026, 6, 30)).ToList();
        var after = Demo.MembersOf("ab", new DateOnly(2026, 7, 1)).ToList();

        before.Should().HaveCount(12);
        after.Where(m => m.SubstituteFor is null).Should().HaveCount(12);
        before.Select(m => m.Id).Should().NotIntersectWith(after.Select(m => m.Id), "the new colleges after the 2026 elections");
        after.Where(m => m.Role == MemberRole.Plaatsvervanger).Select(m => m.SubstituteFor)
            .Should().BeEquivalentTo(after.Where(m => m.SubstituteFor is null).Select(m => m.Id));
    }

    private static string Broken(Action<JsonObject> change)
    {
        var seed = JsonNode.Parse(DemoGovernance.Json())!.AsObject();
        change(seed);
        return seed.ToJsonString();
    }

    public static TheoryData<string, string, string> BadSeeds => new()
    {
        { "duplicate municipality", Broken(s => s["municipalities"]!.AsArray().Add(new JsonObject { ["id"] = "assen-2", ["name"] = "Assen" })), "$.municipalities[12]" },
        { "member without email", Broken(s => s["members"]![3]!.AsObject().Remove("email")), "$.members[3].email" },
        { "member of an unknown body", Broken(s => s["members"]![0]!["body"] = "bac-onbekend"), "$.members[0].body" },
        { "term ending before it starts", Broken(s => s["members"]![0]!["to"] = "2020-01-01"), "$.members[0].to" },
        { "council of an unknown municipality", Broken(s => s["bodies"]![9]!["municipality"] = "groningen"), "$.bodies[9].municipality" },
        { "absence ending before it starts", Broken(s => { s["members"]![0]!["absentFrom"] = "2026-10-10"; s["members"]![0]!["absentTo"] = "2026-10-01"; }), "$.members[0].absentTo" },
        { "absence without a start", Broken(s => s["members"]![0]!["absentTo"] = "2026-10-01"), "$.members[0].absentFrom" },
        { "substitute for someone of another body", Broken(s => s["members"]!.AsArray().First(m => m!["substituteFor"] is not null)!["substituteFor"] = "m001"), "substituteFor" },
    };

    [Theory]
    [MemberData(nameof(BadSeeds))]
    public void A_bad_governance_seed_is_refused_with_the_path_of_the_error(string why, string json, string path)
    {
        var parse = () => GovernanceSeed.Parse(json);

        parse.Should().Throw<GovernanceSeedException>(why).Which.Errors.Should().ContainSingle(e => e.Path.Contains(path));
    }

    [Fact]
    public void A_seed_with_an_impossible_date_is_refused_as_malformed()
    {
        var json = Broken(s => s["members"]![0]!["from"] = "2026-02-30");

        var parse = () => GovernanceSeed.Parse(json);

        parse.Should().Throw<GovernanceSeedException>().Which.Errors.Should().ContainSingle(e => e.Path == "$.members[0].from" && e.Code == "MalformedJson");
    }
}
