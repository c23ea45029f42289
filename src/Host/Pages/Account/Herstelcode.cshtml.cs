using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// The second step with one of the recovery codes instead of the app (a phone lost, forgotten or empty). Each code
/// works once; wrong ones count like wrong app codes. Afterwards the person lands on the overview, which says how many
/// codes are left and how to link another phone.
/// </summary>
[AllowAnonymous]
public sealed class HerstelcodeModel(SignInManager<HostUser> signIn, SecondStep step) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty]
    [Display(Name = "Herstelcode")]
    public string? Code { get; set; }

    public string? CodeError { get; private set; }

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

        var code = TwoFactorTexts.RecoveryCode(Code);
        if (code is null)
        {
            CodeError = TwoFactorTexts.RecoveryCodeFormat;
            return Page();
        }

        var outcome = await step.TryAsync(user, () => signIn.TwoFactorRecoveryCodeSignInAsync(code), "herstelcode");
        switch (outcome)
        {
            case SecondStepOutcome.SignedIn:
                var next = step.NextAddress(user, ReturnUrl);
                return LocalRedirect(next.StartsWith(Security.Accounts.TemporaryPassword.ChangePage, StringComparison.Ordinal)
                    ? next
                    : $"{TwoFactorSetup.OverviewPage}?herstelcode=gebruikt&ReturnUrl={Uri.EscapeDataString(next)}");
            case SecondStepOutcome.LockedOut:
                StopMessage = step.LockedOutMessage;
                return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
            default:
                CodeError = TwoFactorTexts.WrongRecoveryCode;
                return Page();
        }
    }
}
