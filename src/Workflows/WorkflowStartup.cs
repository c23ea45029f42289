using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows;

/// <summary>
/// Runs before the host serves: switches the file to WAL, applies migrations, computes the instances' attributes when
/// their rules changed (<see cref="AttributeBackfill"/>), imports the shipped definitions and re-queues unsent outbox
/// messages. (Timers are reconciled by the first sweep.)
/// </summary>
internal sealed class WorkflowStartup(IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, OutboxDispatcher outbox, ILogger<WorkflowStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteSetup.EnsureDirectory(settings.ConnectionString);
            var mode = SqliteSetup.EnableWal(settings.ConnectionString);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite could not switch to WAL (journal_mode is '{mode}').");
            }
        }

        if (!settings.RunStartupTasks)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AttributeBackfill>().RunAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.DefinitionsPath))
        {
            await scope.ServiceProvider.GetRequiredService<DefinitionImporter>().ImportFolderAsync(settings.DefinitionsPath, cancellationToken);
        }

        var requeued = await outbox.RequeueUnsentAsync(db, cancellationToken);
        if (requeued > 0)
        {
            logger.LogInformation("Re-queued {Count} unsent outbox messages.", requeued);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
