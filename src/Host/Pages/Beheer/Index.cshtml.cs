using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// The administrator's overview of the installation: the accounts, mail that waits or was refused, the proposals held up
/// by an incident of the engine, and the way to the background jobs. Where an administrator lands after logging in.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(UserManager<HostUser> users, HostDbContext db, IWorkflowReader reader, IOptions<MailOptions> mail) : PageModel
{
    /// <summary>How many of each list the page shows; the rest is counted.</summary>
    public const int Shown = 20;

    public int Accounts { get; private set; }

    /// <summary>Per role (its Dutch name) how many accounts have it.</summary>
    public IReadOnlyList<(string Role, int Count)> AccountsPerRole { get; private set; } = [];

    public OutboxBacklog Backlog { get; private set; } = new(0, 0, []);

    /// <summary>Requests whose mail the mail server refused for good, newest first.</summary>
    public IReadOnlyList<NotReached> Refused { get; private set; } = [];

    public int RefusedCount { get; private set; }

    /// <summary>Proposals held up by an open incident, newest first.</summary>
    public IReadOnlyList<HeldUp> Incidents { get; private set; } = [];

    public bool MoreIncidents { get; private set; }

    /// <summary>No SMTP server is configured: mail lands in the pickup folder, readable on the local mailbox page.</summary>
    public bool UsesLocalMailbox => mail.Value.UsesPickupFolder;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await users.Users.CountAsync(cancellationToken);
        var perRole = new List<(string, int)>();
        foreach (var role in Roles.All)
        {
            perRole.Add((Roles.DisplayName(role), (await users.GetUsersInRoleAsync(role)).Count));
        }

        AccountsPerRole = perRole;
        Backlog = await reader.GetOutboxBacklogAsync(Shown, cancellationToken);

        var refused = db.MailLinks.AsNoTracking().Where(l => l.NotReachedAt != null);
        RefusedCount = await refused.CountAsync(cancellationToken);
        Refused = (await refused.Select(l => new { l.InstanceId, l.MemberName, l.Email, l.NotReachedAt, l.NotReachedReason }).ToListAsync(cancellationToken))
            .OrderByDescending(l => l.NotReachedAt).Take(Shown)
            .Select(l => new NotReached(l.InstanceId, l.MemberName, l.Email, new DateTimeOffset(DateTime.SpecifyKind(l.NotReachedAt!.Value, DateTimeKind.Utc)), l.NotReachedReason ?? ""))
            .ToList();

        var faulted = await reader.PageInstancesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Faulted] }, null, Shown, cancellationToken);
        Incidents = faulted.Items.SelectMany(i => i.Incidents.Select(incident => new HeldUp(i.Id, Title(i), incident))).ToList();
        MoreIncidents = faulted.NextCursor is not null;
    }

    private static string Title(InstanceView instance) => instance.Input["titel"]?.GetValue<string>() ?? "(zonder titel)";

    /// <summary>A person a request did not reach.</summary>
    public sealed record NotReached(string ProposalId, string Name, string Email, DateTimeOffset At, string Reason);

    /// <summary>A proposal and one of its open incidents.</summary>
    public sealed record HeldUp(string ProposalId, string Title, IncidentView Incident);
}
