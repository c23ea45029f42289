using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Outbox;

namespace AdviesRoute.Host.Mail;

/// <summary>
/// A kind of mail the host puts in the outbox itself, when no step causes it: a record holding what the mail needs,
/// stored in the outbox as JSON (camelCase) under <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// The kind names the record's shape and its version (<c>mail.{name}.v{n}</c>). Rows wait in the outbox until they are
/// delivered, also across an upgrade: a changed shape is a new record with the next version, and the old record and its
/// composer stay as long as rows of it may wait.
/// </remarks>
public interface IQueuedMail
{
    /// <summary>The outbox kind of this record, e.g. <c>mail.code.v1</c>.</summary>
    static abstract string Kind { get; }
}

/// <summary>Says what a queued mail says and to whom, when it is delivered; registered with <see cref="MailServiceCollectionExtensions.AddQueuedMail{TMail, TComposer}"/>.</summary>
public interface IMailComposer<in TMail>
    where TMail : IQueuedMail
{
    /// <returns>The recipients and the content; null when there is nobody to send it to any more (the composer logs why).</returns>
    Task<ComposedMail?> ComposeAsync(TMail mail, CancellationToken cancellationToken);
}

/// <summary>A mail ready to lay out: its recipients (who all see each other) and what it says.</summary>
public sealed record ComposedMail(IReadOnlyList<MailAddress> To, MailContent Content);

/// <summary>Puts the host's own mails in the outbox (<see cref="IOutbox"/>), from where the outbox job delivers them.</summary>
public sealed class MailQueue(IOutbox outbox)
{
    /// <param name="key">Once-only: a second mail with the same kind and key is not queued again (see <see cref="OutboxEntry.Key"/>).</param>
    /// <returns>False when a mail with this key was queued before.</returns>
    public Task<bool> EnqueueAsync<TMail>(TMail mail, string? key, string? instanceId, CancellationToken cancellationToken)
        where TMail : IQueuedMail =>
        outbox.EnqueueAsync(Entry(mail, key, instanceId), cancellationToken);

    /// <summary>Queues several mails in one transaction: all of them or none.</summary>
    /// <returns>The outbox ids of the mails queued (mails whose key was queued before are left out).</returns>
    public Task<IReadOnlyList<string>> EnqueueAsync<TMail>(IEnumerable<(TMail Mail, string? Key)> mails, string? instanceId, CancellationToken cancellationToken)
        where TMail : IQueuedMail =>
        outbox.EnqueueAsync(mails.Select(m => Entry(m.Mail, m.Key, instanceId)).ToList(), cancellationToken);

    /// <summary>The outbox entry of a mail: its kind and the record as JSON.</summary>
    public static OutboxEntry Entry<TMail>(TMail mail, string? key = null, string? instanceId = null)
        where TMail : IQueuedMail =>
        new(TMail.Kind, JsonSerializer.SerializeToNode(mail, JsonSerializerOptions.Web)!.AsObject(), instanceId, key);
}

/// <summary>One registered kind of queued mail: reads its record from the payload and has it composed.</summary>
internal sealed record QueuedMailKind(string Kind, Func<IServiceProvider, JsonObject, CancellationToken, Task<ComposedMail?>> ComposeAsync)
{
    public static QueuedMailKind For<TMail, TComposer>()
        where TMail : IQueuedMail
        where TComposer : IMailComposer<TMail> =>
        new(TMail.Kind, (services, payload, cancellationToken) =>
        {
            TMail mail;
            try
            {
                mail = payload.Deserialize<TMail>(JsonSerializerOptions.Web) ?? throw new InvalidOperationException("leeg");
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
            {
                throw new InvalidOperationException($"De inhoud van het mailbericht ({TMail.Kind}) is onleesbaar: {ex.Message}", ex);
            }

            return services.GetRequiredService<TComposer>().ComposeAsync(mail, cancellationToken);
        });
}

/// <summary>
/// Delivers every kind of queued mail: composes it, lays it out in the one layout, gives it the Message-Id of its outbox
/// message and sends it. A recipient the mail server refuses for good is logged and the message counts as handled.
/// </summary>
internal sealed class QueuedMailHandler(
    IEnumerable<QueuedMailKind> kinds,
    IServiceProvider services,
    MailLayout layout,
    MessageIds messageIds,
    IMailSender sender,
    ILogger<QueuedMailHandler> logger) : IOutboxHandler
{
    private readonly Dictionary<string, QueuedMailKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public bool CanHandle(string kind) => _kinds.ContainsKey(kind);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var composed = await _kinds[message.Kind].ComposeAsync(services, message.Payload, cancellationToken);
        if (composed is null)
        {
            return;
        }

        var mail = layout.Mail(messageIds.For(message), composed.To, composed.Content);
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (MailRecipientRefusedException refusal)
        {
            // A refused address stays refused: retrying for hours would only hide it.
            logger.LogWarning("Mail {MessageId} ({Kind}) refused for {Email}: {Reason}. Not retried.", mail.MessageId, message.Kind, refusal.Email, refusal.Reason);
            return;
        }

        logger.LogInformation("Mail {MessageId} ({Kind}) delivered to {Recipients} (attempt {Attempt}).",
            mail.MessageId, message.Kind, string.Join(", ", mail.To.Select(t => t.Email)), message.Attempt);
    }
}
