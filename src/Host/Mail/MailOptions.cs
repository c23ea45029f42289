using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// The <c>Mail</c> configuration section: who mail comes from, and where it goes. With <c>Mail:Smtp:Host</c> set,
/// mail goes to that SMTP server; without it, to the local pickup folder that admins read on <c>/Mailbox</c>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public const string DefaultPickupFolder = "data/mail";

    /// <summary>The sender of every mail.</summary>
    public MailFromOptions From { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Where mail is written as <c>.eml</c> files when no SMTP server is configured; a relative path is taken from
    /// the content root, like the database file.
    /// </summary>
    public string PickupFolder { get; set; } = DefaultPickupFolder;

    /// <summary>
    /// The domain after the <c>@</c> of every Message-Id (<c>&lt;outbox id@domain&gt;</c>). Empty: the domain of
    /// <see cref="MailFromOptions.Address"/>, so the ids are the sender's own and never collide with another product's.
    /// </summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>True when no SMTP server is configured: mail goes to the pickup folder and the mailbox page exists.</summary>
    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The configured <see cref="MessageIdDomain"/>, else the sender address's domain.</summary>
    public string EffectiveMessageIdDomain => string.IsNullOrWhiteSpace(MessageIdDomain)
        ? From.Address[(From.Address.LastIndexOf('@') + 1)..].Trim()
        : MessageIdDomain.Trim();
}

public sealed class MailFromOptions
{
    public string Name { get; set; } = "SamenDrenthe (AdviesRoute)";

    public string Address { get; set; } = "adviesroute@example.org";
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; empty means: no server, write to the pickup folder.</summary>
    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless set; 465 goes with <see cref="SmtpSecurity.SslOnConnect"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// STARTTLS by default: a server that does not offer it is refused rather than spoken to in plain text. Use
    /// <see cref="SmtpSecurity.None"/> only for a relay on the same machine or network segment.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Authenticate with this user name when set (and <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; for a local relay.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>MailKit decides by port: TLS on 465, else STARTTLS when the server offers it (plain text when not).</summary>
    Auto,
}

/// <summary>Refuses a mail configuration that cannot work or would send a password in plain text, at start-up.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From.Address) || !MailboxAddress.TryParse(options.From.Address, out var from) || from.Address != options.From.Address.Trim())
        {
            failures.Add($"Mail:From:Address moet één e-mailadres zijn (nu: '{options.From.Address}').");
        }

        if (string.IsNullOrWhiteSpace(options.From.Name))
        {
            failures.Add("Mail:From:Name mag niet leeg zijn: ontvangers zien deze naam als afzender.");
        }

        if (!string.IsNullOrWhiteSpace(options.MessageIdDomain) && !MessageIds.IsDomain(options.MessageIdDomain.Trim()))
        {
            failures.Add($"Mail:MessageIdDomain moet een domeinnaam zijn zoals samendrenthe.nl: letters, cijfers, '-' en punten, zonder '@' of spaties (nu: '{options.MessageIdDomain}').");
        }
        else if (string.IsNullOrWhiteSpace(options.MessageIdDomain) && failures.Count == 0 && !MessageIds.IsDomain(options.EffectiveMessageIdDomain))
        {
            failures.Add($"Het domein van Mail:From:Address ('{options.EffectiveMessageIdDomain}') is geen domeinnaam voor de Message-Id van mails; geef Mail:MessageIdDomain, bijvoorbeeld samendrenthe.nl.");
        }

        if (options.UsesPickupFolder)
        {
            if (string.IsNullOrWhiteSpace(options.PickupFolder))
            {
                failures.Add("Mail:PickupFolder mag niet leeg zijn wanneer er geen SMTP-server (Mail:Smtp:Host) is ingesteld.");
            }

            return Result(failures);
        }

        var smtp = options.Smtp;
        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"Mail:Smtp:Port moet tussen 1 en 65535 liggen (nu: {smtp.Port}).");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"Mail:Smtp:Security moet None, StartTls, SslOnConnect of Auto zijn (nu: {smtp.Security}).");
        }

        var hasUser = !string.IsNullOrEmpty(smtp.UserName);
        var hasPassword = !string.IsNullOrEmpty(smtp.Password);
        if (hasUser != hasPassword)
        {
            failures.Add("Mail:Smtp:UserName en Mail:Smtp:Password horen bij elkaar: geef beide of geen van beide.");
        }

        // A password over an unencrypted connection can be read by anyone on the way; only a relay on this machine
        // is trusted with it.
        if (hasUser && smtp.Security == SmtpSecurity.None && !IsLoopback(smtp.Host!))
        {
            failures.Add($"Mail:Smtp:Security is None maar er is een gebruikersnaam ingesteld: het wachtwoord zou onversleuteld naar {smtp.Host} gaan. Kies StartTls of SslOnConnect.");
        }

        return Result(failures);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
