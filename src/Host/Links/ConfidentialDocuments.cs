using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Documents marked vertrouwelijk open only after a one-time code sent to the member's own address, so a forwarded
/// request mail does not expose them. The code is stored as a hash, lives 10 minutes and allows five tries; a right
/// code opens the documents in that browser for 30 minutes (a protected cookie bound to the link).
/// </summary>
public sealed class ConfidentialDocuments(HostDbContext db, IMailSender sender, IDataProtectionProvider protection, IGovernanceDirectory directory, TimeProvider time)
{
    private const string CookiePrefix = "vertrouwelijk-";
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan OpenFor = TimeSpan.FromMinutes(30);
    private readonly IDataProtector _protector = protection.CreateProtector("AdviesRoute.Links.Vertrouwelijk");

    /// <returns>
    /// False, and nothing sent, when the link is revoked or was mailed to another address than the member's current one
    /// in the governance model: the code only ever goes to the address that holds now.
    /// </returns>
    public async Task<bool> SendCodeAsync(MailLink link, CancellationToken cancellationToken)
    {
        var stored = await db.MailLinks.FirstAsync(l => l.TokenHash == link.TokenHash, cancellationToken);
        var current = directory.Current.Model.FindMember(stored.MemberId)?.Email;
        if (current is null || LinkRevocation.IsWithdrawn(stored, directory.Current.Model))
        {
            return false;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        stored.CodeHash = Hash(link.TokenHash, code);
        stored.CodeExpiresAt = time.GetUtcNow().Add(CodeLifetime).UtcDateTime;
        stored.CodeAttempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        var text = $"Beste {link.MemberName},\n\nUw code om de vertrouwelijke stukken te openen is: {code}\n\nDe code is 10 minuten geldig. Hebt u hem niet aangevraagd, dan kunt u deze mail negeren.";
        var html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body><p>"
            + System.Net.WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>") + "</p></body></html>";
        await sender.SendAsync(new OutgoingMail($"<code.{Guid.NewGuid():N}@adviesroute>", [new MailAddress(link.MemberName, current)],
            "Uw code voor de vertrouwelijke stukken", html, text, []), cancellationToken);
        return true;
    }

    public async Task<bool> TryUnlockAsync(HttpContext http, MailLink link, string? code, CancellationToken cancellationToken)
    {
        var stored = await db.MailLinks.FirstAsync(l => l.TokenHash == link.TokenHash, cancellationToken);
        if (stored.CodeHash is null || stored.CodeExpiresAt < time.GetUtcNow().UtcDateTime || stored.CodeAttempts >= 5
            || LinkRevocation.IsWithdrawn(stored, directory.Current.Model))
        {
            return false;
        }

        var entered = (code ?? "").Trim();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(link.TokenHash, entered)), Encoding.ASCII.GetBytes(stored.CodeHash)))
        {
            stored.CodeAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        stored.CodeHash = null; // one time only
        stored.CodeExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        var until = time.GetUtcNow().Add(OpenFor);
        http.Response.Cookies.Append(CookiePrefix + link.TokenHash[..16], _protector.Protect($"{link.TokenHash}|{until.ToUnixTimeSeconds()}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = http.Request.Path,
            Expires = until,
        });
        return true;
    }

    public bool IsUnlocked(HttpContext http, MailLink link)
    {
        if (!http.Request.Cookies.TryGetValue(CookiePrefix + link.TokenHash[..16], out var value))
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && parts[0] == link.TokenHash
                && DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) > time.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>An address shown with most of its name hidden: j***@example.org.</summary>
    public static string Masked(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? "***" + email[Math.Max(0, at)..] : email[0] + "***" + email[at..];
    }

    private static string Hash(string tokenHash, string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokenHash + ":" + code)));
}
