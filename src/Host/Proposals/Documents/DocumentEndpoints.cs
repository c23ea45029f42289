using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Documents;

/// <summary>
/// Downloads of proposal documents: <c>/documenten/{id}</c> for signed-in staff, <c>/verzoek/{token}/stukken/{id}</c>
/// for a board member through their personal link. Always as an attachment with the content type found on upload
/// and nosniff, so a browser never renders an uploaded file inside this site.
/// </summary>
internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapProposalDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documenten/{id}", DownloadAsync)
            .RequireAuthorization(Policies.ReadWorkflows)
            .ExcludeFromDescription();
        app.MapGet("/verzoek/{token}/stukken/{id}", DownloadThroughLinkAsync)
            .AllowAnonymous()
            .RequireRateLimiting(LinkRateLimits.Policy)
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        string id, [FromServices] HostDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var document = await db.ProposalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? TypedResults.NotFound() : Attachment(http, document);
    }

    /// <summary>
    /// Only while the token's request is open (not closed, expired, of an earlier round or passed on with an ended
    /// term), for a document of that instance that is not marked for another body, and for a confidential document only
    /// in the browser that entered the one-time code. Anything else gets the same plain 404 as an unknown token, so the
    /// answer does not tell whether a document or a link exists.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> DownloadThroughLinkAsync(
        string token,
        string id,
        [FromServices] LinkResolver resolver,
        [FromServices] ConfidentialDocuments confidential,
        [FromServices] HostDbContext db,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(token, cancellationToken);
        if (resolved.Link is not { } link || resolved.Status != LinkStatus.Open)
        {
            return TypedResults.NotFound();
        }

        var document = await db.ProposalDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == id && d.InstanceId == link.InstanceId, cancellationToken);
        if (document is null
            || (document.ForBodyId is not null && document.ForBodyId != resolved.BodyId)
            || (document.Confidential && !confidential.IsUnlocked(http, link)))
        {
            return TypedResults.NotFound();
        }

        return Attachment(http, document);
    }

    private static FileContentHttpResult Attachment(HttpContext http, ProposalDocument document)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store"; // confidential or not, a shared cache or proxy keeps no copy
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }
}
