using AdviesRoute.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Queries;

/// <summary>Filters for listing instances; all optional.</summary>
internal sealed record InstanceFilter(string? Status = null, string? DefinitionId = null);

/// <summary>One row of the instance list.</summary>
internal sealed record InstanceListItem(string Id, string DefinitionId, int DefinitionVersion, string Status, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt);

/// <summary>A page of instances; <see cref="NextCursor"/> is null on the last page.</summary>
internal sealed record InstancePage(IReadOnlyList<InstanceListItem> Items, string? NextCursor);

/// <summary>
/// Lists instances newest first with keyset paging (a status filter reads along the key and skips the others;
/// faulted instances have their own index). Instance ids (InstanceIds) sort by creation
/// time, so the primary key orders the list and the cursor is the last id: a page costs the same at 1,000 or
/// 100,000 instances (no OFFSET, no COUNT).
/// </summary>
/// <remarks><see cref="IWorkflowReader"/> lists the same way, with typed statuses and attribute filters; its cursors are interchangeable with these.</remarks>
internal static class InstanceList
{
    public const int MaxPageSize = 200;

    /// <exception cref="FormatException">The cursor is not one this API gave out.</exception>
    public static async Task<InstancePage> PageAsync(WorkflowDbContext db, InstanceFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Instances.AsNoTracking();
        if (filter.Status == nameof(Runtime.WorkflowStatus.Faulted))
        {
            // Written as a constant so SQLite can use the partial index on faulted instances.
            query = query.Where(i => i.Status == "Faulted");
        }
        else if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(i => i.Status == filter.Status);
        }

        if (!string.IsNullOrEmpty(filter.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (cursor is not null)
        {
            var id = Decode(cursor);
            query = query.Where(i => string.Compare(i.Id, id) < 0);
        }

        var rows = await query
            .OrderByDescending(i => i.Id)
            .Take(pageSize + 1)
            .Select(i => new InstanceListItem(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? Encode(rows[pageSize - 1]) : null;
        return new InstancePage(rows.Take(pageSize).ToList(), next);
    }

    private static string Encode(InstanceListItem last) => InstanceCursor.Encode(last.Id);

    private static string Decode(string cursor) => InstanceCursor.Decode(cursor);
}
