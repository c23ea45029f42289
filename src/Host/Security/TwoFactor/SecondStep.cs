using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.TwoFactor;

public enum SecondStepOutcome
{
    SignedIn,
    WrongCode,
    LockedOut,
}

/// <summary>
/// What the code page and the recovery-code page share around Identity's two-factor sign-in: the per-address limits
/// of <see cref="SignInThrottle"/> before the try (a wrong code is recorded like a wrong password), Identity's lockout
/// after it (which counts wrong codes), and the sign-in record and next page after a right one.
/// </summary>
public sealed class SecondStep(
    SignInThrottle throttle,
    AccountAdministration accounts,
    IHttpContextAccessor http,
    IOptions<TwoFactorOptions> options,
    ILogger<SecondStep> logger)
{
    public string LockedOutMessage => TwoFactorTexts.LockedOut(options.Value.LockoutTime);

    public async Task<SecondStepOutcome> TryAsync(HostUser user, Func<Task<SignInResult>> signIn, string what)
    {
        var context = http.HttpContext!;
        var aborted = context.RequestAborted;
        var account = SignInThrottle.AccountKey(user.UserName ?? "");
        var address = SignInThrottle.AddressKey(context.Connection.RemoteIpAddress);
        var verdict = await throttle.CheckAsync(account, address, aborted);
        if (verdict.Delay > TimeSpan.Zero)
        {
            await Task.Delay(verdict.Delay, aborted);
        }

        if (verdict.Refused)
        {
            logger.LogWarning("Tweede stap voor {User} vanaf {Address} geweigerd: te veel mislukte pogingen.", user.UserName, address);
            return SecondStepOutcome.LockedOut;
        }

        var result = await signIn();
        if (result.Succeeded)
        {
            await throttle.ClearAsync(SignInThrottle.AccountKeys(user, account), address, aborted);
            await accounts.RecordSignInAsync(user);
            logger.LogInformation("{User} is ingelogd met wachtwoord en {What}.", user.UserName, what);
            return SecondStepOutcome.SignedIn;
        }

        await throttle.RecordFailureAsync(account, address, aborted);
        if (result.IsLockedOut)
        {
            logger.LogWarning("{User} is geblokkeerd na te veel verkeerde codes (laatste: {What}).", user.UserName, what);
            return SecondStepOutcome.LockedOut;
        }

        logger.LogWarning("Verkeerde {What} voor {User} vanaf {Address}.", what, user.UserName, address);
        return SecondStepOutcome.WrongCode;
    }

    /// <summary>Where a person goes once signed in: the password page first when theirs is temporary, else where they were going.</summary>
    public string NextAddress(HostUser user, string? returnUrl)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        return user.MustChangePassword ? $"{TemporaryPassword.ChangePage}?ReturnUrl={Uri.EscapeDataString(target)}" : target;
    }

    /// <summary>Only a path on this host, as <c>Url.IsLocalUrl</c> decides: not <c>//other.example</c> nor <c>/\other.example</c>.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
