using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>
/// The stored versions of the governance model and the jaarkalender, in the engine's database file. It keeps its own
/// migrations history table so it migrates independently of the engine and the host.
/// </summary>
public class GovernanceDbContext : DbContext
{
    public GovernanceDbContext(DbContextOptions<GovernanceDbContext> options)
        : base(options)
    {
    }

    protected GovernanceDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string MigrationsHistoryTable = "__GovernanceMigrations";

    public DbSet<GovernanceVersionRecord> Versions => Set<GovernanceVersionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GovernanceVersionRecord>(e =>
        {
            e.ToTable("GovernanceVersions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            // One number per kind: two hosts writing (or seeding) at once cannot both store version n.
            e.HasIndex(x => new { x.Kind, x.Version }).IsUnique();
        });
    }
}

/// <summary>
/// One stored version of a governance document. Rows are only added, never changed: the history shows who changed
/// which member or meeting, and the version number shown beside a decision stays valid.
/// </summary>
public sealed class GovernanceVersionRecord
{
    public long Id { get; set; }

    /// <summary><see cref="GovernanceKinds.Bestuur"/> or <see cref="GovernanceKinds.Jaarkalender"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>1, 2, 3, … per kind; the newest is the current one.</summary>
    public long Version { get; set; }

    /// <summary>The document: the seed shape of the model, or the jaarkalender as stored.</summary>
    public string Json { get; set; } = "";

    /// <summary>Who stored it: the signed-in user, the API key's name, or <c>systeem</c> for the demo seed.</summary>
    public string Actor { get; set; } = "";

    /// <summary>UTC, from the application's <see cref="TimeProvider"/>.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>What changed against the previous version, in Dutch (e.g. <c>leden gewijzigd: m012</c>).</summary>
    public string Change { get; set; } = "";
}

/// <summary>The two kinds of governance documents.</summary>
public static class GovernanceKinds
{
    public const string Bestuur = "bestuur";
    public const string Jaarkalender = "jaarkalender";

    public static IReadOnlyList<string> All { get; } = [Bestuur, Jaarkalender];
}

/// <summary>The governance tables on PostgreSQL, with the migrations made for it (folder <c>PostgresMigrations</c>).</summary>
public sealed class PostgresGovernanceDbContext(DbContextOptions<PostgresGovernanceDbContext> options) : GovernanceDbContext(options);
