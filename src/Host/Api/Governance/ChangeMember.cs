using System.Security.Claims;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>PUT /api/governance/members/{memberId}</c>: replaces one member by the one sent (seed shape, <c>id</c> may be
/// left out), e.g. with <c>to</c> set to end the term, or a new <c>email</c>. The id itself never changes. With
/// <c>If-Match: "N"</c> it is refused (412) when the model is no longer at version N.
/// </summary>
public static class ChangeMember
{
    /// <param name="Version">The current version of the model after the call.</param>
    public sealed record Response(long Version, string MemberId);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        string memberId,
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
            var snapshot = await store.ChangeMemberAsync(memberId, json, GovernanceRequest.Actor(user), expectedVersion, user.IsInRole(Roles.Admin), cancellationToken);
            GovernanceRequest.SetETag(request.HttpContext.Response, snapshot.ModelVersion);
            return TypedResults.Ok(new Response(snapshot.ModelVersion, memberId));
        }
        catch (GovernanceAddressChangeForbiddenException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan", detail: ex.Message);
        }
        catch (GovernanceMemberNotFoundException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: ex.Message);
        }
    }
}
