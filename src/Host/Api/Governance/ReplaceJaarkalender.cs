using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>PUT /api/jaarkalender</c>: replaces the jaarkalender, checked against the current model (existing dates and
/// times, known bodies). A refused document stores nothing; the documents deadlines are computed on the Atw calendar.
/// With <c>If-Match: "N"</c> it is refused (412) when the stored version is no longer N; the answer carries the new
/// version as <c>ETag</c>.
/// </summary>
public static class ReplaceJaarkalender
{
    /// <param name="Version">The current version of the jaarkalender after the call.</param>
    public sealed record Response(long Version);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        [FromServices] GovernanceStore store,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!GovernanceRequest.TryExpectedVersion(request, out var expectedVersion, out var problem))
        {
            return problem;
        }

        var json = await GovernanceRequest.ReadJsonAsync(request, cancellationToken);
        var snapshot = await store.ReplaceCalendarAsync(json, GovernanceRequest.Actor(user), expectedVersion, cancellationToken);
        GovernanceRequest.SetETag(request.HttpContext.Response, snapshot.CalendarVersion);
        return TypedResults.Ok(new Response(snapshot.CalendarVersion));
    }
}
