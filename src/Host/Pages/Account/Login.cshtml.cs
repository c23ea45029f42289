using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.Oidc;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// Sign-in with user name (or e-mail) and password, a plain form that works without JavaScript; with
/// <c>Security:Oidc</c> configured also a button to sign in through the organisation's provider, and with
/// <c>LocalLogin</c> false only that button. Every failed try gets the same message and status, whether the name is
/// unknown, the password wrong, the try throttled or the account not allowed, so the page never tells whether an
/// account exists; <see cref="SignInThrottle"/> limits the tries per client address. Only the right password of a
/// switched-off account hears that it is switched off, and of an account locked after wrong codes that it is locked.
/// An account with tweestapsverificatie goes on to <c>/Account/Inlogcode</c>.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<HostUser> signIn,
    UserManager<HostUser> users,
    IOptions<OidcOptions> oidc,
    IOptions<AccountSignInOptions> limits,
    SignInThrottle throttle,
    AccountAdministration accounts,
    IOptions<TwoFactorOptions> twoFactor,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>Whether the page offers sign-in through the organisation's OpenID Connect provider.</summary>
    public bool OidcEnabled => oidc.Value.Enabled;

    /// <summary>The text of the provider's button.</summary>
    public string OidcDisplayName => oidc.Value.DisplayName;

    /// <summary>Whether the page offers the password form.</summary>
    public bool PasswordLoginAllowed => oidc.Value.PasswordLoginAllowed;

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Vul uw e-mailadres of gebruikersnaam in.")]
        [StringLength(256, ErrorMessage = "De gebruikersnaam is te lang (hoogstens 256 tekens).")]
        [Display(Name = "E-mailadres of gebruikersnaam")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Vul uw wachtwoord in.")]
        [DataType(DataType.Password)]
        [Display(Name = "Wachtwoord")]
        public string Password { get; set; } = "";

        [Display(Name = "Ingelogd blijven op dit apparaat")]
        public bool RememberMe { get; set; }
    }

    /// <param name="fout">Why sign-in through the provider was refused (<see cref="OidcRefusal"/>).</param>
    public void OnGet(string? fout)
    {
        // A session refused because the account was switched off comes here with that reason, also without OIDC.
        ErrorMessage = fout == OidcRefusal.Deactivated ? AccountTexts.Deactivated : OidcEnabled ? OidcRefusal.Message(fout) : null;
    }

    /// <summary>Sends the person to the provider; the provider sends them back to <see cref="OidcOptions.CallbackPath"/>.</summary>
    public IActionResult OnPostOidc()
    {
        if (!OidcEnabled)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" };
        return Challenge(properties, OidcLogin.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PasswordLoginAllowed)
        {
            // The form is not shown, but a hand-made POST must not get around the setting either.
            logger.LogWarning("Inloggen met wachtwoord geweigerd: Security:Oidc:LocalLogin staat uit.");
            ModelState.Clear();
            ErrorMessage = $"Inloggen met een wachtwoord staat uit. Gebruik de knop '{OidcDisplayName}'.";
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = Input.UserName.Trim();
        var account = SignInThrottle.AccountKey(name);
        var address = SignInThrottle.AddressKey(HttpContext.Connection.RemoteIpAddress);
        var aborted = HttpContext.RequestAborted;
        var verdict = await throttle.CheckAsync(account, address, aborted);
        if (verdict.Delay > TimeSpan.Zero)
        {
            // Many failures for this name from several addresses: answer slowly, but do answer (a real wait, not the
            // engine's clock, which may be moved in the Testing environment).
            await Task.Delay(verdict.Delay, aborted);
        }

        if (verdict.Refused)
        {
            // Not counted again: the try tests no password, and the address already has its waiting time.
            logger.LogWarning("Inlogpoging voor {Account} vanaf {Address} geweigerd: te veel mislukte pogingen.", name, address);
            return Refuse();
        }

        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        if (user is null)
        {
            // Hash anyway, so the response time does not tell whether the account exists.
            users.PasswordHasher.HashPassword(new HostUser(), Input.Password);
            await throttle.RecordFailureAsync(account, address, aborted);
            return Refuse();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ClearAsync(SignInThrottle.AccountKeys(user, account), address, aborted);
            await accounts.RecordSignInAsync(user);
            logger.LogInformation("{User} is ingelogd.", user.UserName);
            var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
            return user.MustChangePassword
                ? LocalRedirect($"{TemporaryPassword.ChangePage}?ReturnUrl={Uri.EscapeDataString(target)}")
                : LocalRedirect(target);
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; the failures are cleared only once the code is right too (SecondStep), so a
            // right password cannot wipe the count of wrong codes.
            var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
            return LocalRedirect($"/Account/Inlogcode?ReturnUrl={Uri.EscapeDataString(target)}&RememberMe={(Input.RememberMe ? "true" : "false")}");
        }

        if (result.IsLockedOut && await users.CheckPasswordAsync(user, Input.Password))
        {
            // Locked after too many wrong codes: only someone who knows the password hears it (they typed those codes).
            logger.LogWarning("{User} mag niet inloggen: geblokkeerd na te veel verkeerde codes.", user.UserName);
            ErrorMessage = TwoFactorTexts.LockedOut(twoFactor.Value.LockoutTime);
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        if (result.IsNotAllowed && !user.IsActive && await users.CheckPasswordAsync(user, Input.Password))
        {
            // Only to someone who knows the password: they learn the account is switched off, a stranger learns nothing.
            logger.LogWarning("{User} mag niet inloggen: het account is uitgeschakeld.", user.UserName);
            await throttle.ClearAsync(SignInThrottle.AccountKeys(user, account), address, aborted);
            ErrorMessage = AccountTexts.Deactivated;
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refused before checking the password; hash anyway so the time tells nothing either (a locked
            // account had its password checked above).
            if (!result.IsLockedOut)
            {
                users.PasswordHasher.HashPassword(user, Input.Password);
            }

            logger.LogWarning("{User} mag niet inloggen (geblokkeerd: {LockedOut}).", user.UserName, result.IsLockedOut);
        }

        await throttle.RecordFailureAsync(account, address, aborted);
        return Refuse();
    }

    /// <summary>The one answer to every failed try.</summary>
    private PageResult Refuse()
    {
        ErrorMessage = FailedMessage(limits.Value.FailureWindow);
        return Page();
    }

    /// <summary>Says what to check and that waiting may help, without saying which of the two applies.</summary>
    internal static string FailedMessage(TimeSpan window) =>
        "Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord. Controleer wat u hebt ingevuld. " +
        $"Na te veel mislukte pogingen moet u even wachten: probeer het dan over {Math.Max(1, (int)Math.Ceiling(window.TotalMinutes))} minuten opnieuw.";
}
