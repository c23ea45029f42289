using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Definitions;

/// <summary><c>GET /api/definitions/{definitionId}/versions/{version}</c>: one stored version as its JSON.</summary>
public static class GetDefinitionVersion
{
    internal static async Task<Results<Ok<JsonNode>, ProblemHttpResult>> HandleAsync(
        string definitionId,
        int version,
        [FromServices] IWorkflowReader reader,
        CancellationToken cancellationToken)
    {
        var stored = await reader.GetDefinitionAsync(DefinitionRef.OfVersion(definitionId, version), cancellationToken);
        return stored is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Definitie {definitionId} versie {version} bestaat niet.")
            : TypedResults.Ok(JsonNode.Parse(stored.Json)!);
    }
}
