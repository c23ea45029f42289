using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>The print-ready agenda or besluitenlijst of a meeting; the public version leaves out what is vertrouwelijk.</summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class AgendaModel(MeetingAgenda agenda, IGovernanceDirectory directory) : PageModel
{
    public Meeting? Meeting { get; private set; }

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<AgendaEntry> Items { get; private set; } = [];

    public bool Public { get; private set; }

    public bool Decisions { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string soort, string? openbaar, CancellationToken cancellationToken)
    {
        Meeting = agenda.Find(id);
        if (Meeting is null || soort is not ("Agenda" or "Besluitenlijst"))
        {
            return NotFound();
        }

        BodyName = directory.Current.Model.FindBody(Meeting.Body)?.Name ?? Meeting.Body;
        Public = openbaar == "1";
        Decisions = soort == "Besluitenlijst";
        Items = await agenda.ItemsAsync(id, cancellationToken);
        if (Decisions)
        {
            Items = Items.Where(i => i.Outcome is not null).ToList();
        }

        return Page();
    }
}
