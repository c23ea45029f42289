using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Oidc;
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
/// <c>LocalLogin</c> false only that button.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<HostUser> signIn,
    UserManager<HostUser> users,
    IOptions<OidcOptions> oidc,
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
        ErrorMessage = OidcEnabled ? OidcRefusal.Message(fout) : null;
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
        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        if (user is null)
        {
            // Hash anyway, so the response time does not tell whether the account exists.
            users.PasswordHasher.HashPassword(new HostUser(), Input.Password);
            ErrorMessage = UnknownCombination;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{User} is ingelogd.", user.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("{User} is geblokkeerd na te veel mislukte pogingen.", user.UserName);
            ErrorMessage = "Uw account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.";
        }
        else if (result.IsNotAllowed)
        {
            ErrorMessage = "Dit account mag (nog) niet inloggen. Neem contact op met de beheerder.";
        }
        else
        {
            ErrorMessage = UnknownCombination;
        }

        return Page();
    }

    private const string UnknownCombination = "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet.";
}
