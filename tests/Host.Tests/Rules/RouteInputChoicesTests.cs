using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Host.Tests.Rules;

/// <summary>
/// The voorstel route declares its choices; the start form offers its own lists. They must not disagree, and the API
/// refuses a start with a value outside the declared choices.
/// </summary>
public sealed class RouteInputChoicesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static WorkflowDefinitionModel Voorstel() =>
        DefinitionParser.Parse(File.ReadAllText(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json")));

    private static List<(string Value, string Label)> Declared(string input) =>
        Voorstel().Inputs.Single(i => i.Name == input).Choices!.Select(c => (c.Value, c.Label)).ToList();

    [Fact]
    public void The_start_form_offers_exactly_the_kinds_and_pillars_the_voorstel_route_declares()
    {
        ProposalChoices.Soorten.Should().Equal(Declared("soort"));
        ProposalChoices.Pijlers.Should().Equal(Declared("pijler"));
        ProposalChoices.Bestuursmodellen.Select(b => b.Value).Should().Equal(Declared("bestuursmodel").Select(b => b.Value));
    }

    [Fact]
    public void Every_form_value_the_start_form_can_send_is_accepted_by_the_route()
    {
        var model = Voorstel();
        foreach (var (name, values) in new[]
        {
            ("soort", ProposalChoices.Soorten.Select(s => s.Value)),
            ("pijler", ProposalChoices.Pijlers.Select(s => s.Value)),
            ("bestuursmodel", ProposalChoices.Bestuursmodellen.Select(s => s.Value)),
            ("wijzeBac", new[] { "vergadering", "schriftelijk" }),
            ("wijzeDb", new[] { "vergadering", "schriftelijk" }),
        })
        {
            var declared = model.Inputs.Single(i => i.Name == name);
            foreach (var value in values)
            {
                RouteInputCheck.Problem(declared, System.Text.Json.Nodes.JsonValue.Create(value)).Should().BeNull("the form may send {0} = {1}", name, value);
            }
        }
    }

    [Fact]
    public async Task Starting_a_voorstel_with_a_pillar_outside_its_choices_is_a_422_naming_the_input_and_its_labels()
    {
        using var client = host.Secretary();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/instances?definitionId=voorstel")).ToString();

        using var response = await client.PostAsJsonAsync("/api/definitions/voorstel/instances",
            new { input = new { titel = "Preventieakkoord", pijler = "Gezondheid", soort = "beleidsvoorstel" } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("‘Pijler’ kan alleen ‘Publieke Gezondheid’ of ‘Zorg en Veiligheid’ zijn, niet ‘Gezondheid’.");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle();
        (await client.GetFromJsonAsync<JsonElement>("/api/instances?definitionId=voorstel")).ToString().Should().Be(before, "nothing was started");
    }
}
