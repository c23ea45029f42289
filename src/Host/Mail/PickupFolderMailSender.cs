namespace AdviesRoute.Host.Mail;

/// <summary>
/// The embedded default without an SMTP server: every mail becomes an <c>.eml</c> file in the pickup folder, which
/// admins read on the mailbox page (and any mail program opens).
/// </summary>
internal sealed class PickupFolderMailSender(PickupFolder folder, MailMessageFactory messages, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var id = await folder.WriteAsync(messages.Create(mail), cancellationToken);
        logger.LogInformation("Mail {MessageId} written to the pickup folder as {MailId}.", mail.MessageId, id);
    }
}
