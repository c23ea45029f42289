using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>
/// A meeting's convocation before it goes out: the mail one member gets (subject, text, agenda, attachments with their
/// sizes, among them the one invitation for the calendar) and all recipients; "Convocatie versturen" with a ticked
/// confirmation, as mail cannot be called back.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class ConvocatieModel(MeetingAgenda agenda, ConvocationSender sender, IAuthorizationService authorization) : PageModel
{
    public ConvocationDraft? Draft { get; private set; }

    /// <summary>The convocations that went out for this meeting, newest first.</summary>
    public IReadOnlyList<Convocation> Sent { get; private set; } = [];

    /// <summary>The invitation the members hold, with the updates since the last convocation.</summary>
    public ConvocationInvitation? Invitation { get; private set; }

    public bool MayAct { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Sends the convocation to every member: mail cannot be called back, so it needs a ticked confirmation.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string? zeker, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded)
        {
            return Forbid();
        }

        if (agenda.Find(id) is not { } meeting)
        {
            return NotFound();
        }

        await LoadAsync(id, cancellationToken);
        if (Draft!.Items == 0 || Draft.Recipients.Count == 0)
        {
            Error = Draft.Items == 0
                ? "Er staan nog geen voorstellen op deze vergadering. Er is niets verstuurd."
                : "Dit orgaan heeft op de dag van de vergadering geen leden. Er is niets verstuurd.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (zeker != "ja")
        {
            Error = "Bevestig dat de convocatie naar alle leden mag: vink het vakje bij de knop aan. Er is niets verstuurd.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var count = await sender.SendAsync(meeting, AdviesRoute.Host.Api.ApiTrigger.For(User).Actor ?? "onbekend", cancellationToken);
        await LoadAsync(id, cancellationToken);
        Message = $"De convocatie is verstuurd aan {count} leden.";
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (agenda.Find(id) is not { } meeting)
        {
            return false;
        }

        Draft = await sender.DraftAsync(meeting, cancellationToken);
        Sent = await agenda.ConvocationsAsync(id, cancellationToken);
        Invitation = await sender.InvitationAsync(id, cancellationToken);
        MayAct = (await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded;
        return true;
    }
}
