using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Activities;

/// <summary>What an activity tells the engine: go on through ports, wait on bookmarks, or end its path.</summary>
public sealed class ActivityResult
{
    private ActivityResult(ResultKind kind, IReadOnlyList<string> ports, IReadOnlyList<BookmarkRequest> bookmarks, bool replaceBookmarks = false)
    {
        Kind = kind;
        Ports = ports;
        Bookmarks = bookmarks;
        ReplacesBookmarks = replaceBookmarks;
    }

    /// <summary>Whether the bookmarks the token still holds are dropped first (with their timers).</summary>
    public bool ReplacesBookmarks { get; }

    public ResultKind Kind { get; }
    public IReadOnlyList<string> Ports { get; }
    public IReadOnlyList<BookmarkRequest> Bookmarks { get; }

    /// <summary>Completes and follows the connections of the given ports.</summary>
    public static ActivityResult Complete(params string[] ports) => new(ResultKind.Complete, ports, []);

    /// <summary>Waits: the token stays here until one of the bookmarks is resumed.</summary>
    public static ActivityResult Wait(params BookmarkRequest[] bookmarks) => new(ResultKind.Wait, [], bookmarks);

    /// <summary>
    /// Waits on these bookmarks instead of the ones the token still holds, e.g. when a step moves to its next phase
    /// (the open requests close at a deadline and new ones are asked for).
    /// </summary>
    public static ActivityResult WaitInstead(params BookmarkRequest[] bookmarks) => new(ResultKind.Wait, [], bookmarks, replaceBookmarks: true);

    /// <summary>The token stops here without error (e.g. a Join that still waits for other branches).</summary>
    public static ActivityResult Consume() => new(ResultKind.Consume, [], []);

    /// <summary>Ends the whole instance (the End activity).</summary>
    public static ActivityResult EndInstance() => new(ResultKind.EndInstance, [], []);
}

public enum ResultKind
{
    Complete,
    Wait,
    Consume,
    EndInstance,
}

/// <summary>A bookmark an activity asks for. <paramref name="DueAt"/> makes it a durable timer.</summary>
/// <param name="Name">What the bookmark waits for (e.g. a signal name, or <c>Timer</c>).</param>
public sealed record BookmarkRequest(string Name, JsonObject? Payload = null, DateTimeOffset? DueAt = null);

/// <summary>The resume that woke an activity.</summary>
public sealed record ResumeArgs(string BookmarkId, string BookmarkName, JsonObject? Payload, JsonNode? Input);
