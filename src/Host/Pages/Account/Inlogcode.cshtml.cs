using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// The second step of signing in with a password, for an account with tweestapsverificatie: the six digits the
/// authenticator app shows. Identity keeps who is signing in in its short-lived two-factor cookie (five minutes).
/// A wrong code counts toward the account's lockout (<see cref="TwoFactorOptions.MaxFailedCodes"/>) and, like a wrong
/// password, toward the per-address limits of <see cref="SignInThrottle"/>.
/// </summary>
[AllowAnonymous]
public sealed class InlogcodeModel(SignInManager<HostUser> signIn, SecondStep step) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The "ingelogd blijven" choice of the password form, carried to the end of signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty]
    [Display(Name = "Code uit de app (6 cijfers)")]
    public string? Code { get; set; }

    /// <summary>Why the code was refused, next to the field.</summary>
    public string? CodeError { get; private set; }

    /// <summary>Why signing in cannot go on here (expired, locked out): the page then offers signing in again.</summary>
    public string? StopMessage { get; private set; }

    public async Task OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            StopMessage = TwoFactorTexts.Expired;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            StopMessage = TwoFactorTexts.Expired;
            return Page();
        }

        var code = TwoFactorTexts.AuthenticatorCode(Code);
        if (code is null)
        {
            CodeError = TwoFactorTexts.CodeFormat;
            return Page();
        }

        var outcome = await step.TryAsync(user, () => signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false), "code uit de app");
        switch (outcome)
        {
            case SecondStepOutcome.SignedIn:
                return LocalRedirect(step.NextAddress(user, ReturnUrl));
            case SecondStepOutcome.LockedOut:
                StopMessage = step.LockedOutMessage;
                return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
            default:
                CodeError = TwoFactorTexts.WrongCode;
                Code = null;
                ModelState.Remove(nameof(Code)); // a refused code is not shown again: the app shows a new one every 30 seconds
                return Page();
        }
    }
}
