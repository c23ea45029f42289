using System.Security.Claims;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Modes;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary><c>POST /api/definitions/{definitionId}/instances</c>: starts an instance and runs it until it waits.</summary>
public static class StartInstance
{
    /// <param name="Input">The definition's inputs.</param>
    /// <param name="Version">A specific version; the published one when absent.</param>
    public sealed record Request(JsonObject? Input = null, int? Version = null);

    internal static async Task<Results<Created<BurstSummary>, ProblemHttpResult>> HandleAsync(
        string definitionId,
        [FromBody] Request? request,
        [FromServices] IWorkflowRuntime runtime,
        [FromServices] IGovernanceDirectory directory,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // A written round where the rules do not allow one (the AB, a begroting, a reglement that says no) is refused
        // before anything starts, with the reason the start form gives.
        if (ProposalModes.Refusal(directory.Current.Model, request?.Input) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Niet aanvaard", detail: refusal);
        }

        if (AdviesRoute.Host.Proposals.DecisionPoints.DecisionPointProblems.OfStart(request?.Input) is { } refused)
        {
            return refused;
        }

        var summary = await runtime.StartAsync(definitionId, request?.Input, ApiTrigger.For(user), request?.Version, cancellationToken);
        return TypedResults.Created($"/api/instances/{Uri.EscapeDataString(summary.InstanceId)}", summary);
    }
}
