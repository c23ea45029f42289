using System.ComponentModel.DataAnnotations;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.Accounts;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Pages.Beheer;

/// <summary>
/// Accounts and roles, for administrators: who may sign in with which roles, when each last signed in, the failed
/// sign-in tries of the last day (which an administrator can clear), a new one-time password for a person who lost
/// theirs, switching an account off and on, and a new account with a one-time password shown once (board members never
/// need one: they act through mail links). A password the system makes must be changed at the next sign-in.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AccountsModel(UserManager<HostUser> users, SignInThrottle throttle, AccountAdministration administration, SessionClock clock) : PageModel
{
    /// <param name="Failures">Failed tries under the account's user name or e-mail address, kept a day; null when none.</param>
    /// <param name="LockedOut">Blocked by Identity's lockout of before the throttling, until cleared.</param>
    /// <param name="LastSignIn">The last sign-in in words, or that there was none.</param>
    /// <param name="Deactivated">When and by whom the account was switched off, in words; null while it is active.</param>
    public sealed record Row(string Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, RecentFailures? Failures, bool LockedOut,
        string LastSignIn, string? Deactivated, bool MustChangePassword, bool IsSelf);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> tells of a refusal: nothing was changed.</summary>
    public bool Refused { get; private set; }

    /// <summary>A password the system made (a new account, a reset), shown once on this response only.</summary>
    public string? NewPassword { get; private set; }

    /// <summary>The account <see cref="NewPassword"/> belongs to.</summary>
    public string? NewPasswordFor { get; private set; }

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
        var user = new HostUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            EmailConfirmed = true,
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("Input.Email", string.Join(" ", created.Errors.Select(e => e.Description)));
            await LoadAsync();
            return Page();
        }

        await users.AddToRolesAsync(user, roles);
        NewPassword = password;
        NewPasswordFor = Input.Email;
        Message = $"Het account {Input.Email} is aangemaakt. Geef het wachtwoord hieronder veilig door: het wordt niet nog eens getoond. Bij de eerste keer inloggen kiest {user.DisplayName} een eigen wachtwoord.";
        Input = new NewAccount();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string? id, List<string> roles)
    {
        if (await FindAsync(id) is not { } user)
        {
            return await UnknownAsync();
        }

        var wanted = roles.Where(AdviesRoute.Host.Security.Roles.IsKnown).ToHashSet();
        if (user.UserName == User.Identity?.Name && !wanted.Contains(AdviesRoute.Host.Security.Roles.Admin))
        {
            return await RefuseAsync("U kunt uw eigen beheerrol niet intrekken.");
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
    public async Task<IActionResult> OnPostClearAsync(string? id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return await UnknownAsync();
        }

        await throttle.ClearAsync(SignInThrottle.AccountKeys(user), HttpContext.RequestAborted);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Message = $"De mislukte inlogpogingen voor {user.UserName} zijn gewist: {user.UserName} kan meteen weer inloggen.";
        await LoadAsync();
        return Page();
    }

    /// <summary>A new one-time password, shown once; the person chooses their own at the next sign-in.</summary>
    public async Task<IActionResult> OnPostResetAsync(string? id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return await UnknownAsync();
        }

        var change = await administration.ResetPasswordAsync(user, Administrator, HttpContext.RequestAborted);
        NewPassword = change.Password;
        NewPasswordFor = user.UserName;
        return await ShowAsync(change);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string? id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return await UnknownAsync();
        }

        return await ShowAsync(await administration.DeactivateAsync(user, Administrator));
    }

    public async Task<IActionResult> OnPostReactivateAsync(string? id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return await UnknownAsync();
        }

        return await ShowAsync(await administration.ReactivateAsync(user, Administrator));
    }

    private string Administrator => User.Identity?.Name ?? "";

    private async Task<HostUser?> FindAsync(string? id) => string.IsNullOrWhiteSpace(id) ? null : await users.FindByIdAsync(id);

    private Task<IActionResult> UnknownAsync() => RefuseAsync("Dit account bestaat niet (meer). Er is niets gewijzigd; de lijst hieronder is bijgewerkt.");

    private async Task<IActionResult> RefuseAsync(string message)
    {
        Refused = true;
        Message = message;
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> ShowAsync(AccountChange change)
    {
        Refused = !change.Done;
        Message = change.Message;
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
            var lastSignIn = user.LastSignInAt is { } at ? DutchMoment(at) : "Nog nooit ingelogd";
            var deactivated = user.DeactivatedAt is { } off
                ? $"Uitgeschakeld op {DutchMoment(off)}" + (string.IsNullOrEmpty(user.DeactivatedBy) ? "" : $" door {user.DeactivatedBy}")
                : null;
            list.Add(new Row(user.Id, user.UserName ?? "", user.DisplayName, (await users.GetRolesAsync(user)).ToList(), summary, locked,
                lastSignIn, deactivated, user.MustChangePassword, string.Equals(user.UserName, Administrator, StringComparison.OrdinalIgnoreCase)));
        }

        Accounts = list;
    }

    /// <summary>A stored UTC moment on the Dutch clock, with its year: "6 december 2026 om 07:12".</summary>
    private static string DutchMoment(DateTime utc) => DutchFormat.Moment(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The local time of the last failed try, for the page.</summary>
    public static string LocalTime(DateTime utc) => DutchFormat.MomentInYear(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
