using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>The meetings of a body: the coming ones first, and those of the last three months for their besluitenlijst.</summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(IGovernanceDirectory directory, TimeProvider time) : PageModel
{

    public string Body { get; private set; } = "ab";

    public IReadOnlyList<(string Id, string Name)> Bodies { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public void OnGet(string? orgaan)
    {
        var snapshot = directory.Current;
        Bodies = snapshot.Model.Bodies.Where(b => b.Municipality is null).Select(b => (b.Id, b.Name)).ToList();
        Body = Bodies.Any(b => b.Id == orgaan) ? orgaan! : "ab";
        Today = DutchTime.Today(time.GetUtcNow());
        Meetings = snapshot.Calendar.MeetingsOf(Body).Where(m => m.Date >= Today.AddMonths(-3)).ToList();
    }
}
