using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdviesRoute.Host.Pages.Account;

/// <summary>
/// Changing one's own password: the current one, and a new one that meets the rules (at least 12 characters). With a
/// temporary password (a new account, a reset by an administrator) this is the only page that opens until the person
/// has chosen their own; then they go on to the page they asked for.
/// </summary>
[Authorize]
public sealed class WachtwoordModel(UserManager<HostUser> users, SignInManager<HostUser> signIn) : PageModel
{
    [BindProperty]
    public Fields Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>Whether the person signed in with a password an administrator made.</summary>
    public bool Temporary => TemporaryPassword.MustChange(User);

    public sealed class Fields
    {
        [Required(ErrorMessage = "Vul uw huidige wachtwoord in.")]
        [DataType(DataType.Password)]
        [Display(Name = "Huidig wachtwoord")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Vul een nieuw wachtwoord in.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Het nieuwe wachtwoord heeft ten minste 12 tekens.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nieuw wachtwoord")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "De twee nieuwe wachtwoorden zijn niet gelijk.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nieuw wachtwoord (nog eens)")]
        public string Repeat { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && Input.New == Input.Current)
        {
            ModelState.AddModelError("Input.New", "Kies een ander wachtwoord dan het huidige.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!changed.Succeeded)
        {
            var key = changed.Errors.Any(e => e.Code == "PasswordMismatch") ? "Input.Current" : "Input.New";
            ModelState.AddModelError(key, changed.Errors.Any(e => e.Code == "PasswordMismatch")
                ? Temporary ? "Het tijdelijke wachtwoord klopt niet." : "Het huidige wachtwoord klopt niet."
                : "Het nieuwe wachtwoord voldoet niet aan de regels: " + string.Join(" ", changed.Errors.Select(e => e.Description)));
            return Page();
        }

        var wasTemporary = user.MustChangePassword;
        if (wasTemporary)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        await signIn.RefreshSignInAsync(user);
        if (wasTemporary)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith(TemporaryPassword.ChangePage, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
        }

        Input = new Fields();
        Message = "Uw wachtwoord is gewijzigd.";
        return Page();
    }
}
