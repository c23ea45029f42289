using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary><c>GET /api/openbaar/v1/organen</c>: the bodies that publish anything, in the governance model's order.</summary>
internal static class ListBodies
{
    public static async Task<Ok<OpenDataBodyList>> HandleAsync([FromServices] IPublicCatalog catalog, [FromServices] OpenDataLinks links, CancellationToken cancellationToken) =>
        TypedResults.Ok(new OpenDataBodyList((await catalog.BodiesAsync(cancellationToken)).Select(b => OpenDataMapping.Body(b, links)).ToList()));
}
