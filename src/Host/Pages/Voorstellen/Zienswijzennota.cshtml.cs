using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Zienswijzen;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// The zienswijzennota of a proposal as it stands, as PDF (to send) or DOCX (to edit further): a draft while the DB has
/// not adopted the reactions, the adopted nota after. Made from the round each time, so it always shows the latest text.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class ZienswijzennotaModel(IWorkflowReader workflows, IOfficialDocumentWriter writer, IOptions<OfficialDocumentOptions> documentOptions, TimeProvider time) : PageModel
{
    public string Id { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, string formaat, CancellationToken cancellationToken)
    {
        Id = id;
        var instance = await workflows.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            return NotFound();
        }

        var nota = NotaContent.From(instance.Input, instance.Variables.GetValueOrDefault("zienswijzen"), DutchTime.Today(time.GetUtcNow()));
        if (nota is null)
        {
            Reason = "Er is nog geen zienswijzennota: de zienswijzenronde van dit voorstel loopt nog of heeft niet plaatsgevonden.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var document = Zienswijzennota.Build(documentOptions.Value.Organisation, nota);
        var name = Zienswijzennota.FileName(nota) + (nota.Adopted is null ? " (concept)" : "");
        switch (formaat.ToLowerInvariant())
        {
            case "pdf":
                return File(writer.Pdf(document), "application/pdf", name + ".pdf");
            case "docx":
                return File(writer.Docx(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
            default:
                Reason = "De zienswijzennota is er als PDF en als Word-bestand (DOCX).";
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
        }
    }
}
