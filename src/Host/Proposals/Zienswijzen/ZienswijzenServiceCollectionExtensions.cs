using AdviesRoute.Workflows.Outbox;

namespace AdviesRoute.Host.Proposals.Zienswijzen;

/// <summary>The zienswijzen around a begroting: the reactions' mails with the nota, and what a council sees on its link.</summary>
public static class ZienswijzenServiceCollectionExtensions
{
    public static IServiceCollection AddZienswijzen(this IServiceCollection services)
    {
        services.AddScoped<IOutboxHandler, ZienswijzenReactiesMailHandler>();
        services.AddScoped<SubmittedZienswijze>();
        services.AddScoped<AgendaZienswijzen>();
        return services;
    }
}
