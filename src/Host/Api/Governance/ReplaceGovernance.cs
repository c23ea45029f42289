using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>PUT /api/governance</c>: replaces the whole model by a seed-shaped document. A refused document (400 with every
/// error and its path) stores nothing; so does an unchanged one (the version stays).
/// </summary>
public static class ReplaceGovernance
{
    /// <param name="Version">The current version of the model after the call.</param>
    public sealed record Response(long Version);

    internal static async Task<Ok<Response>> HandleAsync(
        HttpRequest request,
        [FromServices] GovernanceStore store,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var json = await GovernanceRequest.ReadJsonAsync(request, cancellationToken);
        var snapshot = await store.ReplaceModelAsync(json, GovernanceRequest.Actor(user), cancellationToken);
        return TypedResults.Ok(new Response(snapshot.ModelVersion));
    }
}
