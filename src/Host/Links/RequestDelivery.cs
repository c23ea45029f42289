using AdviesRoute.Activities.Governance.Activities;
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
        var request = RequestMail.Read(message.Payload);
        var memberId = request.To.MemberId ?? throw new InvalidOperationException("Een verzoek hoort bij een lid.");
        if (directory.Current.Model.FindMember(memberId)?.Email is { } current && !LinkRevocation.SameAddress(current, request.To.Email))
        {
            // The address changed after the request was written: it goes to the address that holds now.
            request = request with { To = request.To with { Email = current } };
        }

        var generation = await revocation.GenerationForAsync(instanceId, request.ActivityId, request.Round, memberId, request.To.Email, cancellationToken);
        var token = tokens.For(instanceId, request.ActivityId, request.Round, memberId, generation);
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/verzoek/{token}";
        var composed = RequestMailRenderer.Compose(request, link);

        // The link is stored before the mail leaves, so it works the moment the mail arrives; a link of a mail that did
        // not leave is known to nobody, and the retry finds it stored.
        await StoreLinkAsync(instanceId, request, LinkTokens.Hash(token), generation, refusal: null, cancellationToken);
        MailRecipientRefusedException? refusal = null;
        try
        {
            await sender.SendAsync(layout.Mail(messageIds.For(message), composed.To, composed.Content), cancellationToken);
        }
        catch (MailRecipientRefusedException refused)
        {
            refusal = refused;
            await StoreLinkAsync(instanceId, request, LinkTokens.Hash(token), generation, refusal, cancellationToken);
        }

        if (refusal is null)
        {
            logger.LogInformation("Request {Kind} for {Activity} round {Round} sent to member {Member}.", request.RequestKind, request.ActivityId, request.Round, memberId);
            return;
        }

        // Retrying will not help: the round shows the person as not reached, and the secretaries are told (once per
        // message, however often it is delivered: the notice's key is the message's id).
        await TellSecretariesAsync(message.Id, instanceId, request, refusal, cancellationToken);
        logger.LogWarning("Request {Kind} for {Activity} round {Round} not delivered to member {Member}: {Reason}", request.RequestKind, request.ActivityId, request.Round, memberId, refusal.Reason);
    }

    private async Task StoreLinkAsync(string instanceId, RequestMail request, string hash, int generation, MailRecipientRefusedException? refusal, CancellationToken cancellationToken)
    {
        var stored = await db.MailLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (stored is null)
        {
            var (targetKind, targetId) = request.Target;
            stored = new MailLink
            {
                TokenHash = hash,
                InstanceId = instanceId,
                ActivityId = request.ActivityId,
                Round = request.Round,
                TargetKind = targetKind,
                TargetId = targetId,
                MemberId = request.To.MemberId!,
                MemberName = request.To.Name,
                Email = request.To.Email,
                Kind = request.RequestKind,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                ExpiresAt = request.ExpiresAt.UtcDateTime,
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
                await StoreLinkAsync(instanceId, request, hash, generation, refusal, cancellationToken);
            }
        }
    }

    private Task TellSecretariesAsync(string outboxMessageId, string instanceId, RequestMail request, MailRecipientRefusedException refused, CancellationToken cancellationToken)
    {
        var title = request.Proposal?.Title ?? "(zonder titel)";
        return mails.EnqueueAsync(new SecretariatNotice($"Niet bezorgd: verzoek aan {request.To.Name} over {title}",
            [
                $"Het verzoek over \"{title}\" kon niet worden bezorgd bij {request.To.Name}: de mailserver weigert het adres {refused.Email} (melding van de server: {refused.Reason}).",
                "Controleer het e-mailadres in het bestuursmodel en neem zo nodig op een andere manier contact op; u kunt een keuze namens het lid vastleggen.",
            ],
            $"/Voorstellen/{Uri.EscapeDataString(instanceId)}", "Open het voorstel"),
            key: "niet-bezorgd." + outboxMessageId, instanceId, cancellationToken);
    }
}
