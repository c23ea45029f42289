using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>
/// One meeting: its agenda built from the proposals waiting on it (order, hamerstuk or bespreekstuk), the convocation to
/// the members, and the print-ready agenda and besluitenlijst (each also as a public version without what is vertrouwelijk).
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class DetailModel(MeetingAgenda agenda, IGovernanceDirectory directory, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public Meeting? Meeting { get; private set; }

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<AgendaEntry> Items { get; private set; } = [];

    public bool MayAct { get; private set; }

    /// <summary>The convocations that went out for this meeting, newest first.</summary>
    public IReadOnlyList<Convocation> Convocations { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public string? Message { get; private set; }

    /// <summary>Why an action was not done (a convocation without its confirmation).</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpslaanAsync(string id, List<string> stuk, List<int> volgorde, List<string> soort, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded)
        {
            return Forbid();
        }

        if (agenda.Find(id) is null)
        {
            return NotFound();
        }

        var items = stuk.Select((instanceId, i) => (instanceId, i < volgorde.Count ? volgorde[i] : i + 1, i < soort.Count ? soort[i] : AgendaKinds.Bespreekstuk)).ToList();
        await agenda.SaveAsync(id, items, cancellationToken);
        await LoadAsync(id, cancellationToken);
        Message = "De agenda is opgeslagen.";
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
        Convocations = await agenda.ConvocationsAsync(id, cancellationToken);
        MayAct = (await authorization.AuthorizeAsync(User, Policies.OperateInstances)).Succeeded;
        return true;
    }
}
