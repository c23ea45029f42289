using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdviesRoute.Host.Api.Errors;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>
/// Every error of the API is RFC 7807 problem details with the status code the engine's exception means. Each case
/// is produced by the real engine on a host of its own (so the stored counts below belong to these tests alone),
/// and a refused request leaves nothing behind.
/// </summary>
public sealed class ProblemDetailsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string NotFound = "Niet gevonden";
    private const string WrongState = "Kan niet in deze toestand";
    private const string InvalidRequest = "Ongeldig verzoek";

    [Fact]
    public async Task Starting_a_definition_that_does_not_exist_is_a_404_and_stores_nothing()
    {
        var definitionId = Definitions.UniqueId("onbekend");
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });

        await ProblemAsync(response, 404, NotFound, $"Er is geen gepubliceerde definitie '{definitionId}'.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Starting_a_version_that_does_not_exist_is_a_404_and_stores_nothing()
    {
        var definitionId = Definitions.UniqueId("versie");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { version = 3 });

        await ProblemAsync(response, 404, NotFound, $"Definitie '{definitionId}' versie 3 bestaat niet.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Starting_without_a_required_input_is_a_422_naming_it_and_stores_nothing()
    {
        var definitionId = Definitions.UniqueId("invoer");
        await host.SaveAsync(Definitions.RequiresTitle(definitionId));
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { termijn = "P2W" } });

        await ProblemAsync(response, 422, "Ongeldige invoer", "‘Titel’ is verplicht; vul het in.");
        (await StoredAsync()).Should().Be(before);
        (await InstancesOfAsync(definitionId)).Should().Be(0);
    }

    [Fact]
    public async Task Resuming_a_bookmark_the_instance_does_not_have_is_a_404_and_changes_nothing()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalThenEnd);
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/bestaat-niet/resume", new { input = "akkoord" });

        await ProblemAsync(response, 404, NotFound, $"Bladwijzer bestaat-niet bestaat niet (meer) bij instantie {instanceId}.");
        (await StoredAsync()).Should().Be(before);
        var instance = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        instance.GetProperty("status").GetString().Should().Be("Suspended");
        instance.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetProperty("id").GetString()).Should().Equal(bookmarkId);
    }

    [Fact]
    public async Task Resuming_on_an_instance_that_does_not_exist_is_a_404()
    {
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync("/api/instances/bestaat-niet/bookmarks/bm-1/resume", new { });

        await ProblemAsync(response, 404, NotFound, "Instantie bestaat-niet bestaat niet.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Resuming_the_bookmark_of_a_finished_instance_is_a_409_and_changes_nothing()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalThenEnd);
        using (var finishing = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = "akkoord" }))
        {
            (await finishing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Finished");
        }

        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = "nogmaals" });

        await ProblemAsync(response, 409, WrongState, $"Instantie {instanceId} is afgerond en kan niet verder.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Resuming_the_bookmark_of_a_cancelled_instance_is_a_409_and_changes_nothing()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalThenTwelveWeeks);
        using (var cancelling = await client.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "Ingetrokken" }))
        {
            (await cancelling.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Cancelled");
        }

        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = "akkoord" });

        await ProblemAsync(response, 409, WrongState, $"Instantie {instanceId} is geannuleerd en kan niet verder.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Cancelling_a_finished_instance_is_a_409_and_changes_nothing()
    {
        using var client = host.Secretary();
        var definitionId = Definitions.UniqueId("klaar");
        await host.SaveAsync(Definitions.RequiresTitle(definitionId));
        using var started = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Begroting 2027" } });
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("status").GetString().Should().Be("Finished");
        var instanceId = summary.GetProperty("instanceId").GetString()!;
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "Te laat" });

        await ProblemAsync(response, 409, WrongState, $"Instantie {instanceId} is afgerond en kan niet verder.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Cancelling_an_instance_that_does_not_exist_is_a_404()
    {
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsJsonAsync("/api/instances/bestaat-niet/cancel", new { });

        await ProblemAsync(response, 404, NotFound, "Instantie bestaat-niet bestaat niet.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Retrying_an_incident_the_instance_does_not_have_is_a_404_and_changes_nothing()
    {
        using var client = host.Secretary();
        var (instanceId, _) = await StartWaitingAsync(client, Definitions.ApprovalThenEnd);
        var before = await StoredAsync();

        using var response = await client.PostAsync($"/api/instances/{instanceId}/incidents/bestaat-niet/retry", content: null);

        await ProblemAsync(response, 404, NotFound, $"Incident bestaat-niet is niet open bij instantie {instanceId}.");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Retrying_an_incident_on_an_instance_that_does_not_exist_is_a_404()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/instances/bestaat-niet/incidents/inc-1/retry", content: null);

        await ProblemAsync(response, 404, NotFound, "Instantie bestaat-niet bestaat niet.");
    }

    [Fact]
    public async Task Reading_an_instance_that_does_not_exist_is_a_404()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances/bestaat-niet");

        await ProblemAsync(response, 404, NotFound, "Instantie bestaat-niet bestaat niet.");
    }

    [Fact]
    public async Task Reading_a_definition_version_that_does_not_exist_is_a_404()
    {
        using var client = host.ProcessOwner();

        using var response = await client.GetAsync("/api/definitions/bestaat-niet/versions/3");

        await ProblemAsync(response, 404, NotFound, "Definitie bestaat-niet versie 3 bestaat niet.");
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_for_an_authenticated_caller()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/bestaat-niet");

        await ProblemAsync(response, 404);
    }

    [Fact]
    public async Task Malformed_request_json_is_a_400_and_starts_nothing()
    {
        var definitionId = Definitions.UniqueId("kapot");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsync($"/api/definitions/{definitionId}/instances", Json("{ \"input\": "));

        await ProblemAsync(response, 400, "Ongeldige JSON", "De JSON in het verzoek is ongeldig (bij $.input, regel 1, positie 12).");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_a_400_and_starts_nothing()
    {
        var definitionId = Definitions.UniqueId("vorm");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var client = host.Secretary();
        var before = await StoredAsync();

        using var response = await client.PostAsync($"/api/definitions/{definitionId}/instances", Json("{ \"input\": [1, 2] }"));

        await ProblemAsync(response, 400, "Ongeldige JSON", "De JSON in het verzoek is ongeldig (bij $.input, regel 1, positie 13).");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_unreadable_query_value_is_a_400_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances?pageSize=veel");

        await ProblemAsync(response, 400, InvalidRequest);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "pageSize ligt tussen 1 en 200.")]
    [InlineData("pageSize=201", "pageSize", "pageSize ligt tussen 1 en 200.")]
    [InlineData("after=niet-van-ons", "after", "De cursor is ongeldig; vraag de eerste pagina opnieuw op.")]
    [InlineData("status=Zwevend", "status", "Onbekende status 'Zwevend'; kies uit Running, Suspended, Finished, Faulted, Cancelled.")]
    public async Task A_query_value_the_list_cannot_use_is_a_validation_problem_naming_the_field(string query, string field, string message)
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync($"/api/instances?{query}");

        var problem = await ProblemAsync(response, 400, InvalidRequest);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal(field);
        errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()).Should().Equal(message);
    }

    [Fact]
    public async Task A_definition_the_validator_rejects_is_a_400_listing_each_error_with_path_code_and_message()
    {
        var definitionId = Definitions.UniqueId("ongeldig");
        var rejected = await RejectedAsync(Definitions.WithUnknownActivityType(definitionId));

        var problem = await HandleAsync(rejected);

        (await DefinitionsOfAsync(definitionId)).Should().Be(0, "a rejected definition stores nothing");
        problem.GetProperty("title").GetString().Should().Be("Ongeldige definitie");
        problem.GetProperty("detail").GetString().Should().Be("De definitie is afgekeurd; zie errors.");
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("path").GetString().Should().Be("$.root.activities[1].type");
        error.GetProperty("code").GetString().Should().Be(ValidationCodes.UnknownActivityType);
        error.GetProperty("message").GetString().Should().Be("Stap 2 is van een onbekende soort: ‘Vergadering’.", "a step without a name or a known kind reads by its place, never its id");
    }

    [Fact]
    public async Task A_definition_that_is_not_a_definition_document_is_a_400_pointing_at_line_and_position()
    {
        var definitionId = Definitions.UniqueId("geenlijst");
        var rejected = await RejectedAsync(Definitions.WithActivitiesNotAList(definitionId));

        var problem = await HandleAsync(rejected);

        (await DefinitionsOfAsync(definitionId)).Should().Be(0, "a rejected definition stores nothing");
        problem.GetProperty("title").GetString().Should().Be("Ongeldige definitie");
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("path").GetString().Should().Be("$.root.activities");
        error.GetProperty("code").GetString().Should().Be(ValidationCodes.MalformedJson);
        error.GetProperty("message").GetString().Should().Be(
            "Ongeldige JSON op regel 5, positie 20: de waarde bij $.root.activities heeft niet het juiste type; verwacht een lijst.");
        error.GetProperty("line").GetInt32().Should().Be(5);
        error.GetProperty("position").GetInt32().Should().Be(20);
    }

    /// <summary>What the engine's tables hold, as stored; a refused request must leave it as it was.</summary>
    private sealed record Stored(int Instances, long Revisions, int Timers, int Journal, int Incidents, int Outbox);

    private async Task<Stored> StoredAsync() => new(
        (int)await host.ScalarAsync("""SELECT COUNT(*) FROM "WorkflowInstances" """),
        await host.ScalarAsync("""SELECT COALESCE(SUM("Revision"), 0) FROM "WorkflowInstances" """),
        (int)await host.ScalarAsync("""SELECT COUNT(*) FROM "Timers" """),
        (int)await host.ScalarAsync("""SELECT COUNT(*) FROM "Journal" """),
        (int)await host.ScalarAsync("""SELECT COUNT(*) FROM "Incidents" """),
        (int)await host.ScalarAsync("""SELECT COUNT(*) FROM "Outbox" """));

    private async Task<int> InstancesOfAsync(string definitionId) =>
        (await host.InstancesAsync(new InstanceQuery { DefinitionId = definitionId })).Count;

    private Task<int> DefinitionsOfAsync(string definitionId) =>
        host.ReadAsync(async reader => (await reader.ListDefinitionVersionsAsync(definitionId)).Count);

    /// <summary>Stores a definition and starts it through the API; returns the instance and the bookmark it waits at.</summary>
    private async Task<(string InstanceId, string BookmarkId)> StartWaitingAsync(HttpClient client, Func<string, string> definition)
    {
        var definitionId = Definitions.UniqueId("wacht");
        await host.SaveAsync(definition(definitionId));
        using var started = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("status").GetString().Should().Be("Suspended");
        var bookmark = summary.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        return (summary.GetProperty("instanceId").GetString()!, bookmark.GetProperty("id").GetString()!);
    }

    /// <summary>The exception the real definition store throws for <paramref name="json"/>.</summary>
    private async Task<DefinitionValidationException> RejectedAsync(string json)
    {
        var save = () => host.SaveAsync(json);
        return (await save.Should().ThrowAsync<DefinitionValidationException>()).Which;
    }

    /// <summary>
    /// Lets the host's own <see cref="WorkflowExceptionHandler"/> answer <paramref name="exception"/>, as it does for
    /// a request that failed with it, and returns the problem it wrote.
    /// </summary>
    private async Task<JsonElement> HandleAsync(Exception exception)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<WorkflowExceptionHandler>().Should().ContainSingle().Subject;
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/definitions";
        context.Response.Body = body;

        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).Should().BeTrue();

        context.Response.StatusCode.Should().Be(400);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        var problem = JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be(400);
        return problem;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string? title = null, string? detail = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be(status);
        if (title is not null)
        {
            problem.GetProperty("title").GetString().Should().Be(title, body);
        }

        if (detail is not null)
        {
            problem.GetProperty("detail").GetString().Should().Be(detail, body);
        }

        return problem;
    }
}
