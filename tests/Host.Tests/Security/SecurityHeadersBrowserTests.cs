using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security.Headers;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// Debian's Chromium under the host's Content-Security-Policy (docs/decisions/0034): the pages the other browser tests
/// do not open (the Hangfire dashboard, a mail in the local mailbox) keep to it, and what breaks it is blocked, seen by
/// the watch every browser test has (<see cref="CspWatch"/>) and reported to <see cref="ContentSecurityPolicy.ReportPath"/>.
/// </summary>
public sealed class SecurityHeadersBrowserTests(SecurityHeadersBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityHeadersBrowserFixture>
{
    private static readonly string[] HangfirePages = ["/hangfire", "/hangfire/jobs/enqueued", "/hangfire/jobs/succeeded", "/hangfire/recurring", "/hangfire/servers", "/hangfire/retries"];

    [Fact]
    public async Task The_hangfire_dashboard_runs_and_draws_its_charts_without_breaking_the_policy()
    {
        var page = await fixture.AdminPageAsync();

        foreach (var path in HangfirePages)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            (await page.Locator("#footer, .navbar").CountAsync()).Should().BePositive("the dashboard page {0} is drawn", path);
            CspWatch.ShouldBeNone(page.Context);
        }

        // A job's own page: its state cards carry style attributes, allowed by their hashes only.
        await page.GotoAsync("/hangfire/jobs/succeeded", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var job = page.Locator("a.job-method").First;
        if (await job.CountAsync() > 0)
        {
            await job.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            output.WriteLine($"job page: {page.Url}");
        }

        await page.GotoAsync("/hangfire", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        (await page.EvaluateAsync<bool>("() => !!window.Hangfire")).Should().BeTrue("the dashboard's own script ran");
        await Browsers.ShotAsync(page, "beveiliging/hangfire-1366");
        await page.SetViewportSizeAsync(320, 640);
        await Browsers.ShotAsync(page, "beveiliging/hangfire-320");
        CspWatch.ShouldBeNone(page.Context);
    }

    [Fact]
    public async Task A_mail_in_the_local_mailbox_shows_its_own_styles_and_the_page_keeps_to_the_policy()
    {
        var page = await fixture.AdminPageAsync();
        var mail = await fixture.MailAsync();

        var opened = await page.GotoAsync($"/Mailbox/Message/{mail}");
        opened!.Status.Should().Be(200);

        // The frame runs no script (sandbox), so not even the test can look inside: a style the policy refused would
        // show on the console and at the report endpoint, and the screenshot shows the mail's own look.
        await page.WaitForLoadStateAsync(LoadState.Load);
        (await page.Locator("iframe.mail-frame").GetAttributeAsync("sandbox")).Should().NotContain("allow-scripts");
        (await page.Locator("pre.mail-text").EvaluateAsync<string>("p => getComputedStyle(p).whiteSpace")).Should().Be("pre-wrap", "the page's own style comes from site.css");
        await Browsers.ShowAsync(output, page, "beveiliging/postbus-bericht", ["undefined", "Exception"], "Opgemaakte tekst", "Platte tekst", "Bijlagen");
        // A sandboxed frame below the fold stays blank in a full-page screenshot; this one shows the frame itself at 320 px.
        await page.SetViewportSizeAsync(320, 640);
        await page.Locator("iframe.mail-frame").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "beveiliging", "postbus-bericht-opgemaakt-320.png") });
    }

    [Fact]
    public async Task A_script_slipped_into_a_page_is_blocked_seen_by_the_watch_and_reported_to_the_host()
    {
        // A page of its own, so what it breaks on purpose cannot be mistaken for another test's.
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.Host.Address);
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await page.GotoAsync("/Beheer");

        var ran = await page.EvaluateAsync<bool>("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.ingeslopen = true';
                document.body.append(script);
                return window.ingeslopen === true;
            }
            """);
        var styled = await page.EvaluateAsync<string>("""
            () => {
                const p = document.createElement('p');
                p.setAttribute('style', 'color: rgb(255, 0, 0)');
                document.body.append(p);
                return getComputedStyle(p).color;
            }
            """);

        ran.Should().BeFalse("an inline script does not run");
        styled.Should().NotBe("rgb(255, 0, 0)", "a style attribute set from script is refused");
        var reported = await fixture.WaitForReportsAsync(2);
        // The page's violation events reach the test through a browser binding, which may arrive after the reports did.
        for (var wait = 0; wait < 100 && !(CspWatch.Of(page.Context).Any(s => s.Contains("script-src-elem")) && CspWatch.Of(page.Context).Any(s => s.Contains("style-src-attr"))); wait++)
        {
            await Task.Delay(100);
        }

        var seen = CspWatch.Take(page.Context);
        output.WriteLine(string.Join(Environment.NewLine, seen));
        output.WriteLine(string.Join(Environment.NewLine, reported));
        seen.Should().Contain(s => s.Contains("script-src-elem")).And.Contain(s => s.Contains("style-src-attr"));
        reported.Select(r => r.Directive).Should().Contain("script-src-elem").And.Contain("style-src-attr");
        reported.Should().OnlyContain(r => r.DocumentUri.EndsWith("/Beheer", StringComparison.Ordinal));
    }
}

/// <summary>One host (pickup-folder mail, on a loopback port) and one Chromium for <see cref="SecurityHeadersBrowserTests"/>.</summary>
public sealed class SecurityHeadersBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _admin;
    private string? _mail;

    public MailHostFixture Host { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        Host.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "beveiliging"));
    }

    /// <summary>The administrator's page (signed in once), back at the wide viewport.</summary>
    public async Task<IPage> AdminPageAsync()
    {
        if (_admin is null)
        {
            _admin = await Browsers.NewPageAsync(_browser!, Host.Address);
            await Browsers.SignInAsync(_admin, HostFixture.AdminEmail, HostFixture.AdminPassword);
        }

        await _admin.SetViewportSizeAsync(1366, 900);
        return _admin;
    }

    /// <summary>The id in the local mailbox of a convocation sent through the outbox (its HTML is styled inline).</summary>
    public async Task<string> MailAsync()
    {
        if (_mail is null)
        {
            var record = await Host.QueueAsync(MailHostFixture.SampleConvocation("Algemeen bestuur"));
            (await Host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, TimeSpan.FromSeconds(30))).Should().ContainSingle(m => m.SentAt != null);
            _mail = Host.Services.GetRequiredService<PickupFolder>().List().Should().ContainSingle().Subject.Id;
        }

        return _mail;
    }

    /// <summary>
    /// Waits (at most 15 s) until the host has received at least <paramref name="count"/> reports and takes them out of
    /// its store (so its check at dispose counts only what other tests caused).
    /// </summary>
    public async Task<IReadOnlyList<CspViolation>> WaitForReportsAsync(int count)
    {
        var store = Host.Services.GetRequiredService<CspReportStore>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (store.Violations.Count < count && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        return store.Take();
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
