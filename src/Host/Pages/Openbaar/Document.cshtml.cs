using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// A public stuk at <c>/openbaar/stukken/{id}/{name}</c>: the file as a download under its own name (any other name is
/// 404, so an address cannot be made to pass as another file); a stuk that was withdrawn answers 410 with the reason.
/// </summary>
[AllowAnonymous]
public sealed class DocumentModel(IPublicCatalog catalog) : PageModel
{
    public PublicWithdrawal? Withdrawal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string name, CancellationToken cancellationToken)
    {
        if (await catalog.DocumentFileAsync(id, cancellationToken) is { } file)
        {
            if (!string.Equals(file.Document.Name, name, StringComparison.Ordinal))
            {
                return NotFound();
            }

            // nosniff is set for every answer (security headers); the browser saves the file rather than opening it here.
            Response.Headers.XContentTypeOptions = "nosniff";
            return File(file.Content, file.Document.ContentType, file.Document.Name);
        }

        Withdrawal = await catalog.WithdrawnDocumentAsync(id, cancellationToken);
        if (Withdrawal is null || !string.Equals(Withdrawal.What, name, StringComparison.Ordinal))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
