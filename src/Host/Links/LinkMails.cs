using AdviesRoute.Host.Mail;
using Microsoft.AspNetCore.DataProtection;

namespace AdviesRoute.Host.Links;

/// <summary>
/// The one-time code for a link's confidential documents, to the member's own address. The code travels through the
/// outbox encrypted (<see cref="Protect"/>): the database keeps only its hash on the link, and an outbox row, kept after
/// delivery, must not hand it to whoever reads the database.
/// </summary>
public sealed record OneTimeCodeMail(MailAddress To, string ProtectedCode) : IQueuedMail
{
    public static string Kind => "mail.code.v1";

    private const string Purpose = "AdviesRoute.Mail.OneTimeCode";

    public static OneTimeCodeMail For(IDataProtectionProvider protection, MailAddress to, string code) =>
        new(to, Protect(protection, code));

    public static string Protect(IDataProtectionProvider protection, string code) => protection.CreateProtector(Purpose).Protect(code);

    public static string Unprotect(IDataProtectionProvider protection, string protectedCode) => protection.CreateProtector(Purpose).Unprotect(protectedCode);
}

internal sealed class OneTimeCodeMailComposer(IDataProtectionProvider protection) : IMailComposer<OneTimeCodeMail>
{
    public Task<ComposedMail?> ComposeAsync(OneTimeCodeMail mail, CancellationToken cancellationToken) =>
        Task.FromResult<ComposedMail?>(new ComposedMail([mail.To], new MailContent
        {
            Subject = "Uw code voor de vertrouwelijke stukken",
            Greeting = $"Beste {mail.To.Name},",
            Highlight = new MailFact("Uw code om de vertrouwelijke stukken te openen is:", OneTimeCodeMail.Unprotect(protection, mail.ProtectedCode)),
            Closing = ["Vul de code in op de pagina van uw verzoek. De code is 10 minuten geldig.", "Hebt u geen code aangevraagd, dan kunt u deze mail negeren."],
        }));
}

/// <summary>
/// Tells an address that AdviesRoute's requests for this person go elsewhere now: no link, no proposal, and not the new
/// address.
/// </summary>
public sealed record AddressChangedMail(MailAddress To) : IQueuedMail
{
    public static string Kind => "mail.adres-gewijzigd.v1";
}

internal sealed class AddressChangedMailComposer(Microsoft.Extensions.Options.IOptions<RequestLinkOptions> options) : IMailComposer<AddressChangedMail>
{
    public Task<ComposedMail?> ComposeAsync(AddressChangedMail mail, CancellationToken cancellationToken) =>
        Task.FromResult<ComposedMail?>(new ComposedMail([mail.To], new MailContent
        {
            Subject = "Uw e-mailadres voor AdviesRoute is gewijzigd",
            Greeting = $"Beste {mail.To.Name},",
            Paragraphs =
            [
                "Het e-mailadres waarop u verzoeken van AdviesRoute ontvangt, is gewijzigd. Nieuwe verzoeken en links gaan voortaan naar het nieuwe adres; "
                + "de persoonlijke links in eerdere mails aan dit adres werken niet meer.",
                $"Klopt dit niet, neem dan contact op met {options.Value.Contact}.",
            ],
        }));
}
