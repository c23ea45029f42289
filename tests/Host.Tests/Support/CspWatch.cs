using AdviesRoute.Host.Security.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>
/// Watches every browser context the browser tests open (<see cref="EndToEnd.Browsers.NewContextAsync"/>) for what
/// the Content-Security-Policy (or the Permissions-Policy header) made the browser refuse: the page's
/// <c>securitypolicyviolation</c> events and the console's messages about the policy. The browser helpers fail the
/// test at their next step on the page (<see cref="ShouldBeNone(IBrowserContext)"/>), and a host fixture fails its class
/// when it is disposed (<see cref="ShouldBeNone(HostFixture)"/>) if a page of that host broke the policy or the host's
/// report endpoint received a report.
/// </summary>
public static class CspWatch
{
    private const string Binding = "adviesRouteCspViolation";

    // Registered before any page script runs; reports each refusal with what a person needs to find it.
    private const string Listener = $$"""
        document.addEventListener('securitypolicyviolation', e => {
            const text = e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '') + (e.sample ? ' "' + e.sample + '"' : '');
            if (window.{{Binding}}) { window.{{Binding}}(text); }
        }, true);
        """;

    // Every watched context of the test run; test classes run in parallel, so every use takes the lock.
    private static readonly List<Seen> All = [];

    /// <summary>Starts watching the pages of <paramref name="context"/>.</summary>
    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.ExposeBindingAsync(Binding, (BindingSource source, string text) => Add(new Seen(context, source.Page?.Url ?? "", text)));
        await context.AddInitScriptAsync(Listener);
        context.Console += (_, message) =>
        {
            if (IsAboutPolicy(message.Text))
            {
                Add(new Seen(context, message.Page?.Url ?? message.Location, message.Text));
            }
        };
    }

    /// <summary>A console message that says the browser refused something because of the site's policies.</summary>
    public static bool IsAboutPolicy(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the pages of <paramref name="context"/> broke so far, as "page: violation".</summary>
    public static IReadOnlyList<string> Of(IBrowserContext context)
    {
        lock (All)
        {
            return All.Where(s => s.Context == context).Select(s => s.ToString()).ToList();
        }
    }

    /// <summary>Forgets what <paramref name="context"/> broke (for a test that breaks the policy on purpose) and returns it.</summary>
    public static IReadOnlyList<string> Take(IBrowserContext context) => Take(s => s.Context == context);

    /// <summary>Fails when a page of <paramref name="context"/> broke the policy, naming the page and the violation.</summary>
    public static void ShouldBeNone(IBrowserContext context) =>
        Of(context).Should().BeEmpty("no page may break the Content-Security-Policy or the Permissions-Policy (the browser's console and its securitypolicyviolation events)");

    /// <summary>
    /// Fails when a page of <paramref name="host"/> broke the policy (seen in a browser) or the host's report endpoint
    /// received a report; <see cref="HostFixture.ExpectsCspViolations"/> turns this off for a test that breaks it on purpose.
    /// </summary>
    public static void ShouldBeNone(HostFixture host, IReadOnlyList<CspViolation> reported)
    {
        if (host.ExpectsCspViolations)
        {
            return;
        }

        // Taken out, so a later host on the same port does not inherit them.
        var seen = host.Started is { } address ? Take(s => s.Page.StartsWith(address.ToString().TrimEnd('/'), StringComparison.Ordinal)) : [];
        seen.Should().BeEmpty("no page of this host may break the Content-Security-Policy in a browser test");
        reported.Select(r => r.ToString()).Should().BeEmpty("the host's report endpoint ({0}) stays empty in every test", ContentSecurityPolicy.ReportPath);
    }

    private static void Add(Seen seen)
    {
        lock (All)
        {
            All.Add(seen);
        }
    }

    private static List<string> Take(Predicate<Seen> which)
    {
        lock (All)
        {
            var taken = All.FindAll(which).Select(s => s.ToString()).ToList();
            All.RemoveAll(which);
            return taken;
        }
    }

    private sealed record Seen(IBrowserContext Context, string Page, string Text)
    {
        public override string ToString() => $"{Page}: {Text}";
    }

    /// <summary>The reports the host's endpoint kept (Testing environment).</summary>
    public static IReadOnlyList<CspViolation> Reported(IServiceProvider services) => services.GetService<CspReportStore>()?.Violations ?? [];
}
