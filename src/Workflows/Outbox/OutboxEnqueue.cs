using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Outbox;

/// <summary>
/// A message to put in the outbox when no step causes it.
/// </summary>
/// <param name="Kind">Which <see cref="IOutboxHandler"/> delivers it.</param>
/// <param name="Payload">What the handler needs, as JSON.</param>
/// <param name="InstanceId">The instance the message concerns, if any.</param>
/// <param name="Key">
/// Makes the message once-only: a second entry with the same kind and key is not written again (whether the first was
/// delivered or not). Give one when a job or a retry may ask for the same message twice, e.g. a digest per week and
/// person; leave it null for a message that is new each time it is asked for.
/// </param>
public sealed record OutboxEntry(string Kind, JsonObject Payload, string? InstanceId = null, string? Key = null);

/// <summary>
/// The one way into the outbox outside a step (a code asked for on a page, a job's digest, a resend by a secretary). The
/// entries are written in one transaction and then delivered exactly like the messages a step writes: at least once,
/// retried with backoff, re-queued at start-up and by the sweeper when their job was lost.
/// </summary>
/// <remarks>
/// Write whatever the message is about first and enqueue after: a crash in between then loses a message about something
/// stored, never sends one about something that is not.
/// </remarks>
public interface IOutbox
{
    /// <returns>The ids of the messages written; an entry whose key was written before is left out.</returns>
    Task<IReadOnlyList<string>> EnqueueAsync(IReadOnlyCollection<OutboxEntry> entries, CancellationToken cancellationToken);
}

/// <summary>
/// Makes the Message-Id an outbox message is written with (the engine knows no mail domain). The host registers one;
/// without it the engine stores an empty Message-Id and the delivering side makes one from the message's id.
/// </summary>
public interface IOutboxMessageIds
{
    /// <summary>The Message-Id, with angle brackets, of the outbox message with this id; the same id gives the same Message-Id.</summary>
    string For(string outboxMessageId);
}

public static class OutboxExtensions
{
    /// <summary>Puts one message in the outbox; false when its key was written before.</summary>
    public static async Task<bool> EnqueueAsync(this IOutbox outbox, OutboxEntry entry, CancellationToken cancellationToken) =>
        (await outbox.EnqueueAsync([entry], cancellationToken)).Count == 1;
}

/// <summary>
/// Writes outbox entries through a DbContext of its own (so nothing else the caller's scope tracks is saved with them),
/// in one SaveChanges and so one transaction, then hands them to Hangfire.
/// </summary>
internal sealed class OutboxWriter(IServiceScopeFactory scopes, OutboxDispatcher dispatcher, TimeProvider time, IServiceProvider services) : IOutbox
{
    public async Task<IReadOnlyList<string>> EnqueueAsync(IReadOnlyCollection<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.Kind);
            ArgumentNullException.ThrowIfNull(entry.Payload);
        }

        var rows = entries.Select(e => (Entry: e, Id: e.Key is null ? Guid.NewGuid().ToString("N") : KeyedId(e.Kind, e.Key)))
            .DistinctBy(r => r.Id).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var messageIds = services.GetService<IOutboxMessageIds>();
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var keyed = rows.Where(r => r.Entry.Key is not null).Select(r => r.Id).ToList();
            var existing = keyed.Count == 0
                ? []
                : (await db.Outbox.AsNoTracking().Where(m => keyed.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
            var fresh = rows.Where(r => !existing.Contains(r.Id)).ToList();
            if (fresh.Count == 0)
            {
                return [];
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.Outbox.AddRange(fresh.Select(r => new OutboxMessageRecord
            {
                Id = r.Id,
                InstanceId = r.Entry.InstanceId,
                Kind = r.Entry.Kind,
                PayloadJson = r.Entry.Payload.ToJsonString(),
                MessageId = messageIds?.For(r.Id) ?? "",
                CreatedAt = now,
            }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1 && keyed.Count > 0)
            {
                // Another host or request wrote one of these keys meanwhile: look again which are still new.
                continue;
            }

            var written = fresh.Select(r => r.Id).ToList();
            dispatcher.Dispatch(written);
            return written;
        }
    }

    /// <summary>The same kind and key give the same id (32 hex digits, like a Guid's), so the primary key keeps it once-only.</summary>
    internal static string KeyedId(string kind, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key)))[..32];
}
