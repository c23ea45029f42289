using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>POST /api/governance/members</c>: adds one member (seed shape), e.g. the successor of a member whose term
/// ends. The whole resulting model is validated; errors of the member have paths into it (<c>$.email</c>). With
/// <c>If-Match: "N"</c> it is refused (412) when the model is no longer at version N.
/// </summary>
public static class AddMember
{
    /// <param name="Version">The new version of the model.</param>
    /// <param name="MemberId">The member added.</param>
    public sealed record Response(long Version, string MemberId);

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
        var snapshot = await store.AddMemberAsync(json, GovernanceRequest.Actor(user), expectedVersion, cancellationToken);
        GovernanceRequest.SetETag(request.HttpContext.Response, snapshot.ModelVersion);
        return TypedResults.Ok(new Response(snapshot.ModelVersion, snapshot.Model.Members[^1].Id));
    }
}
