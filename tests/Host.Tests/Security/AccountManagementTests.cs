using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>An administrator manages accounts and roles; everyone changes their own password.</summary>
public sealed class AccountManagementTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_admin_creates_a_secretary_who_signs_in_with_the_one_time_password_and_changes_it()
    {
        using var admin = await host.SignInAsync();

        var refused = await AccountForms.PostAsync(admin, "/Beheer/Accounts?handler=create", new() { ["Input.Email"] = "geen-adres", ["Input.DisplayName"] = "" });
        refused.Should().Contain("Het account is niet aangemaakt").And.Contain("Vul een geldig e-mailadres in.").And.Contain("Vul de naam in.").And.Contain("Kies ten minste één rol.");

        var created = await AccountForms.PostAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = "j.devries@samendrenthe.example.org", ["Input.DisplayName"] = "Jet de Vries", ["Input.Roles"] = "secretary" });
        created.Should().Contain("Het account j.devries@samendrenthe.example.org is aangemaakt.");
        var password = AccountForms.OneTimePassword(created);
        password.Should().NotBeEmpty();
        var again = await AccountForms.PostAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = "j.devries@samendrenthe.example.org", ["Input.DisplayName"] = "Jet", ["Input.Roles"] = "secretary" });
        again.Should().Contain("Er is al een account met dit e-mailadres.");

        // The one-time password opens only the page to choose one's own.
        using var secretary = await host.SignInAsync("j.devries@samendrenthe.example.org", password);
        using var held = await secretary.GetAsync("/Voorstellen");
        held.StatusCode.Should().Be(HttpStatusCode.Redirect);
        held.Headers.Location!.ToString().Should().Be("/Account/Wachtwoord?ReturnUrl=%2FVoorstellen");

        var wrong = await AccountForms.PostAsync(secretary, "/Account/Wachtwoord",
            new() { ["Input.Current"] = "fout-wachtwoord-123", ["Input.New"] = "Nieuw-Wachtwoord-2026!", ["Input.Repeat"] = "Nieuw-Wachtwoord-2026!" });
        wrong.Should().Contain("Het tijdelijke wachtwoord klopt niet.");
        var changed = await AccountForms.PostResponseAsync(secretary, "/Account/Wachtwoord",
            new() { ["Input.Current"] = password, ["Input.New"] = "Nieuw-Wachtwoord-2026!", ["Input.Repeat"] = "Nieuw-Wachtwoord-2026!", ["ReturnUrl"] = "/Voorstellen" });
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        changed.Headers.Location!.ToString().Should().Be("/Voorstellen", "after choosing a password the person goes where they wanted to go");
        (await secretary.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
        var forbidden = await secretary.GetAsync("/Beheer/Accounts");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Redirect);
        forbidden.Headers.Location!.ToString().Should().Contain("AccessDenied");

        var changedAgain = await AccountForms.PostAsync(secretary, "/Account/Wachtwoord",
            new() { ["Input.Current"] = "Nieuw-Wachtwoord-2026!", ["Input.New"] = "Tweede-Wachtwoord-2026!", ["Input.Repeat"] = "Tweede-Wachtwoord-2026!" });
        changedAgain.Should().Contain("Uw wachtwoord is gewijzigd.");
        using var withNewPassword = await host.SignInAsync("j.devries@samendrenthe.example.org", "Tweede-Wachtwoord-2026!");
    }

    [Fact]
    public async Task Failed_tries_are_shown_and_the_admin_clears_them_so_the_address_may_try_again()
    {
        using var admin = await host.SignInAsync();
        var password = await AccountForms.CreateSecretaryAsync(admin, "k.bakker@samendrenthe.example.org", "Kees Bakker");

        using var guesser = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await HostFixture.PostLoginFormAsync(guesser, "k.bakker@samendrenthe.example.org", "verkeerd-wachtwoord-" + i);
        }

        using var refused = await HostFixture.PostLoginFormAsync(guesser, "k.bakker@samendrenthe.example.org", password);
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "five failures for the account from this address stop further tries from it");

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Beheer/Accounts"));
        list.Should().Contain("5 mislukte inlogpogingen in het afgelopen etmaal, vanaf 1 adres");
        var cleared = await AccountForms.PostAsync(admin, $"/Beheer/Accounts?id={await AccountForms.UserIdAsync(admin, "k.bakker@samendrenthe.example.org")}&handler=clear", []);
        cleared.Should().Contain("De mislukte inlogpogingen voor k.bakker@samendrenthe.example.org zijn gewist");
        using var kees = await HostFixture.PostLoginFormAsync(guesser, "k.bakker@samendrenthe.example.org", password);
        kees.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_secretary_whose_role_is_removed_is_refused_on_the_very_next_request_without_signing_out()
    {
        using var admin = await host.SignInAsync();
        var password = await AccountForms.CreateSecretaryAsync(admin, "r.smit@samendrenthe.example.org", "Ria Smit");
        using var secretary = await AccountForms.SignInFirstTimeAsync(host, "r.smit@samendrenthe.example.org", password, "Eigen-Wachtwoord-2026!");
        (await secretary.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await AccountForms.UserIdAsync(admin, "r.smit@samendrenthe.example.org");

        var removed = await AccountForms.PostAsync(admin, $"/Beheer/Accounts?id={id}&handler=roles", []);
        removed.Should().Contain("De rollen van r.smit@samendrenthe.example.org zijn bijgewerkt.");

        using var refused = await secretary.GetAsync("/Voorstellen");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await secretary.GetAsync("/Account/Wachtwoord")).StatusCode.Should().Be(HttpStatusCode.OK, "she is still signed in, only without the role");

        await AccountForms.PostAsync(admin, $"/Beheer/Accounts?id={id}&handler=roles", [], [new("roles", "secretary")]);
        (await secretary.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK, "a role given back counts at once as well");
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_of_the_account_at_once()
    {
        using var admin = await host.SignInAsync();
        var temporary = await AccountForms.CreateSecretaryAsync(admin, "w.mulder@samendrenthe.example.org", "Wim Mulder");
        const string password = "Eigen-Wachtwoord-2026!";
        using var laptop = await AccountForms.SignInFirstTimeAsync(host, "w.mulder@samendrenthe.example.org", temporary, password);
        using var phone = await host.SignInAsync("w.mulder@samendrenthe.example.org", password);

        var changed = await AccountForms.PostAsync(laptop, "/Account/Wachtwoord",
            new() { ["Input.Current"] = password, ["Input.New"] = "Ander-Wachtwoord-2026!", ["Input.Repeat"] = "Ander-Wachtwoord-2026!" });
        changed.Should().Contain("Uw wachtwoord is gewijzigd.");

        (await laptop.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password goes on");
        using var other = await phone.GetAsync("/Voorstellen");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
        other.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

}
