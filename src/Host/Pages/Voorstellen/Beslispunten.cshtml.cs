using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Host.Proposals.DecisionPoints;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// The secretary changes a proposal's beslispunten (one per line) until the DB has decided. The proposal page holds the
/// same form; this page answers its post, and shows a refusal with what was typed.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
public sealed class BeslispuntenModel(ProposalReader reader, ChangeDecisionPoints change) : PageModel
{
    public ProposalDetail? Proposal { get; private set; }

    /// <summary>The points as the text box shows them: as stored, or as typed after a refusal.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Why the points may not change (the DB decided, the proposal ended); null while they may.</summary>
    public string? Locked { get; private set; }

    public string? Error { get; private set; }

    public string FormId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Text = DecisionPointRules.ToLines(ProposalInput.Read(Proposal!.Instance.Input).DecisionPoints);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? beslispunten, string? formulier, CancellationToken cancellationToken)
    {
        var result = await change.ChangeAsync(id, DecisionPointRules.FromLines(beslispunten), PageResume.Trigger(User, formulier), cancellationToken);
        switch (result.Outcome)
        {
            case DecisionPointsOutcome.NotFound:
                return NotFound();
            case DecisionPointsOutcome.Changed:
                return Redirect($"/Voorstellen/{Uri.EscapeDataString(id)}?gedaan=beslispunten#beslispunten-titel");
            case DecisionPointsOutcome.Unchanged:
                return Redirect($"/Voorstellen/{Uri.EscapeDataString(id)}?gedaan=beslispuntenOngewijzigd#beslispunten-titel");
        }

        await LoadAsync(id, cancellationToken);
        Text = beslispunten ?? "";
        Error = result.Reason;
        Response.StatusCode = result.Outcome == DecisionPointsOutcome.Locked ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Proposal = await reader.GetAsync(id, cancellationToken);
        if (Proposal is null)
        {
            return false;
        }

        Locked = Proposal.Summary.Status is "Finished" or "Cancelled"
            ? "Het voorstel is afgerond of afgebroken: de beslispunten kunnen niet meer worden gewijzigd."
            : ChangeDecisionPoints.Lock(Proposal.Journal, Proposal.Definition) is { } decision ? DecisionPointLock.Refusal(decision).Replace(" Er is niets gewijzigd.", "", StringComparison.Ordinal) : null;
        return true;
    }
}
