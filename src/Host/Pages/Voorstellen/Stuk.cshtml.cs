using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Api;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// The secretary adds a document to a running proposal (a revised version, an advice, a letter from a council). Read
/// as a stream like the start form, so a file over the limit is refused by name with its size, and nothing the
/// proposal had is touched by a refusal.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
[IgnoreAntiforgeryToken(Order = 1001)]
[DisableFormValueModelBinding]
public sealed class StukModel(
    ProposalReader reader,
    AddProposalDocument adder,
    IAntiforgery antiforgery,
    IGovernanceDirectory directory,
    IOptions<DocumentOptions> documentOptions,
    ILogger<StukModel> logger) : PageModel
{
    public const string FileField = "Bestand";

    public const string ConfidentialField = "Vertrouwelijk";

    public ProposalSummary? Proposal { get; private set; }

    public int MaxSizeMegabytes => documentOptions.Value.MaxSizeMegabytes;

    public string? Error { get; private set; }

    public bool Confidential { get; private set; }

    public const string ForBodyField = "AlleenVoor";

    /// <summary>The body whose members alone may read the document; null for everyone who receives the proposal.</summary>
    public string? ForBodyId { get; private set; }

    /// <summary>The bodies of the governance model, for "Alleen voor".</summary>
    public IReadOnlyList<(string Id, string Name)> Bodies => directory.Current.Model.Bodies.Select(b => (b.Id, b.Name)).ToList();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var limits = documentOptions.Value;
        // One file plus the token and the box. The body may be twice the file's limit (plus 1 MB for the rest), so a file
        // somewhat over the limit is still measured and refused by name and size rather than as "too large" alone.
        var form = await UploadForm.ReadAsync(Request, limits.MaxSizeBytes, (2 * limits.MaxSizeBytes) + (1024L * 1024L), cancellationToken);
        if (form.Unreadable is { } reason)
        {
            logger.LogInformation("Document form refused: {Reason}.", reason);
            return BadRequest();
        }

        if (!await form.AntiforgeryHoldsAsync(HttpContext, antiforgery, logger))
        {
            return BadRequest();
        }

        Confidential = form.Fields.TryGetValue(ConfidentialField, out var box) && box.Contains("true");
        var forBody = form.Fields.TryGetValue(ForBodyField, out var only) ? only.ToString().Trim() : "";
        ForBodyId = forBody.Length == 0 ? null : forBody;
        var file = form.Files.FirstOrDefault(f => f.FieldName == FileField);
        if (form.TooLarge)
        {
            Error = $"Het bestand is veel groter dan {limits.MaxSizeMegabytes} MB, de grens. Er is niets opgeslagen; kies een kleiner bestand.";
            return Refused();
        }

        if (file is null)
        {
            Error = "Kies een bestand.";
            return Refused();
        }

        if (ForBodyId is not null && directory.Current.Model.FindBody(ForBodyId) is null)
        {
            Error = "Kies bij \"Alleen voor\" een orgaan uit de lijst. Er is niets opgeslagen.";
            return Refused();
        }

        var (document, refusal) = DocumentInspection.Check(file, Confidential, limits);
        if (refusal is not null)
        {
            Error = refusal + " Er is niets opgeslagen.";
            return Refused();
        }

        try
        {
            await adder.AddAsync(id, document!, new Trigger(ApiTrigger.For(User).Actor, Channel.Page), ForBodyId, cancellationToken);
        }
        catch (WorkflowException ex)
        {
            Error = $"Het stuk is niet toegevoegd: {ex.Message}";
            return Refused(StatusCodes.Status409Conflict);
        }

        return Redirect($"/Voorstellen/{Uri.EscapeDataString(id)}?gedaan=stuk");
    }

    private PageResult Refused(int status = StatusCodes.Status422UnprocessableEntity)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Proposal = (await reader.GetAsync(id, cancellationToken))?.Summary;
        return Proposal is not null;
    }
}
