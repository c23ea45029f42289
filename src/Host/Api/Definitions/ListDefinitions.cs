using AdviesRoute.Host.Api.Instances;
using AdviesRoute.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Api.Definitions;

/// <summary><c>GET /api/definitions</c>: the latest version of every definition.</summary>
public static class ListDefinitions
{
    public sealed record Item(string DefinitionId, int Version, string Name, string? Description, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt);

    internal static async Task<Ok<List<Item>>> HandleAsync([FromServices] WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.IsLatest)
            .OrderBy(d => d.DefinitionId)
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.IsLatest, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .Select(d => new Item(d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.IsLatest, GetInstance.Utc(d.CreatedAt)))
            .ToList());
    }
}
