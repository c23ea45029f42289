using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        [FromServices] IWorkflowReader reader,
        CancellationToken cancellationToken)
    {
        var instance = await reader.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Instantie {instanceId} bestaat niet.");
        }

        // The open incidents as the incident rows keep them (the ones a retry names), not the state's copy.
        var incidents = await reader.GetIncidentsAsync(instanceId, cancellationToken: cancellationToken);
        var journal = await reader.GetJournalAsync(instanceId, cancellationToken: cancellationToken);
        return TypedResults.Ok(new Response(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            instance.Status.ToString(),
            instance.CreatedAt,
            instance.UpdatedAt,
            instance.FinishedAt,
            instance.Variables,
            instance.Waiting().Select(w => new Bookmark(
                w.Bookmark.Id, w.Bookmark.Name, w.Token.ActivityId, w.Token.Id,
                w.Bookmark.DueAt,
                w.Bookmark.CreatedAt,
                w.Bookmark.Payload)).ToList(),
            incidents.Select(i => new Incident(i.Id, i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, i.At)).ToList(),
            journal.Select(j => new JournalEntry(
                j.Sequence, j.At, j.Kind, j.ActivityId, j.ActivityType, j.Outcome, j.Actor, j.Channel.ToString(), j.RequestId, j.Data)).ToList()));
    }
}
