using AdviesRoute.Host.Documents;
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
public sealed class AgendaModel(MeetingMinutes minutes, IOfficialDocumentWriter writer) : PageModel
{
    public MeetingView? View { get; private set; }

    public bool Public { get; private set; }

    public bool Decisions { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken) =>
        await LoadAsync(id, soort, openbaar, cancellationToken) ? Page() : NotFound();

    /// <summary>The agenda or besluitenlijst as PDF (<c>?handler=pdf</c>), to send on.</summary>
    public Task<IActionResult> OnGetPdfAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken) =>
        DocumentAsync(id, soort, openbaar, "pdf", "application/pdf", writer.Pdf, cancellationToken);

    /// <summary>The agenda or besluitenlijst as Word document (<c>?handler=docx</c>), to edit further.</summary>
    public Task<IActionResult> OnGetDocxAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken) =>
        DocumentAsync(id, soort, openbaar, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", writer.Docx, cancellationToken);

    private async Task<IActionResult> DocumentAsync(string id, string soort, string? openbaar, string extension, string contentType,
        Func<OfficialDocument, byte[]> write, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, soort, openbaar, cancellationToken))
        {
            return NotFound();
        }

        var document = Decisions ? MeetingDocuments.Besluitenlijst(View!, Public) : MeetingDocuments.Agenda(View!, Public);
        return File(write(document), contentType, MeetingDocuments.FileName(soort, View!, Public, extension));
    }

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
