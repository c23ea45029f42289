using System.Net;
using System.Text;
using System.Text.Json.Nodes;
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
/// </summary>
internal sealed class NotificationMailHandler(
    IMailSender sender,
    UserManager<HostUser> users,
    Microsoft.Extensions.Options.IOptions<MailOptions> mail,
    ILogger<NotificationMailHandler> logger) : IOutboxHandler
{
    public bool CanHandle(string kind) => kind == MeldingActivity.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Payload;
        var recipients = new List<MailAddress>();
        if (payload["aan"] is JsonArray list)
        {
            recipients.AddRange(list.OfType<JsonObject>().Select(r => new MailAddress(r["naam"]!.GetValue<string>(), r["email"]!.GetValue<string>())));
        }

        if (payload["aanRol"]?.GetValue<string>() is { } role)
        {
            var holders = await users.GetUsersInRoleAsync(role == "secretary" ? Roles.Secretary : role);
            recipients.AddRange(holders.Where(u => u.Email is not null).Select(u => new MailAddress(u.DisplayName ?? u.Email!, u.Email!)));
        }

        if (recipients.Count == 0)
        {
            logger.LogWarning("Notification {MessageId} has no recipients; nothing to send.", message.MessageId);
            return;
        }

        var subject = payload["onderwerp"]?.GetValue<string>() ?? "Melding";
        var text = payload["tekst"]?.GetValue<string>() ?? "";
        var title = payload["voorstel"]?["titel"]?.GetValue<string>();
        var plain = new StringBuilder(text);
        if (title is not null)
        {
            plain.AppendLine().AppendLine().Append("Voorstel: ").Append(title);
        }

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:Arial,sans-serif;line-height:1.5\">");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).ReplaceLineEndings("<br>")).Append("</p>");
        }

        if (title is not null)
        {
            html.Append("<p><strong>Voorstel:</strong> ").Append(WebUtility.HtmlEncode(title)).Append("</p>");
        }

        html.Append("</body></html>");
        var distinct = recipients.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        for (var i = 0; i < distinct.Count; i++)
        {
            var id = distinct.Count == 1 ? message.MessageId : message.MessageId.Replace("@", $".{i + 1}@", StringComparison.Ordinal);
            // A mail about an agenda item carries the meeting as an invitation for the recipient's calendar.
            IReadOnlyList<MailAttachment> attachments = payload["vergadering"] is JsonObject meeting
                ? [MeetingInvitation.For(meeting, distinct[i], new MailAddress(mail.Value.From.Name, mail.Value.From.Address), title ?? subject)]
                : [];
            try
            {
                await sender.SendAsync(new OutgoingMail(id, [distinct[i]], subject, html.ToString(), plain.ToString(), attachments), cancellationToken);
            }
            catch (MailRecipientRefusedException refused)
            {
                // Refused for good: trying again will not help, and the other recipients must still get theirs.
                logger.LogWarning("Notification {MessageId} not delivered to {Email}: {Reason}", id, refused.Email, refused.Reason);
            }
        }
    }
}
