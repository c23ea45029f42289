using Hangfire.Dashboard;

namespace AdviesRoute.Host.Security.Headers;

/// <summary>
/// Adds <c>hangfire-dashboard.js</c> (an embedded resource) to the Hangfire dashboard's script bundle, which is served
/// from this host like the rest of the bundle: it stops Chart.js from injecting an inline stylesheet the
/// Content-Security-Policy would refuse.
/// </summary>
internal static class HangfireDashboardScript
{
    public const string Resource = "AdviesRoute.Host.Security.Headers.hangfire-dashboard.js";

    // Hangfire keeps its bundle's parts in a static list; a process that starts several hosts (the tests) adds the part once.
    private static readonly Lazy<bool> Added = new(() =>
    {
        DashboardRoutes.AddJavaScript(typeof(HangfireDashboardScript).Assembly, Resource);
        return true;
    });

    public static void Add() => _ = Added.Value;
}
