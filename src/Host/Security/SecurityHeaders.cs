using AdviesRoute.Host.Jobs;
using AdviesRoute.Host.Security.Headers;
using AdviesRoute.Host.Testing;

namespace AdviesRoute.Host.Security;

internal static class SecurityHeaders
{
    /// <summary>
    /// The services of the security headers: static files are marked (they keep their caching), and in the Testing
    /// environment the Content-Security-Policy reports are kept for the tests (<see cref="CspReportStore"/>).
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = file => file.Context.Items[SecurityHeadersMiddleware.StaticFileMark] = true);
        HangfireDashboardScript.Add();
        services.AddCspReports();
        if (environment.IsEnvironment(TestingClock.EnvironmentName))
        {
            services.AddSingleton<CspReportStore>();
        }

        return services;
    }

    /// <summary>
    /// Headers every response carries (<see cref="SecurityHeadersMiddleware"/>): a Content-Security-Policy without
    /// inline script, no framing (an approval button must not be clickable through someone else's page), no MIME
    /// sniffing, no Referer to other sites (mail links carry tokens in their URL), no device features, and no-store for
    /// everything personal. The Hangfire dashboard's inline code is allowed by hash, and the reports of what a browser
    /// blocked arrive at <c>/csp-rapport</c>.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(JobServiceCollectionExtensions.DashboardPath), dashboard => dashboard.Use(InlineHashes.HashInlineCodeAsync));
        app.MapCspReports();
        return app;
    }
}
