using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Ontwerper;

/// <summary>
/// <c>/Ontwerper/{definitionId}</c>: the page that hosts the designer (the React app in Designer/ClientApp, built
/// into wwwroot/designer). The app reads the draft through the API; this page only names the route.
/// </summary>
[Authorize(Policy = Policies.DesignWorkflows)]
public sealed class RouteModel(IWorkflowReader reader) : PageModel
{
    public string DefinitionId { get; private set; } = "";

    /// <summary>The latest version's name, or null for a route that does not exist yet.</summary>
    public string? Name { get; private set; }

    public async Task OnGetAsync(string definitionId, CancellationToken cancellationToken)
    {
        DefinitionId = definitionId;
        Name = await reader.ListDefinitionVersionsAsync(definitionId, cancellationToken) is [var newest, ..] ? newest.Name : null;
    }
}
