using Microsoft.Playwright;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>Debian's Chromium under Playwright, and signing in on the login page, for the browser tests.</summary>
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
        var outcome = page.Locator("header button:has-text('Uitloggen'), .error-summary").First;
        await outcome.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = StepTimeout });
        if (await page.Locator(".error-summary").CountAsync() > 0)
        {
            throw new InvalidOperationException($"Signing in as {user} was refused: {await page.InnerTextAsync(".error-summary")}");
        }
    }

    private static string Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Debian's chromium is not installed; scripts/test.sh installs it (apt-get install chromium).");
}
