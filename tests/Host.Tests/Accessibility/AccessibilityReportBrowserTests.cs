using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Portal.Accessibility;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Accessibility;

/// <summary>
/// The accessibility report (ADR 40) in a real browser (Debian's Chromium under Playwright): an administrator runs
/// axe-core over the listed pages in the page's frame and downloads the HTML and the JSON report; the JSON agrees with
/// axe-core run straight on each page by the test; a secretary is refused. The page, its outcome and the HTML report are
/// photographed at 1366 and 320 CSS px (<c>screenshots/toegankelijkheid/</c>), and no page breaks the Content-Security-Policy.
/// </summary>
public sealed class AccessibilityReportBrowserTests(AccessibilityReportBrowserFixture fixture, ITestOutputHelper output)
    : IClassFixture<AccessibilityReportBrowserFixture>
{
    /// <summary>The class of the image without a text the test puts on one page.</summary>
    private const string FaultClass = "proef-zonder-tekst";

    [Fact]
    public async Task An_administrator_runs_the_checks_over_the_listed_pages_and_downloads_both_reports()
    {
        var page = await NewPageAsync();
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await page.GotoAsync("/Beheer");
        await ShowAsync(page, "beheer", "Toegankelijkheid", "Automatische controles", "Archief", "Naar het archief");
        await page.ClickAsync("a:has-text('Automatische controles')");
        await page.WaitForURLAsync("**" + AccessibilityCheckFrame.ReportPath);
        await ShowAsync(page, "start", "Toegankelijkheid: automatische controles", "Wat het rapport niet zegt", "geen toegankelijkheidsverklaring",
            "Welke pagina's worden gecontroleerd", "Voorstel ‘Jaarplan publieke gezondheid’", "Controles starten");
        var listed = await page.Locator("ul[aria-labelledby=paginas-adviesroute] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        listed.Should().Contain(["/Account/Login", "/Voorstellen", "/Jaarkalender", "/Ontwerper/voorstel"]).And.Contain(p => p.StartsWith("/Vergaderingen/ab-", StringComparison.Ordinal));

        // One page with a fault the product does not make: an image without a text, added in every frame and page of this
        // browser that shows the figures. The report must name it.
        await page.Context.AddInitScriptAsync($$"""
            if (location.pathname === '/Cijfers') {
                document.addEventListener('DOMContentLoaded', () => {
                    const img = document.createElement('img');
                    img.src = '/favicon.svg'; img.width = 32; img.height = 32; img.className = '{{FaultClass}}';
                    document.querySelector('main').append(img);
                });
            }
            """);

        await page.ClickAsync("button:has-text('Controles starten')");

        // While it runs: which page, and the page itself, small, in the frame.
        await page.Locator("#controle-voortgang:has-text('Pagina 3 van')").WaitForAsync();
        (await page.IsVisibleAsync("#controle-venster")).Should().BeTrue();
        (await page.IsDisabledAsync("#controle-starten")).Should().BeTrue("the checks run once at a time");
        foreach (var width in new[] { 1366, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityReportBrowserFixture.ScreenshotFolder, $"bezig-{width}.png") });
        }

        await page.SetViewportSizeAsync(1366, 900);
        await page.Locator("#controle-uitkomst").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 300_000 });
        (await page.InnerTextAsync("#controle-voortgang")).Should().Be("De controles zijn klaar; de uitkomst en het rapport staan hieronder.");
        await ShowAsync(page, "uitkomst", "Uitkomst", "Pagina's van AdviesRoute", "Pagina's van het openbare portaal", "op 1 pagina vond axe-core regels die niet slagen",
            "Cijfers: niet geslaagd", "Afbeeldingen hebben een alternatieve tekst, of zijn gemarkeerd als versiering. Niet in orde bij 1 element (ernst: kritiek). Succescriterium 1.1.1 Niet-tekstuele content (A).", "Geslaagd", "Niet geslaagd", "Handmatig nakijken", "Niet van toepassing",
            "Rapport downloaden als HTML", "Rapport downloaden als JSON");

        var jsonText = await DownloadAsync(page, "#rapport-json", ".json");
        await File.WriteAllTextAsync(Path.Combine(AccessibilityReportBrowserFixture.ScreenshotFolder, "rapport.json"), jsonText);
        var json = JsonNode.Parse(jsonText)!;
        var html = await DownloadAsync(page, "#rapport-html", ".html");

        // Every listed page is in the report, checked; and the portal's pages from its sitemap when the host has one.
        var pages = json["pages"]!.AsArray().Select(p => p!).ToList();
        pages.Select(p => p["path"]!.GetValue<string>()).Should().StartWith(listed);
        pages.Where(p => !p["checked"]!.GetValue<bool>()).Select(p => $"{p["path"]}: {p["reason"]}").Should().BeEmpty();
        using (var anonymous = fixture.Host.Client())
        using (var sitemap = await anonymous.GetAsync("/sitemap.xml"))
        {
            var portal = pages.Where(p => p["part"]!.GetValue<string>() == "Openbaar portaal").ToList();
            if (sitemap.IsSuccessStatusCode)
            {
                portal.Select(p => p["path"]!.GetValue<string>()).Should().Contain(["/openbaar", "/openbaar/jaarkalender", "/openbaar/toegankelijkheid"])
                    .And.Contain(p => p.StartsWith("/openbaar/vergaderingen/ab-", StringComparison.Ordinal), "the AB meeting's agenda is on the portal");
                portal.Select(p => p["title"]!.GetValue<string>()).Should().NotContain(t => t.StartsWith('/'), "a portal page is named by its own title");
            }
            else
            {
                portal.Should().BeEmpty();
                json["notes"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(n => n.Contains("geen sitemap", StringComparison.Ordinal));
            }
        }

        json["tool"]!["version"]!.GetValue<string>().Should().Be(AxeRules.Version);
        json["installation"]!["version"]!.GetValue<string>().Should().Be(CheckedPages.InstallationVersion());
        json["browser"]!.GetValue<string>().Should().Contain("Chrome/");
        json["statement"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(s => s.Contains("geen toegankelijkheidsverklaring", StringComparison.Ordinal));

        // The numbers agree with axe-core run straight on each page, at the frame's size, by the test.
        var direct = await page.Context.NewPageAsync();
        await direct.SetViewportSizeAsync(AdviesRoute.Host.Pages.Beheer.ToegankelijkheidModel.FrameWidth, AdviesRoute.Host.Pages.Beheer.ToegankelijkheidModel.FrameHeight);
        foreach (var checkedPage in pages)
        {
            var path = checkedPage["path"]!.GetValue<string>();
            var expected = await AxeDirectlyAsync(direct, path);
            var inReport = new AxeOutcome(Ids(checkedPage["passes"]!), Ids(checkedPage["violations"]!));
            checkedPage["counts"]!["passes"]!.GetValue<int>().Should().Be(inReport.Passes.Count);
            checkedPage["counts"]!["violations"]!.GetValue<int>().Should().Be(inReport.Violations.Count);
            inReport.Passes.Should().BeEquivalentTo(expected.Passes, "the report's passed rules of {0} are those of axe-core run on the page itself", path);
            inReport.Violations.Should().BeEquivalentTo(expected.Violations, "the report's failed rules of {0} are those of axe-core run on the page itself", path);
            output.WriteLine($"{path}: {inReport.Passes.Count} passed, {inReport.Violations.Count} failed ({string.Join(", ", inReport.Violations)})");
        }

        await direct.CloseAsync();

        var cijfers = pages.Single(p => p["path"]!.GetValue<string>() == "/Cijfers");
        var fault = cijfers["violations"]!.AsArray().Single()!;
        fault["id"]!.GetValue<string>().Should().Be("image-alt");
        fault["elements"]!.GetValue<int>().Should().Be(1);
        fault["impact"]!.GetValue<string>().Should().Be("critical");
        fault["targets"]!.AsArray().Single()!.GetValue<string>().Should().Contain(FaultClass);
        fault["criteria"]!.AsArray().Single()!["text"]!.GetValue<string>().Should().Be("1.1.1 Niet-tekstuele content (A)");
        pages.Where(p => p != cijfers).SelectMany(p => p["violations"]!.AsArray()).Should().BeEmpty("the product's own pages have no fault axe-core finds");
        pages.SelectMany(p => p["passes"]!.AsArray()).Should().OnlyContain(r => r!["impact"] == null, "a passed rule has no impact to report");

        // The HTML report names the passed checks of each page, with their success criteria in Dutch, and claims nothing.
        html.Should().Contain("geen toegankelijkheidsverklaring").And.Contain("axe-core " + AxeRules.Version).And.Contain("Gecontroleerd op");
        foreach (var checkedPage in pages)
        {
            foreach (var rule in checkedPage["passes"]!.AsArray())
            {
                html.Should().Contain("axe-core: " + rule!["id"]!.GetValue<string>());
                html.Should().Contain(Escaped(rule["description"]!.GetValue<string>()));
            }
        }

        html.Should().Contain("1.4.3 Contrast (minimum) (AA)").And.Contain("Geslaagd (").And.Contain("Niet geslaagd (1)").And.Contain("kritiek").And.Contain(FaultClass);
        await ShowReportAsync(page.Context, html);
        CspWatch.ShouldBeNone(page.Context);
    }

    [Fact]
    public async Task Every_rule_and_success_criterion_the_shipped_axe_core_runs_has_its_Dutch_name()
    {
        var page = await NewPageAsync();
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await page.GotoAsync(AccessibilityCheckFrame.ReportPath);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = AxeRules.ScriptPath });

        var version = await page.EvaluateAsync<string>("() => axe.version");
        var rules = await page.EvaluateAsync<JsonElement>("tags => axe.getRules(tags).map(r => ({ id: r.ruleId, tags: r.tags }))", AxeRules.Tags);

        version.Should().Be(AxeRules.Version, "the host serves the axe-core of src/Host/Styles/package.json");
        var ids = rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.Should().NotBeEmpty();
        ids.Where(id => !AxeRules.Dutch.ContainsKey(id)).Should().BeEmpty("every rule the report runs says in Dutch what it checks");
        var tags = rules.EnumerateArray().SelectMany(r => r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!))
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^wcag\d{3,}$")).Distinct().ToList();
        tags.Where(t => !WcagCriteria.ByTag.ContainsKey(t)).Should().BeEmpty("every success criterion a rule names has its Dutch name");
        CspWatch.ShouldBeNone(page.Context);
    }

    [Fact]
    public async Task A_secretary_is_refused_the_report_and_finds_no_way_to_it()
    {
        var page = await NewPageAsync();
        await Browsers.SignInAsync(page, AccessibilityReportBrowserFixture.SecretaryEmail, AccessibilityReportBrowserFixture.SecretaryPassword);

        (await page.Locator("nav[aria-label=Hoofdmenu] a").AllInnerTextsAsync()).Should().NotContain("Beheer");
        (await page.Locator($"a[href='{AccessibilityCheckFrame.ReportPath}']").CountAsync()).Should().Be(0);
        var response = await page.GotoAsync(AccessibilityCheckFrame.ReportPath);

        response!.Status.Should().Be(403);
        (await page.Locator("#controle-starten").CountAsync()).Should().Be(0);
        CspWatch.ShouldBeNone(page.Context);
    }

    /// <summary>Text as the report's script escapes it for HTML.</summary>
    private static string Escaped(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static IReadOnlySet<string> Ids(JsonNode rules) => rules.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToHashSet();

    /// <summary>axe-core run by the test on the page itself (evaluated, not through the page's script), with the report's rules.</summary>
    private static async Task<AxeOutcome> AxeDirectlyAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(MaildevServer.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js")));
        var result = await page.EvaluateAsync<JsonElement>(
            "async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } }); return { passes: r.passes.map(x => x.id), violations: r.violations.map(x => x.id) }; }",
            AxeRules.Tags);
        return new AxeOutcome(
            result.GetProperty("passes").EnumerateArray().Select(e => e.GetString()!).ToHashSet(),
            result.GetProperty("violations").EnumerateArray().Select(e => e.GetString()!).ToHashSet());
    }

    private static async Task<string> DownloadAsync(IPage page, string link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        download.SuggestedFilename.Should().StartWith("toegankelijkheidsrapport-").And.EndWith(extension);
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    /// <summary>
    /// The downloaded HTML report as the auditor opens it, checked by axe-core itself and without sideways scrolling at
    /// 320 px. It is long (every rule of every page), so the shots are of the screen: its beginning, and the page with the
    /// fault, at 1366 and 320 CSS px.
    /// </summary>
    private async Task ShowReportAsync(IBrowserContext context, string html)
    {
        var file = Path.Combine(AccessibilityReportBrowserFixture.ScreenshotFolder, "rapport.html");
        await File.WriteAllTextAsync(file, html);
        var report = await context.NewPageAsync();
        await report.GotoAsync(new Uri(file).AbsoluteUri);
        var text = await report.InnerTextAsync("body");
        text.Should().Contain("Toegankelijkheid: uitkomst van automatische controles").And.Contain("Wat dit rapport niet zegt").And.Contain("Overzicht")
            .And.NotContainAny("undefined", "null", "NaN", "[object");
        text.Should().NotMatchRegex(@"\d{4}-\d{2}-\d{2}", "the report shows no ISO dates");
        await Browsers.CheckAccessibilityAsync(output, report, "rapport");
        foreach (var width in new[] { 1366, 320 })
        {
            await report.SetViewportSizeAsync(width, width == 320 ? 640 : 900);
            await report.EvaluateAsync("() => window.scrollTo(0, 0)");
            await report.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityReportBrowserFixture.ScreenshotFolder, $"rapport-begin-{width}.png") });
            await report.EvaluateAsync("() => document.evaluate(\"//h2[contains(., 'Cijfers')]\", document, null, 9, null).singleNodeValue.scrollIntoView()");
            await report.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityReportBrowserFixture.ScreenshotFolder, $"rapport-cijfers-{width}.png") });
        }

        await Browsers.FitsWithoutSidewaysScrollingAsync(report, "rapport");
        await report.CloseAsync();
    }

    private async Task ShowAsync(IPage page, string name, params string[] texts)
    {
        (await page.InnerTextAsync("body")).Should().NotMatchRegex(@"\d{4}-\d{2}-\d{2}", "the {0} page shows no ISO dates", name);
        await Browsers.ShowAsync(output, page, Path.Combine("toegankelijkheid", name), ["Exception", "null", "undefined", "NaN"], texts);
    }

    private Task<IPage> NewPageAsync() => Browsers.NewPageAsync(fixture.Browser, fixture.Host.Address);

    private sealed record AxeOutcome(IReadOnlySet<string> Passes, IReadOnlySet<string> Violations);
}

/// <summary>One host with a proposal, a coming AB meeting and a secretary's account, and one Chromium, for <see cref="AccessibilityReportBrowserTests"/>.</summary>
public sealed class AccessibilityReportBrowserFixture : IAsyncLifetime
{
    public const string SecretaryEmail = "s.dewit@samendrenthe.example.org";
    public const string SecretaryPassword = "Secretaris-Proef-2027!";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost Host { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "toegankelijkheid");

    public async Task InitializeAsync()
    {
        Host.Start();
        await Host.AddAccountAsync(SecretaryEmail, "Sanne de Wit", Roles.Secretary, SecretaryPassword);
        await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(
            NearMeetings(Host.Today, ("db", 10, "10:00"), ("ab", 30, "19:30")), "test"));
        await Host.Services.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel",
            new JsonObject { ["titel"] = "Jaarplan publieke gezondheid", ["pijler"] = "PubliekeGezondheid", ["soort"] = "beleidsvoorstel" }, new Trigger("test", Channel.Api));

        // The AB meeting's convocation puts its agenda on the public portal, so the portal's sitemap lists a meeting page.
        await Host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().SendAsync(
            sp.GetRequiredService<IGovernanceDirectory>().Current.Calendar.MeetingsOf("ab").First(m => m.Date >= Host.Today), "Ingrid de Vries", CancellationToken.None));
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}
