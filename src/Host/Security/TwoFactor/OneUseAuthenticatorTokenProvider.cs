using System.Globalization;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>
/// Identity's authenticator codes (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits, accepted two steps either side of the
/// wall clock), each accepted once: Identity alone would accept a code someone saw over a shoulder again for as long
/// as it is valid. The last accepted code is kept in the account's tokens; the write goes through the account's
/// concurrency stamp, so two requests with the same code cannot both succeed.
/// </summary>
internal sealed class OneUseAuthenticatorTokenProvider(SessionClock clock) : AuthenticatorTokenProvider<HostUser>
{
    private const string LoginProvider = "[AdviesRoute]";
    private const string LastCodeName = "LaatsteAuthenticatorCode";

    /// <summary>Longer than the window Identity accepts a code in (five steps of 30 seconds).</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<HostUser> manager, HostUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = clock.Now;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastCodeName);
        if (last?.Split('|') is [var code, var at]
            && code == token
            && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < Remembered)
        {
            return false;
        }

        var stored = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastCodeName,
            string.Create(CultureInfo.InvariantCulture, $"{token}|{now.ToUnixTimeSeconds()}"));
        return stored.Succeeded;
    }
}
