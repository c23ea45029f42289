using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>
/// The governance route through the API of the real host: the shipped definitions are imported at start-up, a
/// refused answer is a 422 that stores nothing, open requests are addressed to people, and the simulation compares
/// both governance models on the stored jaarkalender.
/// </summary>
public sealed class GovernanceRouteApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_shipped_definitions_for_both_models_are_published_at_start_up()
    {
        using var client = host.Secretary();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/definitions");

        var ids = list.EnumerateArray().Select(d => d.GetProperty("definitionId").GetString()).ToList();
        ids.Should().Contain(["voorstel", "wijziging-regeling", "zvhd-jaarplan", "netwerktafel-thema"]);
    }

    [Fact]
    public async Task A_refused_answer_is_a_422_with_the_reason_and_the_request_stays_open()
    {
        using var client = host.Secretary();
        using var started = await client.PostAsJsonAsync("/api/definitions/voorstel/instances",
            new { input = new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = summary.GetProperty("instanceId").GetString()!;
        var bookmark = summary.GetProperty("bookmarks").EnumerateArray().Single();
        bookmark.GetProperty("name").GetString().Should().Be("Voorbereiding");
        var bookmarkId = bookmark.GetProperty("id").GetString()!;

        using var refused = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = new { uitkomst = "herzien" } });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be("Geef bij 'Herzien' een toelichting: wat moet er anders?");
        var instance = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        instance.GetProperty("bookmarks").EnumerateArray().Single().GetProperty("id").GetString().Should().Be(bookmarkId);
        instance.GetProperty("journal").EnumerateArray().Should().NotContain(j => j.GetProperty("kind").GetString() == "BookmarkResumed");

        using var unknown = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = new { uitkomst = "klaar" } });
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be("'klaar' is geen mogelijk antwoord. Kies Gereed of Herzien (in een koppeling: 'uitkomst' met gereed of herzien).");
    }

    [Fact]
    public async Task The_open_requests_of_an_instance_name_the_people_who_must_answer()
    {
        using var client = host.Secretary();
        using var started = await client.PostAsJsonAsync("/api/definitions/voorstel/instances",
            new { input = new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" } });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;

        var requests = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/requests");

        var request = requests.EnumerateArray().Should().ContainSingle().Subject;
        request.GetProperty("activityId").GetString().Should().Be("voorbereiding");
        request.GetProperty("askedOf").GetString().Should().Be("Ambtelijke voorbereidingsgroep Publieke Gezondheid");
        request.GetProperty("addressees").EnumerateArray().Select(a => a.GetProperty("email").GetString())
            .Should().Contain("carla.visser@samendrenthe.example.org").And.HaveCount(5);
        (await client.GetAsync("/api/instances/bestaat-niet/requests")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_simulation_compares_both_models_on_the_stored_jaarkalender()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync("/api/simulations", new
        {
            definitionId = "voorstel",
            start = "2026-10-01",
            input = new { pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var comparison = await response.Content.ReadFromJsonAsync<JsonElement>();
        comparison.GetProperty("metBacs").GetProperty("decisionDate").GetString().Should().Be("2027-04-14");
        comparison.GetProperty("zonderBacs").GetProperty("decisionDate").GetString().Should().Be("2026-12-09");
        comparison.GetProperty("extraDaysWithBacs").GetInt32().Should().Be(126);
        comparison.GetProperty("zonderBacs").GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetString())
            .Should().Equal("db-2026-11-18", "ab-2026-12-09");
    }

    [Fact]
    public async Task A_simulated_step_without_a_title_reads_as_a_placeholder_and_no_text_shows_undefined_or_an_ISO_date_or_period()
    {
        // The shipped route with two steps whose title the process owner left empty, simulated without a proposal title.
        var id = Definitions.UniqueId("zonder-titel");
        using var owner = host.ProcessOwner();
        var definition = JsonNode.Parse(await owner.GetStringAsync("/api/definitions/voorstel/versions/1"))!.AsObject();
        definition["definitionId"] = id;
        foreach (var activity in definition["root"]!["activities"]!.AsArray().OfType<JsonObject>().Where(a => a["id"]!.GetValue<string>() is "voorbereiding" or "besluitBekend"))
        {
            activity.Remove("displayName");
        }

        await host.SaveAsync(definition.ToJsonString());
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync("/api/simulations", new
        {
            definitionId = id,
            start = "2026-10-01",
            input = new { pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var comparison = await response.Content.ReadFromJsonAsync<JsonElement>();
        var route = comparison.GetProperty("metBacs");
        route.GetProperty("decisionText").GetString().Should().Be("14 april 2027");
        var steps = route.GetProperty("steps").EnumerateArray().ToList();
        var preparation = steps.Single(s => s.GetProperty("activityId").GetString() == "voorbereiding");
        preparation.GetProperty("title").GetString().Should().Be("Stap zonder titel (Ambtelijke voorbereiding)");
        preparation.GetProperty("description").GetString().Should().EndWith("(verwachte doorlooptijd 2 weken)");
        var announced = steps.Single(s => s.GetProperty("activityId").GetString() == "besluitBekend");
        announced.GetProperty("title").GetString().Should().Be("Stap zonder titel (Melding)");
        announced.GetProperty("description").GetString().Should().Be("Melding: Besluit algemeen bestuur: (zonder titel)");
        steps.Single(s => s.GetProperty("activityId").GetString() == "besluitAb").GetProperty("title").GetString().Should().Be("Algemeen bestuur");

        foreach (var step in comparison.GetProperty("metBacs").GetProperty("steps").EnumerateArray().Concat(comparison.GetProperty("zonderBacs").GetProperty("steps").EnumerateArray()))
        {
            var read = new List<string?> { step.GetProperty("title").GetString(), step.GetProperty("dateText").GetString(), step.GetProperty("description").GetString() };
            read.AddRange(step.GetProperty("skipped").EnumerateArray().Select(x => x.GetString()));
            if (step.GetProperty("deadline").ValueKind == JsonValueKind.String)
            {
                read.Add(step.GetProperty("deadline").GetString());
            }

            if (step.GetProperty("meeting") is { ValueKind: JsonValueKind.Object } meeting)
            {
                read.Add(meeting.GetProperty("dateText").GetString());
                read.Add(meeting.GetProperty("documentsDeadline").GetString());
            }

            read.Should().AllSatisfy(text => text.Should().NotBeNullOrWhiteSpace()
                .And.NotMatchRegex(@"undefined|\bnull\b|NaN|\d{4}-\d{2}-\d{2}|\bP(\d+[YMWD])+\b|\bPT\d+[HMS]\b", "step {0} is read by people", step.GetProperty("activityId").GetString()));
        }
    }

    [Theory]
    [InlineData("""{ "definitionId": "voorstel", "input": { "soort": "begroting", "pijler": "PubliekeGezondheid" } }""", 400, "Geef 'definitionId' en 'start' (jjjj-mm-dd) op.")]
    [InlineData("""{ "definitionId": "voorstel", "start": "2027-01-06", "input": { "pijler": "PubliekeGezondheid" } }""", 400, "Voor de simulatie is nodig: soort.")]
    [InlineData("""{ "definitionId": "bestaat-niet", "start": "2027-01-06" }""", 404, "Er is geen gepubliceerde definitie 'bestaat-niet'.")]
    [InlineData("""{ "definitionId": "voorstel", "start": "2027-12-01", "input": { "soort": "beleidsvoorstel", "pijler": "PubliekeGezondheid" } }""", 422, null)]
    public async Task A_simulation_that_cannot_be_made_is_a_problem_with_a_Dutch_reason(string body, int status, string? detail)
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/simulations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (detail is not null)
        {
            problem.GetProperty("detail").GetString().Should().Be(detail);
        }
        else
        {
            problem.GetProperty("detail").GetString().Should().Contain("geen vergadering van");
        }
    }

    [Fact]
    public async Task A_simulation_with_an_impossible_start_date_is_a_400()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/simulations",
            new StringContent("""{ "definitionId": "voorstel", "start": "2027-02-30" }""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
