using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>An administrator manages accounts and roles; everyone changes their own password.</summary>
public sealed partial class AccountManagementTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var page = await client.GetStringAsync(path.Split('?')[0]);
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", HostFixture.AntiforgeryToken(page))).Concat(more ?? []);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(all));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_creates_a_secretary_who_signs_in_with_the_one_time_password_and_changes_it()
    {
        using var admin = await host.SignInAsync();

        var refused = await PostFormAsync(admin, "/Beheer/Accounts?handler=create", new() { ["Input.Email"] = "geen-adres", ["Input.DisplayName"] = "" });
        refused.Should().Contain("Het account is niet aangemaakt").And.Contain("Vul een geldig e-mailadres in.").And.Contain("Vul de naam in.").And.Contain("Kies ten minste één rol.");

        var created = await PostFormAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = "j.devries@samendrenthe.example.org", ["Input.DisplayName"] = "Jet de Vries", ["Input.Roles"] = "secretary" });
        created.Should().Contain("Het account j.devries@samendrenthe.example.org is aangemaakt.");
        var password = PasswordPattern().Match(created).Groups[1].Value;
        password.Should().NotBeEmpty();
        var again = await PostFormAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = "j.devries@samendrenthe.example.org", ["Input.DisplayName"] = "Jet", ["Input.Roles"] = "secretary" });
        again.Should().Contain("Er is al een account met dit e-mailadres.");

        using var secretary = await host.SignInAsync("j.devries@samendrenthe.example.org", password);
        (await secretary.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
        var forbidden = await secretary.GetAsync("/Beheer/Accounts");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Redirect);
        forbidden.Headers.Location!.ToString().Should().Contain("AccessDenied");

        var wrong = await PostFormAsync(secretary, "/Account/Wachtwoord",
            new() { ["Input.Current"] = "fout-wachtwoord-123", ["Input.New"] = "Nieuw-Wachtwoord-2026!", ["Input.Repeat"] = "Nieuw-Wachtwoord-2026!" });
        wrong.Should().Contain("Het huidige wachtwoord klopt niet.");
        var changed = await PostFormAsync(secretary, "/Account/Wachtwoord",
            new() { ["Input.Current"] = password, ["Input.New"] = "Nieuw-Wachtwoord-2026!", ["Input.Repeat"] = "Nieuw-Wachtwoord-2026!" });
        changed.Should().Contain("Uw wachtwoord is gewijzigd.");
        using var withNewPassword = await host.SignInAsync("j.devries@samendrenthe.example.org", "Nieuw-Wachtwoord-2026!");
    }

    [Fact]
    public async Task A_locked_account_is_shown_and_the_admin_unlocks_it()
    {
        using var admin = await host.SignInAsync();
        var created = await PostFormAsync(admin, "/Beheer/Accounts?handler=create",
            new() { ["Input.Email"] = "k.bakker@samendrenthe.example.org", ["Input.DisplayName"] = "Kees Bakker", ["Input.Roles"] = "secretary" });
        var password = PasswordPattern().Match(created).Groups[1].Value;

        using var guesser = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await HostFixture.PostLoginFormAsync(guesser, "k.bakker@samendrenthe.example.org", "verkeerd-wachtwoord-" + i);
        }

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Beheer/Accounts"));
        list.Should().Contain("Geblokkeerd");
        var userId = Regex.Match(await admin.GetStringAsync("/Beheer/Accounts"), "id=([0-9a-f-]{36})&amp;handler=unlock").Groups[1].Value;
        userId.Should().NotBeEmpty();
        var unlocked = await PostFormAsync(admin, $"/Beheer/Accounts?id={userId}&handler=unlock", []);
        unlocked.Should().Contain("k.bakker@samendrenthe.example.org kan weer inloggen.");
        using var kees = await host.SignInAsync("k.bakker@samendrenthe.example.org", password);
    }

    [GeneratedRegex("Wachtwoord: <code>([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
