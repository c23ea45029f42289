using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary><c>GET /api/governance</c>: the current governance model (municipalities, bodies, members) with its version, also as <c>ETag</c>.</summary>
public static class GetGovernance
{
    internal static async Task<Results<Ok<GovernanceDocumentResponse>, ProblemHttpResult>> HandleAsync(
        HttpResponse response,
        [FromServices] GovernanceStore store,
        CancellationToken cancellationToken)
    {
        var stored = await store.LatestAsync(GovernanceKinds.Bestuur, cancellationToken);
        if (stored is not null)
        {
            GovernanceRequest.SetETag(response, stored.Version);
        }

        return stored is null
            ? GovernanceRequest.NothingStored("bestuursmodel")
            : TypedResults.Ok(GovernanceDocumentResponse.From(stored));
    }
}
