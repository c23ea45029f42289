using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// <c>/openbaar/zoeken?q=</c>: the public search, without login. It finds only what the portal publishes now
/// (<see cref="IPublicCatalog.PublicIdsAsync"/>): public proposals by their title and beslispunten, public stukken by their
/// name and text; every hit links to its portal address. Rate-limited per client address (policy
/// <see cref="PublicSearchRateLimit.Policy"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicSearchRateLimit.Policy)]
[IgnoreAntiforgeryToken]
public sealed class ZoekenModel(IProposalSearch search, IPublicCatalog catalog, HostDbContext db) : PageModel
{
    public SearchResultsView View { get; private set; } = new(Path, null, null, [], 0, Public: true);

    private const string Path = "/openbaar/zoeken";

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        if (q is null && !Request.Query.ContainsKey("q"))
        {
            return;
        }

        q ??= "";
        var result = await search.SearchAsync(new SearchRequest(q, SearchScope.Public), cancellationToken);
        var rows = new List<SearchResultRow>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            rows.Add(hit.DocumentId is { } documentId && await catalog.DocumentAsync(documentId, cancellationToken) is { } document
                ? new SearchResultRow(hit.ProposalTitle, PortalPaths.Meeting(document.MeetingId), "Stuk", document.Name, document.Path, false, hit.TextPending,
                    Context(document.BodyName, document.MeetingDate), hit.Passage)
                : await ProposalRowAsync(hit, cancellationToken));
        }

        View = new SearchResultsView(Path, q.Trim(), result.Problem, rows, result.Total, Public: true);
    }

    /// <summary>A public proposal links to the newest published meeting that has it on its agenda or besluitenlijst.</summary>
    private async Task<SearchResultRow> ProposalRowAsync(SearchHit hit, CancellationToken cancellationToken)
    {
        var meetingIds = await db.AgendaItems.AsNoTracking().Where(a => a.InstanceId == hit.ProposalId).Select(a => a.MeetingId).ToListAsync(cancellationToken);
        var found = new List<(PublicMeeting Meeting, string Href)>();
        foreach (var meetingId in meetingIds.Distinct())
        {
            if (await catalog.MeetingAsync(meetingId, cancellationToken) is not { } detail)
            {
                continue;
            }

            if (detail.Besluitenlijst.FirstOrDefault(d => d.ProposalId == hit.ProposalId) is { } decision)
            {
                found.Add((detail.Meeting, $"{PortalPaths.Meeting(meetingId)}#besluit-{decision.Number}"));
            }
            else if (detail.Agenda.Any(i => i.ProposalId == hit.ProposalId))
            {
                found.Add((detail.Meeting, PortalPaths.Meeting(meetingId)));
            }
        }

        var newest = found.OrderByDescending(f => f.Meeting.Date).FirstOrDefault();
        return new SearchResultRow(hit.ProposalTitle, newest.Href, "Voorstel", null, null, false, false,
            newest.Meeting is null ? null : Context(newest.Meeting.BodyName, newest.Meeting.Date), hit.Passage);
    }

    private static string Context(string bodyName, DateOnly date) => $"{bodyName}, vergadering van {DutchFormat.Day(date)}";
}
