using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Data;

/// <summary>
/// The host's own tables (accounts and roles), in the same database as the engine's tables. It keeps its own
/// migrations history table so the two contexts migrate independently.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : IdentityDbContext<HostUser>(options)
{
    public const string MigrationsHistoryTable = "__HostMigrations";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<HostUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));
    }
}
