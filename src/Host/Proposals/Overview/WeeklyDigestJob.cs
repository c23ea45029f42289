using AdviesRoute.Activities.Calendar;
using System.Globalization;
using System.Net;
using System.Text;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Pages.Voorstellen;
using AdviesRoute.Host.Security;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>
/// The weekly digest: every Monday at 07:00 (DutchTime.Zone) each secretary gets the tasks of their pillar and bodies that
/// are overdue or due within two weeks. One mail per secretary per week (its Message-Id names the week).
/// </summary>
public sealed class WeeklyDigestJob(
    UserManager<HostUser> users,
    ProposalReader reader,
    Meetings.MeetingAgenda agenda,
    IMailSender sender,
    IOptions<RequestLinkOptions> links,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger)
{
    public const string RecurringId = "weekoverzicht-secretarissen";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <returns>How many digests were sent.</returns>
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

            var baseUrl = links.Value.PublicBaseUrl.TrimEnd('/');
            var text = new StringBuilder($"Beste {secretary.DisplayName ?? secretary.Email},\n\nDit wacht op u (achterstallig of binnen twee weken):\n\n");
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">")
                .Append("<p>Beste ").Append(WebUtility.HtmlEncode(secretary.DisplayName ?? secretary.Email)).Append(",</p><p>Dit wacht op u (achterstallig of binnen twee weken):</p><ul>");
            foreach (var task in tasks)
            {
                var url = baseUrl + task.Href;
                var line = $"{(task.Overdue ? "ACHTERSTALLIG: " : "")}{task.Title} – {task.What}{(task.DueText is null ? "" : $" ({task.DueText})")}";
                text.Append("- ").Append(line).Append("\n  ").Append(url).Append('\n');
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(line)).Append("</a></li>");
            }

            html.Append("</ul><p><a href=\"").Append(WebUtility.HtmlEncode(baseUrl + "/Voorstellen/Taken")).Append("\">Alle taken</a></p></body></html>");
            var subject = $"Weekoverzicht AdviesRoute: {tasks.Count} {(tasks.Count == 1 ? "taak" : "taken")}, week van {DutchTime.Local(now).ToString("d MMMM yyyy", Dutch)}";
            await sender.SendAsync(new OutgoingMail($"<weekoverzicht.{week}.{secretary.Id}@adviesroute>", [new MailAddress(secretary.DisplayName ?? secretary.Email, secretary.Email)],
                subject, html.ToString(), text.ToString(), []), cancellationToken);
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
