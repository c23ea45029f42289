using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Hangfire;

namespace AdviesRoute.Host.Links;

/// <summary>
/// When a member's term ends while a request of theirs is open, the request passes to the successor: the old link
/// then says so, and this job sends the successor a link of their own. It runs at once after every change of the
/// governance model and every quarter of an hour (for terms that end on a later day); one run at a time across all
/// hosts, and a successor who already has a link for the step and round gets none again.
/// </summary>
public sealed class SeatHandoverJob(
    IWorkflowReader workflows,
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
        await foreach (var instance in workflows.StreamInstancesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Suspended] }, cancellationToken))
        {
            foreach (var request in OpenRequests.For(instance, snapshot, today).Where(r => r.PassedOn && r.Round is not null && r.Addressees.Count == 1))
            {
                var successor = snapshot.Model.FindMember(request.Addressees[0].MemberId)!;
                if (await mail.HasLinkAsync(instance.Id, request, successor.Id, cancellationToken))
                {
                    continue;
                }

                // The key keeps a second run (before the first mail's link is stored) from queuing it again.
                if (!await mail.QueueAsync(instance.Id, instance, request, successor, $"U ontvangt dit verzoek als opvolger van {request.AskedOf}.",
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
