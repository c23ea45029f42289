using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Outbox;
using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Delivers a notification (outbox kind <c>melding</c>: a decision taken, a deadline passed, the reactions sent) as
/// one mail per recipient, so no one sees the others' addresses. A notification for a role (e.g. the secretaries)
/// goes to the accounts with that role. The n-th recipient's copy has a Message-Id derived from the message's own.
/// An agendering notice is no mail of its own: the meeting's convocation carries the item, or, once the convocation went
/// out, an update of its invitation does (ADR 24).
/// </summary>
internal sealed class NotificationMailHandler(
    IMailSender sender,
    MailLayout layout,
    MessageIds messageIds,
    UserManager<HostUser> users,
    Proposals.Meetings.ConvocationSender convocations,
    ILogger<NotificationMailHandler> logger) : IOutboxHandler
{
    /// <summary>The kind of notification an Agenderen step with "Leden uitnodigen" writes for the body's members.</summary>
    public const string AgendaNotice = "agendering";

    public bool CanHandle(string kind) => kind == MeldingActivity.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notification = NotificationMail.Read(message.Payload);
        if (notification.NotificationKind == AgendaNotice)
        {
            // One invitation per meeting: the members do not get a mail per item (ADR 24).
            if (notification.Meeting?["id"]?.GetValue<string>() is { } meetingId && message.InstanceId is { } instanceId)
            {
                await convocations.ItemAddedAsync(meetingId, instanceId, cancellationToken);
            }

            return;
        }

        var recipients = new List<(MailAddress Address, bool Secretary)>();
        recipients.AddRange((notification.To ?? []).Select(r => (new MailAddress(r.Name, r.Email), false)));
        if (notification.ToRole is { } role)
        {
            var holders = await users.GetUsersInRoleAsync(role == "secretary" ? Roles.Secretary : role);
            recipients.AddRange(holders.Where(u => u.Email is not null).Select(u => (new MailAddress(u.DisplayName ?? u.Email!, u.Email!), true)));
        }

        if (recipients.Count == 0)
        {
            logger.LogWarning("Notification {OutboxId} has no recipients; nothing to send.", message.Id);
            return;
        }

        var subject = notification.Subject;
        var text = notification.Text ?? "";
        var title = notification.Proposal?.Title;
        var distinct = recipients.DistinctBy(r => r.Address.Email, StringComparer.OrdinalIgnoreCase).ToList();

        // Every copy is composed before the first is sent: a copy that cannot be made (e.g. its invitation) fails the
        // message before anyone has it, so a retry does not send the others a second copy each time.
        var copies = new List<OutgoingMail>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            var (to, secretary) = distinct[i];
            // One recipient: the message's own Message-Id; several: one per copy, derived from it (as earlier versions did).
            var id = distinct.Count == 1 ? messageIds.For(message) : messageIds.For(message, i + 1);
            var content = new MailContent
            {
                Subject = subject,
                Greeting = $"Beste {to.Name},",
                Paragraphs = [text],
                Facts = title is null ? [] : [new MailFact("Voorstel", title)],
                ToSecretariat = secretary,
            };
            copies.Add(layout.Mail(id, [to], content));
        }

        foreach (var copy in copies)
        {
            try
            {
                await sender.SendAsync(copy, cancellationToken);
            }
            catch (MailRecipientRefusedException refused)
            {
                // Refused for good: trying again will not help, and the other recipients must still get theirs.
                logger.LogWarning("Notification {MessageId} not delivered to {Email}: {Reason}", copy.MessageId, refused.Email, refused.Reason);
            }
        }
    }
}
