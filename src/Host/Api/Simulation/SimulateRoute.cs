using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Simulation;

/// <summary>
/// <c>POST /api/simulations</c>: the earliest decision date of a proposal kind on the jaarkalender, with every
/// meeting and deadline on the way, for both governance models side by side.
/// </summary>
public static class SimulateRoute
{
    /// <param name="DefinitionId">The definition to walk, e.g. <c>voorstel</c>.</param>
    /// <param name="Start">The day the proposal starts (jjjj-mm-dd).</param>
    /// <param name="Input">The definition's inputs, e.g. <c>{ "soort": "begroting", "pijler": "PubliekeGezondheid" }</c>;
    /// <c>bestuursmodel</c> is set by the simulation for each model.</param>
    /// <param name="Version">A specific version; the published one when absent.</param>
    public sealed record Request(string? DefinitionId, DateOnly? Start, JsonObject? Input = null, int? Version = null);

    internal static async Task<Results<Ok<ModelComparison>, ProblemHttpResult>> HandleAsync(
        [FromBody] Request request,
        [FromServices] IWorkflowReader reader,
        [FromServices] RouteSimulator simulator,
        [FromServices] IGovernanceDirectory directory,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId) || request.Start is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Ongeldige invoer", "Geef 'definitionId' en 'start' (jjjj-mm-dd) op.");
        }

        var stored = await reader.GetDefinitionAsync(
            request.Version is { } version ? DefinitionRef.OfVersion(request.DefinitionId, version) : DefinitionRef.Published(request.DefinitionId),
            cancellationToken);
        if (stored is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Niet gevonden",
                $"Er is geen {(request.Version is null ? "gepubliceerde " : "")}definitie '{request.DefinitionId}'{(request.Version is null ? "" : $" versie {request.Version}")}.");
        }

        var definition = stored.Model;
        var input = request.Input ?? [];
        var missing = definition.Inputs.Where(i => i.Required && i.Name != "titel" && input[i.Name] is null).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Ongeldige invoer", $"Voor de simulatie is nodig: {string.Join(", ", missing)}.");
        }

        // A value outside a choice input's choices (a misspelled pillar) would walk a branch no proposal can take.
        var misfits = definition.Inputs.Where(i => input[i.Name] is not null).Select(i => RouteInputCheck.Problem(i, input[i.Name])).OfType<string>().ToList();
        if (misfits.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Ongeldige invoer", string.Join(" ", misfits));
        }

        try
        {
            return TypedResults.Ok(simulator.Compare(definition, input, request.Start.Value, directory.Current));
        }
        catch (SimulationException ex)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Route niet te plannen", ex.Message);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
