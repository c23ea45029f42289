using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>The public portal: its settings, what records publications, and the read service others code against.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PortalOptions"/> (section <c>Portal</c>, validated at start-up), <see cref="PortalPublisher"/> and the
    /// scoped <see cref="IPublicCatalog"/>.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddScoped<PortalPublisher>();
        services.AddScoped<IPublicCatalog, PublicCatalog>();
        return services;
    }
}
