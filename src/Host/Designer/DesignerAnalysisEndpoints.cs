using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Designer;

/// <summary>
/// The designer's look at a whole route: every distinct path ("alle paden") with the inputs and outcomes that lead to
/// it, the steps no path reaches, and the warnings that come from the paths (not blocking). Nothing is stored or sent.
/// </summary>
internal static class DesignerAnalysisEndpoints
{
    public static void MapDesignerAnalysis(this RouteGroupBuilder definitions)
    {
        definitions.MapGet("/{definitionId}/draft/paths", PathsAsync)
            .RequireAuthorization(Policies.DesignWorkflows).WithName("DraftPaths")
            .WithSummary("Alle paden door het concept: welke invoer en uitkomsten tot elk pad leiden, welke stappen geen pad bereikt, en waarschuwingen.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<RouteAnalysis>, ProblemHttpResult>> PathsAsync(string definitionId, [FromServices] DesignerDrafts drafts,
        [FromServices] ActivityRegistry registry, [FromServices] IExpressionEvaluator evaluator, CancellationToken cancellationToken)
    {
        var (model, problem) = await ReadAsync(definitionId, drafts, cancellationToken);
        return problem ?? (Results<Ok<RouteAnalysis>, ProblemHttpResult>)TypedResults.Ok(new RoutePaths(registry, evaluator).Analyse(model!));
    }

    /// <summary>The draft as a model, or why not.</summary>
    internal static async Task<(WorkflowDefinitionModel? Model, ProblemHttpResult? Problem)> ReadAsync(string definitionId, DesignerDrafts drafts,
        CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(definitionId, cancellationToken) is not { } view)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Definitie '{definitionId}' bestaat niet."));
        }

        if (view.Errors.Count > 0)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige definitie",
                detail: "Het concept heeft nog fouten; los die eerst op.", extensions: new Dictionary<string, object?> { ["errors"] = view.Errors }));
        }

        return (DefinitionParser.Parse(view.Definition.ToJsonString()), null);
    }
}
