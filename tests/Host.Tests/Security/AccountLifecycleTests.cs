using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Look;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// An administrator resets a password, switches an account off and on, and sees when each account last signed in; a
/// password the system made must be replaced at the next sign-in.
/// </summary>
public sealed class AccountLifecycleTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Own = "Eigen-Wachtwoord-2026!";

    [Fact]
    public async Task A_switched_off_account_cannot_sign_in_its_open_session_is_refused_and_switched_on_again_it_can()
    {
        using var admin = await host.SignInAsync();
        const string email = "a.dijkstra@samendrenthe.example.org";
        using var session = await NewSecretaryAsync(admin, email, "Anne Dijkstra");
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await AccountForms.UserIdAsync(admin, email);

        var off = await PostAsync(admin, $"/Beheer/Accounts?id={id}&handler=deactivate");
        off.Should().Contain("Het account van Anne Dijkstra is uitgeschakeld.").And.Contain("Uitgeschakeld op ").And.Contain($"door {HostFixture.AdminEmail}");

        using var refused = await session.GetAsync("/Voorstellen");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect, "the open session is refused on its next request");
        refused.Headers.Location!.ToString().Should().Contain("/Account/Login").And.EndWith("&fout=uitgeschakeld");
        WebUtility.HtmlDecode(await session.GetStringAsync(refused.Headers.Location)).Should().Contain(AccountTexts.Deactivated, "the login page says why the session ended");

        using var rightPassword = await HostFixture.PostLoginFormAsync(host.Anonymous(), email, Own);
        rightPassword.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await rightPassword.Content.ReadAsStringAsync()).Should().Contain(AccountTexts.Deactivated);
        using var wrongPassword = await HostFixture.PostLoginFormAsync(host.Anonymous(), email, "Geraden-Wachtwoord-1");
        WebUtility.HtmlDecode(await wrongPassword.Content.ReadAsStringAsync())
            .Should().Contain("Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord.", "a stranger does not learn the account is switched off")
            .And.NotContain("uitgeschakeld");

        var on = await PostAsync(admin, $"/Beheer/Accounts?id={id}&handler=reactivate");
        on.Should().Contain("Het account van Anne Dijkstra is weer ingeschakeld.");
        using var back = await host.SignInAsync(email, Own);
        (await back.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reset_password_ends_the_sessions_is_shown_once_and_must_be_changed_at_the_next_sign_in()
    {
        using var admin = await host.SignInAsync();
        const string email = "b.visser@samendrenthe.example.org";
        using var session = await NewSecretaryAsync(admin, email, "Bart Visser");
        var id = await AccountForms.UserIdAsync(admin, email);

        var reset = await PostAsync(admin, $"/Beheer/Accounts?id={id}&handler=reset");
        reset.Should().Contain("Bart Visser heeft een nieuw, tijdelijk wachtwoord.").And.Contain("het wordt niet nog eens getoond");
        var temporary = AccountForms.OneTimePassword(reset);
        temporary.Should().HaveLength(24);
        WebUtility.HtmlDecode(await admin.GetStringAsync("/Beheer/Accounts")).Should().NotContain(temporary, "the password is shown once")
            .And.Contain("Moet bij de volgende keer inloggen een eigen wachtwoord kiezen");

        using var ended = await session.GetAsync("/Voorstellen");
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ended.Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await HostFixture.PostLoginFormAsync(host.Anonymous(), email, Own)).StatusCode.Should().Be(HttpStatusCode.OK, "the old password no longer signs in");

        using var next = host.Anonymous();
        using var signedIn = await HostFixture.PostLoginFormAsync(next, email, temporary, "/Vergaderingen");
        signedIn.Headers.Location!.ToString().Should().Be("/Account/Wachtwoord?ReturnUrl=%2FVergaderingen");
        using var api = await next.GetAsync("/api/definitions");
        api.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).Should().Contain("tijdelijk wachtwoord");

        var same = await AccountForms.PostAsync(next, "/Account/Wachtwoord", new() { ["Input.Current"] = temporary, ["Input.New"] = temporary, ["Input.Repeat"] = temporary });
        same.Should().Contain("Kies een ander wachtwoord dan het huidige.");
        using var chosen = await AccountForms.PostResponseAsync(next, "/Account/Wachtwoord",
            new() { ["Input.Current"] = temporary, ["Input.New"] = "Nieuw-Gekozen-2026!", ["Input.Repeat"] = "Nieuw-Gekozen-2026!", ["ReturnUrl"] = "/Vergaderingen" });
        chosen.Headers.Location!.ToString().Should().Be("/Vergaderingen");
        (await next.GetAsync("/Vergaderingen")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_accounts_page_shows_the_last_sign_in_in_Dutch_and_never_for_a_new_account()
    {
        using var admin = await host.SignInAsync();
        await AccountForms.CreateSecretaryAsync(admin, "c.dekker@samendrenthe.example.org", "Carla Dekker");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Beheer/Accounts"));

        Row(page, "c.dekker@samendrenthe.example.org").Should().Contain("Nog nooit ingelogd");
        var today = AdviesRoute.Activities.Texts.DutchFormat.Day(AdviesRoute.Activities.Calendar.DutchTime.Today(DateTimeOffset.UtcNow));
        Row(page, HostFixture.AdminEmail).Should().MatchRegex($@"{Regex.Escape(today)} om \d\d:\d\d", "the admin signed in just now");
    }

    [Fact]
    public async Task An_administrator_cannot_switch_off_their_own_account_nor_the_last_active_administrator()
    {
        using var admin = await host.SignInAsync();
        var self = await AccountForms.UserIdAsync(admin, HostFixture.AdminEmail);

        var refused = await PostAsync(admin, $"/Beheer/Accounts?id={self}&handler=deactivate");
        refused.Should().Contain("U kunt uw eigen account niet uitschakelen.");
        (await PostAsync(admin, $"/Beheer/Accounts?id={self}&handler=reset")).Should().Contain("Uw eigen wachtwoord wijzigt u via 'Wachtwoord wijzigen'")
            .And.NotContain("Wachtwoord: <code>");
        var unknown = await PostAsync(admin, "/Beheer/Accounts?id=bestaat-niet&handler=deactivate");
        unknown.Should().Contain("Dit account bestaat niet (meer). Er is niets gewijzigd");

        // Through the page the acting administrator is always another active one; the rule guards the action itself.
        var change = await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var only = (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => u.IsActive).ToList();
            only.Should().ContainSingle();
            return await sp.GetRequiredService<AccountAdministration>().DeactivateAsync(only[0], "iemand.anders@example.org");
        });
        change.Done.Should().BeFalse();
        change.Message.Should().Contain("is de laatste beheerder met een actief account");
        (await admin.GetAsync("/Beheer/Accounts")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_a_password_must_be_chosen_the_menu_offers_nothing_but_changing_it_and_signing_out()
    {
        using var admin = await host.SignInAsync();
        const string email = "m.bakker@samendrenthe.example.org";
        var temporary = await AccountForms.CreateSecretaryAsync(admin, email, "Mirjam Bakker");

        using var session = host.Anonymous();
        using var signedIn = await HostFixture.PostLoginFormAsync(session, email, temporary);
        var page = WebUtility.HtmlDecode(await session.GetStringAsync(signedIn.Headers.Location));
        page.Should().Contain("Kies uw eigen wachtwoord").And.Contain(">Wachtwoord wijzigen</a>").And.Contain(">Uitloggen</button>")
            .And.NotContain("aria-label=\"Hoofdmenu\"", "every page of the menu would send the person back here");
        foreach (var item in MainMenu.All)
        {
            page.Should().NotContain($"href=\"{item.Href}\"", "the menu's {0} would send the person back here", item.Label);
        }

        using var chosen = await AccountForms.PostResponseAsync(session, "/Account/Wachtwoord",
            new() { ["Input.Current"] = temporary, ["Input.New"] = Own, ["Input.Repeat"] = Own, ["ReturnUrl"] = "/Voorstellen/Taken" });
        chosen.Headers.Location!.ToString().Should().Be("/Voorstellen/Taken");
        WebUtility.HtmlDecode(await session.GetStringAsync("/Voorstellen/Taken")).Should().Contain("aria-label=\"Hoofdmenu\"")
            .And.Contain("href=\"/Voorstellen/Taken\"", "with a password of one's own the secretary's menu is back");
    }

    [Fact]
    public async Task A_session_marked_for_a_temporary_password_gets_an_empty_menu_whatever_roles_it_carries()
    {
        var marked = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "a.tijdelijk@samendrenthe.example.org"), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(TemporaryPassword.ClaimType, "1")], "Test"));
        var unmarked = new ClaimsPrincipal(new ClaimsIdentity(marked.Claims.Where(c => c.Type != TemporaryPassword.ClaimType), "Test"));

        var (forMarked, forUnmarked) = await host.WithScopeAsync(async services =>
        {
            var menu = services.GetRequiredService<MainMenu>();
            return (await menu.ForAsync(marked), await menu.ForAsync(unmarked));
        });

        forUnmarked.Should().NotBeEmpty("an administrator's menu has entries");
        forMarked.Should().BeEmpty("every page would send the person to choose a password first");
    }

    private async Task<HttpClient> NewSecretaryAsync(HttpClient admin, string email, string name) =>
        await AccountForms.SignInFirstTimeAsync(host, email, await AccountForms.CreateSecretaryAsync(admin, email, name), Own);

    private static Task<string> PostAsync(HttpClient client, string path) => AccountForms.PostAsync(client, path, []);

    /// <summary>The table row of one account.</summary>
    private static string Row(string page, string email) =>
        Regex.Match(page, "<tr[^>]*>\\s*<td[^>]*>" + Regex.Escape(email) + "<br>.*?</tr>", RegexOptions.Singleline).Value;

}
