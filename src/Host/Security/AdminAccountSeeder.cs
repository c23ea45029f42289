using AdviesRoute.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security;

/// <summary>
/// Creates the roles, and on first start (no account at all) an administrator, so a new installation can be
/// entered without a default password that someone forgets to change.
/// </summary>
internal sealed class AdminAccountSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<HostUser> users,
    IOptions<SecurityOptions> options,
    ILogger<AdminAccountSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = options.Value.Admin;
        var configuredPassword = !string.IsNullOrEmpty(admin.Password);
        var password = configuredPassword ? admin.Password! : PasswordGenerator.Generate();
        var user = new HostUser
        {
            UserName = admin.Email,
            Email = admin.Email,
            EmailConfirmed = true,
            DisplayName = Roles.DisplayName(Roles.Admin),

            // A generated password has been in the log: its owner chooses their own at the first sign-in.
            MustChangePassword = !configuredPassword,
        };
        Check(await users.CreateAsync(user, password), $"administrator {admin.Email}");
        Check(await users.AddToRoleAsync(user, Roles.Admin), $"administrator {admin.Email}");

        if (configuredPassword)
        {
            logger.LogInformation("Beheerdersaccount {Email} aangemaakt met het geconfigureerde wachtwoord.", admin.Email);
        }
        else
        {
            // Shown exactly once: it is not stored anywhere but as a hash. Set Security:Admin:Password to choose it.
            logger.LogWarning(
                "Eerste start / first start: beheerdersaccount / administrator account {Email}, wachtwoord / password: {Password} "
                + "(wordt niet opnieuw getoond / shown only once)",
                admin.Email, password);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
