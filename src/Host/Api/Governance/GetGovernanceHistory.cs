using AdviesRoute.Activities.Governance.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>GET /api/governance/history?kind=</c>: every stored version of the model (<c>bestuur</c>) and the jaarkalender,
/// newest first, with who stored it, when, and what changed; without the documents.
/// </summary>
public static class GetGovernanceHistory
{
    public sealed record Entry(string Kind, long Version, string ChangedBy, DateTimeOffset ChangedAt, string Change);

    internal static async Task<Results<Ok<List<Entry>>, ValidationProblem>> HandleAsync(
        [FromServices] GovernanceStore store,
        CancellationToken cancellationToken,
        string? kind = null)
    {
        if (kind is not null && !GovernanceKinds.All.Contains(kind))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["kind"] = [$"Soort '{kind}' bestaat niet; kies {string.Join(" of ", GovernanceKinds.All)}."] },
                title: "Ongeldig verzoek");
        }

        var history = await store.HistoryAsync(kind, cancellationToken);
        return TypedResults.Ok(history.Select(v => new Entry(v.Kind, v.Version, v.Actor, v.At, v.Change)).ToList());
    }
}
