using AdviesRoute.Activities.Calendar;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>The portal's home: the bodies that publish, the coming meetings, what was published last, and the search box.</summary>
[AllowAnonymous]
public sealed class IndexModel(IPublicCatalog catalog, TimeProvider time) : PageModel
{
    /// <summary>How many coming meetings and new publications the home shows.</summary>
    public const int Shown = 6;

    public IReadOnlyList<PublicBody> Bodies { get; private set; } = [];

    public IReadOnlyList<PublicMeeting> Coming { get; private set; } = [];

    public IReadOnlyList<PublicationEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bodies = await catalog.BodiesAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow());
        var meetings = new List<PublicMeeting>();
        foreach (var body in Bodies)
        {
            meetings.AddRange((await catalog.MeetingsAsync(body.Id, cancellationToken)).Where(m => m.Date >= today));
        }

        Coming = meetings.OrderBy(m => m.Date).ThenBy(m => m.Time).Take(Shown).ToList();
        Recent = await catalog.RecentAsync(Shown, cancellationToken);
    }
}
