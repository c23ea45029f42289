using System.Globalization;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Delivers a request (outbox kind <c>verzoek</c>): makes the person's link for the step and round, stores its hash,
/// renders the mail and hands it to the mail sender. Delivered twice, the same link and Message-Id go out again.
/// </summary>
internal sealed class RequestMailHandler(
    HostDbContext db,
    LinkTokens tokens,
    IMailSender sender,
    IOptions<RequestLinkOptions> options,
    TimeProvider time,
    ILogger<RequestMailHandler> logger) : IOutboxHandler
{
    public bool CanHandle(string kind) => kind == RequestMails.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Payload;
        var instanceId = message.InstanceId ?? throw new InvalidOperationException("Een verzoek hoort bij een instantie.");
        var activityId = payload["activiteit"]!.GetValue<string>();
        var round = payload["ronde"]!.GetValue<int>();
        var (targetKind, targetId) = payload["zetel"] is { } seat ? ("zetel", seat.GetValue<string>()) : ("orgaan", payload["orgaan"]!.GetValue<string>());
        var to = payload["aan"]!.AsObject();
        var memberId = to["lid"]!.GetValue<string>();
        var token = tokens.For(instanceId, activityId, round, memberId);
        var hash = LinkTokens.Hash(token);
        if (!await db.MailLinks.AnyAsync(l => l.TokenHash == hash, cancellationToken))
        {
            db.MailLinks.Add(new MailLink
            {
                TokenHash = hash,
                InstanceId = instanceId,
                ActivityId = activityId,
                Round = round,
                TargetKind = targetKind,
                TargetId = targetId,
                MemberId = memberId,
                MemberName = to["naam"]!.GetValue<string>(),
                Email = to["email"]!.GetValue<string>(),
                Kind = payload["soort"]!.GetValue<string>(),
                CreatedAt = time.GetUtcNow().UtcDateTime,
                ExpiresAt = DateTimeOffset.Parse(payload["verlooptOp"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second delivery of the same request may have got there first: the link is the same then.
                db.ChangeTracker.Clear();
                if (!await db.MailLinks.AsNoTracking().AnyAsync(l => l.TokenHash == hash, cancellationToken))
                {
                    throw;
                }
            }
        }

        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/verzoek/{token}";
        await sender.SendAsync(RequestMailRenderer.Render(payload, message.MessageId, link), cancellationToken);
        logger.LogInformation("Request {Kind} for {Activity} round {Round} sent to member {Member}.", payload["soort"], activityId, round, memberId);
    }
}
