using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.EntityFrameworkCore;
using AdviesRoute.Workflows.Outbox;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Delivers one request mail (outbox kind <c>verzoek</c>, written by a step or queued by <see cref="DirectRequestMail"/>)
/// with the person's own link for the step and round (of the current generation: after a revocation, the newest), to
/// the person's current address in the governance model (not the one written when the mail was queued), then stores the
/// link's hash. The mail goes first: a crash before the link is stored sends the same link again on the next try (at
/// least once, with the same Message-Id), and only then is it stored. An address the server refuses for good is marked
/// not reached on the link, and the secretaries are told.
/// </summary>
public sealed class RequestDelivery(
    HostDbContext db,
    LinkTokens tokens,
    IMailSender sender,
    MailLayout layout,
    MessageIds messageIds,
    MailQueue mails,
    IOptions<RequestLinkOptions> options,
    TimeProvider time,
    IGovernanceDirectory directory,
    LinkRevocation revocation,
    ILogger<RequestDelivery> logger)
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var instanceId = message.InstanceId ?? throw new InvalidOperationException("Een verzoek hoort bij een instantie.");
        var payload = message.Payload;
        var activityId = payload["activiteit"]!.GetValue<string>();
        var round = payload["ronde"]!.GetValue<int>();
        var memberId = payload["aan"]!["lid"]!.GetValue<string>();
        if (directory.Current.Model.FindMember(memberId)?.Email is { } current && !LinkRevocation.SameAddress(current, payload["aan"]!["email"]!.GetValue<string>()))
        {
            // The address changed after the request was written: it goes to the address that holds now.
            payload = payload.DeepClone().AsObject();
            payload["aan"]!["email"] = current;
        }

        var email = payload["aan"]!["email"]!.GetValue<string>();
        var generation = await revocation.GenerationForAsync(instanceId, activityId, round, memberId, email, cancellationToken);
        var token = tokens.For(instanceId, activityId, round, memberId, generation);
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/verzoek/{token}";
        var composed = RequestMailRenderer.Compose(payload, link);
        MailRecipientRefusedException? refusal = null;
        try
        {
            await sender.SendAsync(layout.Mail(messageIds.For(message), composed.To, composed.Content), cancellationToken);
        }
        catch (MailRecipientRefusedException refused)
        {
            refusal = refused;
        }

        await StoreLinkAsync(instanceId, payload, LinkTokens.Hash(token), generation, refusal, cancellationToken);
        if (refusal is null)
        {
            logger.LogInformation("Request {Kind} for {Activity} round {Round} sent to member {Member}.", payload["soort"], activityId, round, memberId);
            return;
        }

        // Retrying will not help: the round shows the person as not reached, and the secretaries are told (once per
        // message, however often it is delivered: the notice's key is the message's id).
        await TellSecretariesAsync(message.Id, instanceId, payload, refusal, cancellationToken);
        logger.LogWarning("Request {Kind} for {Activity} round {Round} not delivered to member {Member}: {Reason}", payload["soort"], activityId, round, memberId, refusal.Reason);
    }

    private async Task StoreLinkAsync(string instanceId, JsonObject payload, string hash, int generation, MailRecipientRefusedException? refusal, CancellationToken cancellationToken)
    {
        var stored = await db.MailLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (stored is null)
        {
            var to = payload["aan"]!;
            var (targetKind, targetId) = payload["zetel"] is { } seat ? ("zetel", seat.GetValue<string>()) : ("orgaan", payload["orgaan"]!.GetValue<string>());
            stored = new MailLink
            {
                TokenHash = hash,
                InstanceId = instanceId,
                ActivityId = payload["activiteit"]!.GetValue<string>(),
                Round = payload["ronde"]!.GetValue<int>(),
                TargetKind = targetKind,
                TargetId = targetId,
                MemberId = to["lid"]!.GetValue<string>(),
                MemberName = to["naam"]!.GetValue<string>(),
                Email = to["email"]!.GetValue<string>(),
                Kind = payload["soort"]!.GetValue<string>(),
                CreatedAt = time.GetUtcNow().UtcDateTime,
                ExpiresAt = DateTimeOffset.Parse(payload["verlooptOp"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime,
                Generation = generation,
            };
            db.MailLinks.Add(stored);
        }

        if (refusal is not null)
        {
            stored.NotReachedReason = refusal.Reason;
            stored.NotReachedAt = time.GetUtcNow().UtcDateTime;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second delivery of the same request stored the same link first; only a refusal still needs marking.
            db.ChangeTracker.Clear();
            if (refusal is not null)
            {
                await StoreLinkAsync(instanceId, payload, hash, generation, refusal, cancellationToken);
            }
        }
    }

    private Task TellSecretariesAsync(string outboxMessageId, string instanceId, JsonObject payload, MailRecipientRefusedException refused, CancellationToken cancellationToken)
    {
        var to = payload["aan"]!;
        var title = payload["voorstel"]?["titel"]?.GetValue<string>() ?? "(zonder titel)";
        return mails.EnqueueAsync(new SecretariatNotice($"Niet bezorgd: verzoek aan {to["naam"]} over {title}",
            [
                $"Het verzoek over \"{title}\" kon niet worden bezorgd bij {to["naam"]}: de mailserver weigert het adres {refused.Email} (melding van de server: {refused.Reason}).",
                "Controleer het e-mailadres in het bestuursmodel en neem zo nodig op een andere manier contact op; u kunt een keuze namens het lid vastleggen.",
            ],
            $"/Voorstellen/{Uri.EscapeDataString(instanceId)}", "Open het voorstel"),
            key: "niet-bezorgd." + outboxMessageId, instanceId, cancellationToken);
    }
}
