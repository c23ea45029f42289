using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>
/// One meeting: its agenda (the standard items around the proposals and the secretary's own items, in the order and with
/// the kind the secretary set), the convocation to the members, the attendance and the quorum it gives, the adoption of
/// the previous besluitenlijst, and the agenda and besluitenlijst to print or download (each also as a public version).
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class DetailModel(MeetingAgenda agenda, MeetingMinutes minutes, IGovernanceDirectory directory, IAuthorizationService authorization, TimeProvider time,
    Portal.Publishing.PortalPublisher portal, Portal.Publishing.IPublicCatalog catalog) : PageModel
{
    /// <summary>What this meeting's body publishes on the portal; null when nothing (Portal:Bodies).</summary>
    public Portal.Publishing.PublicBody? Publishes { get; private set; }

    /// <summary>The meeting's publications on the portal (standing or withdrawn).</summary>
    public IReadOnlyList<Portal.Publishing.Publication> Publications { get; private set; } = [];

    /// <summary>What the portal shows of the meeting now.</summary>
    public Portal.Publishing.PublicMeetingDetail? PublicDetail { get; private set; }

    /// <summary>The meeting's stukken withdrawn from the portal on their own.</summary>
    public IReadOnlyList<Portal.Publishing.DocumentWithdrawal> WithdrawnDocuments { get; private set; } = [];

    /// <summary>After a refused withdrawal: which form ("agenda", "besluitenlijst" or a stuk's id) and the reason typed.</summary>
    public (string Form, string? Reason)? PostedWithdrawal { get; private set; }

    /// <summary>Takes the agenda (with its stukken) or the besluitenlijst off the portal, with a reason and a confirmation.</summary>
    public async Task<IActionResult> OnPostIntrekkenAsync(string id, string? soort, string? reden, string? bevestigd, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var kind = soort == Portal.Publishing.PublicationKinds.Besluitenlijst ? Portal.Publishing.PublicationKinds.Besluitenlijst : Portal.Publishing.PublicationKinds.Agenda;
        var error = bevestigd == "ja" || string.IsNullOrWhiteSpace(reden)
            ? await portal.WithdrawAsync(id, kind, reden, Actor, cancellationToken)
            : "Vink aan dat het van het openbare portaal moet: dat kan niet ongedaan worden gemaakt. Er is niets teruggetrokken.";
        await LoadAsync(id, cancellationToken);
        if (error is not null)
        {
            PostedWithdrawal = (kind, reden);
            return Refused("Niet van het portaal gehaald", error);
        }

        Message = kind == Portal.Publishing.PublicationKinds.Agenda
            ? "De agenda en de openbare stukken zijn van het openbare portaal gehaald. Het portaal toont daar nu de reden."
            : "De besluitenlijst is van het openbare portaal gehaald. Het portaal toont daar nu de reden.";
        return Page();
    }

    /// <summary>Takes one public stuk off the portal, with a reason and a confirmation.</summary>
    public async Task<IActionResult> OnPostStukIntrekkenAsync(string id, string? stuk, string? reden, string? bevestigd, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var error = bevestigd == "ja" || string.IsNullOrWhiteSpace(reden)
            ? await portal.WithdrawDocumentAsync(id, stuk ?? "", reden, Actor, catalog, cancellationToken)
            : "Vink aan dat het stuk van het openbare portaal moet: dat kan niet ongedaan worden gemaakt. Er is niets teruggetrokken.";
        await LoadAsync(id, cancellationToken);
        if (error is not null)
        {
            PostedWithdrawal = (stuk ?? "", reden);
            return Refused("Stuk niet van het portaal gehaald", error);
        }

        Message = "Het stuk is van het openbare portaal gehaald. Wie het adres opent, leest nu de reden.";
        return Page();
    }

    public Meeting? Meeting { get; private set; }

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<AgendaEntry> Items { get; private set; } = [];

    /// <summary>The meeting's agenda, attendance and minutes.</summary>
    public MeetingView? View { get; private set; }

    public bool MayAct { get; private set; }

    /// <summary>The convocations that went out for this meeting, newest first.</summary>
    public IReadOnlyList<Convocation> Convocations { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether the meeting's day has come: from then on attendance and the previous besluitenlijst are recorded.</summary>
    public bool MeetingHeld => Meeting is { } meeting && AdviesRoute.Activities.Calendar.DutchTime.Today(Now) >= meeting.Date;

    public string? Message { get; private set; }

    /// <summary>Why an action was not done (a convocation without its confirmation, attendance that cannot be right).</summary>
    public string? Error { get; private set; }

    /// <summary>The heading of <see cref="Error"/>: what was not done.</summary>
    public string ErrorTitle { get; private set; } = "Niet verstuurd";

    /// <summary>After a refused attendance: what the secretary chose, per seat, to show it again.</summary>
    public IReadOnlyDictionary<string, (string? Presence, string? Substitute)>? PostedAttendance { get; private set; }

    public string? PostedReconvenedAfter { get; private set; }

    public string? PostedTitle { get; private set; }

    public string? PostedText { get; private set; }

    public string? PostedChanges { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Saves the order of the proposals and own items, and each proposal's kind (hamerstuk or bespreekstuk).</summary>
    public async Task<IActionResult> OnPostOpslaanAsync(string id, List<string> stuk, List<int> volgorde, List<string> soort, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var items = stuk.Select((instanceId, i) => (instanceId, i < volgorde.Count ? volgorde[i] : i + 1, i < soort.Count ? soort[i] : AgendaKinds.Bespreekstuk)).ToList();
        await agenda.SaveAsync(id, items, cancellationToken);
        await LoadAsync(id, cancellationToken);
        Message = "De agenda is opgeslagen.";
        return Page();
    }

    /// <summary>Adds an item of the secretary's own (a title, and a text if wanted) after the proposals.</summary>
    public async Task<IActionResult> OnPostToevoegenAsync(string id, string? titel, string? tekst, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var error = await minutes.AddFreeItemAsync(id, titel, tekst, cancellationToken);
        await LoadAsync(id, cancellationToken);
        if (error is not null)
        {
            (PostedTitle, PostedText) = (titel, tekst);
            return Refused("Niet toegevoegd", error);
        }

        Message = $"Het agendapunt '{titel!.Trim()}' is toegevoegd.";
        return Page();
    }

    /// <summary>Removes an item of the secretary's own.</summary>
    public async Task<IActionResult> OnPostVerwijderenAsync(string id, string? punt, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var removed = punt is not null && await minutes.RemoveFreeItemAsync(id, punt, cancellationToken);
        await LoadAsync(id, cancellationToken);
        if (!removed)
        {
            return Refused("Niet verwijderd", "Dat agendapunt staat niet (meer) op deze vergadering.");
        }

        Message = "Het agendapunt is verwijderd.";
        return Page();
    }

    /// <summary>Records who attended (per seat <c>aanwezigheid.{lid}</c>, <c>vervanger.{lid}</c>) and whether the meeting was convened again (<c>opnieuwNa</c>).</summary>
    public async Task<IActionResult> OnPostAanwezigheidAsync(string id, string? opnieuwNa, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var seats = new Dictionary<string, (string? Presence, string? Substitute)>(StringComparer.Ordinal);
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("aanwezigheid.", StringComparison.Ordinal))
            {
                var member = key["aanwezigheid.".Length..];
                seats[member] = (value.ToString(), Request.Form["vervanger." + member].ToString());
            }
        }

        var error = await minutes.RecordAttendanceAsync(id, seats, opnieuwNa, Actor, cancellationToken);
        await LoadAsync(id, cancellationToken);
        if (error is not null)
        {
            (PostedAttendance, PostedReconvenedAfter) = (seats, opnieuwNa);
            return Refused("Aanwezigheid niet vastgelegd", error);
        }

        Message = $"De aanwezigheid is vastgelegd. {View!.QuorumSentence}";
        return Page();
    }

    /// <summary>The meeting adopts the previous meeting's besluitenlijst, unchanged or with the changes typed (<c>wijzigingen</c>).</summary>
    public async Task<IActionResult> OnPostBesluitenlijstAsync(string id, string? wijzigingen, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        var error = await minutes.AdoptPreviousMinutesAsync(id, wijzigingen, Actor, cancellationToken);
        await LoadAsync(id, cancellationToken);
        if (error is not null)
        {
            PostedChanges = wijzigingen;
            return Refused("Besluitenlijst niet vastgesteld", error);
        }

        Message = $"De besluitenlijst van {DutchFormat.Day(View!.Previous!.Date)} is vastgesteld.";
        return Page();
    }

    private string Actor => AdviesRoute.Host.Api.ApiTrigger.For(User).Actor ?? "onbekend";

    /// <summary>Forbid for a reader, 404 for an unknown meeting; null when the secretary may act on it.</summary>
    private async Task<IActionResult?> RefuseAsync(string id)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded)
        {
            return Forbid();
        }

        return agenda.Find(id) is null ? NotFound() : null;
    }

    private PageResult Refused(string title, string error)
    {
        (ErrorTitle, Error) = (title, error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Meeting = agenda.Find(id);
        if (Meeting is null)
        {
            return false;
        }

        BodyName = directory.Current.Model.FindBody(Meeting.Body)?.Name ?? Meeting.Body;
        Items = await agenda.ItemsAsync(id, cancellationToken);
        View = await minutes.ReadAsync(id, cancellationToken);
        Convocations = await agenda.ConvocationsAsync(id, cancellationToken);
        MayAct = (await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded;
        Publishes = (await catalog.BodiesAsync(cancellationToken)).FirstOrDefault(b => b.Id == Meeting.Body);
        Publications = await portal.OfMeetingAsync(id, cancellationToken);
        WithdrawnDocuments = await portal.DocumentWithdrawalsAsync(id, cancellationToken);
        PublicDetail = Publishes is null ? null : await catalog.MeetingAsync(id, cancellationToken);
        return true;
    }
}
