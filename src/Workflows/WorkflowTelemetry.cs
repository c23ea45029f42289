using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AdviesRoute.Workflows;

/// <summary>
/// What the engine tells an operator's monitoring, through .NET's own <see cref="ActivitySource"/> and <see cref="Meter"/>
/// (no exporter here: the host decides where it goes). One span per runtime operation (start, resume, cancel, …) with
/// the instance, definition and resulting status; counts and durations of bursts, the size and duration of the group
/// commits, how late timers fire, and how many outbox messages wait.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The name of the engine's activity source and meter, to subscribe to.</summary>
    public const string Name = "AdviesRoute.Workflows";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Bursts = Meter.CreateCounter<long>(
        "workflow.bursts", "{burst}", "Runtime operations committed, by operation (start, resume, …) and the instance's status after it.");

    internal static readonly Histogram<double> BurstDuration = Meter.CreateHistogram<double>(
        "workflow.burst.duration", "s", "Time from the call to the committed burst, including the wait for the group commit.");

    internal static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(
        "workflow.commit.batch_size", "{burst}", "Bursts written in one database transaction.");

    internal static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "workflow.commit.duration", "s", "Time one group commit holds the database's write transaction.");

    internal static readonly Counter<long> DbCalls = Meter.CreateCounter<long>(
        "workflow.db.calls", "{call}",
        "Database calls on the engine's hot path (one network round trip each on PostgreSQL), by purpose (read, write) and whether the calling thread waited for it (blocking).");

    internal static readonly Histogram<double> DbCallDuration = Meter.CreateHistogram<double>(
        "workflow.db.call.duration", "s", "Duration of one database call on the engine's hot path, by purpose and blocking.");

    internal static readonly Histogram<double> CommitWait = Meter.CreateHistogram<double>(
        "workflow.commit.wait", "s", "Per burst, from handing it to the group-commit writer until its transaction committed (queueing included).");

    internal static readonly Histogram<double> InstanceLoadDuration = Meter.CreateHistogram<double>(
        "workflow.instance.load.duration", "s", "Reading an instance before a burst runs on it.");

    internal static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>(
        "workflow.timer.lateness", "s", "How long after its due moment (the engine's clock) a timer fired.");

    private static long outboxBacklog = -1;

    static WorkflowTelemetry() =>
        Meter.CreateObservableGauge("workflow.outbox.backlog", ObserveBacklog, "{message}",
            "Outbox messages not yet delivered (mail waiting for its server), as the last outbox sweep counted them.");

    /// <summary>Records the outbox's backlog; read by the gauge when the host's exporter collects.</summary>
    internal static void SetOutboxBacklog(long count) => Interlocked.Exchange(ref outboxBacklog, count);

    private static IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var value = Interlocked.Read(ref outboxBacklog);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    private static readonly KeyValuePair<string, object?>[][] DbTags =
    [
        [new("workflow.db.purpose", "read"), new("workflow.db.blocking", false)],
        [new("workflow.db.purpose", "read"), new("workflow.db.blocking", true)],
        [new("workflow.db.purpose", "write"), new("workflow.db.blocking", false)],
        [new("workflow.db.purpose", "write"), new("workflow.db.blocking", true)],
    ];

    /// <summary>Counts and times one database call that started at <paramref name="startedTimestamp"/>.</summary>
    internal static void DbCall(bool write, bool blocking, long startedTimestamp)
    {
        if (!DbCalls.Enabled && !DbCallDuration.Enabled)
        {
            return;
        }

        var tags = DbTags[(write ? 2 : 0) + (blocking ? 1 : 0)];
        DbCalls.Add(1, tags);
        DbCallDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }

    /// <summary>Starts the span of one runtime operation (null when nobody listens).</summary>
    internal static Activity? StartOperation(string operation, string? instanceId, string? definitionId, Runtime.Trigger trigger)
    {
        var activity = Source.StartActivity("workflow." + operation, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("workflow.operation", operation);
            activity.SetTag("workflow.instance_id", instanceId);
            activity.SetTag("workflow.definition_id", definitionId);
            activity.SetTag("workflow.trigger.channel", trigger.Channel.ToString());
        }

        return activity;
    }

    /// <summary>Ends an operation: its status on the span, its count and duration in the metrics.</summary>
    internal static void Finished(Activity? activity, string operation, string instanceId, Runtime.WorkflowStatus status, long startedTimestamp)
    {
        var tags = new TagList { { "workflow.operation", operation }, { "workflow.status", status.ToString() } };
        Bursts.Add(1, tags);
        BurstDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag("workflow.instance_id", instanceId);
            activity.SetTag("workflow.status", status.ToString());
        }
    }
}
