using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>What became of a request for a one-time code.</summary>
public enum CodeRequest
{
    Sent,

    /// <summary>Already <see cref="ConfidentialDocuments.MaxCodesPerHour"/> codes this hour.</summary>
    HourLimit,

    /// <summary>Already <see cref="ConfidentialDocuments.MaxCodes"/> codes for this link.</summary>
    TotalLimit,

    /// <summary>Too many wrong codes: only a secretary opens the link again.</summary>
    Locked,

    /// <summary>The link was revoked, or mailed to an address that is no longer the member's: no code goes out.</summary>
    Withdrawn,
}

/// <summary>What became of an entered one-time code.</summary>
public enum CodeCheck
{
    Opened,

    /// <summary>Wrong, expired, already used, or no code asked for.</summary>
    Refused,

    /// <summary>Too many wrong codes (now or before): only a secretary opens the link again.</summary>
    Locked,
}

/// <summary>
/// Documents marked vertrouwelijk open only after a one-time code sent to the member's own address, so a forwarded
/// request mail does not expose them. The code is stored as a hash and lives 10 minutes; a right code opens the
/// documents in that browser for 30 minutes (a protected cookie bound to the link). Against guessing, a link gets at
/// most 3 codes an hour and 10 in all, and 10 wrong tries over all its codes lock it until a secretary opens it again
/// (the secretaries get a mail). Every count changes by a conditional UPDATE whose WHERE holds the limit, so hosts
/// that share the database cannot both use the same try.
/// </summary>
public sealed class ConfidentialDocuments(
    HostDbContext db,
    MailQueue mails,
    IDataProtectionProvider protection,
    IGovernanceDirectory directory,
    TimeProvider time,
    ILogger<ConfidentialDocuments> logger)
{
    public const int MaxCodesPerHour = 3;
    public const int MaxCodes = 10;
    public const int MaxFailedTries = 10;

    private const string CookiePrefix = "vertrouwelijk-";
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CodeWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan OpenFor = TimeSpan.FromMinutes(30);
    private readonly IDataProtector _protector = protection.CreateProtector("AdviesRoute.Links.Vertrouwelijk");

    /// <summary>
    /// Sends a code to the member's current address in the governance model, never to another: a revoked link, or one
    /// mailed to an address that no longer holds, gets <see cref="CodeRequest.Withdrawn"/> and nothing is sent.
    /// </summary>
    public async Task<CodeRequest> SendCodeAsync(MailLink link, CancellationToken cancellationToken)
    {
        if (CurrentAddress(link) is not { } address)
        {
            return CodeRequest.Withdrawn;
        }

        var hash = link.TokenHash;
        var now = time.GetUtcNow().UtcDateTime;
        var windowOver = now - CodeWindow;
        // Take one of the link's codes, or none: the limits are in the WHERE, so parallel requests cannot exceed them.
        var taken = await db.MailLinks
            .Where(l => l.TokenHash == hash && l.LockedAt == null && l.CodesSent < MaxCodes
                && (l.CodeWindowStart == null || l.CodeWindowStart <= windowOver || l.CodesInWindow < MaxCodesPerHour))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.CodesSent, l => l.CodesSent + 1)
                .SetProperty(l => l.CodesInWindow, l => l.CodeWindowStart == null || l.CodeWindowStart <= windowOver ? 1 : l.CodesInWindow + 1)
                .SetProperty(l => l.CodeWindowStart, l => l.CodeWindowStart == null || l.CodeWindowStart <= windowOver ? (DateTime?)now : l.CodeWindowStart),
                cancellationToken);
        if (taken == 0)
        {
            var stored = await db.MailLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
            return stored is null || stored.LockedAt is not null ? CodeRequest.Locked
                : stored.CodesSent >= MaxCodes ? CodeRequest.TotalLimit
                : CodeRequest.HourLimit;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var codeHash = Hash(hash, code);
        var expires = now.Add(CodeLifetime);
        var stored2 = await db.MailLinks.Where(l => l.TokenHash == hash && l.LockedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CodeHash, codeHash).SetProperty(l => l.CodeExpiresAt, expires), cancellationToken);
        if (stored2 == 0)
        {
            return CodeRequest.Locked; // locked between taking the code and storing it
        }

        // The code's hash is stored before its mail is queued: a crash in between leaves a code nobody received (the
        // member asks for another), never a mail with a code that does not open anything.
        await mails.EnqueueAsync(OneTimeCodeMail.For(protection, new MailAddress(link.MemberName, address), code), key: null, link.InstanceId, cancellationToken);
        return CodeRequest.Sent;
    }

    /// <param name="proposalTitle">For the mail to the secretaries should this try lock the link.</param>
    public async Task<CodeCheck> TryUnlockAsync(HttpContext http, MailLink link, string? code, string? proposalTitle, CancellationToken cancellationToken)
    {
        if (CurrentAddress(link) is null)
        {
            return CodeCheck.Refused;
        }

        var hash = link.TokenHash;
        var now = time.GetUtcNow().UtcDateTime;
        // Reserve a try before comparing: at most MaxFailedTries comparisons per link, however many hosts and requests.
        var reserved = await db.MailLinks
            .Where(l => l.TokenHash == hash && l.CodeAttempts < MaxFailedTries && l.LockedAt == null && l.CodeHash != null && l.CodeExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CodeAttempts, l => l.CodeAttempts + 1), cancellationToken);
        if (reserved == 0)
        {
            var state = await db.MailLinks.AsNoTracking().Where(l => l.TokenHash == hash)
                .Select(l => new { l.LockedAt, l.CodeAttempts }).FirstOrDefaultAsync(cancellationToken);
            if (state is { LockedAt: null, CodeAttempts: >= MaxFailedTries })
            {
                // All tries used but no lock written yet (the try that used the last one is still busy, or failed): lock now.
                await LockAsync(link, proposalTitle, now, cancellationToken);
            }

            return state is not null && (state.LockedAt is not null || state.CodeAttempts >= MaxFailedTries) ? CodeCheck.Locked : CodeCheck.Refused;
        }

        var stored = await db.MailLinks.AsNoTracking().Where(l => l.TokenHash == hash)
            .Select(l => new { l.CodeHash, l.CodeAttempts }).FirstAsync(cancellationToken);
        var entered = Hash(hash, (code ?? "").Trim());
        if (stored.CodeHash is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entered), Encoding.ASCII.GetBytes(stored.CodeHash)))
        {
            // One success per code: only the request that clears this code's hash opens; its reserved try is given back.
            var consumed = await db.MailLinks
                .Where(l => l.TokenHash == hash && l.CodeHash == entered && l.LockedAt == null && l.CodeExpiresAt > now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.CodeHash, (string?)null)
                    .SetProperty(l => l.CodeExpiresAt, (DateTime?)null)
                    .SetProperty(l => l.CodeAttempts, l => l.CodeAttempts - 1), cancellationToken);
            if (consumed == 1)
            {
                OpenInBrowser(http, link);
                return CodeCheck.Opened;
            }

            return CodeCheck.Refused;
        }

        if (stored.CodeAttempts < MaxFailedTries)
        {
            return CodeCheck.Refused;
        }

        await LockAsync(link, proposalTitle, now, cancellationToken);
        return CodeCheck.Locked;
    }

    /// <summary>The member's address now, or null when the link is revoked or was mailed to another address.</summary>
    private string? CurrentAddress(MailLink link)
    {
        var model = directory.Current.Model;
        return model.FindMember(link.MemberId)?.Email is { } current && !LinkRevocation.IsWithdrawn(link, model) ? current : null;
    }

    /// <summary>The lock time is set only when it was empty, so one lock gives one mail, whichever host gets there first.</summary>
    private async Task LockAsync(MailLink link, string? proposalTitle, DateTime now, CancellationToken cancellationToken)
    {
        var hash = link.TokenHash;
        var lockedNow = await db.MailLinks
            .Where(l => l.TokenHash == hash && l.LockedAt == null && l.CodeAttempts >= MaxFailedTries)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LockedAt, (DateTime?)now)
                .SetProperty(l => l.CodeHash, (string?)null)
                .SetProperty(l => l.CodeExpiresAt, (DateTime?)null), cancellationToken);
        if (lockedNow == 1)
        {
            logger.LogWarning("Confidential documents of the link of member {Member} for {Activity} round {Round} of {Instance} locked after {Tries} wrong codes.",
                link.MemberId, link.ActivityId, link.Round, link.InstanceId, MaxFailedTries);
            await TellSecretariesAsync(link, proposalTitle, now, cancellationToken);
        }
    }

    /// <summary>The links of a proposal whose confidential documents are locked, for the secretary to open again.</summary>
    public Task<List<MailLink>> LockedAsync(string instanceId, CancellationToken cancellationToken) =>
        db.MailLinks.AsNoTracking().Where(l => l.InstanceId == instanceId && l.LockedAt != null)
            .OrderBy(l => l.MemberName).ToListAsync(cancellationToken);

    /// <summary>
    /// A secretary opens a locked link again (after checking with the member): tries and codes start from nothing.
    /// Returns whether a locked link was found.
    /// </summary>
    public async Task<bool> ReopenAsync(string instanceId, string activityId, int round, string memberId, string actor, CancellationToken cancellationToken)
    {
        var reopened = await db.MailLinks
            .Where(l => l.InstanceId == instanceId && l.ActivityId == activityId && l.Round == round && l.MemberId == memberId && l.LockedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LockedAt, (DateTime?)null)
                .SetProperty(l => l.CodeAttempts, 0)
                .SetProperty(l => l.CodesSent, 0)
                .SetProperty(l => l.CodesInWindow, 0)
                .SetProperty(l => l.CodeWindowStart, (DateTime?)null)
                .SetProperty(l => l.CodeHash, (string?)null)
                .SetProperty(l => l.CodeExpiresAt, (DateTime?)null), cancellationToken);
        if (reopened > 0)
        {
            logger.LogInformation("Confidential documents of the link of member {Member} for {Activity} round {Round} of {Instance} opened again by {Actor}.",
                memberId, activityId, round, instanceId, actor);
        }

        return reopened > 0;
    }

    /// <summary>Whether this browser entered a right code for this link lately, and the link has not been locked since.</summary>
    public bool IsUnlocked(HttpContext http, MailLink link)
    {
        if (link.LockedAt is not null || !http.Request.Cookies.TryGetValue(CookiePrefix + link.TokenHash[..16], out var value))
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

    private void OpenInBrowser(HttpContext http, MailLink link)
    {
        var until = time.GetUtcNow().Add(OpenFor);
        http.Response.Cookies.Append(CookiePrefix + link.TokenHash[..16], _protector.Protect($"{link.TokenHash}|{until.ToUnixTimeSeconds()}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = http.Request.Path,
            Expires = until,
        });
    }

    /// <summary>Queued after the lock is stored (see <see cref="LockAsync"/>), so a mail never tells of a lock that is not there.</summary>
    private Task TellSecretariesAsync(MailLink link, string? proposalTitle, DateTime lockedAt, CancellationToken cancellationToken)
    {
        var title = proposalTitle ?? "(zonder titel)";
        return mails.EnqueueAsync(new SecretariatNotice($"Vertrouwelijke stukken vergrendeld: link van {link.MemberName} bij {title}",
            [
                $"Via de persoonlijke link van {link.MemberName} bij \"{title}\" is {MaxFailedTries} keer een verkeerde code voor de vertrouwelijke stukken ingevoerd. "
                + "Misschien probeert iemand anders de code te raden. De vertrouwelijke stukken zijn via deze link nu niet meer te openen.",
                $"Neem contact op met {link.MemberName} ({link.Email}). Op de pagina van het voorstel kunt u de link weer openzetten.",
            ],
            $"/Voorstellen/{Uri.EscapeDataString(link.InstanceId)}", "Open het voorstel"),
            key: $"vergrendeld.{link.TokenHash}.{lockedAt.Ticks}", link.InstanceId, cancellationToken);
    }

    private static string Hash(string tokenHash, string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokenHash + ":" + code)));
}
