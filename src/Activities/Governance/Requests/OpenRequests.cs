using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Activities.Governance.Requests;

/// <summary>A request an instance waits on, addressed to whoever must answer it today.</summary>
/// <param name="AskedOf">Who the request was first addressed to (a member, or a body).</param>
/// <param name="Addressees">Who must answer it now: the seat's current holder, or the body's members.</param>
/// <param name="PassedOn">True when the first addressee's term ended and the request passed to the successor.</param>
/// <param name="Choice">What was chosen so far; the request stays open while the round runs, so it may still change.</param>
public sealed record OpenRequest(string BookmarkId, string ActivityId, string Kind, string AskedOf, IReadOnlyList<Addressee> Addressees,
    bool PassedOn, string? Deadline, int? Round = null, string? Choice = null);

public sealed record Addressee(string MemberId, string Name, string Email);

/// <summary>
/// The open requests of an instance as they stand on a day. Requests belong to seats and bodies, not to people, so
/// when a member's term ends (new colleges after the elections) the open request is shown, and later mailed, to the
/// successor; the journal keeps who answered it.
/// </summary>
public static class OpenRequests
{
    /// <summary>The requests <paramref name="instance"/> waits on, oldest first, addressed as they stand on <paramref name="day"/>.</summary>
    /// <remarks>Timers are left out (they are deadlines, not requests), and so are bookmarks for an unknown seat or body.</remarks>
    public static IReadOnlyList<OpenRequest> For(InstanceView instance, GovernanceSnapshot governance, DateOnly day)
    {
        var model = governance.Model;
        var result = new List<OpenRequest>();
        foreach (var (token, bookmark) in instance.Waiting())
        {
            if (bookmark.DueAt is not null || bookmark.Payload is null)
            {
                continue; // timers are deadlines, not requests
            }

            var payload = RequestPayload.Read(bookmark.Payload);
            var deadline = payload.DeadlineText;
            var round = payload.Round;
            var activityState = instance.ActivityState(token.ActivityId);
            if (payload.Seat is { } seatId && model.FindMember(seatId) is { } seat)
            {
                var holder = model.SeatHolder(seat, day);
                var to = holder is null ? null : model.Addressee(holder, day);
                result.Add(new OpenRequest(bookmark.Id, token.ActivityId, bookmark.Name, seat.Name,
                    to is null ? [] : [new Addressee(to.Id, to.Name, to.Email)], holder is not null && holder.Id != seat.Id, deadline,
                    round, activityState?["stemmen"]?[seatId]?["keuze"]?.GetValue<string>()));
            }
            else if (payload.BodyOrGroup is { } bodyId && model.FindBody(bodyId) is { } body)
            {
                var members = model.MembersOf(body.Id, day).Where(m => m.SubstituteFor is null)
                    .Select(m => new Addressee(m.Id, m.Name, m.Email)).ToList();
                result.Add(new OpenRequest(bookmark.Id, token.ActivityId, bookmark.Name, body.Name, members, false, deadline,
                    round, activityState?["antwoorden"]?[bodyId]?["antwoord"]?.GetValue<string>()));
            }
        }

        return result;
    }
}
