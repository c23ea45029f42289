using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// An instance as the engine stored it: where it stands, what it waits on, its data and its attributes. Read through
/// <see cref="IWorkflowReader"/>; every read gives a view of its own (its JSON is a copy the caller may keep).
/// </summary>
/// <remarks>
/// The view an <see cref="IInstanceAttributeSource"/> gets during a burst is the exception: its JSON is the live state,
/// not to be changed.
/// </remarks>
public sealed class InstanceView
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    /// <summary>The exact stored definition version the instance runs on (for <see cref="IWorkflowReader.GetDefinitionModelAsync"/>).</summary>
    public required string DefinitionVersionId { get; init; }

    /// <summary>Suspended (waiting), Faulted (an open incident), Finished or Cancelled.</summary>
    public required WorkflowStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it finished or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The input it was started with (as amended since).</summary>
    public required JsonObject Input { get; init; }

    public required IReadOnlyDictionary<string, JsonNode?> Variables { get; init; }

    /// <summary>The paths of execution still open, each at an activity; empty once finished.</summary>
    public required IReadOnlyList<TokenView> Tokens { get; init; }

    /// <summary>
    /// The state each activity keeps between arrivals and resumes, by activity id (e.g. the answers an activity
    /// collected); its shape belongs to the activity.
    /// </summary>
    public required IReadOnlyDictionary<string, JsonObject> ActivityStates { get; init; }

    /// <summary>The open incidents (an activity that threw), oldest first.</summary>
    public required IReadOnlyList<IncidentView> Incidents { get; init; }

    /// <summary>The End activity it finished at.</summary>
    public string? EndActivityId { get; init; }

    /// <summary>What an activity set as the instance's result.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>Its searchable attributes (empty when no <see cref="IInstanceAttributeSource"/> is registered).</summary>
    public required IReadOnlyList<InstanceAttribute> Attributes { get; init; }

    /// <summary>Every bookmark with the token (and so the activity) that waits on it, oldest first.</summary>
    public IEnumerable<(TokenView Token, BookmarkView Bookmark)> Waiting() =>
        Tokens.SelectMany(t => t.Bookmarks.Select(b => (t, b))).OrderBy(x => x.b.CreatedAt).ThenBy(x => x.b.Id, StringComparer.Ordinal);

    /// <summary>Every bookmark, in token order.</summary>
    public IEnumerable<BookmarkView> AllBookmarks() => Tokens.SelectMany(t => t.Bookmarks);

    /// <summary>The bookmark with this id, with its token; null when the instance does not (or no longer) wait on it.</summary>
    public (TokenView Token, BookmarkView Bookmark)? FindBookmark(string bookmarkId)
    {
        foreach (var token in Tokens)
        {
            foreach (var bookmark in token.Bookmarks)
            {
                if (bookmark.Id == bookmarkId)
                {
                    return (token, bookmark);
                }
            }
        }

        return null;
    }

    /// <summary>The state of one activity, or null when it keeps none.</summary>
    public JsonObject? ActivityState(string activityId) => ActivityStates.GetValueOrDefault(activityId);

    /// <summary>The values of one attribute.</summary>
    public IEnumerable<string> AttributeValues(AttributeName name) => Attributes.Where(a => a.Name == name).Select(a => a.Value);

    /// <summary>The columns without the state, as lists show them.</summary>
    public InstanceSummary ToSummary() => new(Id, DefinitionId, DefinitionVersion, DefinitionVersionId, Status, CreatedAt, UpdatedAt, FinishedAt);

    /// <summary>A view of a state: the live objects when the caller owns them (a fresh read, or the source's read-only view).</summary>
    internal static InstanceView Of(InstanceSummary row, InstanceState state, IReadOnlyList<InstanceAttribute> attributes) => new()
    {
        Id = row.Id,
        DefinitionId = row.DefinitionId,
        DefinitionVersion = row.DefinitionVersion,
        DefinitionVersionId = row.DefinitionVersionId,
        Status = row.Status,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        FinishedAt = row.FinishedAt,
        Input = state.Input,
        Variables = state.Variables,
        Tokens = state.Tokens.Select(t => new TokenView(t.Id, t.ActivityId, t.Status == TokenStatus.Faulted,
            t.Bookmarks.Select(b => new BookmarkView(b.Id, b.Name, b.Payload, b.DueAt, b.CreatedAt)).ToList())).ToList(),
        ActivityStates = state.ActivityStates,
        Incidents = state.Incidents.Select(i => new IncidentView(i.Id, row.Id, i.TokenId, i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, i.At, null)).ToList(),
        EndActivityId = state.EndActivityId,
        Result = state.Result,
        Attributes = attributes,
    };
}

/// <summary>A path of execution, standing at an activity.</summary>
/// <param name="Faulted">True when its activity threw: an open incident holds it.</param>
/// <param name="Bookmarks">What it waits on (none while faulted or on its way).</param>
public sealed record TokenView(string Id, string ActivityId, bool Faulted, IReadOnlyList<BookmarkView> Bookmarks);

/// <summary>Something a waiting activity waits on: a request to people, a signal, or a moment (<see cref="DueAt"/>).</summary>
/// <param name="Name">The kind of wait, as the activity names it (e.g. <c>Stem</c>, <c>Termijn</c>).</param>
/// <param name="Payload">What the activity put on it (who is asked, the choices, the deadline's text).</param>
/// <param name="DueAt">For a timer: when it goes off by itself.</param>
public sealed record BookmarkView(string Id, string Name, JsonObject? Payload, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

/// <summary>An activity that threw; open until it is retried successfully (or its instance ends).</summary>
/// <param name="TokenId">The token it holds.</param>
/// <param name="ResolvedAt">When it was resolved; null while open.</param>
public sealed record IncidentView(string Id, string InstanceId, string TokenId, string ActivityId, string ActivityType, string Message, string ExceptionType,
    DateTimeOffset At, DateTimeOffset? ResolvedAt);

/// <summary>An instance's columns without its state: what a list shows.</summary>
public sealed record InstanceSummary(string Id, string DefinitionId, int DefinitionVersion, string DefinitionVersionId, WorkflowStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>A page of a keyset-paged list, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record InstancesPage<T>(IReadOnlyList<T> Items, string? NextCursor);
