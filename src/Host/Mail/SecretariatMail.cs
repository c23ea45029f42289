using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Mail;

/// <summary>Tells the secretariat (every account with the secretary role and an address) something it must act on.</summary>
public sealed class SecretariatMail(UserManager<HostUser> users, IMailSender sender, ILogger<SecretariatMail> logger)
{
    /// <returns>False when no secretary account has an address, so nobody was told (and that is logged).</returns>
    public async Task<bool> TellAsync(string messageId, string subject, string text, CancellationToken cancellationToken)
    {
        var secretaries = (await users.GetUsersInRoleAsync(Roles.Secretary)).Where(u => u.Email is not null)
            .Select(u => new MailAddress(u.DisplayName ?? u.Email!, u.Email!)).ToList();
        if (secretaries.Count == 0)
        {
            logger.LogWarning("No secretary account with an e-mail address to tell: {Subject}", subject);
            return false;
        }

        await sender.SendAsync(TextMail.Create(messageId, secretaries, subject, "Beste collega,\n\n" + text), cancellationToken);
        return true;
    }
}
