using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// The rules every <c>/api</c> request meets before its endpoint runs: a change made with the session cookie carries
/// the page's antiforgery token (an API key needs none), and a body is JSON.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ApiRequestGuardTests(HostFixture host)
{
    private const string RefusedDetail = "Het verzoek kwam niet aantoonbaar van een pagina van AdviesRoute en is niet uitgevoerd; er is niets gewijzigd. " +
        "Laad de pagina opnieuw en probeer het nog eens.";

    [Fact]
    public async Task A_start_through_the_session_cookie_without_the_token_is_refused_and_starts_nothing()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var admin = await host.SignInAsync();

        using var response = await admin.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Begroting 2027" } });

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, RefusedDetail);
        (await InstancesOfAsync(definitionId)).Should().Be(0);
    }

    [Fact]
    public async Task A_token_of_another_session_is_refused_too()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var other = await host.SignInAsync();
        var otherToken = await HostFixture.SessionTokenAsync(other);
        using var admin = await host.SignInAsync();
        admin.DefaultRequestHeaders.Add(ApiRequestGuard.TokenHeader, otherToken);

        using var response = await admin.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, RefusedDetail);
        (await InstancesOfAsync(definitionId)).Should().Be(0);
    }

    [Fact]
    public async Task With_the_session_token_the_same_start_works()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var admin = await host.SignInForApiAsync();

        using var response = await admin.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Begroting 2027" } });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await InstancesOfAsync(definitionId)).Should().Be(1);
    }

    [Fact]
    public async Task An_api_key_starts_without_a_token()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var secretary = host.Secretary();

        using var response = await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await InstancesOfAsync(definitionId)).Should().Be(1);
    }

    [Fact]
    public async Task A_draft_saved_and_discarded_through_the_cookie_without_the_token_changes_nothing()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var admin = await host.SignInAsync();
        var definition = JsonNode.Parse(Definitions.ApprovalThenEnd(definitionId))!;
        definition["name"] = "Gewijzigd door een andere site";

        using var saved = await admin.PutAsJsonAsync($"/api/definitions/{definitionId}/draft", new { revision = 0, definition });
        await ShouldBeProblemAsync(saved, HttpStatusCode.BadRequest, RefusedDetail);
        (await DraftsOfAsync(definitionId)).Should().Be(0);

        using var withToken = await host.SignInForApiAsync();
        using var stored = await withToken.PutAsJsonAsync($"/api/definitions/{definitionId}/draft", new { revision = 0, definition });
        stored.StatusCode.Should().Be(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        using var discarded = await admin.DeleteAsync($"/api/definitions/{definitionId}/draft");
        await ShouldBeProblemAsync(discarded, HttpStatusCode.BadRequest, RefusedDetail);
        (await DraftsOfAsync(definitionId)).Should().Be(1, "the draft stays when the discard is refused");
    }

    [Fact]
    public async Task A_form_posted_from_another_site_with_the_cookie_gets_415_and_changes_nothing()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var admin = await host.SignInAsync();

        using var response = await admin.PostAsync($"/api/definitions/{definitionId}/instances",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["input"] = "{}" }));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeDetail);
        (await InstancesOfAsync(definitionId)).Should().Be(0);
    }

    [Fact]
    public async Task A_definition_imported_as_plain_text_gets_415_and_no_draft()
    {
        var definitionId = Definitions.UniqueId("csrf");
        using var owner = host.ProcessOwner();

        using var response = await owner.PostAsync("/api/definitions/import", new StringContent(Definitions.ApprovalThenEnd(definitionId), Encoding.UTF8, "text/plain"));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeDetail);
        (await DraftsOfAsync(definitionId)).Should().Be(0);
        using var asJson = await owner.PostAsync("/api/definitions/import", new StringContent(Definitions.ApprovalThenEnd(definitionId), Encoding.UTF8, "application/json"));
        asJson.StatusCode.Should().Be(HttpStatusCode.OK, await asJson.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/governance")]
    [InlineData("/api/jaarkalender")]
    public async Task A_governance_document_sent_as_plain_text_gets_415_and_stores_nothing(string url)
    {
        using var owner = host.ProcessOwner();
        var current = await owner.GetFromJsonAsync<JsonElement>(url);
        var document = JsonNode.Parse(current.GetProperty("document").GetRawText())!.AsObject();
        if (url == "/api/governance")
        {
            document["members"]!.AsArray().Single(m => (string?)m!["id"] == "m002")!["email"] = "platte.tekst@example.org";
        }
        else
        {
            document["meetings"]!.AsArray().RemoveAt(0);
        }

        using var response = await owner.PutAsync(url, new StringContent(document.ToJsonString(), Encoding.UTF8, "text/plain"));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeDetail);
        (await owner.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt64().Should().Be(current.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_member_sent_as_plain_text_gets_415()
    {
        using var owner = host.ProcessOwner();
        var current = await owner.GetFromJsonAsync<JsonElement>("/api/governance");
        var member = current.GetProperty("document").GetProperty("members").EnumerateArray().First().GetRawText();

        using var response = await owner.PostAsync("/api/governance/members", new StringContent(member, Encoding.UTF8, "text/plain"));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeDetail);
        (await owner.GetFromJsonAsync<JsonElement>("/api/governance")).GetProperty("version").GetInt64().Should().Be(current.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_typed_body_as_plain_text_gets_the_same_415_problem_details()
    {
        using var secretary = host.Secretary();

        using var response = await secretary.PostAsync("/api/simulations", new StringContent("""{"definitionId":"voorstel"}""", Encoding.UTF8, "text/plain"));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeDetail);
    }

    [Fact]
    public async Task A_json_suffix_type_is_json()
    {
        var definitionId = Definitions.UniqueId("csrf");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId));
        using var secretary = host.Secretary();

        using var response = await secretary.PostAsync($"/api/definitions/{definitionId}/instances", new StringContent("{}", Encoding.UTF8, "application/vnd.adviesroute+json"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reading_through_the_cookie_needs_no_token()
    {
        using var admin = await host.SignInAsync();

        using var response = await admin.GetAsync("/api/definitions");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_names_the_token_header_and_the_415()
    {
        using var owner = host.ProcessOwner();

        var document = JsonNode.Parse(await owner.GetStringAsync("/openapi/v1.json"))!;

        document["info"]!["description"]!.GetValue<string>().Should().Contain(ApiRequestGuard.TokenHeader);
        document["paths"]!["/api/definitions/import"]!["post"]!["responses"]!.AsObject().Should().ContainKey("415");
        document["paths"]!["/api/governance"]!["put"]!["responses"]!.AsObject().Should().ContainKey("415");
        document["paths"]!["/api/governance"]!["get"]!["responses"]!.AsObject().Should().NotContainKey("415");
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        JsonNode.Parse(body)!["detail"]!.GetValue<string>().Should().Be(detail);
    }

    private async Task<int> InstancesOfAsync(string definitionId) =>
        (await host.InstancesAsync(new InstanceQuery { DefinitionId = definitionId })).Count;

    private Task<int> DraftsOfAsync(string definitionId) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().DefinitionDrafts.CountAsync(d => d.DefinitionId == definitionId));
}
