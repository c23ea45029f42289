using System.Security.Claims;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary><c>POST /api/instances/{instanceId}/incidents/{incidentId}/retry</c>: runs the failed activity again.</summary>
public static class RetryIncident
{
    internal static async Task<Ok<BurstSummary>> HandleAsync(
        string instanceId,
        string incidentId,
        [FromServices] IWorkflowRuntime runtime,
        ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await runtime.RetryIncidentAsync(instanceId, incidentId, ApiTrigger.For(user), cancellationToken));
}
