using AdviesRoute.Host.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Host.Jobs;

/// <summary>Hangfire runs the engine's background work (due timers, outbox delivery); the dashboard is for admins.</summary>
internal static class JobServiceCollectionExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// How long a job fetched by a worker stays invisible to the others on PostgreSQL without a sign of life: a host
    /// that dies mid-job has its jobs taken over by the other hosts after this. The timeout slides while the job runs
    /// (the worker keeps renewing it), so a long delivery is not started twice.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddAdviesRouteJobs(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // The storage is this host's own service rather than Hangfire's static JobStorage.Current, so two hosts in
        // one process (the host tests) never hand work to each other. In-memory loses nothing that matters: the
        // engine's tables are the truth and its start-up re-queues timers and unsent mail. Several hosts on
        // PostgreSQL share Hangfire's tables there (schema "hangfire"), so a job one host queued may run on another.
        // Resolving the global configuration first applies it (and its log provider) before the storage exists.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            if (provider == DatabaseProvider.PostgreSql)
            {
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    InvisibilityTimeout = InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    QueuePollInterval = TimeSpan.FromMilliseconds(200),
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
            }

            return new InMemoryStorage();
        });
        // Likewise the job activator: AddHangfire would register the static JobActivator.Current, which the last
        // host to start points at its own services, so a job could run against another host's database.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        // On PostgreSQL a host may have to take over another's backlog (mail is I/O-bound): twice Hangfire's default
        // workers. The embedded SQLite setup keeps the default (5 per core, at most 20).
        services.AddHangfireServer(options =>
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                options.WorkerCount = Math.Min(40, Environment.ProcessorCount * 10);
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapJobDashboard(this IEndpointRouteBuilder app)
    {
        // Hangfire's own filter only admits local requests; access is decided by the endpoint's policy instead.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = Array.Empty<IDashboardAuthorizationFilter>(), DisplayStorageConnectionString = false })
            .RequireAuthorization(Policies.Administer);
        return app;
    }
}
