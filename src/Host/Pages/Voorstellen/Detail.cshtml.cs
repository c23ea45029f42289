using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Texts;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Api;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// One proposal: the route as a diagram, where it stands and on whom it waits, the answers, the timeline, and the
/// secretary's actions (record an outcome, the reaction to a zienswijze, a choice on behalf of a member, cancel,
/// retry). Every action is a resume of the engine, so the journal keeps who did what through the page.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class DetailModel(
    ProposalReader reader,
    IWorkflowRuntime runtime,
    IGovernanceDirectory directory,
    IAuthorizationService authorization,
    AdviesRoute.Host.Links.DirectRequestMail requestMail,
    AdviesRoute.Host.Links.LinkRevocation revocation,
    AdviesRoute.Host.Links.ConfidentialDocuments confidential,
    AdviesRoute.Workflows.Activities.ActivityRegistry registry,
    AdviesRoute.Activities.Governance.Simulation.RouteSimulator simulator,
    TimeProvider time) : PageModel
{
    /// <summary>The request a step of this proposal's route waits on under a bookmark, as the step declares it; null for a timer.</summary>
    public RequestDeclaration? RequestOf(string activityId, string bookmarkName) =>
        Proposal is null ? null : StepDeclarations.Request(registry, Proposal.Definition, activityId, bookmarkName);

    /// <summary>What a person reads for each step of this proposal's route (its name, never its id).</summary>
    public IReadOnlyDictionary<string, string> StepNames => Proposal is null ? new Dictionary<string, string>() : StepDeclarations.StepNames(registry, Proposal.Definition);

    /// <summary>What a person reads for a choice stored by a step of this proposal's route.</summary>
    public string ChoiceLabel(string activityId, string code) =>
        Proposal is null ? code : StepDeclarations.Find(registry, Proposal.Definition, activityId)?.ChoiceLabel(code) ?? code;

    /// <summary>What a person reads for a council's zienswijze as the round stored it.</summary>
    public string ZienswijzeLabel(string code) =>
        AdviesRoute.Activities.Governance.Activities.Zienswijzenronde.Declared.Request(AdviesRoute.Activities.Governance.Activities.AnswerRound.AnswerBookmark)!.ChoiceLabel(code);

    public ProposalDetail? Proposal { get; private set; }

    /// <summary>The path this proposal takes (done, now, ahead), the expected decision, and the steps it does not take.</summary>
    public ProposalRoute? Route { get; private set; }

    /// <summary>The rounds it waits on now (councils, colleges, a written vote), each as one table.</summary>
    public IReadOnlyList<ProposalRound> Rounds { get; private set; } = [];

    /// <summary>What was sent with a form that was refused, to show it again in that form.</summary>
    public PostedForm? Posted { get; private set; }

    /// <summary>The reason typed with a cancellation that was refused.</summary>
    public string? CancelReason { get; private set; }

    /// <summary>
    /// A short reference for letters and phone calls, made from the proposal's id: the year it started and the last eight
    /// characters of the id, which are random (its first ones are the moment it started, the same for proposals of one
    /// day), in two groups: "2027-3F9A-1C2B".
    /// </summary>
    public string Kenmerk => Proposal is null ? "" : KenmerkOf(Proposal.Instance.Id, Proposal.Instance.CreatedAt);

    public static string KenmerkOf(string id, DateTimeOffset createdAt)
    {
        var tail = id.Length >= 8 ? id[^8..].ToUpperInvariant() : id.ToUpperInvariant();
        return $"{DutchTime.Today(createdAt).Year}-{(tail.Length == 8 ? tail[..4] + "-" + tail[4..] : tail)}";
    }

    /// <summary>
    /// The meeting the proposal is on: the one a step waits on now, else the one it was last put on; the flag says
    /// whether that one has been held.
    /// </summary>
    public (string Text, bool Held)? Meeting
    {
        get
        {
            if (Proposal is null)
            {
                return null;
            }

            var waiting = Proposal.Instance.Waiting().Select(w => w.Bookmark.Payload?["vergadering"]).OfType<JsonObject>().FirstOrDefault();
            var meeting = waiting ?? Proposal.Instance.Variables.GetValueOrDefault("vergadering") as JsonObject;
            if (meeting is null)
            {
                return null;
            }

            var held = waiting is null && DutchFormat.TryParseDay(meeting["datum"]?.GetValue<string>(), out var day) && day <= Today;
            return ($"{meeting["orgaanNaam"]?.GetValue<string>()}, {DutchFormat.Day(meeting["datum"]?.GetValue<string>())}", held);
        }
    }

    /// <summary>The step's form as the page shows it, with what was sent when this form was refused.</summary>
    public StepForm? FormFor(TokenView token, BookmarkView bookmark)
    {
        if (RequestOf(token.ActivityId, bookmark.Name) is not { } declared)
        {
            return null;
        }

        var payload = bookmark.Payload ?? new JsonObject();
        var addressee = Proposal!.Requests.FirstOrDefault(r => r.BookmarkId == bookmark.Id)?.Addressees is { Count: > 0 } to ? to[0] : null;
        var voters = StepForm.VotersOf(declared, payload, directory.Current.Model, Today);
        return new StepForm($"/Voorstellen/{Uri.EscapeDataString(Proposal.Summary.Id)}?handler=hervat", bookmark.Id, FormId,
            StepNames.GetValueOrDefault(token.ActivityId, token.ActivityId), payload, declared, addressee, voters, Posted?.BookmarkId == bookmark.Id ? Posted : null)
        {
            DecisionPoints = AdviesRoute.Activities.Governance.Proposals.ProposalInput.Read(Proposal.Instance.Input).DecisionPoints ?? [],
        };
    }

    /// <summary>Whether the signed-in user may act (secretaries and admins; a process owner only reads).</summary>
    public bool MayAct { get; private set; }

    public string FormId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IGovernanceDirectory Directory => directory;

    /// <summary>Links whose confidential documents are locked after too many wrong codes (shown to those who may act).</summary>
    public IReadOnlyList<AdviesRoute.Host.Links.MailLink> LockedLinks { get; private set; } = [];

    /// <summary>Today in the Netherlands, by the engine's clock: whose members sit, which meetings are still ahead.</summary>
    public DateOnly Today => AdviesRoute.Activities.Calendar.DutchTime.Today(time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string id, string? gedaan, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Message = gedaan switch
        {
            "hervat" => "Vastgelegd.",
            "afgebroken" => "Het voorstel is afgebroken.",
            "opnieuw" => "De stap is opnieuw uitgevoerd.",
            "stuk" => "Het stuk is toegevoegd.",
            "beslispunten" => "De beslispunten zijn gewijzigd.",
            "beslispuntenOngewijzigd" => "De beslispunten waren al zo; er is niets gewijzigd.",
            "verplaatst" => "Het voorstel staat op de gekozen vergadering.",
            "linkOpen" => "De link is weer open: het lid kan een nieuwe code voor de vertrouwelijke stukken aanvragen.",
            "wijze" => "De keuze tussen vergadering en schriftelijk is vastgelegd.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostHervatAsync(string id, string bookmarkId, string formulier, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        var input = PageResume.Input(Request.Form);
        Posted = PostedForm.From(bookmarkId, Request.Form);
        // The reschedule form resumes the meeting's bookmark like any other, with the meeting and the reason.
        var done = input.ContainsKey("verplaatsNaar") ? "verplaatst" : "hervat";
        return await ActAsync(id, done, () => runtime.ResumeAsync(id, bookmarkId, input, Trigger(formulier), cancellationToken), cancellationToken);
    }

    /// <summary>Sends an open request's mail again, with the same personal link, to whoever must answer it today.</summary>
    public async Task<IActionResult> OnPostOpnieuwSturenAsync(string id, string bookmarkId, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var request = Proposal!.Requests.FirstOrDefault(r => r.BookmarkId == bookmarkId && r.Round is not null);
        if (request is null)
        {
            Error = "Dit verzoek staat niet (meer) open of heeft geen persoonlijke link.";
            return Page();
        }

        foreach (var addressee in request.Addressees)
        {
            var member = directory.Current.Model.FindMember(addressee.MemberId)!;
            await requestMail.QueueAsync(id, Proposal.Instance, request, member, "Dit verzoek is u opnieuw gestuurd door het secretariaat.", key: null, cancellationToken);
        }

        Message = $"Het verzoek is opnieuw gestuurd aan {string.Join(", ", request.Addressees.Select(a => a.Name))}.";
        return Page();
    }

    /// <summary>
    /// Withdraws a member's personal link for an open request (sent to a wrong address, or forwarded): the old link then
    /// opens nothing, and a new link goes to the member's current address. Needs a reason and a confirmation.
    /// </summary>
    public async Task<IActionResult> OnPostIntrekkenAsync(string id, string bookmarkId, string? lid, string? reden, string? zeker, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var request = Proposal!.Requests.FirstOrDefault(r => r.BookmarkId == bookmarkId && r.Round is not null);
        var addressee = request?.Addressees.FirstOrDefault(a => a.MemberId == lid) ?? (request?.Addressees.Count == 1 ? request.Addressees[0] : null);
        if (request is null || addressee is null)
        {
            Error = "Dit verzoek staat niet (meer) open of heeft geen persoonlijke link.";
            return Page();
        }

        if (string.IsNullOrWhiteSpace(reden) || zeker != "ja" || FreeText.IsTooLong(reden))
        {
            Error = FreeText.IsTooLong(reden) ? FreeText.TooLongMessage("De reden", reden!) : "Geef een reden en bevestig dat de oude link niet meer mag werken.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var latest = await revocation.LatestAsync(id, request.ActivityId, request.Round!.Value, addressee.MemberId, cancellationToken);
        if (latest is null)
        {
            Error = $"{addressee.Name} heeft voor dit verzoek nog geen link gekregen; gebruik Opnieuw sturen.";
            return Page();
        }

        var actor = ApiTrigger.For(User).Actor ?? "onbekend";
        await revocation.RevokeAsync(latest, actor, reden.Trim(), cancellationToken);
        var member = directory.Current.Model.FindMember(addressee.MemberId)!;
        // Queued after the revocation is stored, so the new mail's link is of the next generation.
        await requestMail.QueueAsync(id, Proposal.Instance, request, member, "Het secretariaat heeft uw eerdere link ingetrokken. Gebruik alleen de link in deze mail.",
            key: null, cancellationToken);
        await LoadAsync(id, cancellationToken);
        Message = $"De oude link van {addressee.Name} is ingetrokken en er is een nieuwe link gestuurd naar het e-mailadres van {addressee.Name}.";
        return Page();
    }

    /// <summary>Opens a link again whose confidential documents were locked after too many wrong codes.</summary>
    public async Task<IActionResult> OnPostLinkOpenzettenAsync(string id, string activiteit, int ronde, string lid, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        if (!await confidential.ReopenAsync(id, activiteit, ronde, lid, ApiTrigger.For(User).Actor ?? "onbekend", cancellationToken))
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Error = "Deze link is niet (meer) vergrendeld.";
            return Page();
        }

        return RedirectToPage(new { id, gedaan = "linkOpen" });
    }

    /// <summary>Cancels the proposal: it cannot be undone, so it needs a reason and a ticked confirmation.</summary>
    public async Task<IActionResult> OnPostAfbrekenAsync(string id, string? reden, string? zeker, string formulier, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(reden) || FreeText.IsTooLong(reden) || zeker != "ja")
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            CancelReason = reden;
            Error = string.IsNullOrWhiteSpace(reden) ? "Geef een reden om het voorstel af te breken."
                : FreeText.IsTooLong(reden) ? FreeText.TooLongMessage("De reden", reden)
                : "Bevestig dat u het voorstel wilt afbreken: vink aan dat het afbreken niet ongedaan kan worden gemaakt. Er is niets afgebroken.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return await ActAsync(id, "afgebroken", () => runtime.CancelAsync(id, Trigger(formulier), reden.Trim(), cancellationToken), cancellationToken);
    }

    /// <summary>Meeting or in writing for the BAC advice or the DB decision, while that step has not begun (the partial <c>_Wijze</c>).</summary>
    public async Task<IActionResult> OnPostWijzeAsync(string id, string? stap, string? wijze, string formulier,
        [FromServices] AdviesRoute.Host.Proposals.Modes.ChangeProposalMode modes, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        if (!Enum.TryParse<AdviesRoute.Host.Proposals.Modes.ModeStep>(stap, ignoreCase: true, out var step))
        {
            return BadRequest();
        }

        string? refusal = null;
        var result = await ActAsync(id, "wijze", async () =>
        {
            refusal = await modes.ChangeAsync(id, step, wijze, Trigger(formulier), cancellationToken);
            return null!;
        }, cancellationToken);
        if (refusal is null)
        {
            return result;
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Error = refusal;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostOpnieuwAsync(string id, string incidentId, string formulier, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync())
        {
            return Forbid();
        }

        return await ActAsync(id, "opnieuw", () => runtime.RetryIncidentAsync(id, incidentId, Trigger(formulier), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string id, string done, Func<Task<BurstSummary>> act, CancellationToken cancellationToken)
    {
        try
        {
            await act();
        }
        catch (WorkflowException ex)
        {
            // Refused input, a request that was answered meanwhile, or a finished instance: say why, keep the page.
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Error = ex.Message;
            Response.StatusCode = ex is ResumeRejectedException ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return Page();
        }

        return RedirectToPage(new { id, gedaan = done });
    }

    private Trigger Trigger(string? formulier) => PageResume.Trigger(User, formulier);

    private async Task<bool> MayOperateAsync() => (await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded;

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Proposal = await reader.GetAsync(id, cancellationToken);
        if (Proposal is not null)
        {
            var names = StepNames;
            Route = ProposalRoute.Of(Proposal.Instance, Proposal.Definition, Proposal.Journal, names, simulator, directory.Current, Today);
            Rounds = ProposalRound.Of(Proposal, RequestOf, names);
        }

        MayAct = Proposal is not null && await MayOperateAsync();
        LockedLinks = MayAct ? await confidential.LockedAsync(id, cancellationToken) : [];
        return Proposal is not null;
    }
}
