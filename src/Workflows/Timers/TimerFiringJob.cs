using Hangfire;
using Microsoft.Extensions.Logging;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Timers;

/// <summary>
/// The Hangfire job that fires one timer. Idempotent: a timer that is gone (fired, or its step was left) is
/// a no-op, and the resume carries the request id <c>timer:{id}</c>, so running the job twice advances the
/// instance once.
/// </summary>
internal sealed class TimerFiringJob(IWorkflowRuntime runtime, ReaderPool readers, TimeProvider time, TimerSignal signal, ILogger<TimerFiringJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(string timerId)
    {
        try
        {
            var row = readers.Use(c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = """SELECT "InstanceId", "DueAtMs" FROM "Timers" WHERE "Id" = @id""";
                command.With("@id", timerId);
                using var reader = command.ExecuteReader();
                return reader.Read() ? (Instance: reader.GetString(0), DueAtMs: reader.GetInt64(1)) : ((string Instance, long DueAtMs)?)null;
            });
            if (row is null)
            {
                return;
            }

            if (row.Value.DueAtMs > time.GetUtcNow().ToUnixTimeMilliseconds())
            {
                return; // not due yet by the engine's clock; the sweep hands it over again when it is
            }

            WorkflowTelemetry.TimerLateness.Record((time.GetUtcNow().ToUnixTimeMilliseconds() - row.Value.DueAtMs) / 1000.0);
            try
            {
                await runtime.ResumeAsync(row.Value.Instance, timerId, null, new Trigger("timer", Channel.Timer, $"timer:{timerId}"));
            }
            catch (BookmarkNotFoundException)
            {
                logger.LogDebug("Timer {TimerId} was already fired.", timerId);
            }
            catch (InstanceStateException ex)
            {
                logger.LogInformation("Timer {TimerId} not fired: {Reason}", timerId, ex.Message);
            }
        }
        finally
        {
            signal.Finished(timerId);
        }
    }
}
