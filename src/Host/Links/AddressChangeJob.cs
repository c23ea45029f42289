using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Keeps open links at the members' current addresses: every open request's newest link that was mailed to another
/// address than the member's address in the governance model now is revoked, the member gets a new link (the next
/// generation) at the current address, and the old address a short notice without link or proposal. A newest link
/// that is revoked without a successor (a run or a secretary's revocation that stopped halfway) gets its new link too.
/// It runs after every change of the governance model and every quarter of an hour; one run at a time across all
/// hosts, and a second run sends nothing more.
/// </summary>
public sealed class AddressChangeJob(
    IWorkflowReader workflows,
    HostDbContext host,
    IGovernanceDirectory directory,
    LinkRevocation revocation,
    DirectRequestMail mail,
    TimeProvider time,
    ILogger<AddressChangeJob> logger)
{
    public const string RecurringId = "links-naar-huidig-adres";

    /// <returns>How many new links were sent.</returns>
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DutchTime.Today(time.GetUtcNow());
        var snapshot = directory.Current;
        // Only links whose deadline is still to come can lead to an open request; the rest of the history is left alone.
        var now = time.GetUtcNow().UtcDateTime;
        var withLinks = host.MailLinks.AsNoTracking().Where(l => l.ExpiresAt > now).Select(l => l.InstanceId).Distinct();
        var ids = await withLinks.ToListAsync(cancellationToken);
        var sent = 0;
        var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Chunk(200))
        {
            var instances = await workflows.GetInstancesAsync(chunk, cancellationToken);
            foreach (var instance in instances.Where(i => i.Status == WorkflowStatus.Suspended))
            {
                sent += await ReconcileAsync(instance, snapshot, today, told, cancellationToken);
            }
        }

        return sent;
    }

    private async Task<int> ReconcileAsync(InstanceView instance, GovernanceSnapshot snapshot, DateOnly today, HashSet<string> told, CancellationToken cancellationToken)
    {
        var instanceId = instance.Id;
        var links = await host.MailLinks.AsNoTracking().Where(l => l.InstanceId == instanceId).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var request in OpenRequests.For(instance, snapshot, today).Where(r => r.Round is not null))
        {
            foreach (var addressee in request.Addressees)
            {
                var latest = links.Where(l => l.ActivityId == request.ActivityId && l.Round == request.Round && l.MemberId == addressee.MemberId)
                    .MaxBy(l => l.Generation);
                if (latest is null)
                {
                    continue; // never mailed: the step's own delivery or the handover sends it
                }

                var moved = latest.RevokedAt is null && !LinkRevocation.SameAddress(latest.Email, addressee.Email);
                if (latest.RevokedAt is null && !moved)
                {
                    continue;
                }

                if (moved && !await revocation.RevokeAsync(latest, LinkRevocation.SystemActor, LinkRevocation.AddressChanged, cancellationToken))
                {
                    continue; // revoked meanwhile by a redelivery or a secretary, who sends the new link
                }

                var member = snapshot.Model.FindMember(addressee.MemberId)!;
                await mail.QueueAsync(instanceId, instance, request, member,
                    moved ? "Uw e-mailadres is gewijzigd. Deze mail vervangt de eerdere; de link in die mail werkt niet meer." : "Deze mail vervangt de eerdere; de link in die mail werkt niet meer.",
                    $"nieuwe-link.{instanceId}.{request.ActivityId}.{request.Round}.{member.Id}.{latest.Generation + 1}", cancellationToken);
                // One notice per person and old address in a run, however many of their requests were open.
                if (moved && told.Add(member.Id + "\n" + latest.Email))
                {
                    await revocation.TellOldAddressAsync(latest.MemberName, latest.Email, cancellationToken);
                }

                logger.LogInformation("New link for member {Member} in {Instance}/{Activity} round {Round} sent to the current address.", member.Id, instanceId, request.ActivityId, request.Round);
                sent++;
            }
        }

        return sent;
    }
}
