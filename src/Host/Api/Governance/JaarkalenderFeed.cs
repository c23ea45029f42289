using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary>
/// <c>GET /kalender/{bodyId}.ics</c>: the meetings of one body as a calendar to subscribe to. Anonymous on purpose:
/// calendar apps cannot sign in, and the dates, times and places of the meetings of the GR's bodies are public
/// (the jaarkalender is published). It carries nothing else: no members, no proposals.
/// </summary>
public static class JaarkalenderFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The jaarkalender gives start times only; two hours blocks the meeting in an agenda.</summary>
    public static readonly TimeSpan MeetingDuration = TimeSpan.FromHours(2);

    internal static ContentHttpResult Handle(string bodyId, [FromServices] IGovernanceDirectory directory)
    {
        var current = directory.Current;
        return current.Model.Bodies.FirstOrDefault(b => b.Id == bodyId) is { } body
            ? TypedResults.Text(JaarkalenderIcs.For(body, current.Calendar, MeetingDuration), ContentType)
            : TypedResults.Text($"Orgaan '{bodyId}' bestaat niet; er is geen kalender voor.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }
}
