using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Definitions;

/// <summary><c>GET /api/definitions</c>: the latest version of every definition.</summary>
public static class ListDefinitions
{
    public sealed record Item(string DefinitionId, int Version, string Name, string? Description, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt);

    internal static async Task<Ok<List<Item>>> HandleAsync([FromServices] IWorkflowReader reader, CancellationToken cancellationToken)
    {
        var latest = await reader.ListDefinitionsAsync(DefinitionListing.Latest, cancellationToken);
        return TypedResults.Ok(latest
            .Select(d => new Item(d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.IsLatest, d.CreatedAt))
            .ToList());
    }
}
