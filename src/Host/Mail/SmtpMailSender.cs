using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// Sends over SMTP with MailKit: one connection per mail (connect, authenticate when a user name is set, send,
/// disconnect). The outbox sends one mail per job, so a pooled connection would save little and could go stale.
/// </summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, MailMessageFactory messages, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var message = messages.Create(mail);
        using var client = new RecipientTolerantSmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, ToMailKit(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && IsPermanent(ex.StatusCode))
        {
            // Retrying will not make the address exist; the caller records the refusal instead.
            Health.HostTelemetry.MailRefused.Add(1);
            throw new MailRecipientRefusedException(ex.Mailbox?.Address ?? string.Join(", ", mail.To.Select(t => t.Email)), $"{(int)ex.StatusCode} {ex.Message}".Trim());
        }
        finally
        {
            await DisconnectQuietlyAsync(client);
        }

        if (client.Refused.Count > 0)
        {
            // Some recipients took it, some did not: the mail is out, so it must not be sent again. The refused
            // addresses are named in the log for the admin.
            Health.HostTelemetry.MailRefused.Add(client.Refused.Count);
            logger.LogWarning("Mail {MessageId} delivered, but the server refused {Refused}.", mail.MessageId, string.Join("; ", client.Refused));
        }
    }

    private static bool IsPermanent(SmtpStatusCode code) => (int)code is >= 500 and < 600;

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            // The mail is accepted (or refused) by now; a server that hangs up before QUIT is answered changes nothing.
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
        {
            logger.LogDebug(ex, "SMTP QUIT was not answered.");
        }
    }

    /// <summary>
    /// MailKit throws at the first refused recipient, which would keep a mail to several people from all of them
    /// because of one wrong address. This client lets the others have it: a permanent refusal (5xx) is noted and
    /// the mail goes to whoever was accepted; only when nobody was accepted does the send fail, with the first
    /// refusal. A temporary refusal (4xx) still throws, so the outbox tries again later.
    /// </summary>
    private sealed class RecipientTolerantSmtpClient : SmtpClient
    {
        private (MailboxAddress Mailbox, SmtpResponse Response)? _first;

        public List<string> Refused { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            if (!IsPermanent(response.StatusCode))
            {
                base.OnRecipientNotAccepted(message, mailbox, response);
                return;
            }

            _first ??= (mailbox, response);
            Refused.Add($"{mailbox.Address}: {(int)response.StatusCode} {response.Response}");
        }

        protected override void OnNoRecipientsAccepted(MimeMessage message)
        {
            if (_first is { } first)
            {
                throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, first.Response.StatusCode, first.Mailbox, first.Response.Response);
            }

            base.OnNoRecipientsAccepted(message);
        }
    }
}
