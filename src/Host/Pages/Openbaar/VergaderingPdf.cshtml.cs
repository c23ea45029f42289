using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Proposals.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// The public agenda (<c>agenda.pdf</c>) or besluitenlijst (<c>besluitenlijst.pdf</c>) of a meeting, as the secretariat
/// prints it (<see cref="MeetingDocuments"/>, public version), once published and while not withdrawn. Only the stukken the
/// portal shows are named in it; a stuk for one body's members or withdrawn on its own is left out too.
/// </summary>
[AllowAnonymous]
public sealed class VergaderingPdfModel(IPublicCatalog catalog, MeetingMinutes minutes, IOfficialDocumentWriter writer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string meetingId, string soort, CancellationToken cancellationToken)
    {
        if (soort is not ("agenda" or "besluitenlijst") || await catalog.MeetingAsync(meetingId, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        var agenda = soort == "agenda";
        if ((agenda ? detail.Meeting.AgendaPublishedAt : detail.Meeting.BesluitenlijstPublishedAt) is null || await minutes.ReadAsync(meetingId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var shown = detail.Agenda.SelectMany(i => i.Documents).Concat(detail.Besluitenlijst.SelectMany(b => b.Documents))
            .Select(d => (d.ProposalId, d.Name)).ToHashSet();
        var onlyShown = view with
        {
            Agenda = view.Agenda.Select(l => l.Proposal is { } p
                ? l with { Proposal = p with { Documents = p.Documents.Where(doc => !doc.Confidential && shown.Contains((p.InstanceId, doc.Name))).ToList() } }
                : l).ToList(),
        };
        var document = agenda ? MeetingDocuments.Agenda(onlyShown, publicVersion: true) : MeetingDocuments.Besluitenlijst(onlyShown, publicVersion: true);
        return File(writer.Pdf(document), "application/pdf", MeetingDocuments.FileName(agenda ? "Agenda" : "Besluitenlijst", view, publicVersion: true, "pdf"));
    }
}
