using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Administration;

/// <summary>
/// The accounts page, a refused sign-in, the figures and the jaarkalender as a bestuurssecretariaat sees them in a real
/// browser (Debian's Chromium under Playwright): each state as a screenshot at 1366 and 320 CSS px, without sideways
/// scrolling at 320 px (WCAG 1.4.10), passing axe-core, and saying what it should in Dutch.
/// </summary>
/// <remarks>The fixture is the link pages' one: a host of its own on a loopback port and one Chromium, per class.</remarks>
public sealed partial class AdministrationPagesBrowserTests(LinkAndAccountPagesBrowserFixture fixture, ITestOutputHelper output)
    : IClassFixture<LinkAndAccountPagesBrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task An_administrator_creates_switches_off_and_on_and_resets_an_account_and_the_person_sees_each_step()
    {
        const string email = "h.bos@samendrenthe.example.org";
        var admin = await NewPageAsync();
        await Browsers.SignInAsync(admin, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await admin.GotoAsync("/Beheer/Accounts");

        // A new account: its one-time password, shown once.
        await admin.FillAsync("#Input_Email", email);
        await admin.FillAsync("#Input_DisplayName", "Hanneke Bos");
        await admin.CheckAsync("#rol-secretary");
        await SubmitAsync(admin, "button:has-text('Account aanmaken')");
        await ShowAsync(admin, "accounts-new", $"Het account {email} is aangemaakt.", "Bij de eerste keer inloggen kiest Hanneke Bos een eigen wachtwoord.", "Nog nooit ingelogd");
        var first = await PasswordOnAsync(admin);

        // The first sign-in asks for her own password before anything else.
        var person = await NewPageAsync();
        await Browsers.SignInAsync(person, email, first);
        await ShowAsync(person, "password-first", "Kies uw eigen wachtwoord", "U bent ingelogd met een tijdelijk wachtwoord", "Tijdelijk wachtwoord (van de beheerder)");
        await ChoosePasswordAsync(person, first, "Hanneke-Eigen-2026!");
        (await person.InnerTextAsync("h1")).Should().NotContain("wachtwoord");

        // Switched off: her open session ends at the next click, and the right password hears why she cannot sign in.
        await admin.GotoAsync("/Beheer/Accounts");
        await SubmitAsync(admin, $"button[aria-label='Account van {email} uitschakelen']");
        await ShowAsync(admin, "accounts-switched-off", "Het account van Hanneke Bos is uitgeschakeld.", "Uitgeschakeld op ", "Weer inschakelen");
        await person.GotoAsync("/Voorstellen");
        person.Url.Should().Contain("/Account/Login", "her open session is refused on its next request");
        await ShowAsync(person, "session-refused", "Inloggen is niet gelukt", AccountTexts.Deactivated);
        await person.FillAsync("#Input_UserName", email);
        await person.FillAsync("#Input_Password", "Hanneke-Eigen-2026!");
        var refused = await SubmitAsync(person, "button:has-text('Inloggen')");
        refused.Status.Should().Be(403);
        await ShowAsync(person, "login-refused", "Inloggen is niet gelukt", AccountTexts.Deactivated);
        (await person.InputValueAsync("#Input_UserName")).Should().Be(email, "what she typed stays");

        // Switched on again, then a new password because she forgot hers: shown once, to be changed at the next sign-in.
        await SubmitAsync(admin, $"button[aria-label='Account van {email} weer inschakelen']");
        await ShowAsync(admin, "accounts-switched-on", "Het account van Hanneke Bos is weer ingeschakeld.");
        await SubmitAsync(admin, $"button[aria-label='Nieuw wachtwoord voor {email}']");
        await ShowAsync(admin, "accounts-reset-result", "Hanneke Bos heeft een nieuw, tijdelijk wachtwoord.", "het wordt niet nog eens getoond", "Wachtwoord: ");
        var reset = await PasswordOnAsync(admin);
        await Browsers.SignInAsync(person, email, reset);
        (await person.InnerTextAsync("h1")).Should().Be("Kies uw eigen wachtwoord");
        await ChoosePasswordAsync(person, reset, "Hanneke-Nieuw-2026!");

        // The list: the last sign-in of each account, in Dutch.
        await admin.GotoAsync("/Beheer/Accounts");
        await ShowAsync(admin, "accounts", "Laatst ingelogd", "Inlogpogingen", "Nieuw wachtwoord", "Uitschakelen", "Uw eigen account");
        var row = await admin.InnerTextAsync($"tr:has-text('{email}')");
        row.Should().MatchRegex(@"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d\d:\d\d");
    }

    [Fact]
    public async Task The_figures_page_shows_each_table_with_its_export_and_says_why_a_period_is_empty()
    {
        await SeedFiguresAsync();
        var year = Host.Today.Year;
        var page = await NewPageAsync();
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await page.GotoAsync($"/Cijfers?van=1-1-{year}&tot=31-12-{year + 1}");
        await ShowAsync(page, "figures", "gestart van 1 januari", "Lopende voorstellen per stap", "Doorlooptijd per stap en orgaan", "Zienswijzen van de raden",
            "Gemeenteraad Assen", "Voorstellen over een wettelijke termijn (1 voorstel)", "Bestuurlijke drukte", "Download deze tabel als CSV");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='tabel=zienswijzen']"));
        download.SuggestedFilename.Should().Be($"cijfers-zienswijzen-{year}-01-01-tot-en-met-{year + 1}-12-31.csv");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().StartWith("Raad;Op tijd;Te laat;Geen zienswijze;Termijn loopt nog\r\nGemeenteraad Assen;1;0;0;0\r\n");

        await page.GotoAsync("/Cijfers?van=1-1-2031&tot=31-12-2031");
        await ShowAsync(page, "figures-empty", "Geen voorstellen gestart van 1 januari 2031 tot en met 31 december 2031.", "Geen voorstellen in deze periode.");

        await page.FillAsync("#van", "31-2-2031");
        await SubmitAsync(page, "button:has-text('Toon cijfers')");
        await ShowAsync(page, "figures-bad-date", "De cijfers zijn niet getoond", "De begindatum '31-2-2031' is geen bestaande datum.");
        (await page.InputValueAsync("#van")).Should().Be("31-2-2031");
    }

    [Fact]
    public async Task The_jaarkalender_marks_a_meeting_that_took_place_and_warns_that_a_begroting_comes_too_late_to_the_AB()
    {
        var today = Host.Today;
        var ab = new DateOnly(today.Year + 1, 10, 6);
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(
            NearMeetings(today, ("db", -7, "10:00"), ("db", 20, "10:00"), ("db", 130, "10:00"), ("db", 240, "10:00"), ("ab", ab.DayNumber - today.DayNumber, "19:30")), "test"));
        await Host.Services.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel",
            new JsonObject { ["titel"] = $"Begroting {ab.Year + 1}", ["pijler"] = "PubliekeGezondheid", ["soort"] = "begroting" }, new Trigger("test", Channel.Api));
        var page = await NewPageAsync();
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await page.GotoAsync($"/Jaarkalender?jaar={ab.Year}");
        await ShowAsync(page, "jaarkalender-begroting", $"Jaarkalender {ab.Year}", "Let op: de planning haalt de wettelijke termijn niet",
            $"later dan de wettelijke datum 14 september {ab.Year} (art. 34 lid 2 Wgr", "Volgens de wet", "Eigen planning");
        var past = today.AddDays(-7);
        await page.GotoAsync($"/Jaarkalender?jaar={past.Year}");
        await ShowAsync(page, "jaarkalender", $"Jaarkalender {past.Year}", "geweest", "Vergaderingen");
    }

    /// <summary>Three proposals, and a small route with a late notification and a round of three councils that closes.</summary>
    private async Task SeedFiguresAsync()
    {
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(Host.Today, ("db", 30, "10:00")), "test"));
        var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
        foreach (var title in new[] { "Jaarplan publieke gezondheid", "Viermaandsrapportage", "Beleidsbrief jeugdgezondheid" })
        {
            var started = await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
            if (title != "Viermaandsrapportage")
            {
                await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
            }
        }

        if (Host.Today is { Month: 1, Day: <= 2 })
        {
            Host.MoveClockTo(new DateOnly(Host.Today.Year, 1, 3), hour: 9);
        }

        var id = Support.Definitions.UniqueId("cijfers");
        await Host.SaveAsync(Figures.ZienswijzenFiguresTests.Definition(id));
        var round = await runtime.StartAsync(id, new JsonObject { ["titel"] = "Kaderbrief 2028" }, new Trigger("test", Channel.Api));
        var instance = await Host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(round.InstanceId));
        string Request(string council) => instance!.AllBookmarks().Single(b => b.Name == "Antwoord" && b.Payload!["orgaan"]!.GetValue<string>() == council).Id;
        await runtime.ResumeAsync(round.InstanceId, Request("raad-assen"), new JsonObject { ["antwoord"] = "positief", ["tekst"] = "De raad stemt in.", ["namens"] = "per mail van de griffie" }, new Trigger("griffie", Channel.Api));
        await runtime.ResumeAsync(round.InstanceId, Request("raad-emmen"), new JsonObject { ["antwoord"] = "geenZienswijze", ["namens"] = "per mail van de griffie" }, new Trigger("griffie", Channel.Api));
    }

    private static async Task ChoosePasswordAsync(IPage page, string current, string own)
    {
        await page.FillAsync("#Input_Current", current);
        await page.FillAsync("#Input_New", own);
        await page.FillAsync("#Input_Repeat", own);
        await SubmitAsync(page, "button:has-text('Wachtwoord opslaan en verder')");
    }

    private static async Task<string> PasswordOnAsync(IPage page) =>
        PasswordPattern().Match(await page.InnerTextAsync(".account-password")).Groups[1].Value is { Length: 24 } password
            ? password
            : throw new InvalidOperationException("The page shows no one-time password.");

    /// <summary>The page as it is now, wide and on a phone, with no code, ISO date or engine word (see <see cref="Browsers.ShowAsync"/>).</summary>
    private async Task ShowAsync(IPage page, string name, params string[] texts)
    {
        (await page.InnerTextAsync("body")).Should().NotMatchRegex(@"\d{4}-\d{2}-\d{2}", "the {0} page shows no ISO dates", name);
        await Browsers.ShowAsync(output, page, "beheer-" + name, ["Exception", "null", "undefined"], texts);
    }

    private static Task<IResponse> SubmitAsync(IPage page, string selector) => Browsers.SubmitAsync(page, selector);

    private Task<IPage> NewPageAsync() => Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);

    [GeneratedRegex(@"Wachtwoord: (\S+)")]
    private static partial Regex PasswordPattern();
}
