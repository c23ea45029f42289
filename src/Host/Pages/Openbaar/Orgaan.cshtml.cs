using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>One body's meetings on the portal: what it published of each, newest first, with the coming ones.</summary>
[AllowAnonymous]
public sealed class OrgaanModel(IPublicCatalog catalog, TimeProvider time) : PageModel
{
    public DateOnly Today => AdviesRoute.Activities.Calendar.DutchTime.Today(time.GetUtcNow());

    public PublicBody? Body { get; private set; }

    public IReadOnlyList<PublicMeeting> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string bodyId, CancellationToken cancellationToken)
    {
        Body = (await catalog.BodiesAsync(cancellationToken)).FirstOrDefault(b => b.Id == bodyId);
        if (Body is null)
        {
            return NotFound();
        }

        Meetings = await catalog.MeetingsAsync(bodyId, cancellationToken);
        return Page();
    }
}
