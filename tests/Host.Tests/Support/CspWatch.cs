using System.Collections.Concurrent;
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

    private static readonly ConcurrentQueue<Seen> All = new();

    /// <summary>Starts watching the pages of <paramref name="context"/>.</summary>
    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.ExposeBindingAsync(Binding, (BindingSource source, string text) => All.Enqueue(new Seen(context, source.Page?.Url ?? "", text)));
        await context.AddInitScriptAsync(Listener);
        context.Console += (_, message) =>
        {
            if (IsAboutPolicy(message.Text))
            {
                All.Enqueue(new Seen(context, message.Page?.Url ?? message.Location, message.Text));
            }
        };
    }

    /// <summary>A console message that says the browser refused something because of the site's policies.</summary>
    public static bool IsAboutPolicy(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the pages of <paramref name="context"/> broke so far, as "page: violation".</summary>
    public static IReadOnlyList<string> Of(IBrowserContext context) => All.Where(s => s.Context == context).Select(s => s.ToString()).ToList();

    /// <summary>Forgets what <paramref name="context"/> broke (for a test that breaks the policy on purpose) and returns it.</summary>
    public static IReadOnlyList<string> Take(IBrowserContext context)
    {
        var taken = Of(context);
        var kept = All.Where(s => s.Context != context).ToList();
        All.Clear();
        foreach (var seen in kept)
        {
            All.Enqueue(seen);
        }

        return taken;
    }

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

        var seen = host.Started is { } address ? All.Where(s => s.Page.StartsWith(address.ToString().TrimEnd('/'), StringComparison.Ordinal)).Select(s => s.ToString()).ToList() : [];
        seen.Should().BeEmpty("no page of this host may break the Content-Security-Policy in a browser test");
        reported.Select(r => r.ToString()).Should().BeEmpty("the host's report endpoint ({0}) stays empty in every test", ContentSecurityPolicy.ReportPath);
    }

    private sealed record Seen(IBrowserContext Context, string Page, string Text)
    {
        public override string ToString() => $"{Page}: {Text}";
    }

    /// <summary>The reports the host's endpoint kept (Testing environment).</summary>
    public static IReadOnlyList<CspViolation> Reported(IServiceProvider services) => services.GetService<CspReportStore>()?.Violations ?? [];
}
