using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build <see cref="GovernanceDbContext"/> without a host.</summary>
internal sealed class DesignTimeGovernanceDbContextFactory : IDesignTimeDbContextFactory<GovernanceDbContext>
{
    public GovernanceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<GovernanceDbContext>();
        options.UseGovernanceDatabase("Data Source=data/adviesroute.db");
        return new GovernanceDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresGovernanceDbContext</c> build the PostgreSQL context without a server.</summary>
internal sealed class DesignTimePostgresGovernanceDbContextFactory : IDesignTimeDbContextFactory<PostgresGovernanceDbContext>
{
    public PostgresGovernanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGovernanceDbContext>()
            .UseNpgsql("Host=localhost;Database=adviesroute", o => o.MigrationsHistoryTable(GovernanceDbContext.MigrationsHistoryTable))
            .Options);
}

internal static class GovernanceDatabase
{
    /// <summary>SQLite on the engine's file, with the governance context's own migrations history table.</summary>
    public static DbContextOptionsBuilder UseGovernanceDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(GovernanceDbContext.MigrationsHistoryTable));
}
