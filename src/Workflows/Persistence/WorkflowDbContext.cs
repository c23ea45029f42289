using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>The engine's tables. Reads go through EF Core; the step-burst writes go through the group-commit writer.</summary>
/// <remarks>On PostgreSQL the derived <see cref="PostgresWorkflowDbContext"/> is used, which has its own migrations.</remarks>
internal class WorkflowDbContext : DbContext
{
    public WorkflowDbContext(DbContextOptions<WorkflowDbContext> options)
        : base(options)
    {
    }

    protected WorkflowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string MigrationsHistoryTable = "__WorkflowMigrations";

    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<JournalEntryRecord> Journal => Set<JournalEntryRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<InstanceAttributeRecord> InstanceAttributes => Set<InstanceAttributeRecord>();
    public DbSet<EngineMetadataRecord> Metadata => Set<EngineMetadataRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.DefinitionId, x.IsLatest });
        });
        // The tables a burst writes are WITHOUT ROWID (see WithoutRowIdSqlGenerator) and carry only the indexes
        // that are queried: every extra B-tree is another page in the WAL and so in the fsync of each commit.
        // Bookmarks live in the instance's state only (its single source of truth); timers have their own table
        // because the sweep asks for them by due moment.
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Revision).IsConcurrencyToken();
            // Only faulted instances are indexed by status: they are few and must be found fast; a full status
            // index would cost two more pages in every commit that changes a status.
            e.HasIndex(x => x.Id, "IX_WorkflowInstances_Faulted").HasFilter(Quoted("Status") + " = 'Faulted'");
        });
        modelBuilder.Entity<TimerRecord>(e =>
        {
            e.ToTable("Timers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DueAtMs);
        });
        modelBuilder.Entity<JournalEntryRecord>(e =>
        {
            e.ToTable("Journal");
            e.HasKey(x => new { x.InstanceId, x.Sequence });
            e.HasIndex(x => new { x.InstanceId, x.RequestId }).IsUnique().HasFilter(Quoted("RequestId") + " IS NOT NULL");

            // The lines of some kinds across many instances (a report's step times, one activity's outcomes) without reading
            // every line's data: it holds what a journal mark carries, so such a read never touches the table.
            e.HasIndex(x => new { x.Kind, x.InstanceId, x.Sequence, x.At, x.ActivityId }, "IX_Journal_Kind");
        });
        modelBuilder.Entity<IncidentRecord>(e =>
        {
            e.ToTable("Incidents");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
        });
        modelBuilder.Entity<OutboxMessageRecord>(e =>
        {
            e.ToTable("Outbox");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SentAt);
        });
        // Written by a burst only when an attribute source is registered, and then only the values that changed. The
        // key serves an instance's own rows (the diff, the backfill); (Name, Value) serves Is, (Name, Folded) the
        // prefix range of StartsWith and the scan of Contains. On SQLite both indexes also hold the key (WITHOUT ROWID),
        // so a lookup reads no table row.
        modelBuilder.Entity<InstanceAttributeRecord>(e =>
        {
            e.ToTable("InstanceAttributes");
            e.HasKey(x => new { x.InstanceId, x.Name, x.Value });
            e.HasIndex(x => new { x.Name, x.Value });
            e.HasIndex(x => new { x.Name, x.Folded });
            if (Database.IsNpgsql())
            {
                // Compared by code point, as on SQLite: the prefix range of StartsWith needs that order, which a
                // linguistic collation (en_US.UTF-8 ignores hyphens at first) does not give.
                e.Property(x => x.Name).UseCollation("C");
                e.Property(x => x.Value).UseCollation("C");
                e.Property(x => x.Folded).UseCollation("C");
            }
        });
        modelBuilder.Entity<EngineMetadataRecord>(e =>
        {
            e.ToTable("EngineMetadata");
            e.HasKey(x => x.Key);
        });
    }

    /// <summary>A column in an index filter: PostgreSQL folds unquoted names to lower case; SQLite keeps the filter as it was.</summary>
    private string Quoted(string column) => Database.IsNpgsql() ? $"\"{column}\"" : column;
}

/// <summary>The engine's tables on PostgreSQL, with the migrations made for it (folder <c>PostgresMigrations</c>).</summary>
internal sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options);
