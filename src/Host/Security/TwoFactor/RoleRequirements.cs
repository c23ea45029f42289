using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security.SignIn;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>Which roles must use a second factor, and changing that (who and when is stored and logged).</summary>
public sealed class RoleRequirements(HostDbContext db, SessionClock clock, ILogger<RoleRequirements> logger)
{
    /// <summary>The required roles, each with since when and by whom.</summary>
    public async Task<IReadOnlyList<TwoFactorRoleRequirement>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.TwoFactorRoleRequirements.AsNoTracking().OrderBy(r => r.Role).ToListAsync(cancellationToken);

    /// <summary>Whether one of <paramref name="roles"/> requires the second factor.</summary>
    public Task<bool> AnyRequiredAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        roles.Count == 0 ? Task.FromResult(false) : db.TwoFactorRoleRequirements.AnyAsync(r => roles.Contains(r.Role), cancellationToken);

    /// <summary>
    /// Makes exactly <paramref name="required"/> the required roles. A role that stays required keeps its date and
    /// administrator; unknown role values are refused.
    /// </summary>
    /// <returns>The roles newly required and the roles no longer required.</returns>
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> SetAsync(IReadOnlyCollection<string> required, string administrator, CancellationToken cancellationToken = default)
    {
        if (required.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
        {
            throw new ArgumentException($"Unknown role '{unknown}'.", nameof(required));
        }

        var current = await db.TwoFactorRoleRequirements.ToListAsync(cancellationToken);
        var removed = current.Where(r => !required.Contains(r.Role)).ToList();
        var added = required.Distinct(StringComparer.Ordinal).Where(r => current.All(c => c.Role != r)).ToList();
        db.TwoFactorRoleRequirements.RemoveRange(removed);
        var now = clock.Now.UtcDateTime;
        db.TwoFactorRoleRequirements.AddRange(added.Select(r => new TwoFactorRoleRequirement { Role = r, RequiredSince = now, RequiredBy = administrator }));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var role in added)
        {
            logger.LogInformation("Tweestapsverificatie verplicht gemaakt voor rol {Role} door {Admin}.", role, administrator);
        }

        foreach (var row in removed)
        {
            logger.LogInformation("Tweestapsverificatie niet langer verplicht voor rol {Role}, door {Admin} (verplicht sinds {Since:O} door {By}).",
                row.Role, administrator, row.RequiredSince, row.RequiredBy);
        }

        return (added, removed.Select(r => r.Role).ToList());
    }
}
