using AdviesRoute.Host.Search;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Zoeken;

/// <summary>
/// <c>/Zoeken?q=</c>: full-text search for the secretariat, process owners and administrators, over every proposal and
/// document they may read (all of them, confidential ones marked "vertrouwelijk"). A GET form: works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(IProposalSearch search) : PageModel
{
    public SearchResultsView View { get; private set; } = new("/Zoeken", null, null, [], 0, Public: false);

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        // The form sent with nothing typed binds as null: answer it as a search (with its message), unlike a first visit.
        if (q is null && !Request.Query.ContainsKey("q"))
        {
            return;
        }

        q ??= "";

        var result = await search.SearchAsync(new SearchRequest(q, SearchScope.SignedIn), cancellationToken);
        var rows = result.Hits.Select(h => new SearchResultRow(
            h.ProposalTitle,
            $"/Voorstellen/{Uri.EscapeDataString(h.ProposalId)}",
            h.DocumentName,
            h.DocumentId is null ? null : $"/documenten/{Uri.EscapeDataString(h.DocumentId)}",
            h.Confidential,
            h.TextPending,
            null,
            h.Passage)).ToList();
        View = new SearchResultsView("/Zoeken", q.Trim(), result.Problem, rows, result.Total, Public: false);
    }
}
