using AdviesRoute.Workflows.Outbox;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Mail;

/// <summary>The host's mail: options, the sender (SMTP or pickup folder) and the outbox handler for kind <c>mail</c>.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds mail delivery. With <c>Mail:Smtp:Host</c> set, mail goes out through MailKit; without it, to the pickup
    /// folder (<c>Mail:PickupFolder</c>, relative to the content root), shown to admins on <c>/Mailbox</c>.
    /// Register <see cref="IMailDeliveryObserver"/>s to hear what became of each mail.
    /// </summary>
    public static IServiceCollection AddAdviesRouteMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure(o =>
            {
                // Like the database file: relative to the content root, whatever the working directory is.
                if (!string.IsNullOrWhiteSpace(o.PickupFolder))
                {
                    o.PickupFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupFolder));
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        services.AddSingleton<MailMessageFactory>();
        services.AddSingleton<PickupFolder>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupFolderMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesPickupFolder
            ? sp.GetRequiredService<PickupFolderMailSender>()
            : sp.GetRequiredService<SmtpMailSender>());
        services.AddScoped<IOutboxHandler, MailOutboxHandler>();
        services.AddScoped<SecretariatMail>();
        return services;
    }
}
