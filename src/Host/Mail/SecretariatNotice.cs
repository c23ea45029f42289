using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// Tells the secretariat something it must act on (a request not delivered, a link locked). It goes to every account
/// with the secretary role and an address at the moment it is delivered, in one mail.
/// </summary>
/// <param name="Path">The page to act on, e.g. <c>/Voorstellen/{id}</c>: a button leads there.</param>
/// <param name="PathLabel">The button's text, e.g. "Open het voorstel".</param>
public sealed record SecretariatNotice(string Subject, IReadOnlyList<string> Paragraphs, string? Path = null, string? PathLabel = null) : IQueuedMail
{
    public static string Kind => "mail.secretariaat.v1";
}

internal sealed class SecretariatNoticeComposer(UserManager<HostUser> users, IOptions<RequestLinkOptions> links, ILogger<SecretariatNoticeComposer> logger)
    : IMailComposer<SecretariatNotice>
{
    public async Task<ComposedMail?> ComposeAsync(SecretariatNotice mail, CancellationToken cancellationToken)
    {
        var secretaries = await Secretaries(users);
        if (secretaries.Count == 0)
        {
            logger.LogWarning("No secretary account with an e-mail address to tell: {Subject}", mail.Subject);
            return null;
        }

        return new ComposedMail(secretaries, new MailContent
        {
            Subject = mail.Subject,
            Greeting = "Beste collega,",
            Paragraphs = mail.Paragraphs,
            Button = mail.Path is null ? null : new MailButton(mail.PathLabel ?? "Openen", links.Value.PublicBaseUrl.TrimEnd('/') + mail.Path),
            ToSecretariat = true,
        });
    }

    /// <summary>The accounts with the secretary role and an address, as recipients.</summary>
    public static async Task<IReadOnlyList<MailAddress>> Secretaries(UserManager<HostUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Secretary)).Where(u => u.Email is not null)
            .Select(u => new MailAddress(u.DisplayName ?? u.Email!, u.Email!)).ToList();
}
