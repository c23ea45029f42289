using System.Reflection;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>The default database when nothing is configured: a SQLite file under <c>data/</c>.</summary>
    public const string DefaultConnectionString = "Data Source=data/adviesroute.db";

    /// <summary>
    /// Adds the workflow engine: SQLite persistence with group commit, the runtime, durable timers on Hangfire
    /// (the caller adds Hangfire itself), the outbox, definition import, and the activities found in the
    /// given assemblies besides the engine's own control-flow activities.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration, params Assembly[] activityAssemblies)
    {
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = configuration.GetConnectionString("AdviesRoute") ?? DefaultConnectionString;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ExpressionOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section + ":Expressions"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        if (WorkflowOptions.ProviderIn(configuration) == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<WorkflowDbContext, PostgresWorkflowDbContext>((sp, o) => o
                .UseNpgsql(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ConnectionString, s => s.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable)));
        }
        else
        {
            services.AddDbContext<WorkflowDbContext>((sp, o) => o
                .UseSqlite(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ConnectionString, s => s.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable))
                .AddInterceptors(new SqlitePragmaInterceptor())
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, WithoutRowIdSqlGenerator>());
        }

        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<WorkflowOptions>>().Value;
            return DatabaseDialect.For(settings.Provider, settings.ConnectionString);
        });

        var assemblies = activityAssemblies.Append(typeof(Activity).Assembly).Distinct().ToArray();
        services.AddSingleton(sp => new ActivityRegistry(sp, assemblies));
        services.AddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        services.AddSingleton<DefinitionValidator>();
        services.AddScoped<DefinitionStore>();
        services.AddScoped<DefinitionImporter>();

        services.AddSingleton<ReaderPool>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutbox, OutboxWriter>();
        services.AddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.AddTransient<TimerFiringJob>();
        services.AddTransient<OutboxDeliveryJob>();

        services.AddHostedService<WorkflowStartup>();
        services.AddHostedService<TimerSweeper>();
        services.AddHostedService<OutboxSweeper>();
        return services;
    }
}
