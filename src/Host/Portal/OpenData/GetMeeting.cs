using System.ComponentModel;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary><c>GET /api/openbaar/v1/vergaderingen/{meetingId}</c>: one meeting with its public agenda, stukken and besluitenlijst.</summary>
internal static class GetMeeting
{
    public static async Task<Results<Ok<OpenDataMeeting>, ProblemHttpResult>> HandleAsync(
        [Description("Het kenmerk van de vergadering, bijvoorbeeld ab-2027-04-14.")] string meetingId,
        [FromServices] IPublicCatalog catalog,
        [FromServices] OpenDataLinks links,
        CancellationToken cancellationToken)
    {
        var detail = await catalog.MeetingAsync(meetingId, cancellationToken);
        return detail is null
            ? OpenDataProblems.NotFound("Er is geen vergadering met het kenmerk {0} van een orgaan dat iets openbaar maakt.", meetingId)
            : TypedResults.Ok(OpenDataMapping.Meeting(detail, await catalog.WithdrawalsAsync(meetingId, cancellationToken), links));
    }
}
