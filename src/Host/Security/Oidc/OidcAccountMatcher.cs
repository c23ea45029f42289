using System.Security.Claims;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.Oidc;

/// <summary>
/// Why a person who signed in at the provider does not get a session here. The code travels to the login page in
/// its query string (<c>?fout=…</c>), which shows the Dutch text: it names no account, so it tells a stranger nothing.
/// </summary>
public static class OidcRefusal
{
    public const string NoEmail = "geen-email";
    public const string UnverifiedEmail = "email-niet-bevestigd";
    public const string UnknownAccount = "onbekend-account";
    public const string LockedOut = "geblokkeerd";
    public const string NotAllowed = "niet-toegestaan";
    public const string Deactivated = "uitgeschakeld";
    public const string Failed = "mislukt";

    /// <summary>The text for the login page, or null for a code this host never sends.</summary>
    public static string? Message(string? code) => code switch
    {
        NoEmail => "Uw organisatie heeft geen e-mailadres doorgegeven. Daaraan herkennen we uw account. Neem contact op met de beheerder.",
        UnverifiedEmail => "Uw organisatie heeft uw e-mailadres niet als bevestigd doorgegeven. Neem contact op met de beheerder.",
        UnknownAccount => "Er is geen account in AdviesRoute voor het e-mailadres van uw organisatie-account. Vraag de beheerder om een account.",
        LockedOut => "Uw account is geblokkeerd. Probeer het later opnieuw of neem contact op met de beheerder.",
        NotAllowed => "Dit account mag (nog) niet inloggen. Neem contact op met de beheerder.",
        Deactivated => Accounts.AccountTexts.Deactivated,
        Failed => "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.",
        _ => null,
    };
}

/// <summary>The local account for a person the provider signed in, or why there is none.</summary>
internal sealed record OidcMatch(ClaimsPrincipal? Principal, string? UserName, string? Refusal);

/// <summary>
/// Finds the local account of a person the provider signed in, by the verified e-mail address, and builds the
/// session's principal from that account: its user name, its roles and its security stamp. Nothing the provider
/// says about roles or names is taken over; accounts and roles stay managed on <c>/Beheer/Accounts</c>.
/// </summary>
internal sealed class OidcAccountMatcher(
    UserManager<HostUser> users,
    SignInManager<HostUser> signIn,
    Accounts.AccountAdministration accounts,
    IOptions<OidcOptions> options,
    ILogger<OidcAccountMatcher> logger)
{
    /// <summary>Marks a session that came through the provider, as Identity marks external logins.</summary>
    public const string AuthenticationMethod = "oidc";

    public async Task<OidcMatch> MatchAsync(ClaimsPrincipal external)
    {
        var settings = options.Value;
        var email = external.FindFirst(settings.EmailClaim)?.Value.Trim();
        var subject = external.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(email))
        {
            logger.LogWarning("OIDC-aanmelding zonder claim {Claim} (sub {Subject}) geweigerd.", settings.EmailClaim, subject);
            return Refuse(OidcRefusal.NoEmail);
        }

        if (settings.RequireVerifiedEmail && !IsTrue(external.FindFirst("email_verified")))
        {
            logger.LogWarning("OIDC-aanmelding van {Email} geweigerd: het e-mailadres is niet als bevestigd doorgegeven.", email);
            return Refuse(OidcRefusal.UnverifiedEmail);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogWarning("OIDC-aanmelding van {Email} geweigerd: geen account met dit e-mailadres.", email);
            return Refuse(OidcRefusal.UnknownAccount);
        }

        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("OIDC-aanmelding van {User} geweigerd: het account is geblokkeerd.", user.UserName);
            return Refuse(OidcRefusal.LockedOut);
        }

        if (!user.IsActive)
        {
            logger.LogWarning("OIDC-aanmelding van {User} geweigerd: het account is uitgeschakeld.", user.UserName);
            return Refuse(OidcRefusal.Deactivated);
        }

        if (!await signIn.CanSignInAsync(user))
        {
            logger.LogWarning("OIDC-aanmelding van {User} geweigerd: het account mag niet inloggen.", user.UserName);
            return Refuse(OidcRefusal.NotAllowed);
        }

        if (user.MustChangePassword)
        {
            // The provider checks this person's password: the temporary one an administrator made is not needed and
            // must not stay usable unchanged, so it goes (an administrator can make a new one).
            await users.RemovePasswordAsync(user);
            user.MustChangePassword = false;
        }

        await accounts.RecordSignInAsync(user);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimTypes.AuthenticationMethod, AuthenticationMethod));
        return new OidcMatch(principal, user.UserName, null);
    }

    private static OidcMatch Refuse(string code) => new(null, null, code);

    // A JSON boolean arrives as "true"; some providers send the string "true".
    private static bool IsTrue(Claim? claim) =>
        claim is not null && bool.TryParse(claim.Value, out var value) && value;
}
