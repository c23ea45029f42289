using AdviesRoute.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdviesRoute.Host.Health;

/// <summary>Healthy when the database answers a query on the host's own tables.</summary>
internal sealed class DatabaseHealthCheck(HostDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Roles.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("De database antwoordt niet.", ex);
        }
    }
}
