using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Workflows.Outbox;

/// <summary>
/// Delivers outbox messages of one kind (e.g. mail). Throw to have the delivery retried with backoff; return
/// only when the receiving side has accepted the message.
/// </summary>
public interface IOutboxHandler
{
    bool CanHandle(string kind);

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A message as a handler sees it. <see cref="MessageId"/> is the Message-Id stored with it (see
/// <see cref="IOutboxMessageIds"/>); it is empty when the message was written without a maker.
/// </summary>
public sealed record OutboxMessage(string Id, string? InstanceId, string Kind, JsonObject Payload, string MessageId, int Attempt);

/// <summary>Hands written outbox messages to Hangfire; at start-up it re-queues every unsent one.</summary>
public sealed class OutboxDispatcher(IBackgroundJobClient jobs)
{
    public void Dispatch(IEnumerable<string> messageIds)
    {
        foreach (var id in messageIds)
        {
            jobs.Enqueue<OutboxDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        }
    }

    /// <summary>Re-queues every message not yet marked sent (in-memory job storage forgets them on a crash).</summary>
    internal async Task<int> RequeueUnsentAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.Outbox.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync(cancellationToken);
        Dispatch(ids);
        return ids.Count;
    }
}

/// <summary>The Hangfire job that delivers one outbox message and marks it sent only after acceptance.</summary>
internal sealed class OutboxDeliveryJob(WorkflowDbContext db, IEnumerable<IOutboxHandler> handlers, TimeProvider time, ILogger<OutboxDeliveryJob> logger)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1200, 2400, 3600])]
    public async Task DeliverAsync(string messageId, CancellationToken cancellationToken)
    {
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.SentAt is not null)
        {
            return;
        }

        message.Attempts++;
        var handler = handlers.FirstOrDefault(h => h.CanHandle(message.Kind));
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"Geen afhandeling voor berichtsoort '{message.Kind}'.");
            }

            await handler.DeliverAsync(
                new OutboxMessage(message.Id, message.InstanceId, message.Kind, JsonNode.Parse(message.PayloadJson)!.AsObject(), message.MessageId, message.Attempts),
                cancellationToken);
            message.SentAt = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.LastError = ex.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Outbox message {MessageId} not delivered (attempt {Attempt}).", message.Id, message.Attempts);
            throw;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
