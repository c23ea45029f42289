using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>The lifecycle of an instance. <see cref="Running"/> exists only inside a burst; what is stored
/// after a burst is one of the other four.</summary>
public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}

/// <summary>Through what a step was caused; kept in the journal.</summary>
public enum Channel
{
    Api,
    Page,
    Link,
    Timer,
    System,
}

/// <summary>Who caused a burst, and how; <paramref name="RequestId"/> makes a resume idempotent.</summary>
public sealed record Trigger(string? Actor, Channel Channel, string? RequestId = null)
{
    public static Trigger System { get; } = new("systeem", Channel.System);
}

/// <summary>Everything the engine keeps of a running instance, serialised as one JSON document.</summary>
internal sealed class InstanceState
{
    public JsonObject Input { get; set; } = [];
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];
    public List<TokenState> Tokens { get; set; } = [];
    public Dictionary<string, JsonObject> ActivityStates { get; set; } = [];
    public List<IncidentState> Incidents { get; set; } = [];
    public int NextTokenNumber { get; set; }
    public long JournalSequence { get; set; }
    public string? EndActivityId { get; set; }
    public JsonNode? Result { get; set; }

    /// <summary>
    /// The searchable attributes last written for the instance (name → values, sorted), kept here so a burst diffs
    /// against them without reading the attribute rows. Null when none were computed: no source is registered, or the
    /// state was stored before attributes existed (the start-up backfill then computes them).
    /// </summary>
    public Dictionary<string, List<string>>? Attributes { get; set; }

    public IEnumerable<BookmarkState> AllBookmarks() => Tokens.SelectMany(t => t.Bookmarks);

    /// <summary>Every bookmark with the token (and so the activity) that waits on it, oldest first.</summary>
    public IEnumerable<(TokenState Token, BookmarkState Bookmark)> Waiting() =>
        Tokens.SelectMany(t => t.Bookmarks.Select(b => (t, b))).OrderBy(x => x.b.CreatedAt).ThenBy(x => x.b.Id, StringComparer.Ordinal);
}

internal enum TokenStatus
{
    Waiting,
    Faulted,
}

/// <summary>A path of execution. Each branch of a Fork carries its own token.</summary>
internal sealed class TokenState
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";

    /// <summary>The connection the token arrived through (a Join counts arrivals by it).</summary>
    public string? ArrivedVia { get; set; }

    public TokenStatus Status { get; set; }
    public List<BookmarkState> Bookmarks { get; set; } = [];
}

internal sealed class BookmarkState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject? Payload { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An activity that threw. Kept until it is retried successfully; the token waits on it.</summary>
internal sealed class IncidentState
{
    public string Id { get; set; } = "";
    public string TokenId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Message { get; set; } = "";
    public string ExceptionType { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>Set when the failure happened while resuming, so a retry replays the same resume.</summary>
    public ResumeArgs? Resume { get; set; }
}
