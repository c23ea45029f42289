using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Api.Definitions;

/// <summary><c>GET /api/definitions/{definitionId}/versions/{version}</c>: one stored version as its JSON.</summary>
public static class GetDefinitionVersion
{
    internal static async Task<Results<Ok<JsonNode>, ProblemHttpResult>> HandleAsync(
        string definitionId,
        int version,
        [FromServices] WorkflowDbContext db,
        CancellationToken cancellationToken)
    {
        var json = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Version == version)
            .Select(d => d.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Definitie {definitionId} versie {version} bestaat niet.")
            : TypedResults.Ok(JsonNode.Parse(json)!);
    }
}
