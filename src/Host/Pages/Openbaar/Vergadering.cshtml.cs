using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Openbaar;

/// <summary>
/// A meeting on the portal: its agenda with the public stukken once the convocation went out, its besluitenlijst once
/// adopted, each with the day it was published; what was withdrawn says so with the reason. A meeting of which everything
/// published was withdrawn answers 410 Gone; an unknown meeting, or one of a body that publishes nothing, 404.
/// </summary>
[AllowAnonymous]
public sealed class VergaderingModel(IPublicCatalog catalog) : PageModel
{
    public PublicMeetingDetail? Detail { get; private set; }

    public PublicBody? Body { get; private set; }

    public IReadOnlyList<PublicWithdrawal> Withdrawals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string meetingId, CancellationToken cancellationToken)
    {
        Detail = await catalog.MeetingAsync(meetingId, cancellationToken);
        if (Detail is null)
        {
            return NotFound();
        }

        Body = (await catalog.BodiesAsync(cancellationToken)).First(b => b.Id == Detail.Meeting.BodyId);
        Withdrawals = await catalog.WithdrawalsAsync(meetingId, cancellationToken);
        if (Withdrawals.Any(w => w.Kind != "stuk") && Detail.Meeting.AgendaPublishedAt is null && Detail.Meeting.BesluitenlijstPublishedAt is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
