using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdviesRoute.Host.Health;

internal static class HealthEndpoints
{
    public const string Path = "/health";

    public static IServiceCollection AddAdviesRouteHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Public, for load balancers and monitoring: 200 <c>{"status":"ok"}</c>, or 503 when the database is gone.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            // Only the verdict; which check failed and why goes to the log, not to anonymous callers.
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok",
            }),
        }).AllowAnonymous();
        return app;
    }
}
