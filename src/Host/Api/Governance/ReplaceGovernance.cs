using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>PUT /api/governance</c>: replaces the whole model by a seed-shaped document. A refused document (400 with every
/// error and its path) stores nothing; so does an unchanged one (the version stays). With <c>If-Match: "N"</c> it
/// is refused (412) when the stored version is no longer N. The answer carries the new version as <c>ETag</c>. A
/// changed address of an existing member needs an administrator (403 otherwise, and nothing stored).
/// </summary>
public static class ReplaceGovernance
{
    /// <param name="Version">The current version of the model after the call.</param>
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
        try
        {
            // Only an administrator may change an existing member's address: it decides where links and codes go.
            var snapshot = await store.ReplaceModelAsync(json, GovernanceRequest.Actor(user), expectedVersion, user.IsInRole(Roles.Admin), cancellationToken);
            GovernanceRequest.SetETag(request.HttpContext.Response, snapshot.ModelVersion);
            return TypedResults.Ok(new Response(snapshot.ModelVersion));
        }
        catch (GovernanceAddressChangeForbiddenException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan", detail: ex.Message);
        }
    }
}
