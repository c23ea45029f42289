using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdviesRoute.Host.Health;

internal static class HealthEndpoints
{
    /// <summary>The readiness probe's old address, kept as an alias of <see cref="ReadyPath"/>.</summary>
    public const string Path = "/health";

    /// <summary>Whether the process runs and answers at all (restart it when not).</summary>
    public const string LivePath = "/health/live";

    /// <summary>Whether it can do its work: database and job server (send no people to it when not).</summary>
    public const string ReadyPath = "/health/ready";

    private const string Ready = "ready";

    public static IServiceCollection AddAdviesRouteHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<JobServerHealthCheck>("jobs", HealthStatus.Unhealthy, [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<MailServerHealthCheck>("mail", HealthStatus.Degraded, [Ready], timeout: TimeSpan.FromSeconds(5));
        services.AddAdviesRouteTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// Public, for load balancers, systemd and monitoring: <c>/health/live</c> (no checks), <c>/health/ready</c> and its
    /// alias <c>/health</c>: 200 <c>{"status":"ok"}</c> or <c>{"status":"degraded"}</c> (the mail server cannot be
    /// reached; mail waits in the outbox), 503 <c>{"status":"unavailable"}</c> when the database or the job server is gone.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Verdict }).AllowAnonymous();
        foreach (var path in new[] { ReadyPath, Path })
        {
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = Verdict }).AllowAnonymous();
        }

        return app;
    }

    /// <summary>Only the verdict; which check failed and why goes to the log, not to anonymous callers.</summary>
    private static Task Verdict(HttpContext context, HealthReport report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status switch
        {
            HealthStatus.Unhealthy => "unavailable",
            HealthStatus.Degraded => "degraded",
            _ => "ok",
        },
    });
}
