using System.Linq.Expressions;
using System.Text.Json.Nodes;
using System.Runtime.CompilerServices;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// <see cref="IWorkflowReader"/> on the engine's tables with EF Core (no tracking). Filters are LINQ the provider
/// translates, so the same query runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class WorkflowReader(WorkflowDbContext db, DefinitionModelCache definitions, AttributeProjector attributes) : IWorkflowReader
{
    /// <summary>Ids per <c>IN (…)</c>: well inside what either database takes as parameters.</summary>
    private const int IdChunk = 500;

    /// <summary>Rows per read of <see cref="StreamInstancesAsync"/>.</summary>
    private const int StreamPage = 200;

    private bool WithAttributes => attributes.Source is not null;

    public async Task<InstanceView?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row is null ? null : InstanceRows.View(row, WithAttributes);
    }

    public async Task<IReadOnlyList<InstanceView>> GetInstancesAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, InstanceView>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdChunk))
        {
            var rows = await db.Instances.AsNoTracking().Where(i => chunk.Contains(i.Id)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.Id] = InstanceRows.View(row, WithAttributes);
            }
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<InstancesPage<InstanceView>> PageInstancesAsync(InstanceQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, IWorkflowReader.MaxPageSize);
        var rows = await Filtered(query, cursor is null ? null : InstanceCursor.Decode(cursor))
            .OrderByDescending(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? InstanceCursor.Encode(rows[size - 1].Id) : null;
        return new InstancesPage<InstanceView>(rows.Take(size).Select(r => InstanceRows.View(r, WithAttributes)).ToList(), next);
    }

    public async Task<InstancesPage<InstanceSummary>> PageSummariesAsync(InstanceQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, IWorkflowReader.MaxPageSize);
        var rows = await Filtered(query, cursor is null ? null : InstanceCursor.Decode(cursor))
            .OrderByDescending(i => i.Id).Take(size + 1)
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion, i.DefinitionRecordId, i.Status, i.CreatedAt, i.UpdatedAt, i.FinishedAt })
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? InstanceCursor.Encode(rows[size - 1].Id) : null;
        return new InstancesPage<InstanceSummary>(rows.Take(size).Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.DefinitionRecordId,
            Enum.Parse<WorkflowStatus>(i.Status), StoredTime.Utc(i.CreatedAt), StoredTime.Utc(i.UpdatedAt), StoredTime.Utc(i.FinishedAt))).ToList(), next);
    }

    public async IAsyncEnumerable<InstanceView> StreamInstancesAsync(InstanceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            // Each page is read whole before it is handed out, so no reader stays open while the caller works.
            var rows = await Filtered(query, after).OrderByDescending(i => i.Id).Take(StreamPage).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                yield return InstanceRows.View(row, WithAttributes);
            }

            if (rows.Count < StreamPage)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var rows = await OfKinds(db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId), kinds)
            .OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        return rows.Select(JournalEntries.Of).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalsAsync(IEnumerable<string> instanceIds, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var entries = new List<JournalEntry>();
        foreach (var chunk in instanceIds.Distinct(StringComparer.Ordinal).Chunk(IdChunk))
        {
            var rows = await OfKinds(db.Journal.AsNoTracking().Where(j => chunk.Contains(j.InstanceId)), kinds).ToListAsync(cancellationToken);
            entries.AddRange(rows.Select(JournalEntries.Of));
        }

        return entries.OrderBy(e => e.InstanceId, StringComparer.Ordinal).ThenBy(e => e.Sequence).ToList();
    }

    public async Task<IReadOnlyList<JournalMark>> GetJournalMarksAsync(IEnumerable<string> instanceIds, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        ArgumentNullException.ThrowIfNull(kinds);
        var list = kinds.Distinct(StringComparer.Ordinal).ToList();
        var marks = new List<JournalMark>();
        foreach (var chunk in instanceIds.Distinct(StringComparer.Ordinal).Chunk(IdChunk))
        {
            // Only the columns of the index IX_Journal_Kind (kind, instance, sequence, moment, activity): a covering read.
            var rows = await db.Journal.AsNoTracking().Where(j => list.Contains(j.Kind) && chunk.Contains(j.InstanceId))
                .Select(j => new { j.InstanceId, j.Sequence, j.At, j.Kind, j.ActivityId }).ToListAsync(cancellationToken);
            marks.AddRange(rows.Select(r => new JournalMark(r.InstanceId, r.Sequence, StoredTime.Utc(r.At), r.Kind, r.ActivityId)));
        }

        return marks.OrderBy(m => m.InstanceId, StringComparer.Ordinal).ThenBy(m => m.Sequence).ToList();
    }

    public async Task<string> GetChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        var mark = await db.Instances.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Revisions = g.Sum(i => i.Revision) }).FirstOrDefaultAsync(cancellationToken);
        return mark is null ? "0:0" : $"{mark.Count}:{mark.Revisions}";
    }

    public async Task<IReadOnlyList<IncidentView>> GetIncidentsAsync(string instanceId, bool includeResolved = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var query = db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId);
        if (!includeResolved)
        {
            query = query.Where(i => i.ResolvedAt == null);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new IncidentView(i.Id, i.InstanceId, i.TokenId, i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, StoredTime.Utc(i.At), StoredTime.Utc(i.ResolvedAt)))
            .ToList();
    }

    public async Task<OutboxBacklog> GetOutboxBacklogAsync(int oldest, CancellationToken cancellationToken = default)
    {
        var waiting = db.Outbox.AsNoTracking().Where(m => m.SentAt == null);
        var count = await waiting.CountAsync(cancellationToken);
        var failing = await waiting.CountAsync(m => m.LastError != null, cancellationToken);
        var rows = await waiting.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(Math.Clamp(oldest, 0, IWorkflowReader.MaxPageSize))
            .Select(m => new { m.Id, m.InstanceId, m.Kind, m.CreatedAt, m.Attempts, m.LastError })
            .ToListAsync(cancellationToken);
        return new OutboxBacklog(count, failing,
            rows.Select(m => new OutboxWaiting(m.Id, m.InstanceId, m.Kind, StoredTime.Utc(m.CreatedAt), m.Attempts, m.LastError)).ToList());
    }

    public async Task<IReadOnlyList<SentMessage>> GetMessagesOfInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Outbox.AsNoTracking().Where(m => m.InstanceId == instanceId)
            .Select(m => new { m.Id, m.Kind, m.PayloadJson, m.MessageId, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);
        var messages = new List<SentMessage>(rows.Count);
        foreach (var m in rows.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            JsonObject? payload;
            try
            {
                payload = System.Text.Json.Nodes.JsonNode.Parse(m.PayloadJson) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                payload = null;
            }

            if (payload is not null)
            {
                messages.Add(new SentMessage(m.Id, m.Kind, payload, m.MessageId, StoredTime.Utc(m.CreatedAt), StoredTime.Utc(m.SentAt)));
            }
        }

        return messages;
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(DefinitionListing listing = DefinitionListing.Latest, CancellationToken cancellationToken = default)
    {
        var versions = db.Definitions.AsNoTracking();
        var query = listing == DefinitionListing.LatestPublished
            ? versions.Where(d => d.IsPublished && !versions.Any(o => o.DefinitionId == d.DefinitionId && o.IsPublished && o.Version > d.Version))
            : versions.Where(d => !versions.Any(o => o.DefinitionId == d.DefinitionId && o.Version > d.Version));
        var rows = await Summaries(query).ToListAsync(cancellationToken);
        return rows.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return await Summaries(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<StoredDefinition?> GetDefinitionAsync(DefinitionRef definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var query = db.Definitions.AsNoTracking();
        if (definition.VersionId is { } versionId)
        {
            query = query.Where(d => d.Id == versionId);
        }
        else
        {
            var definitionId = definition.DefinitionId!;
            query = query.Where(d => d.DefinitionId == definitionId);
            if (definition.Number is { } number)
            {
                query = query.Where(d => d.Version == number);
            }
            else if (definition.PublishedOnly)
            {
                query = query.Where(d => d.IsPublished);
            }
        }

        var summary = await Summaries(query.OrderByDescending(d => d.Version)).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var (json, model) = await ContentAsync(summary.VersionId, cancellationToken) ?? throw new InvalidOperationException($"Definition version {summary.VersionId} disappeared.");
        return new StoredDefinition(summary, json, model);
    }

    public async Task<WorkflowDefinitionModel?> GetDefinitionModelAsync(string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        return (await ContentAsync(versionId, cancellationToken))?.Model;
    }

    private async Task<(string Json, WorkflowDefinitionModel Model)?> ContentAsync(string versionId, CancellationToken cancellationToken)
    {
        if (definitions.TryGet(versionId, out var cached))
        {
            return cached;
        }

        var json = await db.Definitions.AsNoTracking().Where(d => d.Id == versionId).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : definitions.Add(versionId, json);
    }

    private static IQueryable<DefinitionSummary> Summaries(IQueryable<WorkflowDefinitionRecord> query) =>
        query.Select(d => new DefinitionSummary(d.Id, d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.IsLatest,
            StoredTime.Utc(d.CreatedAt), d.CreatedBy, d.Source));

    private static IQueryable<JournalEntryRecord> OfKinds(IQueryable<JournalEntryRecord> query, IReadOnlyCollection<string>? kinds)
    {
        if (kinds is null)
        {
            return query;
        }

        var list = kinds.Distinct(StringComparer.Ordinal).ToList();
        return query.Where(j => list.Contains(j.Kind));
    }

    /// <summary>The instances that match, after the id <paramref name="after"/> in the list's (descending) order.</summary>
    private IQueryable<WorkflowInstanceRecord> Filtered(InstanceQuery query, string? after)
    {
        ArgumentNullException.ThrowIfNull(query);
        var instances = db.Instances.AsNoTracking();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            instances = instances.Where(StatusIn(statuses));
        }

        if (query.DefinitionId is { } definitionId)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        foreach (var filter in query.Attributes)
        {
            var matching = Matching(filter);
            instances = instances.Where(i => matching.Contains(i.Id));
        }

        if (after is not null)
        {
            instances = instances.Where(i => string.Compare(i.Id, after) < 0);
        }

        return instances;
    }

    /// <summary>
    /// <c>Status = 'A' OR Status = 'B'</c> with the statuses as constants (not parameters), so SQLite can use the partial
    /// index on faulted instances.
    /// </summary>
    private static Expression<Func<WorkflowInstanceRecord, bool>> StatusIn(IEnumerable<WorkflowStatus> statuses)
    {
        var instance = Expression.Parameter(typeof(WorkflowInstanceRecord), "i");
        var status = Expression.Property(instance, nameof(WorkflowInstanceRecord.Status));
        Expression? any = null;
        foreach (var value in statuses.Distinct())
        {
            var equal = Expression.Equal(status, Expression.Constant(value.ToString()));
            any = any is null ? equal : Expression.OrElse(any, equal);
        }

        return Expression.Lambda<Func<WorkflowInstanceRecord, bool>>(any!, instance);
    }

    /// <summary>The ids of the instances with a value of the filter's attribute that matches.</summary>
    private IQueryable<string> Matching(AttributeFilter filter)
    {
        var name = filter.Name.Name;
        var rows = db.InstanceAttributes.AsNoTracking().Where(a => a.Name == name);
        switch (filter.Match)
        {
            case AttributeMatch.Is:
                var value = AttributeText.Stored(filter.Values[0]);
                rows = rows.Where(a => a.Value == value);
                break;
            case AttributeMatch.IsAnyOf:
                var values = filter.Values.Select(AttributeText.Stored).ToList();
                rows = rows.Where(a => values.Contains(a.Value));
                break;
            case AttributeMatch.StartsWith:
                var prefix = AttributeText.Fold(filter.Values[0]);
                if (prefix.Length > 0)
                {
                    // A range on the (Name, Folded) index rather than LIKE, which SQLite only runs on an index with a
                    // case-insensitive collation.
                    rows = AttributeText.PrefixEnd(prefix) is { } end
                        ? rows.Where(a => string.Compare(a.Folded, prefix) >= 0 && string.Compare(a.Folded, end) < 0)
                        : rows.Where(a => a.Folded.StartsWith(prefix));
                }

                break;
            case AttributeMatch.Contains:
                var text = AttributeText.Fold(filter.Values[0]);
                if (text.Length > 0)
                {
                    rows = rows.Where(a => a.Folded.Contains(text));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter.Match, "Unknown attribute match.");
        }

        return rows.Select(a => a.InstanceId);
    }
}
