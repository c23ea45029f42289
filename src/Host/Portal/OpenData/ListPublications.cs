using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary><c>GET /api/openbaar/v1/publicaties?limit=</c>: the newest publications (agenda with stukken, besluitenlijst), newest first.</summary>
internal static class ListPublications
{
    public static async Task<Results<Ok<OpenDataPublicationList>, ValidationProblem>> HandleAsync(
        [FromServices] IPublicCatalog catalog,
        [FromServices] OpenDataLinks links,
        string? limit = null,
        CancellationToken cancellationToken = default)
    {
        var query = new OpenDataQuery();
        var count = query.Number(nameof(limit), limit, 1, OpenDataQuery.MaxPageSize, OpenDataQuery.DefaultPageSize);
        if (!query.IsValid)
        {
            return OpenDataProblems.InvalidQuery(query.Errors);
        }

        var entries = await catalog.RecentAsync(count, cancellationToken);
        return TypedResults.Ok(new OpenDataPublicationList(entries.Select(e => OpenDataMapping.Publication(e, links)).ToList()));
    }
}
