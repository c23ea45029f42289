using Microsoft.Extensions.Options;
using MimeKit;

namespace AdviesRoute.Host.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both senders write.</summary>
internal sealed class MailMessageFactory(IOptions<MailOptions> options, TimeProvider time)
{
    public MimeMessage Create(OutgoingMail mail)
    {
        var from = options.Value.From;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = time.GetUtcNow(),

            // The outbox message's stable id, so a copy sent again after a crash is recognisable as the same mail.
            // MimeKit adds the angle brackets itself.
            MessageId = BareMessageId(mail.MessageId),
        };
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        message.To.AddRange(mail.To.Select(to => new MailboxAddress(string.IsNullOrWhiteSpace(to.Name) ? null : to.Name, to.Email)));

        // Sent by a program, not a person: out-of-office replies must not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            // Base64 keeps the bytes exact: a text attachment such as an .ics must keep its CRLF line ends (RFC 5545),
            // which a 7bit or quoted-printable text part may lose when written with the platform's line ends.
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary><c>&lt;id@example.org&gt;</c> becomes <c>id@example.org</c>, as MimeKit's MessageId expects.</summary>
    public static string BareMessageId(string messageId) => messageId.Trim().TrimStart('<').TrimEnd('>');
}
