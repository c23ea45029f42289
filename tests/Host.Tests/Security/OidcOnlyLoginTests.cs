using System.Net;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>With <c>Security:Oidc:LocalLogin=false</c> the provider is the only way in: no password form, no password POST.</summary>
public sealed class OidcOnlyLoginTests(OidcOnlyLoginFixture fixture) : IClassFixture<OidcOnlyLoginFixture>
{
    [Fact]
    public async Task The_login_page_shows_only_the_providers_button()
    {
        using var client = fixture.Host.Anonymous();

        var html = await client.GetStringAsync("/Account/Login");

        html.Should().Contain($">{OidcHostFixture.ButtonText}</button>")
            .And.NotContain("Input_Password")
            .And.NotContain("Of met uw wachtwoord");
    }

    [Fact]
    public async Task A_password_post_is_refused_even_with_the_right_password_and_gives_no_session()
    {
        using var client = fixture.Host.Anonymous();

        using var response = await HostFixture.PostLoginFormAsync(client, HostFixture.AdminEmail, HostFixture.AdminPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Should().NotContain(h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("AdviesRoute.Sessie=", StringComparison.Ordinal)));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain($"<li>Inloggen met een wachtwoord staat uit. Gebruik de knop '{OidcHostFixture.ButtonText}'.</li>")
            .And.NotContain("Input_Password");
        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_first_administrator_gets_in_through_the_provider_by_the_configured_email()
    {
        using var browser = fixture.Browser(HostFixture.AdminEmail);

        using var response = await browser.SignInThroughProviderAsync("/Beheer/Accounts");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain(">Accounts en rollen</h1>").And.Contain($"Aangemeld als <strong>{HostFixture.AdminEmail}</strong>");
        browser.HasSession.Should().BeTrue();
    }
}
