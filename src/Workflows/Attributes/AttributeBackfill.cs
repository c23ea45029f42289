using System.Text.Json;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdviesRoute.Workflows.Attributes;

/// <summary>
/// At start-up, brings the stored attributes in line with the registered <see cref="IInstanceAttributeSource"/>: when
/// its <see cref="IInstanceAttributeSource.Version"/> is not the one the rows were computed with (or none were, as on
/// a database of an earlier release), every instance's attributes are computed again from its state and whole
/// journal, in batches, each batch in one transaction with the state that records them.
/// </summary>
/// <remarks>
/// A batch checks each instance's revision like a burst does, so a burst of another host in between makes the batch
/// read again instead of overwriting it. Without a source, rows an earlier source wrote are removed: nothing would keep
/// them current.
/// </remarks>
internal sealed class AttributeBackfill(AttributeProjector projector, ILogger<AttributeBackfill> logger)
{
    public const string VersionKey = "attributes.version";

    public const int BatchSize = 200;

    private const int MaxAttempts = 20;

    /// <returns>How many instances were recomputed.</returns>
    public async Task<int> RunAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Metadata.AsNoTracking().Where(m => m.Key == VersionKey).Select(m => m.Value).FirstOrDefaultAsync(cancellationToken);
        if (projector.Source is not { } source)
        {
            if (stored is not null)
            {
                await db.InstanceAttributes.ExecuteDeleteAsync(cancellationToken);
                await db.Metadata.Where(m => m.Key == VersionKey).ExecuteDeleteAsync(cancellationToken);
                logger.LogInformation("No attribute source is registered: the stored attributes (version {Version}) were removed.", stored);
            }

            return 0;
        }

        if (stored == source.Version)
        {
            return 0;
        }

        logger.LogInformation("Computing the attributes of every instance (version {Version}, stored {Stored}).", source.Version, stored ?? "none");
        var count = 0;
        string? after = null;
        while (true)
        {
            var from = after;
            var ids = await db.Instances.AsNoTracking()
                .Where(i => from == null || string.Compare(i.Id, from) > 0)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            await RecomputeAsync(db, ids, cancellationToken);
            count += ids.Count;
            after = ids[^1];
        }

        await StoreVersionAsync(db, source.Version, cancellationToken);
        logger.LogInformation("Attributes computed for {Count} instances.", count);
        return count;
    }

    private async Task RecomputeAsync(WorkflowDbContext db, List<string> ids, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await db.Instances.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
            var journals = (await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId)).ToListAsync(cancellationToken))
                .GroupBy(j => j.InstanceId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<JournalEntry>)g.OrderBy(j => j.Sequence).Select(JournalEntries.Of).ToList(), StringComparer.Ordinal);
            await db.InstanceAttributes.Where(a => ids.Contains(a.InstanceId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var row in rows)
            {
                var state = InstanceRows.State(row.StateJson);
                var view = InstanceView.Of(InstanceRows.Summary(row), state, []);
                var set = projector.Compute(new InstanceAttributeContext(view, journals.GetValueOrDefault(row.Id) ?? [], [], isRecomputation: true));
                state.Attributes = AttributeProjector.ToStored(set);
                row.StateJson = JsonSerializer.Serialize(state, WorkflowJson.Options);
                row.Revision++;
                foreach (var (name, values) in set)
                {
                    foreach (var value in values)
                    {
                        db.InstanceAttributes.Add(new InstanceAttributeRecord { InstanceId = row.Id, Name = name, Value = value, Folded = AttributeText.Fold(value) });
                    }
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A burst (of another host) changed one of them meanwhile: read the batch again.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private static async Task StoreVersionAsync(WorkflowDbContext db, string version, CancellationToken cancellationToken)
    {
        var marker = await db.Metadata.FirstOrDefaultAsync(m => m.Key == VersionKey, cancellationToken);
        if (marker is null)
        {
            db.Metadata.Add(new EngineMetadataRecord { Key = VersionKey, Value = version });
        }
        else
        {
            marker.Value = version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host stored it at the same moment, after the same recomputation.
            db.ChangeTracker.Clear();
        }
    }
}
