using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Designer;

/// <summary>
/// The designer's pages (<c>/Ontwerper</c> and <c>/Ontwerper/{definitionId}</c>) without a browser: only process
/// owners and admins open them; a secretary is refused and an anonymous visitor is sent to the login page.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DesignerPagesTests(HostFixture host)
{
    private const string Password = "Ontwerp-Wachtwoord-2026!";

    [Theory]
    [InlineData("/Ontwerper", "%2FOntwerper")]
    [InlineData("/Ontwerper/voorstel", "%2FOntwerper%2Fvoorstel")]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page(string path, string returnUrl)
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"http://localhost/Account/Login?ReturnUrl={returnUrl}");
    }

    [Theory]
    [InlineData("/Ontwerper")]
    [InlineData("/Ontwerper/voorstel")]
    public async Task A_signed_in_secretary_is_shown_access_denied(string path)
    {
        using var secretary = await host.SignInAsync(await CreateUserAsync(Roles.Secretary), Password);

        using var response = await secretary.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        using var denied = await secretary.GetAsync(response.Headers.Location);
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).Should().Contain("Geen toegang").And.NotContain("data-definition-id");
    }

    [Theory]
    [InlineData("/Ontwerper")]
    [InlineData("/Ontwerper/voorstel")]
    public async Task A_secretary_with_an_api_key_gets_403(string path)
    {
        using var secretary = host.Secretary();

        using var response = await secretary.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_process_owner_sees_the_routes_and_the_route_page_that_mounts_the_designer()
    {
        using var owner = await host.SignInAsync(await CreateUserAsync(Roles.ProcessOwner), Password);

        var list = await owner.GetStringAsync("/Ontwerper");
        list.Should().Contain("<h1>Ontwerper</h1>").And.Contain("<tr data-definition-id=\"voorstel\">").And.Contain("href=\"/Ontwerper/voorstel\"");

        var route = await owner.GetStringAsync("/Ontwerper/voorstel");
        route.Should().MatchRegex("<div id=\"ontwerper\" data-definition-id=\"voorstel\" data-beheerder=\"nee\" data-csrf-token=\"[^\"]+\">")
            .And.Contain("Route ontwerpen: Voorstel aan het algemeen bestuur")
            .And.MatchRegex("<script type=\"module\" src=\"/designer/designer\\.js(\\?v=[^\"]+)?\"></script>");

        // The lists the property panel picks from: bodies, members by name and role, meetings; no e-mail address.
        var lists = System.Text.RegularExpressions.Regex.Match(route, "<script type=\"application/json\" id=\"ontwerper-keuzelijsten\">(.*?)</script>").Groups[1].Value;
        var parsed = System.Text.Json.Nodes.JsonNode.Parse(lists)!;
        parsed["bodies"]!.AsArray().Should().Contain(b => b!["id"]!.GetValue<string>() == "db");
        parsed["members"]!.AsArray().Should().Contain(m => m!["role"]!.GetValue<string>() == "portefeuillehouder");
        lists.Should().NotContain("@").And.NotContain("email");
    }

    [Fact]
    public async Task The_route_page_gives_the_designer_the_token_its_changes_need()
    {
        using var owner = await host.SignInAsync(await CreateUserAsync(Roles.ProcessOwner), Password);
        var route = await owner.GetStringAsync("/Ontwerper/voorstel");
        var token = WebUtility.HtmlDecode(Regex.Match(route, "data-csrf-token=\"(?<token>[^\"]+)\"").Groups["token"].Value);
        var definitionId = $"geen-concept-{Guid.NewGuid():N}";

        using var without = await owner.DeleteAsync($"/api/definitions/{definitionId}/draft");
        without.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a change through the cookie without the token is refused");

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/definitions/{definitionId}/draft");
        request.Headers.Add(ApiRequestGuard.TokenHeader, token);
        using var with = await owner.SendAsync(request);
        with.StatusCode.Should().Be(HttpStatusCode.NotFound, "with the page's token the call reaches the designer's API, which has no such draft");
    }

    private async Task<string> CreateUserAsync(string role) =>
        await host.WithScopeAsync(async services =>
        {
            var email = $"{role}-{Guid.NewGuid():N}@samendrenthe.example.org";
            var users = services.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            return email;
        });
}
