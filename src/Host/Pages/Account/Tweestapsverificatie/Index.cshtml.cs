using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Account.Tweestapsverificatie;

/// <summary>
/// One's own second factor: whether it is on, how many recovery codes are left, linking another phone, switching it off
/// (refused while one of the person's roles requires it).
/// </summary>
[Authorize]
public sealed class IndexModel(UserManager<HostUser> users, SignInManager<HostUser> signIn, RoleRequirements requirements, ILogger<IndexModel> logger) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The Dutch names of the person's roles that require a second factor; empty when none does.</summary>
    public IReadOnlyList<string> RequiredBy { get; private set; } = [];

    /// <summary>Signed in through the organisation's provider, whose own second factor applies.</summary>
    public bool ViaProvider => User.HasClaim(System.Security.Claims.ClaimTypes.AuthenticationMethod, Security.Oidc.OidcAccountMatcher.AuthenticationMethod);

    /// <summary>Signed in just now with a recovery code (<c>?herstelcode=gebruikt</c>).</summary>
    public bool JustUsedRecoveryCode { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public bool Refused { get; private set; }

    public string NextAddress => SecondStep.IsLocal(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync(string? herstelcode)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        JustUsedRecoveryCode = herstelcode == "gebruikt";
        await LoadAsync(user);
        return Page();
    }

    /// <summary>A new phone or app: the old key stops working and the person links the new one as the first time.</summary>
    public async Task<IActionResult> OnPostOpnieuwAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{User} koppelt een andere authenticator-app; de oude sleutel werkt niet meer.", user.UserName);
        return RedirectToPage("Instellen");
    }

    public async Task<IActionResult> OnPostUitschakelenAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (RequiredBy.Count > 0)
        {
            Refused = true;
            Message = $"Tweestapsverificatie blijft aan: voor uw rol ({DutchFormat.List(RequiredBy)}) is het verplicht. Nieuwe telefoon? Kies dan 'Andere telefoon koppelen'.";
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        if (!Enabled)
        {
            Message = "Tweestapsverificatie stond al uit.";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{User} heeft tweestapsverificatie uitgeschakeld.", user.UserName);
        await LoadAsync(user);
        Message = "Tweestapsverificatie staat nu uit. U logt voortaan in met alleen uw wachtwoord. U kunt de koppeling in de app op uw telefoon verwijderen.";
        return Page();
    }

    private async Task LoadAsync(HostUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        var roles = await users.GetRolesAsync(user);
        var required = (await requirements.AllAsync(HttpContext.RequestAborted)).Select(r => r.Role).ToHashSet(StringComparer.Ordinal);
        RequiredBy = roles.Where(required.Contains).Select(Roles.DisplayName).ToList();
    }
}
