using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Workflows.Outbox;

/// <summary>
/// Hands over outbox messages whose delivery job was lost: written in a burst's transaction, but the host died before
/// it queued the job (the start-up re-queue covers one host; with several, the others must notice). Every few seconds
/// it queues the messages that are unsent, never tried, and older than <see cref="LostAfter"/>. A message tried and
/// failing is in Hangfire's retry schedule already and is left alone.
/// </summary>
internal sealed class OutboxSweeper(IServiceScopeFactory scopes, OutboxDispatcher dispatcher, TimeProvider time, ILogger<OutboxSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, long> _handed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox sweep failed; trying again.");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        // The engine's clock, which also stamped CreatedAt.
        var before = time.GetUtcNow().UtcDateTime - LostAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var ids = await db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.Attempts == 0 && m.CreatedAt < before)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        WorkflowTelemetry.SetOutboxBacklog(await db.Outbox.AsNoTracking().LongCountAsync(m => m.SentAt == null, cancellationToken));
        var now = Environment.TickCount64;
        foreach (var stale in _handed.Where(h => now - h.Value > 60_000).Select(h => h.Key).ToList())
        {
            _handed.TryRemove(stale, out _);
        }

        var fresh = ids.Where(id => _handed.TryAdd(id, now)).ToList();
        if (fresh.Count > 0)
        {
            dispatcher.Dispatch(fresh);
            logger.LogInformation("Outbox sweep queued {Count} messages whose delivery job was lost.", fresh.Count);
        }

    }
}
