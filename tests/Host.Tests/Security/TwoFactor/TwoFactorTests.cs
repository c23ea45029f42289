using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.TwoFactor;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security.TwoFactor;

/// <summary>
/// Tweestapsverificatie through the pages, with codes computed here from the key the set-up page shows (as an app
/// would): setting up, signing in with a code, wrong and reused codes, recovery codes, the lockout after wrong codes,
/// and roles an administrator requires it for.
/// </summary>
public sealed partial class TwoFactorTests(SignInFixture host) : IClassFixture<SignInFixture>
{
    private const string Password = "Sterk-Wachtwoord-2026!";

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Set_up_with_the_shown_key_then_signing_in_asks_the_app_code_and_refuses_a_wrong_or_reused_one()
    {
        const string email = "t.smit@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Tineke Smit", Roles.Secretary, Password);
        using var session = await host.SignInAsync(email, Password);

        var wrong = await AccountForms.PostAsync(session, "/Account/Tweestapsverificatie/Instellen", new() { ["Code"] = "000000" });
        wrong.Should().Contain(TwoFactorTexts.WrongCode);
        var (key, codes) = await SetUpAsync(session);
        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await EnabledAsync(email)).Should().BeTrue();
        (await StoredRecoveryCodesAsync(email)).Should().NotContain(codes[0], "recovery codes are stored as hashes");
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK, "the session goes on after setting up");

        // A new sign-in: the password alone gives no session, only the code page.
        using var client = host.Anonymous();
        using var password = await HostFixture.PostLoginFormAsync(client, email, Password, "/Vergaderingen");
        password.Headers.Location!.ToString().Should().Be("/Account/Inlogcode?ReturnUrl=%2FVergaderingen&RememberMe=false");
        (await client.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.Redirect, "not signed in before the code");

        var refused = await PostCodeAsync(client, "/Account/Inlogcode?ReturnUrl=%2FVergaderingen", WrongCode(key));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Text(refused)).Should().Contain(TwoFactorTexts.WrongCode);
        (await client.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a wrong code signs nobody in");

        // The code of the next 30-second step (the one used to set up is spent): accepted within Identity's window.
        var next = Totp.Code(key, Now.AddSeconds(30));
        using var signedIn = await PostCodeAsync(client, "/Account/Inlogcode?ReturnUrl=%2FVergaderingen", next);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().Should().Be("/Vergaderingen");
        (await client.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The same code once more, from another sign-in: refused, as someone who saw it over a shoulder would be.
        using var other = host.Anonymous();
        (await HostFixture.PostLoginFormAsync(other, email, Password)).Headers.Location!.ToString().Should().StartWith("/Account/Inlogcode");
        using var replay = await PostCodeAsync(other, "/Account/Inlogcode", next);
        (await Text(replay)).Should().Contain(TwoFactorTexts.WrongCode);
        (await other.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_the_overview_then_counts_the_codes_left()
    {
        const string email = "r.bos@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Ruud Bos", Roles.Secretary, Password);
        using var session = await host.SignInAsync(email, Password);
        var (_, codes) = await SetUpAsync(session);

        using var client = host.Anonymous();
        await HostFixture.PostLoginFormAsync(client, email, Password, "/Vergaderingen");
        (await Text(await client.GetAsync("/Account/Inlogcode?ReturnUrl=%2FVergaderingen"))).Should().Contain("Gebruik een herstelcode");

        // Typed as a person may: lower case, without the dash.
        using var recovered = await PostCodeAsync(client, "/Account/Herstelcode?ReturnUrl=%2FVergaderingen", codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        recovered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        recovered.Headers.Location!.ToString().Should().Be("/Account/Tweestapsverificatie?herstelcode=gebruikt&ReturnUrl=%2FVergaderingen");
        (await Text(await client.GetAsync(recovered.Headers.Location))).Should().Contain("u hebt er nog 9").And.Contain("Andere telefoon koppelen");
        (await client.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var again = host.Anonymous();
        await HostFixture.PostLoginFormAsync(again, email, Password);
        using var spent = await PostCodeAsync(again, "/Account/Herstelcode", codes[3]);
        (await Text(spent)).Should().Contain(TwoFactorTexts.WrongRecoveryCode);
        (await again.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a recovery code works once");
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_and_then_the_right_password_hears_why()
    {
        const string email = "l.mulder@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Lies Mulder", Roles.Secretary, Password);
        using var session = await host.SignInAsync(email, Password);
        var (key, _) = await SetUpAsync(session);

        using var client = host.From("192.0.2.41");
        await HostFixture.PostLoginFormAsync(client, email, Password);
        for (var i = 1; i < 5; i++)
        {
            (await Text(await PostCodeAsync(client, "/Account/Inlogcode", WrongCode(key)))).Should().Contain(TwoFactorTexts.WrongCode, "wrong code {0}", i);
        }

        using var fifth = await PostCodeAsync(client, "/Account/Inlogcode", WrongCode(key));
        fifth.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(fifth)).Should().Contain("U hebt te vaak een verkeerde code ingevuld").And.Contain("15 minuten");
        (await host.WithScopeAsync(async sp => await sp.GetRequiredService<UserManager<HostUser>>().FindByEmailAsync(email)))!
            .LockoutEnd.Should().BeAfter(Now.AddMinutes(14), "five wrong codes lock the account for 15 minutes");

        // From another address the right password (and only it) hears that the account is locked; no code is asked.
        using var elsewhere = host.From("198.51.100.7");
        using var locked = await HostFixture.PostLoginFormAsync(elsewhere, email, Password);
        locked.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(locked)).Should().Contain("U hebt te vaak een verkeerde code ingevuld");
        using var stranger = await HostFixture.PostLoginFormAsync(host.From("198.51.100.8"), email, "Geraden-Wachtwoord-1");
        (await Text(stranger)).Should().Contain("Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord").And.NotContain("verkeerde code");
    }

    [Fact]
    public async Task A_role_that_requires_it_holds_every_page_and_cookie_api_call_until_set_up_and_it_cannot_be_switched_off()
    {
        const string email = "p.dekker@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Pieter Dekker", Roles.ProcessOwner, Password);
        using var session = await host.SignInAsync(email, Password);
        (await session.GetAsync("/api/definitions")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var admin = await host.SignInAsync();
        try
        {
            var saved = await AccountForms.PostAsync(admin, "/Beheer/Tweestapsverificatie", new(), [new("roles", Roles.ProcessOwner)]);
            saved.Should().Contain("Opgeslagen. Tweestapsverificatie is verplicht voor: Proceseigenaar.")
                .And.MatchRegex($"Verplicht sinds \\d+ \\w+ \\d{{4}} om \\d\\d:\\d\\d, ingesteld door {Regex.Escape(HostFixture.AdminEmail)}")
                .And.Contain("0 van de 1 account heeft het ingesteld")
                .And.Contain("krijgt deze vraag niet").And.Contain("API-sleutel");

            // The open session, from its next click: every page leads to setting up, the API says why.
            using var page = await session.GetAsync("/Ontwerper");
            page.StatusCode.Should().Be(HttpStatusCode.Redirect);
            page.Headers.Location!.ToString().Should().Be("/Account/Tweestapsverificatie/Instellen?ReturnUrl=%2FOntwerper");
            (await Text(await session.GetAsync(page.Headers.Location))).Should().Contain("Voor uw rol is tweestapsverificatie verplicht");
            using var api = await session.GetAsync("/api/definitions");
            api.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await api.Content.ReadAsStringAsync()).Should().Contain("Uw rol vereist tweestapsverificatie en u hebt die nog niet ingesteld.");
            api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            using var key = host.ProcessOwner();
            (await key.GetAsync("/api/definitions")).StatusCode.Should().Be(HttpStatusCode.OK, "API keys are not held");

            // A fresh sign-in is held the same way, straight after the password.
            using var fresh = host.Anonymous();
            (await HostFixture.PostLoginFormAsync(fresh, email, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await fresh.GetAsync("/Voorstellen")).Headers.Location!.ToString().Should().StartWith("/Account/Tweestapsverificatie/Instellen");

            await SetUpAsync(session);
            (await session.GetAsync("/Ontwerper")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await session.GetAsync("/api/definitions")).StatusCode.Should().Be(HttpStatusCode.OK);

            using var off = await AccountForms.PostResponseAsync(session, "/Account/Tweestapsverificatie?handler=Uitschakelen", new());
            off.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await Text(off)).Should().Contain("Tweestapsverificatie blijft aan: voor uw rol (Proceseigenaar) is het verplicht.");
            (await EnabledAsync(email)).Should().BeTrue();
            (await AccountForms.PostAsync(admin, "/Beheer/Tweestapsverificatie", new(), [new("roles", Roles.ProcessOwner)])).Should().Contain("1 van de 1 account heeft het ingesteld");
        }
        finally
        {
            (await AccountForms.PostAsync(admin, "/Beheer/Tweestapsverificatie", new())).Should().Contain("Tweestapsverificatie is voor geen enkele rol verplicht.");
        }

        // No longer required: switching off is the person's own choice again.
        var switchedOff = await AccountForms.PostAsync(session, "/Account/Tweestapsverificatie?handler=Uitschakelen", new());
        switchedOff.Should().Contain("Tweestapsverificatie staat nu uit.");
        (await EnabledAsync(email)).Should().BeFalse();
    }

    [Fact]
    public async Task Without_a_requirement_nobody_is_asked_and_the_administrator_page_refuses_an_unknown_role()
    {
        const string email = "n.vos@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Nina Vos", Roles.Secretary, Password);
        using var session = await host.SignInAsync(email, Password);
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var admin = await host.SignInAsync();
        using var unknown = await AccountForms.PostResponseAsync(admin, "/Beheer/Tweestapsverificatie", new(), [new("roles", "bestuurslid")]);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Text(unknown)).Should().Contain("Een van de gekozen rollen bestaat niet; er is niets gewijzigd.");
        (await host.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<HostDbContext>().TwoFactorRoleRequirements.Count()))).Should().Be(0);
    }

    [Fact]
    public async Task An_administrator_switches_off_the_second_factor_of_someone_who_lost_phone_and_codes_but_not_their_own()
    {
        const string email = "k.visser@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Kees Visser", Roles.Secretary, Password);
        using var session = await host.SignInAsync(email, Password);
        await SetUpAsync(session);

        using var admin = await host.SignInAsync();
        var own = await AccountForms.PostResponseAsync(admin, "/Beheer/Tweestapsverificatie?handler=Uitzetten", new() { ["account"] = HostFixture.AdminEmail });
        own.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Text(own)).Should().Contain("Dit is uw eigen account.");
        var unknown = await AccountForms.PostResponseAsync(admin, "/Beheer/Tweestapsverificatie?handler=Uitzetten", new() { ["account"] = "niemand@example.org" });
        (await Text(unknown)).Should().Contain("Er is geen account met dit e-mailadres.").And.Contain("value=\"niemand@example.org\"", "what was typed stays");

        var done = await AccountForms.PostAsync(admin, "/Beheer/Tweestapsverificatie?handler=Uitzetten", new() { ["account"] = email });
        done.Should().Contain($"De tweestapsverificatie van {email} staat uit.");
        (await EnabledAsync(email)).Should().BeFalse();
        (await session.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the account's open sessions end");
        host.Logs.Entries.Select(e => e.Message).Should().Contain(m => m.Contains($"Tweestapsverificatie van {email} uitgezet door {HostFixture.AdminEmail}", StringComparison.Ordinal));

        using var again = host.Anonymous();
        using var password = await HostFixture.PostLoginFormAsync(again, email, Password);
        password.Headers.Location!.ToString().Should().Be("/", "the password alone signs in again");
    }

    /// <summary>Opens the set-up page, reads the key as a person would, confirms with the app's current code and returns the key and the recovery codes.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient session)
    {
        var page = WebUtility.HtmlDecode(await session.GetStringAsync("/Account/Tweestapsverificatie/Instellen"));
        var svg = Regex.Match(page, "<svg.*?</svg>", RegexOptions.Singleline).Value;
        svg.Should().Contain("viewBox", "the QR code is SVG markup in the page, scaling with its box");
        svg.Should().NotContain("style=").And.NotContain("<script").And.NotContain("data:", "it needs nothing a strict Content-Security-Policy forbids");
        var key = Totp.KeyFromPage(KeyPattern().Match(page).Groups[1].Value);
        key.Should().MatchRegex("^[A-Z2-7]{32}$");
        var done = await AccountForms.PostAsync(session, "/Account/Tweestapsverificatie/Instellen", new() { ["Code"] = Totp.Code(key, Now) });
        done.Should().Contain("Tweestapsverificatie staat aan").And.Contain("U ziet deze codes alleen nu.");
        var codes = RecoveryCodePattern().Matches(done).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    internal static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string path, string code) =>
        await AccountForms.PostResponseAsync(client, path, new() { ["Code"] = code });

    /// <summary>A code that is right in no step of the window Identity accepts.</summary>
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, Now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + i * 7919 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private Task<bool> EnabledAsync(string email) => host.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<HostUser>>().FindByEmailAsync(email))!.TwoFactorEnabled);

    private Task<string> StoredRecoveryCodesAsync(string email) => host.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<HostUser>>();
        return await users.GetAuthenticationTokenAsync((await users.FindByEmailAsync(email))!, "[AspNetUserStore]", "RecoveryCodes") ?? "";
    });

    private static async Task<string> Text(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("<p class=\"tweestap-sleutel\"><code>([a-z2-7 ]+)</code></p>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
