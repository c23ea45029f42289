using System.ComponentModel;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// <c>GET /api/openbaar/v1/stukken/{documentId}</c>: one public stuk's facts and its download address on the portal; a
/// stuk that was public and was withdrawn is 410 Gone with when and why, as on the portal.
/// </summary>
internal static class GetDocument
{
    public static async Task<Results<Ok<OpenDataDocument>, ProblemHttpResult>> HandleAsync(
        [Description("Het kenmerk van het stuk.")] string documentId,
        [FromServices] IPublicCatalog catalog,
        [FromServices] OpenDataLinks links,
        CancellationToken cancellationToken)
    {
        if (await catalog.DocumentAsync(documentId, cancellationToken) is { } document)
        {
            return TypedResults.Ok(OpenDataMapping.Document(document, links));
        }

        return await catalog.WithdrawnDocumentAsync(documentId, cancellationToken) is { } withdrawn
            ? OpenDataProblems.Withdrawn(OpenDataMapping.Withdrawal(withdrawn))
            : OpenDataProblems.NotFound("Er is geen openbaar stuk met het kenmerk {0}.", documentId);
    }
}
