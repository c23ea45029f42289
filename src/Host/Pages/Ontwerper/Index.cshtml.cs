using AdviesRoute.Host.Api;
using AdviesRoute.Host.Designer;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Ontwerper;

/// <summary>
/// The designer's start page: every route (the latest version of each definition) with a link to edit it, and a form
/// that makes a new route in one step (empty, or a copy of a route) as a draft and opens the designer on it.
/// </summary>
[Authorize(Policy = Policies.DesignWorkflows)]
public sealed class IndexModel(IWorkflowReader reader, DesignerDrafts drafts) : PageModel
{
    public const string Empty = "leeg";
    public const string Copy = "kopie";

    public sealed record Route(string DefinitionId, string Name, string? Description, int Version, bool IsPublished, DateTimeOffset CreatedAt);

    public sealed class NewRouteForm
    {
        public string? Naam { get; set; }

        public string? Omschrijving { get; set; }

        /// <summary><see cref="Empty"/> or <see cref="Copy"/>.</summary>
        public string? Begin { get; set; }

        public string? KopieVan { get; set; }
    }

    public IReadOnlyList<Route> Routes { get; private set; } = [];

    [BindProperty]
    public NewRouteForm Nieuw { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Makes the new route and opens the designer on it; a refusal shows the form again with the reason in Dutch.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var copy = Nieuw.Begin == Copy;
        if (string.IsNullOrWhiteSpace(Nieuw.Naam))
        {
            ModelState.AddModelError("Nieuw.Naam", "Geef de nieuwe route een naam.");
        }

        if (Nieuw.Begin is not (Empty or Copy))
        {
            ModelState.AddModelError("Nieuw.Begin", "Kies waarmee de route begint: leeg, of een kopie van een route.");
        }
        else if (copy && string.IsNullOrWhiteSpace(Nieuw.KopieVan))
        {
            ModelState.AddModelError("Nieuw.KopieVan", "Kies de route die u wilt kopiëren.");
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var view = await drafts.CreateAsync(new NewRoute(Nieuw.Naam, Nieuw.Omschrijving, copy ? Nieuw.KopieVan : null), ApiTrigger.For(User).Actor ?? "onbekend", cancellationToken);
                return Redirect($"/Ontwerper/{Uri.EscapeDataString(view.DefinitionId)}");
            }
            catch (DraftRefusedException ex)
            {
                var field = (ex.Errors.Count > 0 ? ex.Errors[0].Path : null) switch
                {
                    "copyOf" => "Nieuw.KopieVan",
                    "description" => "Nieuw.Omschrijving",
                    _ => "Nieuw.Naam",
                };
                ModelState.AddModelError(field, ex.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Routes = (await reader.ListDefinitionsAsync(DefinitionListing.Latest, cancellationToken))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new Route(d.DefinitionId, d.Name, d.Description, d.Version, d.IsPublished, d.CreatedAt))
            .ToList();
}
