using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// The real engine in a generic host, as the application runs it: a SQLite file in the benchmark's temp folder,
/// the real clock, and a Hangfire server on its own in-memory storage (no static storage is shared).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    /// <summary>Hangfire's default worker count, which the Host uses too (5 per core, at most 20).</summary>
    public static int HangfireWorkers { get; } = new BackgroundJobServerOptions().WorkerCount;

    private readonly IHost _host;

    private BenchHost(IHost host, string databasePath)
    {
        _host = host;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
    public string ConnectionString => $"Data Source={DatabasePath}";
    public IServiceProvider Services => _host.Services;
    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();

    public static Task<BenchHost> StartAsync(string folder, string databaseName) =>
        StartAsync(Path.Combine(folder, databaseName), new Dictionary<string, string?> { ["Workflows:ConnectionString"] = $"Data Source={Path.Combine(folder, databaseName)}" });

    /// <summary>A host on a PostgreSQL database (several may share it, as several hosts of one installation do).</summary>
    public static Task<BenchHost> StartOnPostgresAsync(string connectionString) =>
        StartAsync("", new Dictionary<string, string?> { ["Workflows:Provider"] = "PostgreSql", ["Workflows:ConnectionString"] = connectionString });

    private static async Task<BenchHost> StartAsync(string path, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // Engine settings to try without a rebuild, e.g. ADVIESROUTE_BENCH_Workflows__PostgresWriterConnections=1.
        builder.Configuration.AddEnvironmentVariables("ADVIESROUTE_BENCH_");
        builder.Services.AddWorkflows(builder.Configuration);
        // As the Host's AddAdviesRouteJobs: the storage is this host's own service, not Hangfire's static one.
        // Resolving the global configuration first points Hangfire's (static) log provider at this host's logger
        // factory rather than at the disposed one of an earlier host in this process.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return new InMemoryStorage();
        });
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host, path);
    }

    /// <summary>Stores and publishes a definition given as JSON.</summary>
    public async Task<DefinitionSaveResult> SaveAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DefinitionStore>().SaveAsync(json, publish: true, actor: "benchmark", source: null);
    }

    public async Task<T> WithDbAsync<T>(Func<WorkflowDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    /// <summary>A read on a fresh connection with the application's pragmas.</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = SqliteSetup.Open(ConnectionString);
        return read(connection);
    }

    public long Scalar(string sql) => Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
