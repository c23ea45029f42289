using AdviesRoute.Activities.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>Adds what the governance activities need: for now the working-day calendar of the Atw and the deadline rules.</summary>
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
        services.AddSingleton<Governance.Calendar.LegalCheck>();
        return services;
    }
}
