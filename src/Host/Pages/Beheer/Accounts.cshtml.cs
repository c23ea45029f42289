using System.ComponentModel.DataAnnotations;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// Accounts and roles, for administrators: who may sign in with which roles, the failed sign-in tries of the last
/// day (which an administrator can clear, so an address that was refused may try again at once), and a new account
/// with a one-time password shown once (board members never need one: they act through mail links).
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AccountsModel(UserManager<HostUser> users, SignInThrottle throttle, SessionClock clock) : PageModel
{
    /// <param name="Failures">Failed tries under the account's user name or e-mail address, kept a day; null when none.</param>
    /// <param name="LockedOut">Blocked by Identity's lockout of before the throttling, until cleared.</param>
    public sealed record Row(string Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, RecentFailures? Failures, bool LockedOut);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    public string? Message { get; private set; }

    /// <summary>The generated password of a new account, shown once on this response only.</summary>
    public string? NewPassword { get; private set; }

    public sealed class NewAccount
    {
        [Required(ErrorMessage = "Vul het e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in.")]
        [Display(Name = "E-mailadres")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vul de naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang (hoogstens 200 tekens).")]
        [Display(Name = "Naam")]
        public string DisplayName { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var roles = Input.Roles.Where(AdviesRoute.Host.Security.Roles.IsKnown).Distinct().ToList();
        if (roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Kies ten minste één rol.");
        }

        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email) is not null)
        {
            ModelState.AddModelError("Input.Email", "Er is al een account met dit e-mailadres.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var password = PasswordGenerator.Generate();
        var user = new HostUser { UserName = Input.Email, Email = Input.Email, DisplayName = Input.DisplayName.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("Input.Email", string.Join(" ", created.Errors.Select(e => e.Description)));
            await LoadAsync();
            return Page();
        }

        await users.AddToRolesAsync(user, roles);
        NewPassword = password;
        Message = $"Het account {Input.Email} is aangemaakt. Geef het wachtwoord hieronder veilig door: het wordt niet nog eens getoond. Vraag de gebruiker het na de eerste keer inloggen te wijzigen (Wachtwoord wijzigen).";
        Input = new NewAccount();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, List<string> roles)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = roles.Where(AdviesRoute.Host.Security.Roles.IsKnown).ToHashSet();
        if (user.UserName == User.Identity?.Name && !wanted.Contains(AdviesRoute.Host.Security.Roles.Admin))
        {
            Message = "U kunt uw eigen beheerrol niet intrekken.";
            await LoadAsync();
            return Page();
        }

        // No new security stamp: every request rebuilds the session's roles from the database (SessionLifetime), so
        // the change counts from the person's next request without signing them out of their work.
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        Message = $"De rollen van {user.UserName} zijn bijgewerkt.";
        await LoadAsync();
        return Page();
    }

    /// <summary>Forgets the account's failed tries from every address, and a lockout from before the throttling.</summary>
    public async Task<IActionResult> OnPostClearAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await throttle.ClearAsync(SignInThrottle.AccountKeys(user), HttpContext.RequestAborted);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Message = $"De mislukte inlogpogingen voor {user.UserName} zijn gewist: {user.UserName} kan meteen weer inloggen.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var failures = await throttle.RecentAsync(HttpContext.RequestAborted);
        var list = new List<Row>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            var locked = user.LockoutEnd is { } end && end > clock.Now;
            var mine = SignInThrottle.AccountKeys(user).Select(n => failures.GetValueOrDefault(n)).OfType<RecentFailures>().ToList();
            var summary = mine.Count == 0
                ? null
                : new RecentFailures(mine.Sum(f => f.Count), mine.Sum(f => f.Addresses), mine.Max(f => f.Last));
            list.Add(new Row(user.Id, user.UserName ?? "", user.DisplayName, (await users.GetRolesAsync(user)).ToList(), summary, locked));
        }

        Accounts = list;
    }

    /// <summary>The local time of the last failed try, for the page.</summary>
    public static string LocalTime(DateTime utc) => DutchFormat.MomentInYear(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
