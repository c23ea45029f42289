using System.Security.Claims;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary><c>POST /api/instances/{instanceId}/cancel</c>: stops an instance; its bookmarks and timers go.</summary>
public static class CancelInstance
{
    public const int MaxReasonLength = 2000;

    /// <param name="Reason">Why; kept in the journal.</param>
    public sealed record Request(string? Reason = null);

    internal static async Task<Results<Ok<BurstSummary>, ValidationProblem>> HandleAsync(
        string instanceId,
        [FromBody] Request? request,
        [FromServices] IWorkflowRuntime runtime,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > MaxReasonLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [$"De reden is hoogstens {MaxReasonLength} tekens lang."] },
                title: "Ongeldig verzoek");
        }

        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        return TypedResults.Ok(await runtime.CancelAsync(instanceId, ApiTrigger.For(user), reason, cancellationToken));
    }
}
