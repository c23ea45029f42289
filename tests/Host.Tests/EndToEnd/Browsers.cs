using AdviesRoute.Host.Tests.Support;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>Debian's Chromium under Playwright, signing in on the login page, and the axe-core check, for the browser tests.</summary>
internal static class Browsers
{
    /// <summary>
    /// How long a browser step may take. CI machines are shared: with a load average of 7 on 2 cores a page has been
    /// seen to take longer than Playwright's default of 30 seconds.
    /// </summary>
    public const float StepTimeout = 60_000;

    /// <summary>A new context on the host, in Dutch, whose steps wait up to <see cref="StepTimeout"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(StepTimeout);
        await CspWatch.WatchAsync(context); // every page must keep to the Content-Security-Policy (checked at each step below)
        return context;
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>
    /// Signs in with a local account and waits until the page shows the result: the header's logout button, or the
    /// login page's error summary (whose text then fails the test). It waits on the page's content, not on a load
    /// event: on a loaded CI machine the wait for the "load" event after the login's redirect once never ended even
    /// though the network had gone idle.
    /// </summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = StepTimeout });
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("button:has-text('Inloggen')");
        var outcome = page.Locator("header button:has-text('Uitloggen'), .utrecht-alert--error").First;
        await outcome.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = StepTimeout });
        if (await page.Locator(".utrecht-alert--error").CountAsync() > 0)
        {
            throw new InvalidOperationException($"Signing in as {user} was refused: {await page.InnerTextAsync(".utrecht-alert--error")}");
        }

        CspWatch.ShouldBeNone(page.Context);
    }

    /// <summary>A page in a new Dutch context (nl-NL, Europe/Amsterdam, 1366 by 900 CSS px) on the host, downloads allowed.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await NewContextAsync(browser, new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The page as it is now, wide and on a phone: the Dutch texts, none of <paramref name="forbidden"/>, a screenshot at
    /// 1366 and at 320 CSS px (named <paramref name="name"/>-1366 and -320), axe-core, and at 320 px no sideways scrolling.
    /// </summary>
    public static async Task ShowAsync(ITestOutputHelper output, IPage page, string name, IEnumerable<string> forbidden, params string[] texts)
    {
        CspWatch.ShouldBeNone(page.Context);
        await page.SetViewportSizeAsync(1366, 900);
        var body = await page.InnerTextAsync("body");
        foreach (var text in texts)
        {
            body.Should().Contain(text, "the {0} page says it", name);
        }

        body.Should().NotContainAny(forbidden);
        await ShotAsync(page, $"{name}-1366");
        await CheckAccessibilityAsync(output, page, name);
        await page.SetViewportSizeAsync(320, 640);
        await ShotAsync(page, $"{name}-320");
        await FitsWithoutSidewaysScrollingAsync(page, name);
        await page.SetViewportSizeAsync(1366, 900);
    }

    /// <summary>A full-page screenshot in the test output's screenshot folder.</summary>
    public static Task ShotAsync(IPage page, string name)
    {
        CspWatch.ShouldBeNone(page.Context);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>At the current width nothing sticks out sideways (WCAG 1.4.10); the message names what does.</summary>
    public static async Task FitsWithoutSidewaysScrollingAsync(IPage page, string name)
    {
        CspWatch.ShouldBeNone(page.Context);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "{0} fits {1} CSS px without scrolling sideways (WCAG 1.4.10); wider: {2}", name, widths[1],
            await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].map(e => [e, e.getBoundingClientRect().right]).filter(([, r]) => r > window.innerWidth + 0.5).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([e, r]) => e.tagName + '.' + e.className + '#' + e.id + ' to ' + Math.round(r) + ' px').join(', ')"));
    }

    /// <summary>Clicks a submit button and waits for the page the form's answer loads.</summary>
    public static async Task<IResponse> SubmitAsync(IPage page, string selector)
    {
        // The old document is marked, so the wait ends on the new one and not on the page the button was on.
        await page.EvaluateAsync("() => { window.vorigePagina = true; }");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(selector),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is not (>= 300 and < 400));
        await page.WaitForFunctionAsync("() => !window.vorigePagina && document.readyState === 'complete'");
        CspWatch.ShouldBeNone(page.Context);
        return response;
    }

    /// <summary>axe-core (from npm) on the page: no serious or critical violation of WCAG 2.1 A/AA.</summary>
    public static async Task CheckAccessibilityAsync(ITestOutputHelper output, IPage page, string name)
    {
        CspWatch.ShouldBeNone(page.Context);
        var violations = await AxeViolationsAsync(page);
        var serious = violations.Where(v => v.IsSeriousOrCritical).Select(v => v.ToString()).ToList();
        output.WriteLine($"axe {name}: {violations.Count} violations, {serious.Count} serious or critical");
        foreach (var v in violations)
        {
            output.WriteLine($"  {v.Impact} {v.Id}: {v.Help} {v.Targets}");
        }

        serious.Should().BeEmpty("the {0} page must have no serious or critical accessibility violation", name);
    }

    /// <summary>What axe-core (from npm) finds on the page against WCAG 2.1 A/AA.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AxeViolationsAsync(IPage page)
    {
        CspWatch.ShouldBeNone(page.Context);
        // Evaluated, not added as a script element: the Content-Security-Policy refuses inline script, also axe's.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript()));
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
        return result.EnumerateArray().Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString() ?? "",
            v.GetProperty("help").GetString()!, v.GetProperty("nodes").GetInt32(), v.GetProperty("targets").ToString())).ToList();
    }

    private static string AxeScript() => Path.Combine(MaildevServer.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js");

    private static string Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Debian's chromium is not installed; scripts/test.sh installs it (apt-get install chromium).");
}

/// <summary>One rule axe-core found broken on a page: how bad, how often, and the first elements (CSS selectors).</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, int Nodes, string Targets)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public override string ToString() => $"{Id}: {Help} ({Nodes}x, {Targets})";
}

