using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Activities.Tests.Governance.Proposals;

/// <summary>A route's start input is written and read typed, under the keys the routes' expressions and stored instances use.</summary>
public sealed class ProposalInputTests
{
    [Fact]
    public void A_started_proposal_stores_every_key_the_routes_read_also_an_empty_one()
    {
        var input = new ProposalInput
        {
            Title = "Preventieakkoord Drenthe",
            Pillar = "PubliekeGezondheid",
            Kind = "beleidsvoorstel",
            Holder = new ProposalHolder("m031", "Hendrik Smit"),
            GovernanceModel = "metBacs",
            CollegeReturn = false,
            Documents = [],
        };

        input.ToJson().ToJsonString().Should().Be(
            """{"titel":"Preventieakkoord Drenthe","pijler":"PubliekeGezondheid","soort":"beleidsvoorstel","samenvatting":null,"portefeuillehouder":{"lid":"m031","naam":"Hendrik Smit"},"gewensteVergadering":null,"bestuursmodel":"metBacs","terugkoppelingColleges":false,"documenten":[]}""");
    }

    [Fact]
    public void An_input_given_through_the_API_reads_a_value_of_another_type_or_a_blank_one_as_not_given()
    {
        var input = ProposalInput.Read(JsonNode.Parse("""{"titel":42,"soort":" ","pijler":"ZorgEnVeiligheid","terugkoppelingColleges":"ja"}""")!.AsObject());

        input.Title.Should().BeNull();
        input.TitleOrUntitled.Should().Be("(zonder titel)");
        input.Kind.Should().BeNull();
        input.Pillar.Should().Be("ZorgEnVeiligheid");
        input.CollegeReturn.Should().BeNull();
    }
}
