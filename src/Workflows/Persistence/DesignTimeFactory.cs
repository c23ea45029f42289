using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without a host. Adding a migration opens no database, so
/// the file named here is never made; it is no default of the engine.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable))
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, WithoutRowIdSqlGenerator>()
            .Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresWorkflowDbContext</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
            .UseNpgsql("Host=localhost;Database=design-time", o => o.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable))
            .Options);
}
