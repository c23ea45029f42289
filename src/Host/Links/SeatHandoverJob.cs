using Hangfire;
using AdviesRoute.Activities.Calendar;
using System.Text.Json;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>
/// When a member's term ends while a request of theirs is open, the request passes to the successor: the old link
/// then says so, and this job sends the successor a link of their own. It runs at once after every change of the
/// governance model and every quarter of an hour (for terms that end on a later day); one run at a time across all
/// hosts, and a successor who already has a link for the step and round gets none again.
/// </summary>
public sealed class SeatHandoverJob(
    WorkflowDbContext engine,
    IGovernanceDirectory directory,
    DirectRequestMail mail,
    TimeProvider time,
    ILogger<SeatHandoverJob> logger)
{
    public const string RecurringId = "overdracht-verzoeken";

    /// <returns>How many successors were sent a request (queued in the outbox).</returns>
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DutchTime.Today(time.GetUtcNow());
        var snapshot = directory.Current;
        var sent = 0;
        var suspended = nameof(WorkflowStatus.Suspended);
        var instances = await engine.Instances.AsNoTracking().Where(i => i.Status == suspended).Select(i => new { i.Id, i.StateJson }).ToListAsync(cancellationToken);
        foreach (var instance in instances)
        {
            var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, WorkflowJson.Options)!;
            foreach (var request in OpenRequests.For(state, snapshot, today).Where(r => r.PassedOn && r.Round is not null && r.Addressees.Count == 1))
            {
                var successor = snapshot.Model.FindMember(request.Addressees[0].MemberId)!;
                if (await mail.HasLinkAsync(instance.Id, request, successor.Id, cancellationToken))
                {
                    continue;
                }

                // The key keeps a second run (before the first mail's link is stored) from queuing it again.
                if (!await mail.QueueAsync(instance.Id, state, request, successor, $"U ontvangt dit verzoek als opvolger van {request.AskedOf}.",
                    $"overdracht.{instance.Id}.{request.ActivityId}.{request.Round}.{successor.Id}", cancellationToken))
                {
                    continue;
                }

                logger.LogInformation("Request of {Predecessor} in {Instance}/{Activity} round {Round} passed to {Successor}.", request.AskedOf, instance.Id, request.ActivityId, request.Round, successor.Name);
                sent++;
            }
        }

        return sent;
    }
}
