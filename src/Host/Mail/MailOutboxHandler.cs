using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Outbox;
using MimeKit;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// Told what became of each mail the outbox handed over: delivered, or refused for good by the mail server.
/// Register any number; the mail handler calls each in turn, in the outbox job's scope (so an observer may use the
/// database).
/// </summary>
/// <remarks>
/// Delivery is at least once, and so are these calls: an observer that throws makes the outbox deliver the mail
/// again (with the same Message-Id) and call the observers again. Implementations must be idempotent, keyed on
/// <see cref="OutboxMessage.Id"/>.
/// </remarks>
public interface IMailDeliveryObserver
{
    /// <summary>The SMTP server (or the pickup folder) accepted the mail.</summary>
    Task DeliveredAsync(OutboxMessage message, OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>
    /// The SMTP server refused the recipients permanently (5xx). The outbox will not try again: the message counts
    /// as handled once this returns.
    /// </summary>
    Task RefusedAsync(OutboxMessage message, OutgoingMail mail, MailRecipientRefusedException refusal, CancellationToken cancellationToken);
}

/// <summary>Delivers outbox messages of kind <c>mail</c>: the payload is an <see cref="OutgoingMail"/> as JSON (see <see cref="MailPayload"/>).</summary>
internal sealed class MailOutboxHandler(IMailSender sender, IEnumerable<IMailDeliveryObserver> observers, ILogger<MailOutboxHandler> logger) : IOutboxHandler
{
    public bool CanHandle(string kind) => string.Equals(kind, MailPayload.Kind, StringComparison.Ordinal);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = MailPayload.Read(message.Payload, message.MessageId);
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (MailRecipientRefusedException refusal)
        {
            // Returning normally marks the message handled: a refused address stays refused, and retrying for hours
            // would only delay telling the secretary.
            logger.LogWarning("Mail {MessageId} ({Subject}) refused for {Email}: {Reason}. Not retried.", mail.MessageId, mail.Subject, refusal.Email, refusal.Reason);
            foreach (var observer in observers)
            {
                await observer.RefusedAsync(message, mail, refusal, cancellationToken);
            }

            return;
        }

        logger.LogInformation("Mail {MessageId} ({Subject}) delivered to {Recipients} (attempt {Attempt}).",
            mail.MessageId, mail.Subject, string.Join(", ", mail.To.Select(t => t.Email)), message.Attempt);
        foreach (var observer in observers)
        {
            await observer.DeliveredAsync(message, mail, cancellationToken);
        }
    }
}

/// <summary>
/// The payload of an outbox message of kind <c>mail</c>, in JSON (camelCase):
/// <c>{ "messageId"?, "to": [{ "name", "email" }], "subject", "htmlBody", "textBody", "attachments"?: [{ "fileName", "contentType", "contentBase64" }] }</c>.
/// Without <c>messageId</c> the outbox message's own Message-Id is used.
/// </summary>
public static class MailPayload
{
    /// <summary>The outbox kind this payload travels under.</summary>
    public const string Kind = "mail";

    /// <summary>The payload for a mail, to write into the outbox.</summary>
    public static JsonObject Create(OutgoingMail mail) =>
        JsonSerializer.SerializeToNode(ToDto(mail), JsonSerializerOptions.Web)!.AsObject();

    /// <summary>Reads a payload; throws <see cref="InvalidOperationException"/> naming what is wrong with it.</summary>
    public static OutgoingMail Read(JsonObject payload, string outboxMessageId)
    {
        Dto? dto;
        try
        {
            dto = payload.Deserialize<Dto>(JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"De inhoud van het mailbericht is onleesbaar: {ex.Message}", ex);
        }

        var errors = new List<string>();
        var to = dto?.To?.OfType<AddressDto>().ToList() ?? [];
        if (to.Count == 0)
        {
            errors.Add("'to' heeft geen ontvanger");
        }

        errors.AddRange(to.Where(t => !IsBareAddress(t.Email)).Select(t => $"'{t.Email}' is geen e-mailadres"));
        if (string.IsNullOrWhiteSpace(dto?.Subject))
        {
            errors.Add("'subject' ontbreekt");
        }

        if (string.IsNullOrEmpty(dto?.HtmlBody) && string.IsNullOrEmpty(dto?.TextBody))
        {
            errors.Add("'htmlBody' en 'textBody' ontbreken allebei");
        }

        var attachments = dto?.Attachments?.OfType<AttachmentDto>().ToList() ?? [];
        foreach (var attachment in attachments)
        {
            if (string.IsNullOrWhiteSpace(attachment.FileName) || attachment.ContentBase64 is null)
            {
                errors.Add("een bijlage zonder 'fileName' of 'contentBase64'");
            }
            else if (!ContentType.TryParse(attachment.ContentType ?? "", out _))
            {
                errors.Add($"bijlage '{attachment.FileName}' heeft geen geldig 'contentType'");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Het mailbericht is onvolledig: {string.Join("; ", errors)}.");
        }

        return new OutgoingMail(
            string.IsNullOrWhiteSpace(dto!.MessageId) ? outboxMessageId : dto.MessageId,
            to.Select(t => new MailAddress(t.Name ?? "", t.Email!.Trim())).ToList(),
            dto.Subject!,
            dto.HtmlBody ?? "",
            dto.TextBody ?? "",
            attachments.Select(a => new MailAttachment(a.FileName!, a.ContentType!, a.ContentBase64!)).ToList());
    }

    private static bool IsBareAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email.Trim() && parsed.Address.Contains('@', StringComparison.Ordinal);

    private static Dto ToDto(OutgoingMail mail) => new(
        mail.MessageId,
        mail.To.Select(t => (AddressDto?)new AddressDto(t.Name, t.Email)).ToList(),
        mail.Subject,
        mail.HtmlBody,
        mail.TextBody,
        mail.Attachments.Select(a => (AttachmentDto?)new AttachmentDto(a.FileName, a.ContentType, a.Content)).ToList());

    // byte[] travels as a base64 string in System.Text.Json, hence the property name.
    private sealed record Dto(string? MessageId, List<AddressDto?>? To, string? Subject, string? HtmlBody, string? TextBody, List<AttachmentDto?>? Attachments);

    private sealed record AddressDto(string? Name, string? Email);

    private sealed record AttachmentDto(string? FileName, string? ContentType, byte[]? ContentBase64);
}
