using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>The engine's tables. Reads go through EF Core; the step-burst writes go through the group-commit writer.</summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__WorkflowMigrations";

    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<JournalEntryRecord> Journal => Set<JournalEntryRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.DefinitionId, x.IsLatest });
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.Status, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.DefinitionId, x.CreatedAt, x.Id });
        });
        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("Bookmarks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<TimerRecord>(e =>
        {
            e.ToTable("Timers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DueAtMs);
            e.HasIndex(x => x.InstanceId);
        });
        modelBuilder.Entity<JournalEntryRecord>(e =>
        {
            e.ToTable("Journal");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.InstanceId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
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
    }
}
