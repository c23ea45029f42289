using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Account.Tweestapsverificatie;

/// <summary>
/// Linking an authenticator app: the key as a QR code and in groups of four, a code from the app to prove it works,
/// then tweestapsverificatie is on and the recovery codes are shown, once. The key is Identity's
/// (<see cref="UserManager{TUser}.GetAuthenticatorKeyAsync"/>), made on the first visit and kept until it is confirmed,
/// so reloading the page does not change the QR code the person may already have scanned.
/// </summary>
[Authorize]
public sealed class InstellenModel(UserManager<HostUser> users, SignInManager<HostUser> signIn, IOptions<TwoFactorOptions> options, ILogger<InstellenModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Display(Name = "Code uit de app (6 cijfers)")]
    public string? Code { get; set; }

    public string? CodeError { get; private set; }

    /// <summary>The key in groups of four, for typing.</summary>
    public string GroupedKey { get; private set; } = "";

    /// <summary>The QR code as SVG markup made by QRCoder from the key; no user text in it but the account name, escaped.</summary>
    public string QrSvg { get; private set; } = "";

    public string Issuer => options.Value.Issuer;

    /// <summary>Whether a role of this person requires it (the person was sent here).</summary>
    public bool Required => TwoFactorSetup.MustSetUp(User);

    /// <summary>After confirming: the recovery codes, shown this once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string NextAddress => SecondStep.IsLocal(ReturnUrl) && !ReturnUrl!.StartsWith(TwoFactorSetup.SetupPage, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        var code = TwoFactorTexts.AuthenticatorCode(Code);
        if (code is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            CodeError = code is null ? TwoFactorTexts.CodeFormat : TwoFactorTexts.WrongCode;
            Code = null;
            ModelState.Remove(nameof(Code)); // a refused code is not shown again: the app shows a new one every 30 seconds
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorOptions.RecoveryCodes))?.ToList() ?? [];

        // Enabling renews the security stamp, which is checked on every request: renew this session with it.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{User} heeft tweestapsverificatie ingesteld.", user.UserName);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadKeyAsync(HostUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored where Identity's store keeps it, but without ResetAuthenticatorKeyAsync's new security stamp: a key
            // that is not switched on yet changes nothing about signing in, so the person's other sessions stay open.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        }

        GroupedKey = AuthenticatorKey.Grouped(key);
        QrSvg = AuthenticatorKey.QrSvg(AuthenticatorKey.OtpAuthUri(Issuer, user.Email ?? user.UserName ?? "", key));
        Response.Headers.CacheControl = "no-store";
    }
}
