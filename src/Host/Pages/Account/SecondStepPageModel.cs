using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// The second step of signing in, with a code from the app or with a recovery code: who signs in is in Identity's
/// short-lived two-factor cookie; a code in the wrong form is refused before it is tried; a wrong one counts toward the
/// account's lockout (<see cref="SecondStep"/>).
/// </summary>
public abstract class SecondStepPageModel(SignInManager<HostUser> signIn, SecondStep step) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The "ingelogd blijven" choice of the password form, carried to the end of signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>Why the code was refused, next to the field.</summary>
    public string? CodeError { get; private set; }

    /// <summary>Why signing in cannot go on here (expired, locked out): the page then offers signing in again.</summary>
    public string? StopMessage { get; private set; }

    /// <summary>What the person typed.</summary>
    protected abstract string? Entered { get; }

    /// <summary>The code in the form Identity checks, or null when it cannot be one.</summary>
    protected abstract string? Normalize(string? entered);

    protected abstract string FormatError { get; }

    protected abstract string WrongError { get; }

    /// <summary>How the code is named in the log ("code uit de app", "herstelcode").</summary>
    protected abstract string Kind { get; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<HostUser> signIn, string code);

    /// <summary>Where a signed-in person goes, given the address the sign-in would lead to.</summary>
    protected virtual string AfterSignIn(string next) => next;

    /// <summary>After a wrong code, e.g. clear the field.</summary>
    protected virtual void OnWrongCode()
    {
    }

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

        var code = Normalize(Entered);
        if (code is null)
        {
            CodeError = FormatError;
            return Page();
        }

        switch (await step.TryAsync(user, () => SignInAsync(signIn, code), Kind))
        {
            case SecondStepOutcome.SignedIn:
                return LocalRedirect(AfterSignIn(step.NextAddress(user, ReturnUrl)));
            case SecondStepOutcome.LockedOut:
                StopMessage = step.LockedOutMessage;
                return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
            default:
                CodeError = WrongError;
                OnWrongCode();
                return Page();
        }
    }
}
