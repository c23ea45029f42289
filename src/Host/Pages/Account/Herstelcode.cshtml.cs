using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// The second step with one of the recovery codes instead of the app (a phone lost, forgotten or empty). Each code
/// works once; wrong ones count like wrong app codes. Afterwards the person lands on the overview, which says how many
/// codes are left and how to link another phone.
/// </summary>
[AllowAnonymous]
public sealed class HerstelcodeModel(SignInManager<HostUser> signIn, SecondStep step) : SecondStepPageModel(signIn, step)
{
    [BindProperty]
    [Display(Name = "Herstelcode")]
    public string? Code { get; set; }

    protected override string? Entered => Code;

    protected override string? Normalize(string? entered) => TwoFactorTexts.RecoveryCode(entered);

    protected override string FormatError => TwoFactorTexts.RecoveryCodeFormat;

    protected override string WrongError => TwoFactorTexts.WrongRecoveryCode;

    protected override string Kind => "herstelcode";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<HostUser> signIn, string code) => signIn.TwoFactorRecoveryCodeSignInAsync(code);

    // The overview says how many codes are left and how to link another phone; a forced password change goes first.
    protected override string AfterSignIn(string next) =>
        next.StartsWith(Security.Accounts.TemporaryPassword.ChangePage, StringComparison.Ordinal)
            ? next
            : $"{TwoFactorSetup.OverviewPage}?herstelcode=gebruikt&ReturnUrl={Uri.EscapeDataString(next)}";
}
