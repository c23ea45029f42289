using AdviesRoute.Activities.Governance.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.Governance;

/// <summary><c>GET /api/jaarkalender/bodies/{bodyId}/meetings</c>: the meetings of one body, in order, each with its documents deadline.</summary>
public static class ListBodyMeetings
{
    /// <param name="Display">The Dutch text shown beside it, e.g. "uiterlijk 30 maart 2026 (reglement van orde: …)".</param>
    public sealed record DocumentsDeadline(DateOnly Date, DateTimeOffset Moment, string Display);

    public sealed record Meeting(string Id, DateOnly Date, TimeOnly Time, string Place, string? Note, string? Pc, DocumentsDeadline DocumentsDeadline);

    public sealed record Response(string BodyId, string BodyName, long CalendarVersion, List<Meeting> Meetings);

    internal static Results<Ok<Response>, ProblemHttpResult> Handle(string bodyId, [FromServices] IGovernanceDirectory directory)
    {
        var current = directory.Current;
        if (current.Model.Bodies.FirstOrDefault(b => b.Id == bodyId) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Orgaan '{bodyId}' bestaat niet.");
        }

        var meetings = current.Calendar.MeetingsOf(body.Id)
            .Select(m => new Meeting(m.Id, m.Date, m.Time, m.Place, m.Note, m.Pc,
                new DocumentsDeadline(m.DocumentsDeadline.Date, m.DocumentsDeadline.Moment, m.DocumentsDeadline.Display)))
            .ToList();
        return TypedResults.Ok(new Response(body.Id, body.Name, current.CalendarVersion, meetings));
    }
}
