using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// One line of an instance's journal, append-only: what happened, when, by whom and through which channel. The engine
/// writes the kinds in <see cref="Journal.JournalKinds"/>; activities add their own (an outcome an activity records).
/// </summary>
/// <param name="Sequence">Its place in the instance's journal, from 1.</param>
/// <param name="ActivityId">The activity it is about, if any.</param>
/// <param name="Outcome">The outcome the line records (an activity's port, a choice).</param>
/// <param name="Actor">Who caused the burst that wrote it.</param>
/// <param name="RequestId">The caller's request id, on the line of the trigger that carried one.</param>
/// <param name="Data">Details; its shape belongs to the kind.</param>
public sealed record JournalEntry(
    string InstanceId,
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

/// <summary>A journal line without its data, actor or channel: see <see cref="IWorkflowReader.GetJournalMarksAsync"/>.</summary>
public sealed record JournalMark(string InstanceId, long Sequence, DateTimeOffset At, string Kind, string? ActivityId);
