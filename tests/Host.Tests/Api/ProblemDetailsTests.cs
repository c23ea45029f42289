using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>Every error of the API is RFC 7807 problem details with the status code the engine's exception means.</summary>
public sealed class ProblemDetailsTests(FakeRuntimeHostFixture host) : IClassFixture<FakeRuntimeHostFixture>
{
    [Theory]
    [InlineData("/api/definitions/" + FakeWorkflowRuntime.Missing + "/instances", 404, "Niet gevonden")]
    [InlineData("/api/definitions/" + FakeWorkflowRuntime.NeedsInput + "/instances", 400, "Ongeldige invoer")]
    [InlineData("/api/instances/" + FakeWorkflowRuntime.Missing + "/bookmarks/bm-1/resume", 404, "Niet gevonden")]
    [InlineData("/api/instances/inst-1/bookmarks/" + FakeWorkflowRuntime.GoneBookmark + "/resume", 404, "Niet gevonden")]
    [InlineData("/api/instances/" + FakeWorkflowRuntime.Finished + "/bookmarks/bm-1/resume", 409, "Kan niet in deze toestand")]
    [InlineData("/api/instances/" + FakeWorkflowRuntime.Finished + "/cancel", 409, "Kan niet in deze toestand")]
    [InlineData("/api/instances/inst-1/incidents/" + FakeWorkflowRuntime.Missing + "/retry", 404, "Niet gevonden")]
    public async Task Engine_exceptions_become_problem_details_with_their_status(string path, int status, string title)
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync(path, new { });

        var problem = await ProblemAsync(response, status);
        problem.GetProperty("title").GetString().Should().Be(title);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_rejected_definition_lists_each_error_with_path_code_message_line_and_position()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync($"/api/definitions/{FakeWorkflowRuntime.Invalid}/instances", new { });

        var problem = await ProblemAsync(response, 400);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("path").GetString().Should().Be("$.root.activities[1].type");
        error.GetProperty("code").GetString().Should().Be("UnknownActivityType");
        error.GetProperty("message").GetString().Should().Be("Onbekend activiteittype 'Vergadering'.");
        error.GetProperty("line").GetInt32().Should().Be(7);
        error.GetProperty("position").GetInt32().Should().Be(15);
    }

    [Fact]
    public async Task Malformed_request_json_is_a_400_problem()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/definitions/voorstel/instances", new StringContent("{ \"input\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, 400);
        problem.GetProperty("title").GetString().Should().Be("Ongeldige JSON");
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_a_400_problem()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/definitions/voorstel/instances", new StringContent("{ \"input\": [1, 2] }", Encoding.UTF8, "application/json"));

        await ProblemAsync(response, 400);
    }

    [Fact]
    public async Task An_unreadable_query_value_is_a_400_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances?pageSize=veel");

        await ProblemAsync(response, 400);
    }

    [Fact]
    public async Task A_page_size_above_the_maximum_is_a_validation_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances?pageSize=201");

        var problem = await ProblemAsync(response, 400);
        problem.GetProperty("errors").GetProperty("pageSize").EnumerateArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_cursor_the_api_did_not_give_out_is_a_validation_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances?after=niet-van-ons");

        var problem = await ProblemAsync(response, 400);
        problem.GetProperty("errors").GetProperty("after").EnumerateArray().Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_validation_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances?status=Zwevend");

        await ProblemAsync(response, 400);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_for_an_authenticated_caller()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/bestaat-niet");

        await ProblemAsync(response, 404);
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_is_a_404_problem()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances/bestaat-niet");

        await ProblemAsync(response, 404);
    }

    [Fact]
    public async Task A_definition_version_that_does_not_exist_is_a_404_problem()
    {
        using var client = host.ProcessOwner();

        using var response = await client.GetAsync("/api/definitions/bestaat-niet/versions/3");

        await ProblemAsync(response, 404);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be(status);
        return problem;
    }
}
