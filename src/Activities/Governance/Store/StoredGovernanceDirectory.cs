using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>
/// The stored governance data as the activities read it: a cached snapshot, loaded on first use and replaced at once
/// after a change in this process. A change by another host on the same database is seen within
/// <see cref="CheckInterval"/>: at most that often a read asks for the newest version numbers (one index lookup)
/// and loads the documents again only when they differ.
/// </summary>
public sealed class StoredGovernanceDirectory(IServiceScopeFactory scopes, DeadlineCalculator deadlines, TimeProvider time) : IGovernanceDirectory
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    internal static readonly GovernanceModel EmptyModel = new([], [], []);
    internal static readonly Jaarkalender EmptyCalendar = new([], []);

    private readonly Lock _gate = new();
    private volatile Entry? _entry;

    /// <summary>
    /// The current model and jaarkalender with their version numbers; versions 0 and empty documents while nothing
    /// is stored (before the first start finished, or with <c>Governance:SeedDemo</c> off and nothing loaded yet).
    /// </summary>
    public GovernanceSnapshot Current
    {
        get
        {
            var entry = _entry;
            if (entry is not null && !IsDue(entry))
            {
                return entry.Snapshot;
            }

            lock (_gate)
            {
                entry = _entry;
                if (entry is not null && !IsDue(entry))
                {
                    return entry.Snapshot;
                }

                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
                var snapshot = entry?.Snapshot;
                if (snapshot is null || StoredVersions(db) != (snapshot.ModelVersion, snapshot.CalendarVersion))
                {
                    snapshot = Load(db);
                }

                _entry = new Entry(snapshot, time.GetTimestamp());
                return snapshot;
            }
        }
    }

    /// <summary>Takes the snapshot a change in this process just committed, unless a newer one is already held.</summary>
    internal void Publish(GovernanceSnapshot snapshot)
    {
        lock (_gate)
        {
            var held = _entry?.Snapshot;
            if (held is null || (snapshot.ModelVersion >= held.ModelVersion && snapshot.CalendarVersion >= held.CalendarVersion))
            {
                _entry = new Entry(snapshot, time.GetTimestamp());
            }
            else
            {
                _entry = null; // two changes crossed: read both from the database on the next access
            }
        }
    }

    private bool IsDue(Entry entry) => time.GetElapsedTime(entry.CheckedAt) >= CheckInterval;

    private static (long Model, long Calendar) StoredVersions(GovernanceDbContext db)
    {
        var newest = db.Versions.AsNoTracking()
            .GroupBy(v => v.Kind)
            .Select(g => new { Kind = g.Key, Version = g.Max(v => v.Version) })
            .ToList();
        return (newest.FirstOrDefault(v => v.Kind == GovernanceKinds.Bestuur)?.Version ?? 0,
            newest.FirstOrDefault(v => v.Kind == GovernanceKinds.Jaarkalender)?.Version ?? 0);
    }

    private GovernanceSnapshot Load(GovernanceDbContext db)
    {
        GovernanceVersionRecord? Newest(string kind) => db.Versions.AsNoTracking()
            .Where(v => v.Kind == kind).OrderByDescending(v => v.Version).FirstOrDefault();
        var modelRow = Newest(GovernanceKinds.Bestuur);
        var calendarRow = Newest(GovernanceKinds.Jaarkalender);
        var model = modelRow is null ? EmptyModel : GovernanceSeed.Parse(modelRow.Json);
        var calendar = calendarRow is null ? EmptyCalendar : JaarkalenderSeed.Parse(calendarRow.Json, model, deadlines);
        return new GovernanceSnapshot(model, calendar, modelRow?.Version ?? 0, calendarRow?.Version ?? 0);
    }

    private sealed record Entry(GovernanceSnapshot Snapshot, long CheckedAt);
}
