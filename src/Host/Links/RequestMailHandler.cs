using System.Globalization;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
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
    Microsoft.AspNetCore.Identity.UserManager<HostUser> users,
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
        try
        {
            await sender.SendAsync(RequestMailRenderer.Render(payload, message.MessageId, link), cancellationToken);
        }
        catch (MailRecipientRefusedException refused)
        {
            // Retrying will not help: the round shows the person as not reached, and the secretaries are told.
            await MarkNotReachedAsync(hash, refused, cancellationToken);
            await TellSecretariesAsync(message, payload, refused, cancellationToken);
            logger.LogWarning("Request {Kind} for {Activity} round {Round} not delivered to member {Member}: {Reason}", payload["soort"], activityId, round, memberId, refused.Reason);
            return;
        }

        logger.LogInformation("Request {Kind} for {Activity} round {Round} sent to member {Member}.", payload["soort"], activityId, round, memberId);
    }

    private async Task MarkNotReachedAsync(string hash, MailRecipientRefusedException refused, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await db.MailLinks.FirstAsync(l => l.TokenHash == hash, cancellationToken);
        stored.NotReachedReason = refused.Reason;
        stored.NotReachedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task TellSecretariesAsync(OutboxMessage message, System.Text.Json.Nodes.JsonObject payload, MailRecipientRefusedException refused, CancellationToken cancellationToken)
    {
        var secretaries = (await users.GetUsersInRoleAsync(Roles.Secretary)).Where(u => u.Email is not null)
            .Select(u => new MailAddress(u.DisplayName ?? u.Email!, u.Email!)).ToList();
        if (secretaries.Count == 0)
        {
            logger.LogWarning("No secretary account with an e-mail address to tell that {Email} was not reached.", refused.Email);
            return;
        }

        var to = payload["aan"]!;
        var title = payload["voorstel"]?["titel"]?.GetValue<string>() ?? "(zonder titel)";
        var text = $"Het verzoek over \"{title}\" kon niet worden bezorgd bij {to["naam"]} ({refused.Email}): {refused.Reason}\n\n"
            + "Controleer het e-mailadres in het bestuursmodel en neem zo nodig op een andere manier contact op; u kunt een keuze namens het lid vastleggen.";
        var html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body><p>"
            + System.Net.WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>") + "</p></body></html>";
        await sender.SendAsync(new OutgoingMail(message.MessageId.Replace("@", ".niet-bezorgd@", StringComparison.Ordinal), secretaries,
            $"Niet bezorgd: verzoek aan {to["naam"]} over {title}", html, text, []), cancellationToken);
    }
}
