using AdviesRoute.Workflows.Outbox;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// The host's mail: options, the sender (SMTP or pickup folder), the one layout, the one Message-Id maker, and the
/// queue through which every mail goes out via the outbox.
/// </summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds mail delivery. With <c>Mail:Smtp:Host</c> set, mail goes out through MailKit; without it, to the pickup
    /// folder (<c>Mail:PickupFolder</c>, relative to the content root), shown to admins on <c>/Mailbox</c>. Every mail
    /// goes through the outbox: written by a step in its transaction, or put there with <see cref="MailQueue"/>.
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

        // The engine asks the host for the Message-Id of every outbox message it writes.
        services.AddSingleton<MessageIds>();
        services.AddSingleton<IOutboxMessageIds>(sp => sp.GetRequiredService<MessageIds>());
        services.AddSingleton<MailLayout>();
        services.AddSingleton<MailQueue>();
        services.AddScoped<IOutboxHandler, QueuedMailHandler>();
        services.AddQueuedMail<SecretariatNotice, SecretariatNoticeComposer>();
        return services;
    }

    /// <summary>
    /// Registers a kind of mail the host queues itself: its record (stored in the outbox under
    /// <see cref="IQueuedMail.Kind"/>) and the composer that says what it says when it is delivered.
    /// </summary>
    public static IServiceCollection AddQueuedMail<TMail, TComposer>(this IServiceCollection services)
        where TMail : IQueuedMail
        where TComposer : class, IMailComposer<TMail>
    {
        services.AddScoped<TComposer>();
        services.AddSingleton(QueuedMailKind.For<TMail, TComposer>());
        return services;
    }
}
