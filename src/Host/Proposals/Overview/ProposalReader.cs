using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Proposals;

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
    DateTimeOffset CreatedAt);

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

/// <summary>
/// One proposal whole: its summary, the instance as the engine stored it, the definition, the open requests, the journal,
/// and the journal as the timeline's lines in words.
/// </summary>
public sealed record ProposalDetail(ProposalSummary Summary, InstanceView Instance, WorkflowDefinitionModel Definition,
    IReadOnlyList<OpenRequest> Requests, IReadOnlyList<JournalEntry> Journal, IReadOnlySet<string> PassedSteps, IReadOnlyList<TimelineLine> Timeline);

/// <summary>
/// Reads proposals for the secretaries' pages through the engine's read API. The overview pages by instance id (newest
/// first, keyset) and filters in the database on the proposal's attributes: title, pillar, status and the body it
/// waits on now.
/// </summary>
public sealed class ProposalReader(IWorkflowReader workflows, IGovernanceDirectory directory, AdviesRoute.Workflows.Activities.ActivityRegistry registry, TimeProvider time,
    Data.HostDbContext host)
{
    public const int PageSize = 25;

    /// <summary>The body filter that stands for every council.</summary>
    public const string Councils = "raden";

    /// <summary>The body filter that stands for every college of B en W.</summary>
    public const string Colleges = "colleges";

    /// <summary>The open proposals the secretaries' task list looks at, newest first: a bound on the work of one request.</summary>
    public const int MaxTaskProposals = 2000;

    /// <param name="after">The <see cref="ProposalPage.NextCursor"/> of the page before; null for the first page.</param>
    /// <exception cref="FormatException">The cursor is not one this reader gave out.</exception>
    public async Task<ProposalPage> PageAsync(ProposalFilter filter, string? after, CancellationToken cancellationToken)
    {
        var attributes = new List<AttributeFilter>();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            attributes.Add(ProposalAttributes.Title.Contains(filter.Search.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Pillar))
        {
            attributes.Add(ProposalAttributes.Pillar.Is(filter.Pillar));
        }

        if (filter.Body is { Length: > 0 } body)
        {
            // "raden" and "colleges" stand for every council or every college together.
            attributes.Add(body switch
            {
                Councils => ProposalAttributes.WaitsOn.StartsWith("raad-"),
                Colleges => ProposalAttributes.WaitsOn.StartsWith("college-"),
                _ => ProposalAttributes.WaitsOn.Is(body),
            });
        }

        IReadOnlyCollection<WorkflowStatus>? statuses = null;
        if (!string.IsNullOrEmpty(filter.Status))
        {
            // The status comes from the query string as the engine names it; any other word matches no proposal.
            if (!Enum.GetNames<WorkflowStatus>().Contains(filter.Status, StringComparer.Ordinal))
            {
                return new ProposalPage([], null);
            }

            statuses = [Enum.Parse<WorkflowStatus>(filter.Status)];
        }

        var page = await workflows.PageInstancesAsync(new InstanceQuery { Statuses = statuses, Attributes = attributes }, after, PageSize, cancellationToken);
        var items = new List<ProposalSummary>(page.Items.Count);
        foreach (var instance in page.Items)
        {
            items.Add(Summarise(instance, await DefinitionAsync(instance, cancellationToken)));
        }

        return new ProposalPage(items, page.NextCursor);
    }

    public async Task<ProposalDetail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var definition = await DefinitionAsync(instance, cancellationToken);
        var journal = await workflows.GetJournalAsync(id, cancellationToken: cancellationToken);
        var passed = journal.Where(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId is not null).Select(j => j.ActivityId!).ToHashSet();
        var snapshot = directory.Current;
        var timeline = JournalTimeline.Lines(journal, snapshot, StepDeclarations.StepNames(registry, definition));

        // Published on or withdrawn from the public portal after the proposal ended: its engine journal takes no more lines,
        // so these are kept beside it (Portal/Publishing) and read into the timeline in their place.
        var notes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            host.PublicationNotes.Where(n => n.InstanceId == id).OrderBy(n => n.At), cancellationToken);
        if (notes.Count > 0)
        {
            var next = journal.Count == 0 ? 0 : journal.Max(j => j.Sequence);
            timeline = timeline.Concat(notes.Select(n =>
                {
                    var at = new DateTimeOffset(DateTime.SpecifyKind(n.At, DateTimeKind.Utc));
                    return new TimelineLine(++next, at, JournalWords.Moment(at), n.Sentence, null, n.By, JournalTimeline.ChannelWords(Channel.Page), false);
                }))
                .OrderBy(l => l.At).ThenBy(l => l.Sequence).ToList();
        }

        return new ProposalDetail(Summarise(instance, definition), instance, definition, OpenRequests.For(instance, snapshot, Today()), journal, passed, timeline);
    }

    /// <summary>
    /// What waits on the secretariat (not on members): outcomes of meetings to record, reactions to write, preparation
    /// and follow-up tasks, items without a meeting, incidents; optionally only for a pillar and some bodies.
    /// </summary>
    public async Task<IReadOnlyList<SecretaryTask>> TasksAsync(string? pillar, IReadOnlyCollection<string> bodies, CancellationToken cancellationToken)
    {
        // The bodies are not a filter on the query: an incident is the secretariat's task whichever body it concerns.
        var query = new InstanceQuery
        {
            Statuses = [WorkflowStatus.Suspended, WorkflowStatus.Faulted],
            Attributes = pillar is { Length: > 0 } ? [ProposalAttributes.Pillar.Is(pillar)] : [],
        };
        var tasks = new List<SecretaryTask>();
        var read = 0;
        await foreach (var instance in workflows.StreamInstancesAsync(query, cancellationToken))
        {
            if (++read > MaxTaskProposals)
            {
                break;
            }

            var definition = await DefinitionAsync(instance, cancellationToken);
            var names = StepDeclarations.StepNames(registry, definition);
            var title = ProposalInput.Read(instance.Input).TitleOrUntitled;
            foreach (var (token, bookmark) in instance.Waiting())
            {
                // The secretariat's own requests, as their steps declare them; members' and bodies' requests are theirs.
                var payload = RequestPayload.Read(bookmark.Payload);
                var what = StepDeclarations.Request(registry, definition, token.ActivityId, bookmark.Name)?.Task?.Invoke(payload);
                var body = payload.BodyOrGroup;
                if (what is null || (bodies.Count > 0 && (body is null || !bodies.Contains(body))))
                {
                    continue;
                }

                // The moment that matters: the step's own timer (e.g. recording the outcome), else the text it carries.
                var due = token.Bookmarks.Where(b => b.DueAt is not null && b.Name != "Herinnering").Select(b => b.DueAt).Min();
                var text = payload.DeadlineText ?? (due is { } d ? "uiterlijk " + DutchFormat.Moment(d) : null);
                tasks.Add(new SecretaryTask(instance.Id, title, names.GetValueOrDefault(token.ActivityId, token.ActivityId), what, due, text, due < time.GetUtcNow()));
            }

            foreach (var incident in instance.Incidents)
            {
                tasks.Add(new SecretaryTask(instance.Id, title, names.GetValueOrDefault(incident.ActivityId, incident.ActivityId), $"Storing oplossen: {incident.Message}", null, null, true));
            }
        }

        return tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.Due ?? DateTimeOffset.MaxValue).ToList();
    }

    private DateOnly Today() => DutchTime.Today(time.GetUtcNow());

    /// <exception cref="InvalidOperationException">The instance's definition version is not stored (the engine never deletes one).</exception>
    private async Task<WorkflowDefinitionModel> DefinitionAsync(InstanceView instance, CancellationToken cancellationToken) =>
        await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Definition version {instance.DefinitionVersionId} of instance {instance.Id} is not stored.");

    private ProposalSummary Summarise(InstanceView instance, WorkflowDefinitionModel definition)
    {
        var names = StepDeclarations.StepNames(registry, definition);
        var steps = instance.Tokens.Select(t => names.GetValueOrDefault(t.ActivityId, t.ActivityId)).Distinct().ToList();
        var deadline = instance.Waiting().Where(w => w.Bookmark.DueAt is not null && w.Bookmark.Name != "Herinnering")
            .OrderBy(w => w.Bookmark.DueAt).Select(w => w.Bookmark).FirstOrDefault();
        var deadlineText = deadline is null ? null : RequestPayload.Read(deadline.Payload).DeadlineText;
        if (deadline is not null && deadline.Name == "NietBehandeld")
        {
            deadlineText = "uitkomst vastleggen " + DutchFormat.Moment(deadline.DueAt!.Value);
        }

        var requests = instance.Status == WorkflowStatus.Suspended ? OpenRequests.For(instance, directory.Current, Today()) : [];
        var waitingOn = requests.Count switch
        {
            0 => null,
            1 => requests[0].AskedOf,
            _ => requests.Select(r => r.AskedOf).Distinct().Count() == 1 ? requests[0].AskedOf : $"{requests.Count(r => r.Choice is null)} van {requests.Count} nog open",
        };
        var overdue = instance.Variables.TryGetValue("achterstallig", out var late) && late is not null
            || (deadline?.DueAt is { } due && due < time.GetUtcNow());
        var proposal = ProposalInput.Read(instance.Input);
        return new ProposalSummary(instance.Id, proposal.TitleOrUntitled, proposal.Kind,
            proposal.Pillar, instance.Status.ToString(), steps, waitingOn, deadline?.DueAt, deadlineText, overdue, instance.CreatedAt);
    }
}
