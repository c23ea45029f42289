using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Api.Instances;

/// <summary><c>GET /api/instances/{instanceId}</c>: an instance with its variables, bookmarks, open incidents and journal.</summary>
public static class GetInstance
{
    public sealed record Response(
        string Id,
        string DefinitionId,
        int DefinitionVersion,
        string Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? FinishedAt,
        IReadOnlyDictionary<string, JsonNode?> Variables,
        IReadOnlyList<Bookmark> Bookmarks,
        IReadOnlyList<Incident> Incidents,
        IReadOnlyList<JournalEntry> Journal);

    public sealed record Bookmark(string Id, string Name, string ActivityId, string TokenId, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, JsonNode? Payload);

    public sealed record Incident(string Id, string ActivityId, string ActivityType, string Message, string ExceptionType, DateTimeOffset At);

    public sealed record JournalEntry(
        long Sequence,
        DateTimeOffset At,
        string Kind,
        string? ActivityId,
        string? ActivityType,
        string? Outcome,
        string? Actor,
        string Channel,
        string? RequestId,
        JsonNode? Data);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        string instanceId,
        [FromServices] WorkflowDbContext db,
        CancellationToken cancellationToken)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Instantie {instanceId} bestaat niet.");
        }

        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)
            .OrderBy(i => i.At).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var journal = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.Sequence)
            .ToListAsync(cancellationToken);

        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, WorkflowJson.Options) ?? new InstanceState();
        return TypedResults.Ok(new Response(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            instance.Status,
            Utc(instance.CreatedAt),
            Utc(instance.UpdatedAt),
            instance.FinishedAt is { } finished ? Utc(finished) : null,
            state.Variables,
            state.Waiting().Select(w => new Bookmark(
                w.Bookmark.Id, w.Bookmark.Name, w.Token.ActivityId, w.Token.Id,
                w.Bookmark.DueAt,
                w.Bookmark.CreatedAt,
                w.Bookmark.Payload)).ToList(),
            incidents.Select(i => new Incident(i.Id, i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, Utc(i.At))).ToList(),
            journal.Select(j => new JournalEntry(
                j.Sequence, Utc(j.At), j.Kind, j.ActivityId, j.ActivityType, j.Outcome, j.Actor, j.Channel, j.RequestId,
                ParseOrNull(j.DataJson))).ToList()));
    }

    /// <summary>The engine stores UTC; SQLite gives it back without a kind.</summary>
    internal static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private static JsonNode? ParseOrNull(string? json) => json is null ? null : JsonNode.Parse(json);
}
