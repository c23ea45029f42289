using AdviesRoute.Activities.Calendar;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>A proposal as the overview lists it: where it is, on whom it waits, and its next deadline.</summary>
public sealed record ProposalSummary(
    string Id,
    string Title,
    string? Kind,
    string? Pillar,
    string Status,
    IReadOnlyList<string> CurrentSteps,
    string? WaitingOn,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineText,
    bool Overdue,
    DateTime CreatedAt);

/// <summary>Something the secretariat must do on a proposal, with the moment it is due.</summary>
/// <param name="Path">Where the task is done, when not on the proposal's page (a meeting's convocation).</param>
public sealed record SecretaryTask(string ProposalId, string Title, string Step, string What, DateTimeOffset? Due, string? DueText, bool Overdue, string? Path = null)
{
    public string Href => Path ?? $"/Voorstellen/{Uri.EscapeDataString(ProposalId)}";
}

public static class SecretaryTasks
{
    /// <summary>One list: overdue first, then by the moment they are due.</summary>
    public static IReadOnlyList<SecretaryTask> Merge(params IEnumerable<SecretaryTask>[] lists) =>
        lists.SelectMany(l => l).OrderByDescending(t => t.Overdue).ThenBy(t => t.Due ?? DateTimeOffset.MaxValue).ToList();
}

/// <summary>The filters of the overview.</summary>
public sealed record ProposalFilter(string? Search = null, string? Pillar = null, string? Status = null, string? Body = null);

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, string? NextCursor);

/// <summary>One proposal whole: its summary, the state, the definition, the open requests and the journal.</summary>
public sealed record ProposalDetail(ProposalSummary Summary, InstanceState State, WorkflowDefinitionModel Definition,
    IReadOnlyList<OpenRequest> Requests, IReadOnlyList<JournalEntryRecord> Journal, IReadOnlySet<string> PassedSteps);

/// <summary>
/// Reads proposals for the secretaries' pages. The overview pages by instance id (newest first, keyset), filters
/// title and pillar in SQLite on the stored input, and the body a proposal waits on after reading the page.
/// </summary>
public sealed class ProposalReader(WorkflowDbContext db, IGovernanceDirectory directory, DefinitionModels definitions, TimeProvider time)
{
    public const int PageSize = 25;

    public async Task<ProposalPage> PageAsync(ProposalFilter filter, string? after, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim();
        var pillar = string.IsNullOrWhiteSpace(filter.Pillar) ? null : filter.Pillar;
        // The title and pillar live in the stored input: filtered in the database with its own JSON functions
        // (case-insensitive search on PostgreSQL, as SQLite's LIKE is for ASCII).
        var query = (db.Database.IsNpgsql()
            ? db.Instances.FromSqlInterpolated($"""
                SELECT * FROM "WorkflowInstances"
                WHERE ({search}::text IS NULL OR ("StateJson"::jsonb -> 'input' ->> 'titel') ILIKE '%' || {search}::text || '%')
                  AND ({pillar}::text IS NULL OR ("StateJson"::jsonb -> 'input' ->> 'pijler') = {pillar}::text)
                """)
            : db.Instances.FromSqlInterpolated($"""
                SELECT * FROM WorkflowInstances
                WHERE ({search} IS NULL OR json_extract(StateJson, '$.input.titel') LIKE '%' || {search} || '%')
                  AND ({pillar} IS NULL OR json_extract(StateJson, '$.input.pijler') = {pillar})
                """)).AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(i => i.Status == filter.Status);
        }

        var items = new List<ProposalSummary>();
        string? cursor = after;
        while (items.Count <= PageSize)
        {
            var batch = query;
            if (cursor is not null)
            {
                var from = cursor;
                batch = batch.Where(i => string.Compare(i.Id, from) < 0);
            }

            var rows = await batch.OrderByDescending(i => i.Id).Take(PageSize * 2).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
                if (filter.Body is { Length: > 0 } body && !WaitsOn(state, body))
                {
                    continue;
                }

                items.Add(Summarise(row, state, Definition(row)));
                if (items.Count > PageSize)
                {
                    break;
                }
            }

            if (rows.Count < PageSize * 2 || items.Count > PageSize)
            {
                break;
            }

            cursor = rows[^1].Id;
        }

        var next = items.Count > PageSize ? items[PageSize - 1].Id : null;
        return new ProposalPage(items.Take(PageSize).ToList(), next);
    }

    public async Task<ProposalDetail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
        var definition = Definition(row);
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        var passed = journal.Where(j => j.Kind == "ActivityCompleted" && j.ActivityId is not null).Select(j => j.ActivityId!).ToHashSet();
        return new ProposalDetail(Summarise(row, state, definition), state, definition, OpenRequests.For(state, directory.Current, Today()), journal, passed);
    }

    /// <summary>
    /// What waits on the secretariat (not on members): outcomes of meetings to record, reactions to write, preparation
    /// and follow-up tasks, items without a meeting, incidents; optionally only for a pillar and some bodies.
    /// </summary>
    public async Task<IReadOnlyList<SecretaryTask>> TasksAsync(string? pillar, IReadOnlyCollection<string> bodies, CancellationToken cancellationToken)
    {
        var rows = await db.Instances.AsNoTracking().Where(i => i.Status == "Suspended" || i.Status == "Faulted")
            .OrderByDescending(i => i.Id).Take(2000).ToListAsync(cancellationToken);
        var tasks = new List<SecretaryTask>();
        foreach (var row in rows)
        {
            var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
            if (pillar is { Length: > 0 } && state.Input["pijler"]?.GetValue<string>() != pillar)
            {
                continue;
            }

            var definition = Definition(row);
            var names = definition.Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName ?? a.Id);
            var title = state.Input["titel"]?.GetValue<string>() ?? "(zonder titel)";
            foreach (var (token, bookmark) in state.Waiting())
            {
                var what = bookmark.Name switch
                {
                    "Voorbereiding" => "Voorbereiding afronden",
                    "Vergadering" => "Uitkomst van de vergadering vastleggen",
                    "Reactie" => $"Reactie op de zienswijze van {bookmark.Payload?["naam"]} schrijven",
                    "Nazorg" => $"Nazorg: {bookmark.Payload?["taak"]}",
                    "GeenVergadering" => "Geen vergadering meer op de kalender: kalender aanvullen en opnieuw agenderen",
                    _ => null,
                };
                var body = (bookmark.Payload?["orgaan"] ?? bookmark.Payload?["groep"])?.GetValue<string>();
                if (what is null || (bodies.Count > 0 && (body is null || !bodies.Contains(body))))
                {
                    continue;
                }

                // The moment that matters: the step's own timer (e.g. recording the outcome), else the text it carries.
                var due = token.Bookmarks.Where(b => b.DueAt is not null && b.Name != "Herinnering").Select(b => b.DueAt).Min();
                var text = bookmark.Payload?["uiterlijk"] switch
                {
                    JsonValue v => v.GetValue<string>(),
                    JsonObject o => o["tekst"]?.GetValue<string>(),
                    _ => due is { } d ? "uiterlijk " + Format(d) : null,
                };
                tasks.Add(new SecretaryTask(row.Id, title, names.GetValueOrDefault(token.ActivityId, token.ActivityId), what, due, text, due < time.GetUtcNow()));
            }

            foreach (var incident in state.Incidents)
            {
                tasks.Add(new SecretaryTask(row.Id, title, names.GetValueOrDefault(incident.ActivityId, incident.ActivityId), $"Storing oplossen: {incident.Message}", null, null, true));
            }
        }

        return tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.Due ?? DateTimeOffset.MaxValue).ToList();
    }

    private DateOnly Today() => DutchTime.Today(time.GetUtcNow());

    private static bool WaitsOn(InstanceState state, string body) =>
        state.Waiting().Any(w => (w.Bookmark.Payload?["orgaan"] ?? w.Bookmark.Payload?["groep"])?.GetValue<string>() is { } id
            && (id == body || (body == "raden" && id.StartsWith("raad-", StringComparison.Ordinal)) || (body == "colleges" && id.StartsWith("college-", StringComparison.Ordinal))));

    private WorkflowDefinitionModel Definition(WorkflowInstanceRecord row) => definitions.Get(db, row.DefinitionRecordId);

    private ProposalSummary Summarise(WorkflowInstanceRecord row, InstanceState state, WorkflowDefinitionModel definition)
    {
        var names = definition.Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName ?? a.Id);
        var steps = state.Tokens.Select(t => names.GetValueOrDefault(t.ActivityId, t.ActivityId)).Distinct().ToList();
        var deadline = state.Waiting().Where(w => w.Bookmark.DueAt is not null && w.Bookmark.Name != "Herinnering")
            .OrderBy(w => w.Bookmark.DueAt).Select(w => w.Bookmark).FirstOrDefault();
        var deadlineText = deadline?.Payload?["uiterlijk"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonObject o => o["tekst"]?.GetValue<string>(),
            _ => null,
        };
        if (deadline is not null && deadline.Name == "NietBehandeld")
        {
            deadlineText = "uitkomst vastleggen " + Format(deadline.DueAt!.Value);
        }

        var requests = row.Status == nameof(WorkflowStatus.Suspended) ? OpenRequests.For(state, directory.Current, Today()) : [];
        var waitingOn = requests.Count switch
        {
            0 => null,
            1 => requests[0].AskedOf,
            _ => requests.Select(r => r.AskedOf).Distinct().Count() == 1 ? requests[0].AskedOf : $"{requests.Count(r => r.Choice is null)} van {requests.Count} nog open",
        };
        var overdue = state.Variables.TryGetValue("achterstallig", out var late) && late is not null
            || (deadline?.DueAt is { } due && due < time.GetUtcNow());
        return new ProposalSummary(row.Id, state.Input["titel"]?.GetValue<string>() ?? "(zonder titel)", state.Input["soort"]?.GetValue<string>(),
            state.Input["pijler"]?.GetValue<string>(), row.Status, steps, waitingOn, deadline?.DueAt, deadlineText, overdue, row.CreatedAt);
    }

    public static string FormatDay(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    public static string Format(DateTimeOffset moment) =>
        DutchTime.Local(moment).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"));
}
