using System.Security.Claims;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Instances;

/// <summary>
/// <c>POST /api/instances/{instanceId}/bookmarks/{bookmarkId}/resume</c>: continues a waiting instance. A request
/// id (in the body or as <c>Idempotency-Key</c>) makes a retried call take effect once.
/// </summary>
public static class ResumeBookmark
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxRequestIdLength = 200;

    /// <param name="Input">What the bookmark is resumed with; its shape depends on the activity.</param>
    /// <param name="RequestId">Makes the call idempotent; alternatively send the <c>Idempotency-Key</c> header.</param>
    public sealed record Request(JsonNode? Input = null, string? RequestId = null);

    internal static async Task<Results<Ok<BurstSummary>, ValidationProblem>> HandleAsync(
        string instanceId,
        string bookmarkId,
        [FromBody] Request? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        [FromServices] IWorkflowRuntime runtime,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var fromBody = string.IsNullOrEmpty(request?.RequestId) ? null : request.RequestId;
        var fromHeader = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey;
        if (fromBody is not null && fromHeader is not null && fromBody != fromHeader)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["requestId"] = [$"requestId en de header {IdempotencyKeyHeader} verschillen; stuur er één, of twee gelijke."] },
                title: "Ongeldig verzoek");
        }

        var requestId = fromBody ?? fromHeader;
        if (requestId is { Length: > MaxRequestIdLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["requestId"] = [$"Een verzoek-id is hoogstens {MaxRequestIdLength} tekens lang."] },
                title: "Ongeldig verzoek");
        }

        var summary = await runtime.ResumeAsync(instanceId, bookmarkId, request?.Input, ApiTrigger.For(user, requestId), cancellationToken);
        return TypedResults.Ok(summary);
    }
}
