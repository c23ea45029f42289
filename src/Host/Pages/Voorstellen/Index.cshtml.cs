using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>Every proposal with its current step, whom it waits on and its next deadline; filters, search and paging.</summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(ProposalReader reader, IGovernanceDirectory directory) : PageModel
{
    public ProposalPage Proposals { get; private set; } = new([], null);

    public string? Zoek { get; private set; }
    public string? Pijler { get; private set; }
    public string? Status { get; private set; }
    public string? Orgaan { get; private set; }

    /// <summary>The bodies one can filter on: the GR's own bodies, and all councils or colleges together.</summary>
    public IReadOnlyList<(string Id, string Name)> Bodies { get; private set; } = [];

    public async Task OnGetAsync(string? zoek, string? pijler, string? status, string? orgaan, string? na, CancellationToken cancellationToken)
    {
        (Zoek, Pijler, Status, Orgaan) = (zoek, pijler, status, orgaan);
        Bodies = [.. directory.Current.Model.Bodies
            .Where(b => b.Municipality is null)
            .Select(b => (b.Id, b.Name)), (ProposalReader.Councils, "Gemeenteraden"), (ProposalReader.Colleges, "Colleges van B en W")];
        var filter = new ProposalFilter(zoek, pijler, status, orgaan);
        try
        {
            Proposals = await reader.PageAsync(filter, na, cancellationToken);
        }
        catch (FormatException)
        {
            // A "volgende pagina" link this host did not make (or one from before an upgrade): start at the first page.
            Proposals = await reader.PageAsync(filter, null, cancellationToken);
        }
    }
}
