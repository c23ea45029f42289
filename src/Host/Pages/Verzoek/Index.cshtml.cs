using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Host.Links;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Host.Pages.Verzoek;

/// <summary>
/// The page behind a personal link in a request mail. GET only shows (mail scanners open links); POST records the
/// choice, with an anti-forgery token, and may be sent again safely: the form's own id makes a replay a no-op.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LinkRateLimits.Policy)]
[RequestSizeLimit(MaxPostBytes)] // a choice with the longest remark is far below this; a 4 MB post never reaches the page
public sealed class IndexModel(
    LinkResolver resolver,
    IWorkflowRuntime runtime,
    ConfidentialDocuments confidential,
    IOptions<RequestLinkOptions> options,
    AdviesRoute.Host.Proposals.Zienswijzen.SubmittedZienswijze submitted,
    AdviesRoute.Workflows.Queries.IWorkflowReader workflows,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>Whether this browser entered the one-time code for this link, so confidential documents are shown.</summary>
    public bool ShowConfidential { get; private set; }

    public ResolvedLink Resolved { get; private set; } = new(LinkStatus.NotFound, null);

    /// <summary>A fresh id per form shown: the same POST sent twice is applied once.</summary>
    public string FormId { get; private set; } = "";

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The largest POST the page reads: a remark of <see cref="AdviesRoute.Activities.Governance.Texts.FreeText.MaxLength"/> characters, percent-encoded, fits many times.</summary>
    public const long MaxPostBytes = 256 * 1024;

    /// <summary>The texts as typed, by field, shown again after a refusal so nothing typed is lost.</summary>
    public IReadOnlyDictionary<string, string?> Texts { get; private set; } = new Dictionary<string, string?>();

    public string Contact => options.Value.Contact;

    public async Task<IActionResult> OnGetAsync(string token, string? vastgelegd, CancellationToken cancellationToken)
    {
        Resolved = await resolver.ResolveAsync(token, cancellationToken);
        FormId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Locked = Resolved.Link?.LockedAt is not null;
        ShowConfidential = Resolved.Status == LinkStatus.Open && Resolved.Link is { } unlocked && confidential.IsUnlocked(HttpContext, unlocked);
        if (vastgelegd == "1" && Resolved.Choice is not null)
        {
            Message = "Uw keuze is vastgelegd.";
        }

        // A council changes the zienswijze it submitted, a member the choice of their seat: the form starts from the text
        // given, so choosing again does not drop it.
        Texts = await submitted.TextsAsync(Resolved, cancellationToken);
        if (Texts.Count == 0 && await OwnRemarkAsync(cancellationToken) is { } remark)
        {
            Texts = new Dictionary<string, string?> { [RemarkField] = remark };
        }

        return Shown();
    }

    /// <summary>The field of a member's remark in a written round.</summary>
    private const string RemarkField = "toelichting";

    /// <summary>The remark this seat gave with its choice in the link's round, while that round is open.</summary>
    private async Task<string?> OwnRemarkAsync(CancellationToken cancellationToken)
    {
        if (Resolved is not { Status: LinkStatus.Open, Link: { TargetKind: "zetel" } link, Request: { } request }
            || request.Fields.All(f => f.Name != RemarkField))
        {
            return null;
        }

        var state = (await workflows.GetInstanceAsync(link.InstanceId, cancellationToken))?.ActivityState(link.ActivityId);
        return state?["ronde"]?.GetValue<int>() == link.Round
            ? AdviesRoute.Activities.Governance.Voting.WrittenRoundTally.Read(state, request.Choices)?.Of(link.TargetId)?.Text
            : null;
    }

    public async Task<IActionResult> OnPostAsync(string token, string? keuze, string? formulier, CancellationToken cancellationToken)
    {
        Resolved = await resolver.ResolveAsync(token, cancellationToken);
        FormId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (Resolved.Status != LinkStatus.Open || Resolved.Request is not { } request)
        {
            return Shown(); // closed, expired, passed on or unknown: the page says which, and nothing is recorded
        }

        // The fields the step declares, as typed; the step itself checks them (and the choice), so a refusal here reads
        // exactly as it does on the secretary's page and through the API.
        Texts = request.Fields.ToDictionary(f => f.Name, f => (string?)Request.Form[f.Name].ToString());
        if (formulier is not { Length: 32 } || !formulier.All(char.IsAsciiHexDigitLower))
        {
            Error = "Het formulier is niet volledig verstuurd; probeer het opnieuw.";
            return Page();
        }

        var link = Resolved.Link!;
        var input = new JsonObject { [RequestDeclaration.MemberField] = link.MemberId };
        if (request.ChoiceField is { } choiceField)
        {
            input[choiceField] = keuze;
        }

        foreach (var (name, text) in Texts)
        {
            input[name] = text;
        }

        try
        {
            var summary = await runtime.ResumeAsync(link.InstanceId, Resolved.BookmarkId!, input,
                new Trigger(link.MemberName, Channel.Link, $"link:{link.TokenHash[..24]}:{formulier}"), cancellationToken);
            if (summary.AlreadyApplied)
            {
                Resolved = await resolver.ResolveAsync(token, cancellationToken);
                Message = "Deze keuze was al vastgelegd.";
                return Page();
            }
        }
        catch (ResumeRejectedException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        catch (WorkflowException ex)
        {
            // The request closed between showing and posting (e.g. the majority was reached meanwhile).
            logger.LogInformation("Link choice not applied: {Message}", ex.Message);
            Resolved = await resolver.ResolveAsync(token, cancellationToken);
            return Page();
        }

        return RedirectToPage(new { token, vastgelegd = "1" });
    }

    /// <summary>Sends a one-time code to the member's own address, to open the confidential documents; only while the request is open.</summary>
    public async Task<IActionResult> OnPostCodeAsync(string token, CancellationToken cancellationToken)
    {
        Resolved = await resolver.ResolveAsync(token, cancellationToken);
        FormId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (Resolved.Link is not { } link || Resolved.Status != LinkStatus.Open)
        {
            return Shown();
        }

        ShowConfidential = confidential.IsUnlocked(HttpContext, link);
        switch (await confidential.SendCodeAsync(link, cancellationToken))
        {
            case CodeRequest.Sent:
                Message = $"Er is een code van 6 cijfers gestuurd naar {ConfidentialDocuments.Masked(link.Email)}. De code is 10 minuten geldig.";
                CodeSent = true;
                break;
            case CodeRequest.HourLimit:
                Error = $"U hebt in het afgelopen uur al {ConfidentialDocuments.MaxCodesPerHour} codes aangevraagd. Gebruik de laatste code uit uw mail, of vraag over een uur een nieuwe aan.";
                CodeSent = true;
                break;
            case CodeRequest.TotalLimit:
                Error = $"Voor deze link zijn al {ConfidentialDocuments.MaxCodes} codes aangevraagd; er kunnen geen nieuwe meer worden gestuurd. Neem contact op met {Contact}.";
                CodeSent = true;
                break;
            case CodeRequest.Withdrawn:
                Error = "Deze link is niet meer geldig; er is geen code gestuurd. Gebruik de link uit de nieuwste mail.";
                break;
            default:
                Locked = true;
                break;
        }

        return Shown();
    }

    /// <summary>Checks the one-time code; a right one opens the confidential documents in this browser for 30 minutes.</summary>
    public async Task<IActionResult> OnPostOntgrendelAsync(string token, string? code, CancellationToken cancellationToken)
    {
        Resolved = await resolver.ResolveAsync(token, cancellationToken);
        FormId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (Resolved.Link is not { } link || Resolved.Status != LinkStatus.Open)
        {
            return Shown();
        }

        switch (await confidential.TryUnlockAsync(HttpContext, link, code, ProposalInput.Read(Resolved.Proposal).Title, cancellationToken))
        {
            case CodeCheck.Opened:
                ShowConfidential = true;
                Message = "De vertrouwelijke stukken staan nu open.";
                break;
            case CodeCheck.Refused:
                CodeSent = true;
                Error = "De code klopt niet of is verlopen. Vraag zo nodig een nieuwe code aan.";
                break;
            default:
                ShowConfidential = false; // locked: also a browser that entered a code before sees them no more
                Locked = true;
                break;
        }

        return Shown();
    }

    /// <summary>Whether to show the field for the code.</summary>
    public bool CodeSent { get; private set; }

    /// <summary>Too many wrong codes: the confidential documents of this link stay shut until a secretary opens them again.</summary>
    public bool Locked { get; private set; }

    /// <summary>
    /// The page, with 404 for a token that leads nowhere (the same for an unknown, altered or random one) and 410 for
    /// a revoked link.
    /// </summary>
    private PageResult Shown()
    {
        var page = Page();
        if (Resolved.Status == LinkStatus.NotFound)
        {
            page.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Resolved.Status == LinkStatus.Revoked)
        {
            page.StatusCode = StatusCodes.Status410Gone;
        }

        return page;
    }

}
