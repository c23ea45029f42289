using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Links;

/// <summary>
/// Withdraws personal links. A link is revoked by a secretary (sent to a wrong address, or forwarded), or by the
/// system when the member's address in the governance model changed; the person then gets a link of the next
/// generation, a different token, at their current address. A revoked link opens nothing of the proposal.
/// </summary>
public sealed class LinkRevocation(
    HostDbContext db,
    IWorkflowRuntime runtime,
    MailQueue mails,
    TimeProvider time,
    ILogger<LinkRevocation> logger)
{
    /// <summary>Who revokes a link when an address changed.</summary>
    public const string SystemActor = "systeem";

    /// <summary>The reason stored on a link revoked because the member's address changed.</summary>
    public const string AddressChanged = "Het e-mailadres van het lid is gewijzigd.";

    /// <summary>Whether two addresses are the same mailbox as far as links are concerned (case does not matter).</summary>
    public static bool SameAddress(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a link no longer opens anything: it was revoked, or the member's address changed since it was mailed
    /// (then it is revoked for good as soon as the address job or a redelivery gets to it; until then it already
    /// counts as withdrawn, so the old address never gets a code or sees the proposal).
    /// </summary>
    public static bool IsWithdrawn(MailLink link, GovernanceModel model) =>
        link.RevokedAt is not null || (model.FindMember(link.MemberId) is { } member && !SameAddress(member.Email, link.Email));

    /// <summary>The newest link of a person for a step and round, or null when none was sent.</summary>
    public Task<MailLink?> LatestAsync(string instanceId, string activityId, int round, string memberId, CancellationToken cancellationToken) =>
        db.MailLinks.AsNoTracking()
            .Where(l => l.InstanceId == instanceId && l.ActivityId == activityId && l.Round == round && l.MemberId == memberId)
            .OrderByDescending(l => l.Generation)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The generation a mail for this person's request carries now: the newest link's, unless that one was revoked
    /// (then the next). A newest link mailed to another address than <paramref name="currentEmail"/> is revoked first
    /// and the old address told, so the same token never goes to a second address.
    /// </summary>
    public async Task<int> GenerationForAsync(string instanceId, string activityId, int round, string memberId, string currentEmail, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(instanceId, activityId, round, memberId, cancellationToken);
        if (latest is null)
        {
            return 0;
        }

        if (latest.RevokedAt is null && !SameAddress(latest.Email, currentEmail)
            && await RevokeAsync(latest, SystemActor, AddressChanged, cancellationToken))
        {
            await TellOldAddressAsync(latest.MemberName, latest.Email, cancellationToken);
        }

        var again = await LatestAsync(instanceId, activityId, round, memberId, cancellationToken);
        return again!.RevokedAt is null ? again.Generation : again.Generation + 1;
    }

    /// <summary>
    /// Marks a link revoked (once: a link revoked already stays as it was), journals it on the proposal and logs it.
    /// </summary>
    /// <returns>False when the link was revoked already.</returns>
    public async Task<bool> RevokeAsync(MailLink link, string by, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One conditional update: two revocations at once revoke once, and the first one's who and why are kept.
        var changed = await db.MailLinks
            .Where(l => l.TokenHash == link.TokenHash && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedBy, by).SetProperty(l => l.RevokedReason, reason), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        logger.LogInformation("Link of member {Member} for {Instance}/{Activity} round {Round} generation {Generation} revoked by {By}: {Reason}",
            link.MemberId, link.InstanceId, link.ActivityId, link.Round, link.Generation, by, reason);
        try
        {
            // The journal line changes nothing in the proposal; it records who withdrew which person's link and why.
            await runtime.AmendInputAsync(link.InstanceId, _ => new JsonObject
            {
                ["linkIngetrokken"] = link.MemberName,
                ["activiteit"] = link.ActivityId,
                ["ronde"] = link.Round,
                ["reden"] = reason,
            }, new Trigger(by, by == SystemActor ? Channel.System : Channel.Page), cancellationToken);
        }
        catch (WorkflowException ex)
        {
            // The proposal ended meanwhile: the link is revoked all the same; only the journal line is missing.
            logger.LogWarning("Revocation of a link in {Instance} not journaled: {Message}", link.InstanceId, ex.Message);
        }

        return true;
    }

    /// <summary>
    /// Tells an address that AdviesRoute's requests for this person go elsewhere now: no link, no proposal, and not
    /// the new address. Once per person, old address and day, however many links and runs revoke for it; called after
    /// the revocation is stored.
    /// </summary>
    public Task TellOldAddressAsync(string memberName, string oldEmail, CancellationToken cancellationToken)
    {
        var day = Activities.Calendar.DutchTime.Today(time.GetUtcNow()).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(memberName + "\n" + oldEmail.Trim().ToLowerInvariant())))[..24] + "." + day;
        return mails.EnqueueAsync(new AddressChangedMail(new MailAddress(memberName, oldEmail)), key, instanceId: null, cancellationToken);
    }
}
