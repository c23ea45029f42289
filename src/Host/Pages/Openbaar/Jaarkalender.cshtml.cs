using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>The meetings of the publishing bodies in a year, by month, each linking to what was published of it.</summary>
[AllowAnonymous]
public sealed class JaarkalenderModel(IPublicCatalog catalog, AdviesRoute.Activities.Governance.Directory.IGovernanceDirectory directory, TimeProvider time) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<(PublicMeeting Meeting, bool Linked)> Meetings { get; private set; } = [];

    public async Task OnGetAsync(int? jaar, CancellationToken cancellationToken)
    {
        var bodies = await catalog.BodiesAsync(cancellationToken);
        var ids = bodies.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var all = directory.Current.Calendar.Meetings.Where(m => ids.Contains(m.Body)).ToList();
        Years = all.Select(m => m.Date.Year).Distinct().Order().ToList();
        var thisYear = DutchTime.Today(time.GetUtcNow()).Year;
        Year = jaar is { } asked && Years.Contains(asked) ? asked : Years.Contains(thisYear) ? thisYear : Years.LastOrDefault(thisYear);

        // What each body published (and its coming meetings) links; a past meeting with nothing published is listed without a link.
        var listed = new Dictionary<string, PublicMeeting>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            foreach (var meeting in await catalog.MeetingsAsync(body.Id, cancellationToken))
            {
                listed[meeting.Id] = meeting;
            }
        }

        var names = bodies.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        Meetings = all.Where(m => m.Date.Year == Year).OrderBy(m => m.Date).ThenBy(m => m.Time)
            .Select(m => listed.TryGetValue(m.Id, out var shown)
                ? (shown, true)
                : (new PublicMeeting(m.Id, m.Body, names[m.Body], m.Date, m.Time, m.Place, null, null), false))
            .ToList();
    }
}
