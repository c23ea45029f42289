using System.Net;
using System.Net.Http.Json;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// Sign-in through a real OpenID Connect provider (OpenIddict on a loopback port), with the password form still
/// beside it. The person is matched to a local account by verified e-mail; the session is that account's.
/// </summary>
public sealed class OidcLoginTests(OidcLoginFixture fixture) : IClassFixture<OidcLoginFixture>
{
    private OidcHostFixture Host => fixture.Host;

    [Fact]
    public async Task A_person_whose_email_matches_a_secretary_account_lands_on_the_secretary_page_signed_in_as_that_account()
    {
        await Host.CreateAccountAsync("secretaris.anna", "anna.bakker@samendrenthe.example", Roles.Secretary);
        using var browser = fixture.Browser("Anna.Bakker@SamenDrenthe.example");

        using var response = await browser.SignInThroughProviderAsync("/Voorstellen/Taken");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.PathAndQuery.Should().Be("/Voorstellen/Taken");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<h1>Mijn taken</h1>")
            .And.Contain("Aangemeld als <strong>secretaris.anna</strong>", "the session is the local account's, under its user name")
            .And.NotContain("Naam bij de organisatie");
        browser.HasSession.Should().BeTrue();

        // The way there: the provider was asked for a code with PKCE, and sent the person back with one.
        var authorize = browser.Visited.Single(u => u.AbsolutePath == "/connect/authorize");
        var query = QueryHelpers.ParseQuery(authorize.Query);
        query["response_type"].ToString().Should().Be("code");
        query["code_challenge_method"].ToString().Should().Be("S256");
        query["code_challenge"].ToString().Should().HaveLength(43);
        query["client_id"].ToString().Should().Be(TestIdentityProvider.ClientId);
        query["scope"].ToString().Split(' ').Should().BeEquivalentTo("openid", "email", "profile");
        query["redirect_uri"].ToString().Should().Be(TestIdentityProvider.RedirectUri);
        browser.Visited.Should().Contain(u => u.AbsolutePath == "/signin-oidc" && u.Query.Contains("code="));
        Host.Logs.Entries.Should().Contain(e => e.Message == "secretaris.anna is ingelogd via OIDC.");

        // The roles are the local account's: a secretary operates instances, but the provider's "admin" role claim
        // makes no administrator and no process owner.
        (await browser.Host.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.Host.GetAsync("/api/activity-types")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var accounts = await browser.Host.GetAsync("/Beheer/Accounts");
        accounts.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accounts.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task An_unknown_email_is_refused_with_a_dutch_message_on_the_login_page_and_gets_no_session()
    {
        using var browser = fixture.Browser("onbekend@samendrenthe.example");

        using var response = await browser.SignInThroughProviderAsync("/Voorstellen");

        await ShouldBeRefusedAsync(browser, response, "onbekend-account",
            "Er is geen account in AdviesRoute voor het e-mailadres van uw organisatie-account. Vraag de beheerder om een account.");
        response.RequestMessage!.RequestUri!.Query.Should().Contain("ReturnUrl=%2FVoorstellen", "a second try still goes where the person wanted");
        Host.Logs.Entries.Should().Contain(e => e.Message == "OIDC-aanmelding van onbekend@samendrenthe.example geweigerd: geen account met dit e-mailadres.");
    }

    [Fact]
    public async Task A_locked_out_account_is_refused_without_a_session()
    {
        await Host.CreateAccountAsync("geblokkeerd", "geblokkeerd@samendrenthe.example", Roles.Secretary, lockedOut: true);
        using var browser = fixture.Browser("geblokkeerd@samendrenthe.example");

        using var response = await browser.SignInThroughProviderAsync();

        await ShouldBeRefusedAsync(browser, response, "geblokkeerd", "Uw account is geblokkeerd. Probeer het later opnieuw of neem contact op met de beheerder.");
    }

    [Fact]
    public async Task An_email_the_provider_does_not_call_verified_is_refused_even_when_an_account_has_it()
    {
        await Host.CreateAccountAsync("niet.bevestigd", "niet.bevestigd@samendrenthe.example", Roles.Secretary);
        using var browser = fixture.Browser("niet.bevestigd@samendrenthe.example", emailVerified: false);

        using var response = await browser.SignInThroughProviderAsync();

        await ShouldBeRefusedAsync(browser, response, "email-niet-bevestigd",
            "Uw organisatie heeft uw e-mailadres niet als bevestigd doorgegeven. Neem contact op met de beheerder.");
    }

    [Fact]
    public async Task A_refusal_at_the_provider_brings_the_person_back_to_the_login_page_with_a_message()
    {
        await Host.CreateAccountAsync("geweigerd.idp", "geweigerd.idp@samendrenthe.example", Roles.Secretary);
        using var browser = fixture.Browser("geweigerd.idp@samendrenthe.example", deny: true);

        using var response = await browser.SignInThroughProviderAsync();

        browser.Visited.Should().Contain(u => u.AbsolutePath == "/signin-oidc" && u.Query.Contains("error=access_denied"));
        await ShouldBeRefusedAsync(browser, response, "mislukt", "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.");
    }

    [Fact]
    public async Task A_callback_that_no_sign_in_here_started_gets_the_login_page_not_an_exception_page()
    {
        using var browser = fixture.Browser("wie.dan.ook@samendrenthe.example");

        using var response = await browser.FollowAsync(await browser.Host.GetAsync("/signin-oidc?code=verzonnen&state=verzonnen"));

        await ShouldBeRefusedAsync(browser, response, "mislukt", "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.");
    }

    [Fact]
    public async Task Anonymous_api_calls_still_get_401_problem_details_and_pages_still_send_visitors_to_the_login_page()
    {
        using var client = Host.Anonymous();

        using var api = await client.GetAsync("/api/instances");
        using var page = await client.GetAsync("/Voorstellen");

        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        api.Headers.Location.Should().BeNull();
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.Content.ReadFromJsonAsync<Problem>())!.Title.Should().Be("Niet aangemeld");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Be("http://localhost/Account/Login?ReturnUrl=%2FVoorstellen", "not straight to the provider");
    }

    [Fact]
    public async Task The_login_page_offers_the_provider_beside_the_password_form_which_still_signs_in()
    {
        using var client = Host.Anonymous();

        var html = await client.GetStringAsync("/Account/Login");

        html.Should().Contain($"<button type=\"submit\" class=\"button button--primary utrecht-button utrecht-button--primary-action\">{OidcHostFixture.ButtonText}</button>")
            .And.Contain("<h2>Of met uw wachtwoord</h2>")
            .And.Contain("id=\"Input_Password\"");
        using var signedIn = await Host.SignInAsync();
        (await signedIn.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task ShouldBeRefusedAsync(OidcBrowser browser, HttpResponseMessage response, string code, string message)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");
        QueryHelpers.ParseQuery(response.RequestMessage.RequestUri.Query)["fout"].ToString().Should().Be(code);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("Inloggen is niet gelukt").And.Contain($"<li>{message}</li>");
        browser.HasSession.Should().BeFalse();
        (await browser.Host.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private sealed record Problem(string Title, int Status);
}
