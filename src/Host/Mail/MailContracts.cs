namespace AdviesRoute.Host.Mail;

/// <summary>One address of a mail.</summary>
public sealed record MailAddress(string Name, string Email);

/// <summary>A file sent with a mail, e.g. the .ics invitation of a meeting.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A mail ready to send: HTML and plain text in the one layout (<see cref="MailLayout"/>), and the stable Message-Id of the
/// outbox message it comes from (<see cref="MessageIds"/>), so a copy delivered twice is recognisable.
/// </summary>
public sealed record OutgoingMail(string MessageId, IReadOnlyList<MailAddress> To, string Subject, string HtmlBody, string TextBody,
    IReadOnlyList<MailAttachment> Attachments);

/// <summary>
/// Sends a mail: over SMTP when a server is configured, else to the local pickup folder. Returns only once the
/// server (or the folder) has accepted the mail; throws to have the outbox retry with backoff.
/// </summary>
/// <remarks>
/// Only the outbox handlers send: every other piece of the host queues its mail (<see cref="MailQueue"/>, or a step
/// writes it), so a mail is never sent for something not stored, and is retried when the server is down.
/// </remarks>
public interface IMailSender
{
    /// <exception cref="MailRecipientRefusedException">The server refused every recipient for good; retrying will not help.</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>The SMTP server refused a recipient permanently (5xx on RCPT TO).</summary>
public sealed class MailRecipientRefusedException(string email, string reason)
    : Exception($"De mailserver weigert {email}: {reason}")
{
    public string Email { get; } = email;
    public string Reason { get; } = reason;
}
