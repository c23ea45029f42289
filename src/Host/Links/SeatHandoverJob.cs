using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Links;

/// <summary>
/// When a member's term ends while a request of theirs is open, the request passes to the successor: the old link
/// then says so, and this job sends the successor a link of their own. It runs every quarter of an hour (and can be
/// run at once); a successor who already has a link for the step and round gets none again.
/// </summary>
public sealed class SeatHandoverJob(
    WorkflowDbContext engine,
    HostDbContext host,
    IGovernanceDirectory directory,
    LinkTokens tokens,
    IMailSender sender,
    IOptions<RequestLinkOptions> options,
    TimeProvider time,
    ILogger<SeatHandoverJob> logger)
{
    public const string RecurringId = "overdracht-verzoeken";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <returns>How many successors were sent a request.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);
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
                var round = request.Round!.Value;
                var hash = LinkTokens.Hash(tokens.For(instance.Id, request.ActivityId, round, successor.Id));
                if (await host.MailLinks.AnyAsync(l => l.TokenHash == hash, cancellationToken))
                {
                    continue;
                }

                var earlier = await host.MailLinks.AsNoTracking()
                    .Where(l => l.InstanceId == instance.Id && l.ActivityId == request.ActivityId && l.Round == round && l.TargetKind == "zetel")
                    .FirstOrDefaultAsync(l => l.MemberName == request.AskedOf, cancellationToken);
                var bookmark = state.AllBookmarks().First(b => b.Id == request.BookmarkId);
                var seatId = bookmark.Payload!["zetel"]!.GetValue<string>();
                var body = snapshot.Model.FindBody(bookmark.Payload["orgaan"]!.GetValue<string>());
                var kind = earlier?.Kind ?? "verzoekStem";
                var (subject, text) = RequestMails.Defaults[kind];
                var expires = earlier?.ExpiresAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : time.GetUtcNow().AddDays(7);
                var payload = new JsonObject
                {
                    ["soort"] = kind,
                    ["activiteit"] = request.ActivityId,
                    ["ronde"] = round,
                    ["zetel"] = seatId,
                    ["aan"] = new JsonObject { ["lid"] = successor.Id, ["naam"] = successor.Name, ["email"] = successor.Email },
                    ["orgaanNaam"] = body?.Name,
                    ["keuzes"] = bookmark.Payload["keuzes"]?.DeepClone(),
                    ["uiterlijk"] = bookmark.Payload["uiterlijk"]?.DeepClone(),
                    ["verlooptOp"] = expires.ToString("O", CultureInfo.InvariantCulture),
                    ["onderwerp"] = subject,
                    ["tekst"] = text + $"\n\nU ontvangt dit verzoek als opvolger van {request.AskedOf}.",
                    ["voorstel"] = new JsonObject
                    {
                        ["titel"] = state.Input["titel"]?.DeepClone(),
                        ["samenvatting"] = state.Input["samenvatting"]?.DeepClone(),
                        ["documenten"] = state.Input["documenten"]?.DeepClone(),
                    },
                };

                // Send first, then store the link: a crash in between sends the same link once more (at least once).
                var token = tokens.For(instance.Id, request.ActivityId, round, successor.Id);
                var messageId = $"<overdracht.{instance.Id}.{request.ActivityId}.{round}.{successor.Id}@adviesroute>";
                await sender.SendAsync(RequestMailRenderer.Render(payload, messageId, $"{options.Value.PublicBaseUrl.TrimEnd('/')}/verzoek/{token}"), cancellationToken);
                host.MailLinks.Add(new MailLink
                {
                    TokenHash = hash,
                    InstanceId = instance.Id,
                    ActivityId = request.ActivityId,
                    Round = round,
                    TargetKind = "zetel",
                    TargetId = seatId,
                    MemberId = successor.Id,
                    MemberName = successor.Name,
                    Email = successor.Email,
                    Kind = kind,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                    ExpiresAt = expires.UtcDateTime,
                });
                await host.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Request of {Predecessor} in {Instance}/{Activity} round {Round} passed to {Successor}.", request.AskedOf, instance.Id, request.ActivityId, round, successor.Name);
                sent++;
            }
        }

        return sent;
    }
}
