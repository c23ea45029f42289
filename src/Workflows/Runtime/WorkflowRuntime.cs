using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Timers;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>
/// Loads an instance, runs one burst in memory and hands the result to the group-commit writer. Bursts on one
/// instance are serialised in this process; when another process wrote first, the revision check fails and
/// the burst is run again on the fresh state, so no resume is lost and none is applied twice.
/// </summary>
internal sealed class WorkflowRuntime(
    DefinitionCache definitions,
    GroupCommitWriter writer,
    ReaderPool readers,
    IExpressionEvaluator evaluator,
    TimeProvider time,
    IServiceProvider services,
    TimerSignal timerSignal,
    OutboxDispatcher outbox,
    AttributeProjector attributes,
    IOptions<WorkflowOptions> options) : IWorkflowRuntime
{
    private readonly KeyedLock _locks = new();
    private readonly InstanceIds ids = new(time);
    private readonly WorkflowOptions _options = options.Value;

    public Task<BurstSummary> StartAsync(string definitionId, JsonObject? input, Trigger trigger, int? version = null, CancellationToken cancellationToken = default) =>
        ObservedAsync("start", null, definitionId, trigger, () => StartCoreAsync(definitionId, input, trigger, version));

    private async Task<BurstSummary> StartCoreAsync(string definitionId, JsonObject? input, Trigger trigger, int? version)
    {
        var definition = await definitions.GetForStartAsync(definitionId, version);
        input ??= [];
        if (RouteInputCheck.Problems(definition.Model, input) is { Count: > 0 } problems)
        {
            throw new WorkflowInputException(problems);
        }

        var (instanceId, now) = ids.Next();
        System.Diagnostics.Activity.Current?.SetTag("workflow.instance_id", instanceId);
        var state = new InstanceState { Input = (JsonObject)input.DeepClone() };
        foreach (var variable in definition.Model.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        var burst = NewBurst(definition, instanceId, state, trigger, now);
        burst.JournalTrigger(JournalKinds.InstanceStarted, null, null, new JsonObject
        {
            ["definitionId"] = definition.DefinitionId,
            ["version"] = definition.Version,
        });
        burst.StartAt(definition.StartNodeId);
        await burst.RunAsync();
        var result = burst.Finish();
        if (attributes.Source is not null)
        {
            Project(result, definition, now, now);
        }

        await writer.CommitAsync(new CommitRequest { Burst = result, ExpectedRevision = null, Definition = definition, Now = now });
        AfterCommit(result);
        return Summarise(result.InstanceId, result.Status, result.State, alreadyApplied: false);
    }

    public Task<BurstSummary> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input, Trigger trigger, CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(instanceId, trigger, async (definition, state, burst) =>
        {
            var token = state.Tokens.FirstOrDefault(t => t.Bookmarks.Any(b => b.Id == bookmarkId))
                ?? throw new BookmarkNotFoundException(instanceId, bookmarkId);
            if (token.Status == TokenStatus.Faulted)
            {
                throw new InstanceStateException($"De stap '{token.ActivityId}' heeft een open incident; los dat eerst op.");
            }

            var bookmark = token.Bookmarks.First(b => b.Id == bookmarkId);
            if (bookmark.DueAt is not null && trigger.Channel != Channel.Timer)
            {
                // A deadline goes off by itself; a person or program resuming it would skip the wait it stands for.
                throw new InstanceStateException($"Bladwijzer {bookmarkId} is een termijn van stap '{token.ActivityId}'; die gaat vanzelf af en kan niet worden hervat.");
            }

            token.Bookmarks.Remove(bookmark);
            var node = definition.Node(token.ActivityId);
            burst.JournalTrigger(JournalKinds.BookmarkResumed, node.Node.Id, node.Descriptor.Type, new JsonObject
            {
                ["bookmark"] = bookmark.Id,
                ["name"] = bookmark.Name,
                ["input"] = input?.DeepClone(),
            });
            await burst.ResumeAsync(token, new ResumeArgs(bookmark.Id, bookmark.Name, bookmark.Payload, input?.DeepClone()));
            await burst.RunAsync();
        }, cancellationToken);

    public Task<BurstSummary> CancelAsync(string instanceId, Trigger trigger, string? reason = null, CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(instanceId, trigger, (_, _, burst) =>
        {
            burst.Cancel(reason);
            return ValueTask.CompletedTask;
        }, cancellationToken);

    public Task<BurstSummary> RetryIncidentAsync(string instanceId, string incidentId, Trigger trigger, CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(instanceId, trigger, async (definition, state, burst) =>
        {
            var incident = state.Incidents.FirstOrDefault(i => i.Id == incidentId)
                ?? throw new IncidentNotFoundException(instanceId, incidentId);
            var token = state.Tokens.First(t => t.Id == incident.TokenId);
            state.Incidents.Remove(incident);
            token.Status = TokenStatus.Waiting;
            burst.JournalTrigger(JournalKinds.IncidentRetried, incident.ActivityId, incident.ActivityType, new JsonObject { ["incident"] = incident.Id });
            if (incident.Resume is { } resume)
            {
                await burst.ResumeAsync(token, resume);
            }
            else
            {
                burst.Enqueue(token);
            }

            await burst.RunAsync();
        }, cancellationToken);

    public Task<BurstSummary> AmendInputAsync(string instanceId, Func<JsonObject, JsonObject?> amend, Trigger trigger, CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(instanceId, trigger, (_, state, burst) =>
        {
            burst.JournalTrigger(JournalKinds.InputAmended, null, null, amend(state.Input));
            return ValueTask.CompletedTask;
        }, cancellationToken);

    public MigrationPlan PlanMigration(string instanceId, int toVersion)
    {
        var row = readers.LoadInstance(instanceId) ?? throw new WorkflowNotFoundException($"Instantie {instanceId} bestaat niet.");
        var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
        var from = definitions.Get(row.DefinitionRecordId);
        return InstanceMigration.Plan(instanceId, state, from, definitions.GetForStart(from.DefinitionId, toVersion));
    }

    public Task<BurstSummary> MigrateAsync(string instanceId, int toVersion, Trigger trigger, CancellationToken cancellationToken = default)
    {
        CompiledDefinition? target = null;
        return RunExclusiveAsync(instanceId, trigger, (definition, state, burst) =>
        {
            var plan = InstanceMigration.Plan(instanceId, state, definition, target!);
            if (plan.ToVersion == plan.FromVersion)
            {
                throw new MigrationRefusedException($"Instantie {instanceId} loopt al op versie {toVersion}.");
            }

            if (!plan.Mappable)
            {
                throw new MigrationRefusedException(string.Join(" ", plan.Problems));
            }

            burst.JournalTrigger(JournalKinds.InstanceMigrated, null, null, new System.Text.Json.Nodes.JsonObject
            {
                ["van"] = definition.Version,
                ["naar"] = target!.Version,
                ["stappen"] = new System.Text.Json.Nodes.JsonArray(plan.LandsOn.Select(a => (System.Text.Json.Nodes.JsonNode)a).ToArray()),
            });
            return ValueTask.CompletedTask;
        }, cancellationToken, definition => target = definitions.GetForStart(definition.DefinitionId, toVersion));
    }

    /// <summary>Runs an operation on an existing instance, observed as the calling method (<c>ResumeAsync</c>: "resume").</summary>
    private Task<BurstSummary> RunExclusiveAsync(string instanceId, Trigger trigger,
        Func<CompiledDefinition, InstanceState, Burst, ValueTask> step, CancellationToken cancellationToken,
        Func<CompiledDefinition, CompiledDefinition>? commitAs = null, [CallerMemberName] string caller = "") =>
        ObservedAsync(char.ToLowerInvariant(caller[0]) + caller[1..].Replace("Async", "", StringComparison.Ordinal), instanceId, null, trigger,
            () => RunExclusiveCoreAsync(instanceId, trigger, step, commitAs, cancellationToken));

    /// <summary>An operation as a span with its outcome, counted and timed (<see cref="WorkflowTelemetry"/>).</summary>
    private static async Task<BurstSummary> ObservedAsync(string operation, string? instanceId, string? definitionId, Trigger trigger, Func<Task<BurstSummary>> run)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = WorkflowTelemetry.StartOperation(operation, instanceId, definitionId, trigger);
        try
        {
            var summary = await run();
            WorkflowTelemetry.Finished(activity, operation, summary.InstanceId, summary.Status, started);
            return summary;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.AddException(ex);
            throw;
        }
    }

    private async Task<BurstSummary> RunExclusiveCoreAsync(string instanceId, Trigger trigger,
        Func<CompiledDefinition, InstanceState, Burst, ValueTask> step,
        Func<CompiledDefinition, CompiledDefinition>? commitAs, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(instanceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var loading = Stopwatch.GetTimestamp();
            var row = await readers.LoadInstanceAsync(instanceId, withCreatedAt: attributes.Source is not null) ?? throw new WorkflowNotFoundException($"Instantie {instanceId} bestaat niet.");
            WorkflowTelemetry.InstanceLoadDuration.Record(Stopwatch.GetElapsedTime(loading).TotalSeconds);
            var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
            var status = Enum.Parse<WorkflowStatus>(row.Status);
            Burst burst;
            CompiledDefinition definition;
            var now = time.GetUtcNow();
            try
            {
                if (status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
                {
                    throw new InstanceStateException($"Instantie {instanceId} is {(status == WorkflowStatus.Finished ? "afgerond" : "geannuleerd")} en kan niet verder.");
                }

                definition = await definitions.GetAsync(row.DefinitionRecordId);
                System.Diagnostics.Activity.Current?.SetTag("workflow.definition_id", definition.DefinitionId);
                // A migration runs its burst on, and commits with, the version the instance moves to.
                var runOn = commitAs?.Invoke(definition) ?? definition;
                burst = NewBurst(runOn, instanceId, state, trigger, now);
                await step(definition, state, burst);
                definition = runOn;
            }
            catch (WorkflowException) when (trigger.RequestId is not null)
            {
                // The request was applied before (its answer was lost): what it resumed is gone, so the step
                // refuses; say it was applied instead. Asked only on this path, so a normal resume costs no query.
                if (await readers.RequestAppliedAsync(instanceId, trigger.RequestId))
                {
                    return Summarise(instanceId, status, JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!, alreadyApplied: true);
                }

                throw;
            }

            var result = burst.Finish();
            if (attributes.Source is not null)
            {
                Project(result, definition, now, new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt!.Value, DateTimeKind.Utc)));
            }

            var outcome = await writer.CommitAsync(new CommitRequest { Burst = result, ExpectedRevision = row.Revision, Definition = definition, Now = now });
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    AfterCommit(result);
                    return Summarise(instanceId, result.Status, result.State, alreadyApplied: false);
                case CommitOutcome.DuplicateRequest:
                    var fresh = (await readers.LoadInstanceAsync(instanceId))!;
                    return Summarise(instanceId, Enum.Parse<WorkflowStatus>(fresh.Status), JsonSerializer.Deserialize<InstanceState>(fresh.StateJson, WorkflowJson.Options)!, alreadyApplied: true);
                case CommitOutcome.Conflict when attempt < _options.MaxConcurrencyRetries:
                    await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
                    continue;
                default:
                    throw new InstanceStateException($"Instantie {instanceId} werd {attempt} keer tegelijk door een andere server gewijzigd; probeer het opnieuw.");
            }
        }
    }

    private Burst NewBurst(CompiledDefinition definition, string instanceId, InstanceState state, Trigger trigger, DateTimeOffset now) =>
        new(definition, instanceId, state, trigger, now, evaluator, services, _options.MaxStepsPerBurst);

    /// <summary>
    /// Asks the attribute source for the instance's attributes after the burst and puts the difference with the previous
    /// set on the result, to be written in the burst's transaction. The view wraps the live state (no copy).
    /// </summary>
    private void Project(BurstResult result, CompiledDefinition definition, DateTimeOffset now, DateTimeOffset createdAt)
    {
        var state = result.State;
        var previous = AttributeProjector.ToList(state.Attributes);
        var finished = result.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
        var view = InstanceView.Of(
            new InstanceSummary(result.InstanceId, definition.DefinitionId, definition.Version, definition.RecordId, result.Status, createdAt, now, finished ? now : null),
            state, previous);
        var journal = result.Journal.Select(j => JournalEntries.Of(result.InstanceId, j)).ToList();
        var set = attributes.Compute(new InstanceAttributeContext(view, journal, previous, isRecomputation: false));
        result.AttributeChanges = AttributeProjector.Diff(state.Attributes, set);
        state.Attributes = AttributeProjector.ToStored(set);
    }

    private void AfterCommit(BurstResult result)
    {
        if (result.AddedBookmarks.Any(b => b.Bookmark.DueAt is not null))
        {
            timerSignal.Notify();
        }

        if (result.Outbox.Count > 0)
        {
            outbox.Dispatch(result.Outbox.Select(m => m.Id));
        }
    }

    private static BurstSummary Summarise(string instanceId, WorkflowStatus status, InstanceState state, bool alreadyApplied) =>
        new(instanceId, status,
            state.Tokens.SelectMany(t => t.Bookmarks.Select(b => new BookmarkSummary(b.Id, b.Name, t.ActivityId, b.DueAt))).ToList(),
            alreadyApplied);
}
