using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Workflows;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the governance activities need: the working-day calendar of the Atw, the deadline rules, and the
    /// stored governance model and jaarkalender (<see cref="GovernanceStore"/>, served to the activities as
    /// <see cref="IGovernanceDirectory"/>) in the engine's database, migrated and seeded at start-up; and the searchable
    /// attributes of proposals (<see cref="ProposalAttributes"/>), which the engine keeps in each step's transaction.
    /// </summary>
    public static IServiceCollection AddActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkingDayOptions>()
            .Bind(configuration.GetSection(WorkingDayOptions.Section))
            .Validate(o => o.DecreeDays.All(d => d.Date is not null && d.Name.Length > 0 && d.Decree.Length > 0),
                "Elke dag bij besluit (Calendar:DecreeDays) heeft een datum, een naam en het besluit nodig.")
            .ValidateOnStart();
        services.AddSingleton<WorkingDayCalendar>();
        services.AddSingleton<DeadlineCalculator>();
        services.AddSingleton<BegrotingDeadlines>();
        services.AddSingleton<LegalCheck>();
        services.AddSingleton<Governance.Simulation.RouteSimulator>();

        services.AddOptions<GovernanceOptions>().Bind(configuration.GetSection(GovernanceOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        if (WorkflowOptions.ProviderIn(configuration) == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<GovernanceDbContext, PostgresGovernanceDbContext>((sp, o) => o
                .UseNpgsql(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ConnectionString,
                    npgsql => npgsql.MigrationsHistoryTable(GovernanceDbContext.MigrationsHistoryTable)));
        }
        else
        {
            services.AddDbContext<GovernanceDbContext>((sp, o) => o
                .UseGovernanceDatabase(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ConnectionString)
                .AddInterceptors(new SqlitePragmaInterceptor()));
        }

        services.AddSingleton<StoredGovernanceDirectory>();
        // A test or simulation that registered a fixed directory first keeps it.
        services.TryAddSingleton<IGovernanceDirectory>(sp => sp.GetRequiredService<StoredGovernanceDirectory>());
        services.AddScoped<GovernanceStore>();
        services.AddHostedService<GovernanceStartup>();
        // A test that registered its own source first keeps it (the engine takes at most one).
        services.TryAddSingleton<IInstanceAttributeSource, ProposalAttributeSource>();
        return services;
    }
}
