using System.Net;
using System.Net.Http.Json;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

[Collection(HostCollection.Name)]
public sealed class PageAuthenticationTests(HostFixture host)
{
    [Fact]
    public async Task An_anonymous_visit_to_a_page_redirects_to_the_login_page()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("http://localhost/Account/Login?ReturnUrl=%2F");
    }

    [Fact]
    public async Task The_login_page_is_public_dutch_and_carries_an_antiforgery_token()
    {
        using var client = host.Anonymous();

        var html = await client.GetStringAsync("/Account/Login");

        html.Should().Contain("<html lang=\"nl\">").And.Contain("<h1>Inloggen</h1>").And.Contain("<label class=\"utrecht-form-label\" for=\"Input_Password\">Wachtwoord</label>");
        HostFixture.AntiforgeryToken(html).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_admin_signs_in_through_the_form_and_then_reads_the_api_with_the_cookie()
    {
        using var client = await host.SignInAsync();

        using var response = await client.GetAsync("/api/instances");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadFromJsonAsync<PageBody>();
        page!.Items.Should().NotBeNull();
    }

    [Fact]
    public async Task The_admin_lands_on_the_overview_of_the_installation_after_signing_in()
    {
        using var client = await host.SignInAsync();

        using var start = await client.GetAsync("/");

        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().Should().Be("/Beheer");
        (await client.GetStringAsync("/Beheer")).Should().Contain("<h1>Beheer</h1>").And.Contain("Accounts beheren");
    }

    [Fact]
    public async Task A_login_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = host.Anonymous();
        await client.GetStringAsync("/Account/Login");

        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = HostFixture.AdminEmail,
            ["Input.Password"] = HostFixture.AdminPassword,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_dutch_message_and_no_session()
    {
        using var client = host.Anonymous();

        using var response = await HostFixture.PostLoginFormAsync(client, HostFixture.AdminEmail, "niet-het-wachtwoord");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord.");
        using var api = await client.GetAsync("/api/instances");
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_refuse_even_the_right_one_from_there_with_the_same_message()
    {
        const string password = "Goed-Wachtwoord-123!";
        var userName = await CreateUserAsync("lockout@example.org", password, Roles.Secretary);
        using var client = host.Anonymous();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var _ = await HostFixture.PostLoginFormAsync(client, userName, "fout-wachtwoord");
        }

        using var response = await HostFixture.PostLoginFormAsync(client, userName, password);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a refused try stays on the login page");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord.")
            .And.NotContain("geblokkeerd");
        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_returns_to_a_local_page_but_never_to_another_site()
    {
        using var local = host.Anonymous();
        using var toLocal = await HostFixture.PostLoginFormAsync(local, HostFixture.AdminEmail, HostFixture.AdminPassword, "/Account/Logout");
        toLocal.Headers.Location!.ToString().Should().Be("/Account/Logout");

        using var other = host.Anonymous();
        using var toOther = await HostFixture.PostLoginFormAsync(other, HostFixture.AdminEmail, HostFixture.AdminPassword, "https://evil.example/");
        toOther.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task Logging_out_is_a_post_that_ends_the_session()
    {
        using var client = await host.SignInAsync();
        var page = await client.GetStringAsync("/Account/Logout");
        page.Should().Contain("Wilt u uitloggen?", "GET only asks; it does not sign out");
        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_without_the_right_role_is_shown_the_access_denied_page()
    {
        const string password = "Goed-Wachtwoord-456!";
        var userName = await CreateUserAsync("geenrol@example.org", password, role: null);
        using var client = await host.SignInAsync(userName, password);

        using var response = await client.GetAsync("/Voorstellen");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        using var denied = await client.GetAsync("/Account/AccessDenied");
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).Should().Contain("Geen toegang");
        (await client.GetStringAsync("/")).Should().Contain("uw account heeft nog geen rol", "the start page says why there is nothing to do");
    }

    [Fact]
    public async Task Only_an_admin_opens_the_hangfire_dashboard()
    {
        using var anonymous = host.Anonymous();
        (await anonymous.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var secretary = host.Secretary();
        (await secretary.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = await host.SignInAsync();
        (await admin.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<string> CreateUserAsync(string email, string password, string? role) =>
        await host.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
            if (role is not null)
            {
                (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            }

            return email;
        });

    private sealed record PageBody(List<object> Items, string? NextCursor);
}
