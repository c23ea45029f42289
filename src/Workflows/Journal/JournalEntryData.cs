using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Journal;

/// <summary>The kinds of journal entries. The journal is append-only; an application shows it as the instance's timeline.</summary>
public static class JournalKinds
{
    public const string InstanceStarted = "InstanceStarted";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string BookmarkResumed = "BookmarkResumed";
    public const string IncidentCreated = "IncidentCreated";
    public const string IncidentRetried = "IncidentRetried";
    public const string TokenCancelled = "TokenCancelled";

    /// <summary>A token ended at an activity without error, e.g. an arrival at a Join that still waits for others.</summary>
    public const string TokenConsumed = "TokenConsumed";
    public const string InstanceFinished = "InstanceFinished";
    public const string InstanceCancelled = "InstanceCancelled";

    /// <summary>The input of a running instance was changed (see <c>IWorkflowRuntime.AmendInputAsync</c>).</summary>
    public const string InputAmended = "InputAmended";

    /// <summary>A running instance was moved to another version of its definition.</summary>
    public const string InstanceMigrated = "InstanceMigrated";
    public const string Note = "Note";
}

/// <summary>One journal line as written by a burst.</summary>
public sealed record JournalEntryData(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string? ActivityId,
    string? ActivityType,
    string? Outcome,
    string? Actor,
    Channel Channel,
    string? RequestId,
    JsonObject? Data);
