using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>Sign-in with user name (or e-mail) and password; a plain form that works without JavaScript.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<HostUser> signIn, UserManager<HostUser> users, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
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
