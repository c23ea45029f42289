using AdviesRoute.Host.Proposals.Figures;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Cijfers;

/// <summary>Figures: proposals per stage, lead time per step, and board touches per proposal.</summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(ProposalFigures figures) : PageModel
{
    public Figures Data { get; private set; } = new([], [], [], 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Data = await figures.ComputeAsync(cancellationToken);
}
