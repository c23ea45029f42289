using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Expressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Tests.Support;

/// <summary>The activity library's services without a running engine: registry, expressions, deadlines, simulation.</summary>
public static class ActivityServices
{
    public static ServiceProvider Build(GovernanceSnapshot? snapshot = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGovernanceDirectory>(sp => new FixedGovernanceDirectory(snapshot ?? Demo(sp.GetRequiredService<DeadlineCalculator>())));
        services.AddActivities(new ConfigurationBuilder().Build());
        services.AddSingleton(sp => new ActivityRegistry(sp, [ActivityLibrary.Assembly, typeof(Activity).Assembly]));
        services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));
        return services.BuildServiceProvider();
    }

    /// <summary>The demo model and jaarkalender; <paramref name="calendarJson"/> replaces the calendar (e.g. with a meeting removed).</summary>
    public static GovernanceSnapshot Demo(DeadlineCalculator deadlines, string? calendarJson = null)
    {
        var model = GovernanceSeed.Parse(DemoGovernance.Json());
        return new GovernanceSnapshot(model, JaarkalenderSeed.Parse(calendarJson ?? JaarkalenderSeed.DemoJson(), model, deadlines));
    }

    public static DeadlineCalculator Deadlines() =>
        new(new WorkingDayCalendar(Options.Create(new WorkingDayOptions())));
}
