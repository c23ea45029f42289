using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Outbox;

namespace AdviesRoute.Host.Links;

internal static class LinksServiceCollectionExtensions
{
    /// <summary>The personal links of request mails: options, tokens, the outbox handler that sends them, the page's resolver and limits.</summary>
    public static IServiceCollection AddRequestLinks(this IServiceCollection services)
    {
        services.AddOptions<RequestLinkOptions>().BindConfiguration(RequestLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LinkTokens>();
        services.AddScoped<LinkResolver>();
        services.AddScoped<ConfidentialDocuments>();
        services.AddScoped<IOutboxHandler, RequestMailHandler>();
        services.AddScoped<IOutboxHandler, NotificationMailHandler>();
        services.AddScoped<RequestDelivery>();
        services.AddQueuedMail<OneTimeCodeMail, OneTimeCodeMailComposer>();
        services.AddQueuedMail<AddressChangedMail, AddressChangedMailComposer>();
        services.AddScoped<DirectRequestMail>();
        services.AddScoped<SeatHandoverJob>();
        services.AddScoped<LinkRevocation>();
        services.AddScoped<AddressChangeJob>();
        services.AddHostedService<SeatHandoverSchedule>();
        services.AddSingleton<IGovernanceModelListener, SeatHandoverOnChange>();
        services.AddLinkRateLimits();
        return services;
    }
}
