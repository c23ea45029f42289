using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdviesRoute.Host.Data;

/// <summary>Lets <c>dotnet ef</c> create <see cref="HostDbContext"/> without starting the whole host.</summary>
internal sealed class DesignTimeHostDbContextFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HostDbContext>();
        options.UseHostDatabase(DatabaseConnection.Default);
        return new HostDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresHostDbContext</c> create the PostgreSQL context without a server.</summary>
internal sealed class DesignTimePostgresHostDbContextFactory : IDesignTimeDbContextFactory<PostgresHostDbContext>
{
    public PostgresHostDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHostDbContext>()
            .UseNpgsql("Host=localhost;Database=adviesroute", o => o.MigrationsHistoryTable(HostDbContext.MigrationsHistoryTable))
            .Options);
}
