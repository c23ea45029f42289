using System.Security.Claims;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary><c>POST /api/instances/{instanceId}/cancel</c>: stops an instance; its bookmarks and timers go.</summary>
public static class CancelInstance
{
    /// <param name="Reason">Why; kept in the journal.</param>
    public sealed record Request(string? Reason = null);

    internal static async Task<Results<Ok<BurstSummary>, ValidationProblem>> HandleAsync(
        string instanceId,
        [FromBody] Request? request,
        [FromServices] IWorkflowRuntime runtime,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (FreeText.IsTooLong(request?.Reason))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [FreeText.TooLongMessage("De reden", request!.Reason!)] },
                title: "Ongeldig verzoek");
        }

        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        return TypedResults.Ok(await runtime.CancelAsync(instanceId, ApiTrigger.For(user), reason, cancellationToken));
    }
}
