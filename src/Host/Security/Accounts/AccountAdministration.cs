using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.AspNetCore.Identity;

namespace AdviesRoute.Host.Security.Accounts;

/// <summary>What an administrator's action did, in the words the accounts page shows.</summary>
/// <param name="Done">False when it was refused; then nothing changed.</param>
/// <param name="Password">A password the system made, shown once to the administrator; null otherwise.</param>
public sealed record AccountChange(bool Done, string Message, string? Password = null)
{
    public static AccountChange Refused(string message) => new(false, message);
}

/// <summary>
/// The administrator's actions on an account besides its roles: a new one-time password, switching the account off and
/// on again, and recording a sign-in. Switching off renews the security stamp, so every open session of the account is
/// refused on its next request (the stamp is checked on every request, see <see cref="SessionLifetime"/>). API keys are
/// configured per installation, not owned by an account, so none has to be switched off with it.
/// </summary>
public sealed class AccountAdministration(UserManager<HostUser> users, SignInThrottle throttle, SessionClock clock, ILogger<AccountAdministration> logger)
{
    /// <summary>Gives the account a new password the system makes, to be changed at the next sign-in; ends its sessions.</summary>
    public async Task<AccountChange> ResetPasswordAsync(HostUser user, string administrator, CancellationToken cancellationToken)
    {
        if (string.Equals(user.UserName, administrator, StringComparison.OrdinalIgnoreCase))
        {
            return AccountChange.Refused("Uw eigen wachtwoord wijzigt u via 'Wachtwoord wijzigen'; een tijdelijk wachtwoord is voor iemand anders die het zijne kwijt is.");
        }

        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return AccountChange.Refused($"Het wachtwoord van {user.UserName} is niet opnieuw ingesteld: {string.Join(" ", reset.Errors.Select(e => e.Description))}");
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);

        // A forgotten password often comes after failed tries: the new one must work at once.
        await throttle.ClearAsync(SignInThrottle.AccountKeys(user), cancellationToken);
        logger.LogInformation("Wachtwoord van {User} opnieuw ingesteld door {Admin}.", user.UserName, administrator);
        var switchedOff = user.IsActive ? "" : " Het account staat nog uit: schakel het weer in om in te kunnen loggen.";
        return new AccountChange(true,
            $"{Name(user)} heeft een nieuw, tijdelijk wachtwoord. Geef het veilig door: het wordt niet nog eens getoond. " +
            $"Bij de volgende keer inloggen kiest {Name(user)} een eigen wachtwoord. Open sessies van dit account zijn beëindigd.{switchedOff}", password);
    }

    /// <summary>Switches the account off; refused for one's own account and for the last active administrator.</summary>
    public async Task<AccountChange> DeactivateAsync(HostUser user, string administrator)
    {
        if (string.Equals(user.UserName, administrator, StringComparison.OrdinalIgnoreCase))
        {
            return AccountChange.Refused("U kunt uw eigen account niet uitschakelen. Vraag een andere beheerder om dat te doen.");
        }

        if (!user.IsActive)
        {
            return AccountChange.Refused($"Het account van {Name(user)} staat al uit.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await ActiveAdministratorsAsync() <= 1)
        {
            return AccountChange.Refused($"{Name(user)} is de laatste beheerder met een actief account. Geef eerst iemand anders de rol Beheerder; daarna kunt u dit account uitschakelen.");
        }

        user.DeactivatedAt = clock.Now.UtcDateTime;
        user.DeactivatedBy = administrator;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("Account {User} uitgeschakeld door {Admin}.", user.UserName, administrator);
        return new AccountChange(true, $"Het account van {Name(user)} is uitgeschakeld. {Name(user)} kan niet meer inloggen; open sessies zijn bij de volgende klik beëindigd.");
    }

    public async Task<AccountChange> ReactivateAsync(HostUser user, string administrator)
    {
        if (user.IsActive)
        {
            return AccountChange.Refused($"Het account van {Name(user)} staat al aan.");
        }

        user.DeactivatedAt = null;
        user.DeactivatedBy = null;
        await users.UpdateAsync(user);
        logger.LogInformation("Account {User} weer ingeschakeld door {Admin}.", user.UserName, administrator);
        return new AccountChange(true, $"Het account van {Name(user)} is weer ingeschakeld. {Name(user)} kan weer inloggen met het eigen wachtwoord.");
    }

    /// <summary>Notes a successful sign-in, for the "laatst ingelogd" column.</summary>
    public async Task RecordSignInAsync(HostUser user)
    {
        user.LastSignInAt = clock.Now.UtcDateTime;
        await users.UpdateAsync(user);
    }

    private async Task<int> ActiveAdministratorsAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => a.IsActive);

    private static string Name(HostUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;
}
