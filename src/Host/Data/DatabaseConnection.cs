using AdviesRoute.Host.Security;
using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Data;

/// <summary>Where the database lives: one connection string shared by the host and the engine.</summary>
public static class DatabaseConnection
{
    /// <summary>The name of the connection string under <c>ConnectionStrings</c>.</summary>
    public const string Name = "AdviesRoute";

    public const string ConfigurationKey = "ConnectionStrings:" + Name;

    /// <summary>Where the engine reads its connection string; the host fills it from <see cref="ConfigurationKey"/>.</summary>
    public const string EngineConfigurationKey = WorkflowOptions.Section + ":" + nameof(WorkflowOptions.ConnectionString);

    public const string Default = "Data Source=data/adviesroute.db";

    /// <summary>
    /// Makes a relative SQLite file path absolute against the content root and creates its folder, so the host, the
    /// engine and the EF tools all open the same file whatever the working directory is.
    /// </summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ToString();
        }

        if (!Path.IsPathRooted(dataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        }

        // The data folder holds the database (and, by default, the link key and the mail): readable by the service's
        // user only when the host makes it.
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            PrivateFiles.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Points the configuration at the resolved SQLite file, for every later reader, and hands the same connection
    /// string to the engine (<see cref="EngineConfigurationKey"/>), which has no default of its own. A PostgreSQL
    /// connection string is taken as it is; it must be given.
    /// </summary>
    public static string ResolveInConfiguration(IConfiguration configuration, string contentRoot)
    {
        string resolved;
        if (WorkflowOptions.ProviderIn(configuration) == DatabaseProvider.PostgreSql)
        {
            resolved = configuration[ConfigurationKey] is { Length: > 0 } postgres
                ? postgres
                : throw new InvalidOperationException($"Workflows:Provider is PostgreSql: give its connection string in {ConfigurationKey}.");
        }
        else
        {
            resolved = Resolve(configuration[ConfigurationKey], contentRoot);
            configuration[ConfigurationKey] = resolved;
        }

        configuration[EngineConfigurationKey] = resolved;
        return resolved;
    }

    internal static void UseHostDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(HostDbContext.MigrationsHistoryTable));

    /// <summary>The host's context on the configured provider.</summary>
    internal static IServiceCollection AddHostDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // Several hosts starting at once on PostgreSQL: one migrates, the others wait (a no-op on SQLite).
        services.AddSingleton(sp => new MigrationLock(provider, connectionString, sp.GetRequiredService<ILogger<MigrationLock>>()));
        services.AddHostedService(sp => sp.GetRequiredService<MigrationLock>());
        if (provider == DatabaseProvider.PostgreSql)
        {
            return services.AddDbContext<HostDbContext, PostgresHostDbContext>(options =>
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(HostDbContext.MigrationsHistoryTable)));
        }

        return services.AddDbContext<HostDbContext>(options =>
        {
            options.UseHostDatabase(connectionString);
            options.AddInterceptors(new SqlitePragmaInterceptor());
        });
    }
}
