using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>
/// Identity's store, keeping recovery codes as SHA-256 hashes instead of the plain text Identity stores: a copy of the
/// database shows no code that works. The codes are random (about 47 bits each), so an unsalted hash suffices.
/// </summary>
internal sealed class HashedRecoveryCodesUserStore(HostDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<HostUser, IdentityRole, HostDbContext, string>(context, describer)
{
    // Identity's own names for the row, so CountCodesAsync (not overridden) counts these codes.
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodeTokenName = "RecoveryCodes";

    public override Task ReplaceCodesAsync(HostUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(";", recoveryCodes.Select(Hash)), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(HostUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? "").Split(';');
        var hash = Hash(code);
        if (!stored.Contains(hash, StringComparer.Ordinal))
        {
            return false;
        }

        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(";", stored.Where(s => s != hash)), cancellationToken);
        return true;
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
