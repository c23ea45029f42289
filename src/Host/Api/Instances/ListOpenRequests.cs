using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Api.Instances;

/// <summary>
/// <c>GET /api/instances/{instanceId}/requests</c>: what the instance waits on from people and bodies, addressed to
/// whoever must answer it today (a request whose member's term ended shows the successor).
/// </summary>
public static class ListOpenRequests
{

    /// <summary>An open request with the people the mail server refused (not reached: the secretary was told).</summary>
    public sealed record Response(string BookmarkId, string ActivityId, string Kind, string AskedOf, IReadOnlyList<Addressee> Addressees,
        bool PassedOn, string? Deadline, int? Round, string? Choice, IReadOnlyList<NotReached> NotReached);

    public sealed record NotReached(string MemberId, string Name, string Email, string Reason, DateTimeOffset At);

    internal static async Task<Results<Ok<IReadOnlyList<Response>>, ProblemHttpResult>> HandleAsync(
        string instanceId,
        [FromServices] IWorkflowReader workflows,
        [FromServices] AdviesRoute.Host.Data.HostDbContext hostDb,
        [FromServices] IGovernanceDirectory directory,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"Instantie {instanceId} bestaat niet.");
        }

        var today = DutchTime.Today(time.GetUtcNow());
        // A revoked link no longer counts: the member has a new one (after an address was corrected, at the new address).
        var refused = await hostDb.MailLinks.AsNoTracking().Where(l => l.InstanceId == instanceId && l.NotReachedReason != null && l.RevokedAt == null).ToListAsync(cancellationToken);
        IReadOnlyList<Response> requests = OpenRequests.For(instance, directory.Current, today).Select(r => new Response(
            r.BookmarkId, r.ActivityId, r.Kind, r.AskedOf, r.Addressees, r.PassedOn, r.Deadline, r.Round, r.Choice,
            refused.Where(l => l.ActivityId == r.ActivityId && l.Round == r.Round
                    && (l.MemberName == r.AskedOf || r.Addressees.Any(a => a.MemberId == l.MemberId)))
                .Select(l => new NotReached(l.MemberId, l.MemberName, l.Email, l.NotReachedReason!, new DateTimeOffset(l.NotReachedAt!.Value, TimeSpan.Zero)))
                .ToList())).ToList();
        return TypedResults.Ok(requests);
    }
}
