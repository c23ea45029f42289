using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdviesRoute.Host.Health;

/// <summary>Healthy when the job storage (timers, mail deliveries) answers.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = storage.GetMonitoringApi().EnqueuedCount("default");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("De jobopslag antwoordt niet.", ex));
        }
    }
}
