using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Vergaderingen;

/// <summary>
/// The meetings of a body: the coming ones first, and those of the last three months for their besluitenlijst; per
/// meeting its number of agenda items and where its convocation stands.
/// </summary>
[Authorize(Policy = Policies.ReadWorkflows)]
public sealed class IndexModel(IGovernanceDirectory directory, ConvocationSender convocations, TimeProvider time) : PageModel
{

    public string Body { get; private set; } = "ab";

    public IReadOnlyList<(string Id, string Name)> Bodies { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Per meeting id: its items and its convocation's state.</summary>
    public IReadOnlyDictionary<string, ConvocationState> States { get; private set; } = new Dictionary<string, ConvocationState>();

    public async Task OnGetAsync(string? orgaan, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        Bodies = snapshot.Model.Bodies.Where(b => b.Municipality is null).Select(b => (b.Id, b.Name)).ToList();
        Body = Bodies.Any(b => b.Id == orgaan) ? orgaan! : "ab";
        Today = DutchTime.Today(time.GetUtcNow());
        Meetings = snapshot.Calendar.MeetingsOf(Body).Where(m => m.Date >= Today.AddMonths(-3)).ToList();
        States = await convocations.StatesAsync(Meetings.Select(m => m.Id).ToList(), cancellationToken);
    }
}
