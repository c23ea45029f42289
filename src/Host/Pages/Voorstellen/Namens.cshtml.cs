using System.Security.Cryptography;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// Records one party's answer in a round (a council's zienswijze, a college's answer, a member's vote) on its behalf,
/// with the reason: the form for that party only, opened from the round's table. Through the same resume as the
/// party's own link, so the step's rules and the journal are the same.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
public sealed class NamensModel(
    ProposalReader reader,
    IWorkflowRuntime runtime,
    IGovernanceDirectory directory,
    AdviesRoute.Workflows.Activities.ActivityRegistry registry,
    TimeProvider time) : PageModel
{
    public ProposalDetail? Proposal { get; private set; }

    /// <summary>The party's row in its round, with the round (its deadline and tally).</summary>
    public (ProposalRound Round, RoundRow Row)? Party { get; private set; }

    public StepForm? Form { get; private set; }

    public string? Error { get; private set; }

    public string FormId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<IActionResult> OnGetAsync(string id, string bookmarkId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, bookmarkId, null, cancellationToken);
        return Proposal is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string bookmarkId, string? formulier, CancellationToken cancellationToken)
    {
        var posted = PostedForm.From(bookmarkId, Request.Form);
        try
        {
            await runtime.ResumeAsync(id, bookmarkId, PageResume.Input(Request.Form), PageResume.Trigger(User, formulier), cancellationToken);
        }
        catch (WorkflowException ex)
        {
            // Refused (a reason or a text missing), or answered meanwhile: say why, with what was chosen and typed.
            await LoadAsync(id, bookmarkId, posted, cancellationToken);
            if (Proposal is null)
            {
                return NotFound();
            }

            Error = ex.Message;
            Response.StatusCode = ex is ResumeRejectedException ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/Voorstellen/{Uri.EscapeDataString(id)}?gedaan=hervat");
    }

    private async Task LoadAsync(string id, string bookmarkId, PostedForm? posted, CancellationToken cancellationToken)
    {
        Proposal = await reader.GetAsync(id, cancellationToken);
        if (Proposal is null)
        {
            return;
        }

        var names = StepDeclarations.StepNames(registry, Proposal.Definition);
        RequestDeclaration? RequestOf(string activityId, string name) => StepDeclarations.Request(registry, Proposal.Definition, activityId, name);
        Party = ProposalRound.Of(Proposal, RequestOf, names)
            .SelectMany(round => round.Rows.Select(row => (round, row)))
            .Where(x => x.row.Request.BookmarkId == bookmarkId)
            .Select(x => ((ProposalRound, RoundRow)?)x)
            .FirstOrDefault();
        if (Party is not { } party || Proposal.Instance.FindBookmark(bookmarkId) is not { } waiting)
        {
            Error ??= "Dit verzoek staat niet (meer) open: de ronde is gesloten of het verzoek is niet van dit voorstel.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = party.Row.Request;
        var today = DutchTime.Today(time.GetUtcNow());
        var payload = waiting.Bookmark.Payload ?? [];
        var voters = StepForm.VotersOf(party.Round.Declared, payload, directory.Current.Model, today);
        Form = new StepForm($"/Voorstellen/{Uri.EscapeDataString(id)}/Namens/{Uri.EscapeDataString(bookmarkId)}", bookmarkId, FormId,
            party.Round.Step, payload, party.Round.Declared, request.Addressees.Count > 0 ? request.Addressees[0] : null, voters, posted);
    }
}
