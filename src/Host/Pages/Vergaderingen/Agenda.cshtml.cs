using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>
/// The print-ready agenda or besluitenlijst of a meeting, and the same as PDF and DOCX; the public version leaves out
/// what is besloten (closed items) and vertrouwelijk (confidential documents, remarks).
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class AgendaModel(MeetingMinutes minutes) : PageModel
{
    public MeetingView? View { get; private set; }

    public bool Public { get; private set; }

    public bool Decisions { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken) =>
        await LoadAsync(id, soort, openbaar, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken)
    {
        if (soort is not ("Agenda" or "Besluitenlijst"))
        {
            return false;
        }

        View = await minutes.ReadAsync(id, cancellationToken);
        Public = openbaar == "1";
        Decisions = soort == "Besluitenlijst";
        return View is not null;
    }
}
