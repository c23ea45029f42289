using AdviesRoute.Activities.Calendar;
using System.Globalization;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Pages.Voorstellen;
using AdviesRoute.Host.Security;
using Hangfire;
using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>
/// The weekly digest: every Monday at 07:00 (DutchTime.Zone) each secretary gets the tasks of their pillar and bodies that
/// are overdue or due within two weeks. One mail per secretary per week: it is queued under a key that names the week,
/// so a second run in the same week queues nothing.
/// </summary>
public sealed class WeeklyDigestJob(
    UserManager<HostUser> users,
    ProposalReader reader,
    Meetings.MeetingAgenda agenda,
    MailQueue mails,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger)
{
    public const string RecurringId = "weekoverzicht-secretarissen";

    /// <returns>How many digests were queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(14);
        var week = ISOWeek.GetYear(now.UtcDateTime) + "-W" + ISOWeek.GetWeekOfYear(now.UtcDateTime).ToString("00", CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var secretary in await users.GetUsersInRoleAsync(Roles.Secretary))
        {
            if (secretary.Email is null)
            {
                continue;
            }

            var (pillar, bodies) = await SecretaryScope.ReadAsync(users, secretary);
            var tasks = SecretaryTasks.Merge(await reader.TasksAsync(pillar, bodies, cancellationToken), await agenda.ConvocationTasksAsync(bodies, cancellationToken))
                .Where(t => t.Overdue || t.Due is null || t.Due <= horizon).ToList();
            if (tasks.Count == 0)
            {
                continue;
            }

            var monday = DutchTime.Today(now).AddDays(-(((int)DutchTime.Today(now).DayOfWeek + 6) % 7));
            var digest = new WeeklyDigestMail(new MailAddress(secretary.DisplayName ?? secretary.Email, secretary.Email), monday,
                tasks.Select(t => new WeeklyDigestMail.Task(t.Title, t.What, t.DueText, t.Overdue, t.Href)).ToList());
            if (!await mails.EnqueueAsync(digest, key: $"{week}.{secretary.Id}", instanceId: null, cancellationToken))
            {
                continue;
            }

            sent++;
        }

        logger.LogInformation("Weekly digest {Week}: {Count} sent.", week, sent);
        return sent;
    }
}

/// <summary>Registers the weekly digest as a recurring Hangfire job: Mondays 07:00, DutchTime.Zone time.</summary>
internal sealed class WeeklyDigestSchedule(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<WeeklyDigestJob>(WeeklyDigestJob.RecurringId, job => job.RunAsync(CancellationToken.None), "0 7 * * 1",
            new RecurringJobOptions { TimeZone = DutchTime.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
