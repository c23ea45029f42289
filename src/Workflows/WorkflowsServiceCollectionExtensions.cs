using System.Reflection;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
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
    /// <summary>
    /// Adds the workflow engine: SQLite persistence with group commit, the runtime, durable timers on Hangfire
    /// (the caller adds Hangfire itself), the outbox, definition import, and the activities found in the
    /// given assemblies besides the engine's own control-flow activities. Settings come from the section
    /// <c>Workflows</c> (<see cref="WorkflowOptions"/>); the engine has no database of its own to fall back on, so the
    /// application gives <c>Workflows:ConnectionString</c>, and start-up fails with a message naming it when it is missing.
    /// The read side is <see cref="IWorkflowReader"/>;
    /// searchable attributes come from an <see cref="IInstanceAttributeSource"/> the caller may register (before or after
    /// this call).
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration, params Assembly[] activityAssemblies)
    {
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section))
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
        services.AddScoped(sp => new DefinitionStore(sp.GetRequiredService<WorkflowDbContext>(), sp.GetRequiredService<DefinitionValidator>(),
            sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<TimeProvider>(), sp));
        services.AddScoped<DefinitionImporter>();

        services.AddSingleton<ReaderPool>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutbox, OutboxWriter>();
        services.AddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.AddSingleton<AttributeProjector>();
        services.AddSingleton<AttributeBackfill>();
        services.AddSingleton<DefinitionModelCache>();
        services.AddScoped<IWorkflowReader, WorkflowReader>();
        services.AddTransient<TimerFiringJob>();
        services.AddTransient<OutboxDeliveryJob>();

        services.AddHostedService<WorkflowStartup>();
        services.AddHostedService<TimerSweeper>();
        services.AddHostedService<OutboxSweeper>();
        return services;
    }
}
