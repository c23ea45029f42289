using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// The second step of signing in with a password, for an account with tweestapsverificatie: the six digits the
/// authenticator app shows. Identity keeps who is signing in in its short-lived two-factor cookie (five minutes).
/// A wrong code counts toward the account's lockout (<see cref="TwoFactorOptions.MaxFailedCodes"/>) and, like a wrong
/// password, toward the per-address limits of <see cref="SignInThrottle"/>.
/// </summary>
[AllowAnonymous]
public sealed class InlogcodeModel(SignInManager<HostUser> signIn, SecondStep step) : SecondStepPageModel(signIn, step)
{
    [BindProperty]
    [Display(Name = "Code uit de app (6 cijfers)")]
    public string? Code { get; set; }

    protected override string? Entered => Code;

    protected override string? Normalize(string? entered) => TwoFactorTexts.AuthenticatorCode(entered);

    protected override string FormatError => TwoFactorTexts.CodeFormat;

    protected override string WrongError => TwoFactorTexts.WrongCode;

    protected override string Kind => "code uit de app";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<HostUser> signIn, string code) =>
        signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);

    // A refused code is not shown again: the app shows a new one every 30 seconds.
    protected override void OnWrongCode()
    {
        Code = null;
        ModelState.Remove(nameof(Code));
    }
}
