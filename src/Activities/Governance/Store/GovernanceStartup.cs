using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>
/// Before the host serves: applies the governance migrations and, on the first start (nothing stored yet and
/// <c>Governance:SeedDemo</c> on), stores the demo model and jaarkalender as version 1. Running it again, or on two
/// hosts at once, stores nothing more.
/// </summary>
internal sealed class GovernanceStartup(
    IServiceScopeFactory scopes,
    IOptions<GovernanceOptions> options,
    IOptions<WorkflowOptions> workflows,
    ILogger<GovernanceStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!workflows.Value.RunStartupTasks)
        {
            return;
        }

        // This may run before the engine's start-up: the file must exist and be in WAL mode before the first table.
        if (workflows.Value.Provider == DatabaseProvider.Sqlite)
        {
            SqliteSetup.EnsureDirectory(workflows.Value.ConnectionString);
            SqliteSetup.EnableWal(workflows.Value.ConnectionString);
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GovernanceStore>();
        await store.MigrateAsync(cancellationToken);
        if (options.Value.SeedDemo && await store.SeedDemoAsync(cancellationToken))
        {
            logger.LogInformation("Demobestuur en demojaarkalender opgeslagen als versie 1 (Governance:SeedDemo).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
