using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>
/// Starts and advances instances. Every call runs one step burst and stores its effects (state, bookmarks,
/// timers, journal, incidents, outbox) in one transaction before it returns.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts an instance of the published version (or the given one) and runs it until it waits or ends.</summary>
    /// <exception cref="WorkflowNotFoundException">No such definition (or version).</exception>
    /// <exception cref="WorkflowInputException">A required input is missing, or a value does not fit its declared type or choices; nothing started.</exception>
    Task<BurstSummary> StartAsync(string definitionId, JsonObject? input, Trigger trigger, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark with input. With a <see cref="Trigger.RequestId"/> a repeated call is applied once.</summary>
    /// <exception cref="WorkflowNotFoundException">No such instance.</exception>
    /// <exception cref="BookmarkNotFoundException">The bookmark does not exist (any more).</exception>
    /// <exception cref="InstanceStateException">The instance cannot be resumed in its status.</exception>
    Task<BurstSummary> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input, Trigger trigger, CancellationToken cancellationToken = default);

    /// <summary>Cancels an instance: its bookmarks and timers are removed.</summary>
    Task<BurstSummary> CancelAsync(string instanceId, Trigger trigger, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the failed activity of an incident again.</summary>
    /// <exception cref="IncidentNotFoundException">No open incident with that id.</exception>
    Task<BurstSummary> RetryIncidentAsync(string instanceId, string incidentId, Trigger trigger, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a waiting instance's input without running a step, e.g. a document added to the case a running instance handles.
    /// <paramref name="amend"/> changes the input it is given and returns what the journal line
    /// (<see cref="Journal.JournalKinds.InputAmended"/>) records; it may run more than once when a concurrent burst wins.
    /// </summary>
    /// <exception cref="InstanceStateException">The instance is finished or cancelled.</exception>
    Task<BurstSummary> AmendInputAsync(string instanceId, Func<JsonObject, JsonObject?> amend, Trigger trigger, CancellationToken cancellationToken = default);

    /// <summary>Where the instance would land in version <paramref name="toVersion"/> of its definition (a dry run; changes nothing).</summary>
    /// <exception cref="WorkflowNotFoundException">No such instance or version.</exception>
    MigrationPlan PlanMigration(string instanceId, int toVersion);

    /// <summary>
    /// Moves a running instance to version <paramref name="toVersion"/> of its definition, keeping its state; journaled as
    /// <see cref="Journal.JournalKinds.InstanceMigrated"/>. Runs no step.
    /// </summary>
    /// <exception cref="MigrationRefusedException">The instance cannot be mapped (the reasons are in the message).</exception>
    /// <exception cref="InstanceStateException">The instance is finished or cancelled.</exception>
    Task<BurstSummary> MigrateAsync(string instanceId, int toVersion, Trigger trigger, CancellationToken cancellationToken = default);
}

/// <summary>The instance after a burst.</summary>
/// <param name="AlreadyApplied">True when the request id had been applied before; nothing changed now.</param>
public sealed record BurstSummary(string InstanceId, WorkflowStatus Status, IReadOnlyList<BookmarkSummary> Bookmarks, bool AlreadyApplied = false);

public sealed record BookmarkSummary(string Id, string Name, string ActivityId, DateTimeOffset? DueAt);

public class WorkflowException(string message) : Exception(message);

public sealed class WorkflowNotFoundException(string message) : WorkflowException(message);

public sealed class BookmarkNotFoundException(string instanceId, string bookmarkId)
    : WorkflowException($"Bladwijzer {bookmarkId} bestaat niet (meer) bij instantie {instanceId}.");

public sealed class IncidentNotFoundException(string instanceId, string incidentId)
    : WorkflowException($"Incident {incidentId} is niet open bij instantie {instanceId}.");

public sealed class InstanceStateException(string message) : WorkflowException(message);

/// <summary>An instance cannot move to the asked version; the message says why (in Dutch).</summary>
public sealed class MigrationRefusedException(string message) : WorkflowException(message);

public sealed class WorkflowInputException(string message) : WorkflowException(message)
{
    /// <summary>A refusal for every problem of the input (see <see cref="RouteInputCheck"/>), joined in the message.</summary>
    public WorkflowInputException(IReadOnlyList<string> problems)
        : this(string.Join(" ", problems)) => Problems = problems;

    /// <summary>Each problem on its own, as a form shows them beside the field.</summary>
    public IReadOnlyList<string> Problems { get; } = [message];
}

/// <summary>
/// Thrown by an activity's resume when the input cannot be accepted (an unknown choice, an answer from someone the
/// bookmark is not meant for, a step taken before what it depends on is complete). The burst is dropped, so the
/// bookmark stays and nothing is stored; the caller gets the message.
/// </summary>
public sealed class ResumeRejectedException(string message) : WorkflowException(message);
