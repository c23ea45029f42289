using System.Text.RegularExpressions;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Ontwerper;

/// <summary>The designer's start page: every route (the latest version of each definition) with a link to edit it.</summary>
[Authorize(Policy = Policies.DesignWorkflows)]
public sealed partial class IndexModel(IWorkflowReader reader) : PageModel
{
    public sealed record Route(string DefinitionId, string Name, string? Description, int Version, bool IsPublished, DateTimeOffset CreatedAt);

    public IReadOnlyList<Route> Routes { get; private set; } = [];

    public string? Nieuw { get; private set; }

    public string? NieuwError { get; private set; }

    /// <summary>Lists the routes; with <c>?nieuw=id</c> opens the designer on a new route of that id.</summary>
    public async Task<IActionResult> OnGetAsync(string? nieuw, CancellationToken cancellationToken)
    {
        if (nieuw is not null)
        {
            Nieuw = nieuw.Trim();
            if (IdPattern().IsMatch(Nieuw))
            {
                return Redirect($"/Ontwerper/{Uri.EscapeDataString(Nieuw)}");
            }

            NieuwError = "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'mijn-route' (hoogstens 64 tekens).";
        }

        Routes = (await reader.ListDefinitionsAsync(DefinitionListing.Latest, cancellationToken))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new Route(d.DefinitionId, d.Name, d.Description, d.Version, d.IsPublished, d.CreatedAt))
            .ToList();
        return Page();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
