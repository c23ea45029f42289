using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

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
public sealed class ZoekenModel(IProposalSearch search, IPublicCatalog catalog) : PageModel
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
            if (hit.DocumentId is null)
            {
                rows.Add(await ProposalRowAsync(hit, cancellationToken));
            }
            else if (await catalog.DocumentAsync(hit.DocumentId, cancellationToken) is { } document)
            {
                rows.Add(new SearchResultRow(hit.ProposalTitle, PortalPaths.Meeting(document.MeetingId), document.Name, document.Path, false, hit.TextPending,
                    Context(document.BodyName, document.MeetingDate), hit.Passage));
            }

            // A stuk withdrawn between the search and this line is left out.
        }

        View = new SearchResultsView(Path, q.Trim(), result.Problem, rows, result.Total, Public: true);
    }

    /// <summary>A public proposal links to the newest published meeting that has it on its besluitenlijst or agenda.</summary>
    private async Task<SearchResultRow> ProposalRowAsync(SearchHit hit, CancellationToken cancellationToken)
    {
        _proposalMeetings ??= await ProposalMeetingsAsync(cancellationToken);
        var found = _proposalMeetings.GetValueOrDefault(hit.ProposalId);
        return new SearchResultRow(hit.ProposalTitle, found.Href, null, null, false, false,
            found.Meeting is null ? null : Context(found.Meeting.BodyName, found.Meeting.Date), hit.Passage);
    }

    private Dictionary<string, (PublicMeeting Meeting, string Href)>? _proposalMeetings;

    /// <summary>Per public proposal its newest published meeting (the catalog keeps what it read for this request).</summary>
    private async Task<Dictionary<string, (PublicMeeting Meeting, string Href)>> ProposalMeetingsAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (PublicMeeting Meeting, string Href)>(StringComparer.Ordinal);
        foreach (var body in await catalog.BodiesAsync(cancellationToken))
        {
            foreach (var meeting in await catalog.MeetingsAsync(body.Id, cancellationToken))
            {
                if ((meeting.AgendaPublishedAt is null && meeting.BesluitenlijstPublishedAt is null)
                    || await catalog.MeetingAsync(meeting.Id, cancellationToken) is not { } detail)
                {
                    continue;
                }

                var here = detail.Besluitenlijst.Where(d => d.ProposalId is not null).Select(d => (Id: d.ProposalId!, Href: $"{PortalPaths.Meeting(meeting.Id)}#besluit-{d.Number}"))
                    .Concat(detail.Agenda.Where(i => i.ProposalId is not null).Select(i => (Id: i.ProposalId!, Href: PortalPaths.Meeting(meeting.Id))));
                foreach (var (id, href) in here)
                {
                    if (!found.TryGetValue(id, out var known) || known.Meeting.Date < meeting.Date)
                    {
                        found[id] = (meeting, href);
                    }
                }
            }
        }

        return found;
    }

    private static string Context(string bodyName, DateOnly date) => $"{bodyName}, vergadering van {DutchFormat.Day(date)}";
}
