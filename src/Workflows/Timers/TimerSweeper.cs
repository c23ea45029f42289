using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Workflows.Timers;

/// <summary>Wakes the sweep early when a burst wrote a timer, and tracks the timers handed to Hangfire.</summary>
public sealed class TimerSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Timers handed to Hangfire and not yet finished, with when (real time) they were handed over.</summary>
    internal ConcurrentDictionary<string, long> InFlight { get; } = new();

    /// <summary>Called by the job when it is done, so the timer may be handed over again if it is still there.</summary>
    internal void Finished(string timerId) => InFlight.TryRemove(timerId, out _);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Finds due timers in the database and hands each to Hangfire, which runs <see cref="TimerFiringJob"/>.
/// Due-ness comes from the engine's <see cref="TimeProvider"/> (a test moves a FakeTimeProvider); the sweep
/// itself runs on real time every few hundred milliseconds, so a timer is late by a fraction of a second, not
/// by Hangfire's 15-second schedule polling. Because the rows are the truth, the first sweep after a start
/// reconciles what an in-memory Hangfire storage forgot.
/// </summary>
internal sealed class TimerSweeper(
    ReaderPool readers,
    IBackgroundJobClient jobs,
    TimeProvider time,
    TimerSignal signal,
    IOptions<WorkflowOptions> options,
    ILogger<TimerSweeper> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.TimerPollMilliseconds);
        var pending = readers.Use(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "Timers" """;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
        logger.LogInformation("Timer sweep started; {Count} pending timers in the database.", pending);
        while (!stoppingToken.IsCancellationRequested)
        {
            int handed;
            try
            {
                handed = Sweep();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer sweep failed; trying again.");
                handed = 0;
            }

            if (handed < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private int Sweep()
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = readers.Use(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """SELECT "Id" FROM "Timers" WHERE "DueAtMs" <= @now ORDER BY "DueAtMs" LIMIT @limit""";
            command.With("@now", nowMs).With("@limit", BatchSize + signal.InFlight.Count);
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });

        var realNow = Environment.TickCount64;
        var handed = 0;
        foreach (var id in due)
        {
            // A job that has not finished after ten seconds is taken as lost (e.g. its worker died, or it waits in
            // Hangfire's retry schedule): hand the timer over again. Firing is idempotent, so a copy does no harm.
            if (signal.InFlight.TryGetValue(id, out var since) && realNow - since < 10_000)
            {
                continue;
            }

            signal.InFlight[id] = realNow;
            jobs.Enqueue<TimerFiringJob>(job => job.FireAsync(id));
            handed++;
        }

        return handed;
    }
}
