using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>POST /api/governance/members</c>: adds one member (seed shape), e.g. the successor of a member whose term
/// ends. The whole resulting model is validated; errors of the member have paths into it (<c>$.email</c>).
/// </summary>
public static class AddMember
{
    /// <param name="Version">The new version of the model.</param>
    /// <param name="MemberId">The member added.</param>
    public sealed record Response(long Version, string MemberId);

    internal static async Task<Ok<Response>> HandleAsync(
        HttpRequest request,
        [FromServices] GovernanceStore store,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var json = await GovernanceRequest.ReadJsonAsync(request, cancellationToken);
        var snapshot = await store.AddMemberAsync(json, GovernanceRequest.Actor(user), cancellationToken);
        return TypedResults.Ok(new Response(snapshot.ModelVersion, snapshot.Model.Members[^1].Id));
    }
}
