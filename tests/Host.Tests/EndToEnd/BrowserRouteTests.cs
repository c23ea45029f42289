using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// A secretary in a real browser (Playwright on Debian's Chromium) against the real host on a loopback port, with
/// maildev as the SMTP server: starts a begroting with a PDF, moves it on by recorded outcomes and by the councils'
/// answers through their mail links, writes the reactions, and sees the AB decide. At each point the diagram marks
/// the right step; the main pages are checked with axe-core and kept as screenshots.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class BrowserRouteTests(ITestOutputHelper output)
{
    private const string ProcessOwnerKey = "browser-proceseigenaar-0123456789abcdef";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task A_secretary_takes_a_begroting_from_start_to_the_AB_decision_in_the_browser()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-browser-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        foreach (var shipped in Directory.GetFiles(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions"), "*.json"))
        {
            File.Copy(shipped, Path.Combine(folder, "definitions", Path.GetFileName(shipped)));
        }

        await using var maildev = new MaildevServer();
        await maildev.StartAsync();
        var port = HostProcess.FreePort();
        await using var host = await HostProcess.StartAsync(folder, port, new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = MaildevServer.Host,
            ["Mail__Smtp__Port"] = maildev.SmtpPort.ToString(),
            ["Mail__Smtp__Security"] = "None",
            ["Links__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Links__KeyFile"] = Path.Combine(folder, "link-key"),
            ["Security__ApiKeys__1__Name"] = "browser-proceseigenaar",
            ["Security__ApiKeys__1__Key"] = ProcessOwnerKey,
            ["Security__ApiKeys__1__Roles__0"] = "processowner",

            // The Testing clock: a meeting's outcome is recorded on the meeting's day, so the test moves the clock there.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Security__ApiKeys__2__Name"] = "browser-klok",
            ["Security__ApiKeys__2__Key"] = ClockKey,
            ["Security__ApiKeys__2__Roles__0"] = "admin",

            // The pages' stylesheet lives in the project's wwwroot: serve it as `dotnet run` does.
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(MaildevServer.RepositoryRoot(), "src", "Host"),
        });
        await UseNearMeetingsAsync(host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var context = await Browsers.NewContextAsync(browser, new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(ScreenshotFolder);

        // Log in.
        await Browsers.SignInAsync(page, "beheer@example.org", "Beheer-Wachtwoord-2026!");

        // Start a begroting with a PDF.
        await page.GotoAsync("/Voorstellen/Nieuw");
        await Browsers.CheckAccessibilityAsync(output, page, "start");
        await page.FillAsync("#Input_Titel", "Ontwerpbegroting 2028");
        await page.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await page.SelectOptionAsync("#Input_Soort", "begroting");
        await page.FillAsync("#Input_Samenvatting", "De ontwerpbegroting voor 2028 met de meerjarenraming.");
        await page.FillAsync("#Besluit_Beslispunten", "de ontwerpbegroting 2028 vast te stellen.");
        var pdf = Path.Combine(folder, "ontwerpbegroting-2028.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await page.SetInputFilesAsync("#Stukken", pdf);
        await page.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#Input_Route", "voorstel");
        await page.ClickAsync("button:has-text('Voorstel starten')");
        await page.WaitForLoadStateAsync();
        page.Url.Should().MatchRegex("/Voorstellen/[0-9a-f]+$", await page.Locator(".utrecht-alert--error").CountAsync() > 0 ? await page.InnerTextAsync(".utrecht-alert--error") : "");
        var proposal = new Uri(page.Url).AbsolutePath;
        await Shot(page, "1-voorstel-gestart");
        (await StepAsync(page, "voorbereiding")).Should().Be("nu");
        (await page.ContentAsync()).Should().Contain("ontwerpbegroting-2028.pdf");
        await Browsers.CheckAccessibilityAsync(output, page, "voorstel");

        // Preparation ready: the DB of 20 days ahead. The overview names its deadline.
        await page.ClickAsync("button:has-text('Vastleggen')");
        await page.WaitForSelectorAsync("text=Vastgelegd.");
        (await StepAsync(page, "voorbereiding")).Should().Be("gedaan");
        (await StepAsync(page, "besluitDb")).Should().Be("nu");
        await page.GotoAsync("/Voorstellen");
        (await page.InnerTextAsync("table")).Should().Contain("Ontwerpbegroting 2028").And.Contain("uitkomst vastleggen");
        await Browsers.CheckAccessibilityAsync(output, page, "overzicht");
        await Shot(page, "2-overzicht");

        // On the day of the DB's meeting (20 days ahead; the session of three weeks ago has ended, so sign in again) the DB
        // sends the draft to the councils: twelve requests by mail.
        await AdvanceClockAsync(host, "P20DT10H");
        await Browsers.SignInAsync(page, "beheer@example.org", "Beheer-Wachtwoord-2026!");
        await page.GotoAsync(proposal);
        await page.CheckAsync("input[name='invoer.uitkomst'][value='vastgesteld']");
        await page.ClickAsync("button:has-text('Uitkomst vastleggen')");
        await page.WaitForSelectorAsync("text=Vastgelegd.");
        (await StepAsync(page, "zienswijzenronde")).Should().Be("nu");
        var requests = await maildev.WaitForAsync(m => m.Count(x => x.Subject == "Verzoek om een zienswijze: Ontwerpbegroting 2028") >= 12, TimeSpan.FromSeconds(45));
        var links = requests.Where(m => m.Subject == "Verzoek om een zienswijze: Ontwerpbegroting 2028")
            .Select(m => LinkPattern().Match(m.Text ?? "").Value).ToList();
        links.Should().HaveCount(12).And.OnlyHaveUniqueItems();

        // The PDF is in each mail as an address under the member's own link: no account needed to read it.
        var documentUrl = Regex.Match(requests.First(m => m.Subject!.StartsWith("Verzoek om een zienswijze", StringComparison.Ordinal)).Text ?? "",
            @"https?://\S+/verzoek/[A-Za-z0-9_-]{43}/stukken/[A-Za-z0-9-]+").Value;
        documentUrl.Should().NotBeEmpty();
        using (var anonymous = new HttpClient())
        {
            using var document = await anonymous.GetAsync(documentUrl);
            document.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
            (await document.Content.ReadAsStringAsync()).Should().StartWith("%PDF-1.4");
        }

        // The councils answer through their links, each in a browser without any account: two positive, ten none.
        // On a phone: the link pages must fit a small screen without sideways scrolling.
        var council = await Browsers.NewContextAsync(browser, new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var link = await council.NewPageAsync();
        for (var i = 0; i < links.Count; i++)
        {
            await link.GotoAsync(links[i]);
            if (i == 0)
            {
                await Browsers.CheckAccessibilityAsync(output, link, "maillink");
                (await link.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))"))
                    .Should().BeLessThanOrEqualTo(390, "every element of the link page fits a phone's width");
                await Shot(link, "3-maillink");
                (await link.GotoAsync(host.BaseAddress + "Voorstellen"))!.Url.Should().Contain("/Account/Login", "a mail link gives no access to the secretary's pages");
                await link.GotoAsync(links[i]);
            }

            if (i < 2)
            {
                await link.FillAsync("#veld-tekst", $"Raad {i + 1} stemt in met de begroting.");
                await link.ClickAsync("button[value='positief']");
            }
            else
            {
                await link.ClickAsync("button[value='geenZienswijze']");
            }

            await link.WaitForSelectorAsync("text=Uw keuze is vastgelegd.");
        }

        // Two zienswijzen given: the secretary writes the reasoned reactions; then the AB.
        await page.GotoAsync(proposal);
        (await page.InnerTextAsync("body")).Should().Contain("Zienswijzen van de raden");
        for (var i = 0; i < 2; i++)
        {
            await page.FillAsync("textarea[name='invoer.reactie']", "Dank voor uw instemming; het bestuur neemt haar mee bij de vaststelling.");
            await page.ClickAsync("button:has-text('Reactie vastleggen')");
            await page.WaitForSelectorAsync("text=Vastgelegd.");
        }

        // The DB adopts the reactions at its next meeting (25 days on); only then do they go to the councils and the AB.
        (await StepAsync(page, "besluitDbReacties")).Should().Be("nu");
        await AdvanceClockAsync(host, "P25D");
        await Browsers.SignInAsync(page, "beheer@example.org", "Beheer-Wachtwoord-2026!");
        await page.GotoAsync(proposal);
        await page.CheckAsync("input[name='invoer.uitkomst'][value='vastgesteld']");
        await page.ClickAsync("button:has-text('Uitkomst vastleggen')");
        await page.WaitForSelectorAsync("text=Vastgelegd.");

        (await StepAsync(page, "besluitAb")).Should().Be("nu");
        await Shot(page, "4-naar-het-ab");
        await AdvanceClockAsync(host, "P25D");
        await Browsers.SignInAsync(page, "beheer@example.org", "Beheer-Wachtwoord-2026!");
        await page.GotoAsync(proposal);
        await page.CheckAsync("input[name='invoer.uitkomst'][value='vastgesteld']");
        await page.ClickAsync("button:has-text('Uitkomst vastleggen')");
        await page.WaitForSelectorAsync("text=Vastgelegd.");
        (await StepAsync(page, "besluitAb")).Should().Be("gedaan");
        (await StepAsync(page, "nazorgBegroting")).Should().Be("nu");
        (await page.InnerTextAsync("body")).Should().Contain("art. 34 lid 2 Wgr");
        await page.ClickAsync("button:has-text('Gereed melden')");
        await page.WaitForSelectorAsync("text=Vastgelegd.");
        (await page.InnerTextAsync("body")).Should().Contain("Afgerond");
        await Shot(page, "5-afgerond");
        output.WriteLine($"Screenshots: {ScreenshotFolder}");
    }

    /// <summary>
    /// The only DB and AB meetings: the DB 20 and 45 days ahead (the second adopts the reactions to the zienswijzen), the
    /// AB 70 days ahead, so the route does not depend on today's date.
    /// </summary>
    private static async Task UseNearMeetingsAsync(HostProcess host)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        var calendar = NearMeetings(today, ("db", 20, "10:00"), ("db", 45, "10:00"), ("ab", 70, "19:30"));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ProcessOwnerKey);
        using var response = await client.PutAsync("/api/jaarkalender", new StringContent(calendar, System.Text.Encoding.UTF8, "application/json"));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    private const string ClockKey = "browser-klok-sleutel-0123456789abcdef";

    /// <summary>Moves the host's Testing clock forward by an ISO 8601 duration.</summary>
    private static async Task AdvanceClockAsync(HostProcess host, string advance)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ClockKey);
        using var response = await client.PostAsJsonAsync("/api/testing/clock", new { advance });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> StepAsync(IPage page, string step) =>
        await page.GetAttributeAsync($"g[data-stap='{step}']", "data-toestand") ?? "";

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>axe-core (from npm) on the page: no serious or critical violation of WCAG 2.1 A/AA.</summary>
    [GeneratedRegex(@"https?://\S+/verzoek/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
