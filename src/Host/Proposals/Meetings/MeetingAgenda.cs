using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A proposal on a meeting's agenda, with the outcome in words once the meeting recorded it ("gewijzigd vastgesteld").</summary>
public sealed record AgendaEntry(string InstanceId, string Title, string Kind, int Position, IReadOnlyList<(string Name, bool Confidential)> Documents,
    string? Outcome, string? Explanation, string? Remark)
{
    /// <summary>The draft decision's beslispunten as the proposal carries them.</summary>
    public IReadOnlyList<Beslispunt> DecisionPoints { get; init; } = [];

    /// <summary>With "gewijzigd vastgesteld": the beslispunten as the meeting amended them.</summary>
    public IReadOnlyList<Beslispunt>? AmendedPoints { get; init; }

    /// <summary>Treated in the closed part of the meeting (besloten): left out of the public agenda and besluitenlijst.</summary>
    public bool IsClosed { get; init; }
}

/// <summary>
/// A meeting's agenda: the proposals waiting on it (or decided in it), in the order and with the kind the secretary set;
/// the convocations that went out (sent by <see cref="ConvocationSender"/>); and the besluitenlijst from the outcomes in the journal.
/// </summary>
public sealed class MeetingAgenda(IWorkflowReader workflows, HostDbContext host, IGovernanceDirectory directory, TimeProvider time)
{

    public Meeting? Find(string meetingId) => directory.Current.Calendar.Meetings.FirstOrDefault(m => m.Id == meetingId);

    public async Task<IReadOnlyList<AgendaEntry>> ItemsAsync(string meetingId, CancellationToken cancellationToken)
    {
        // Every proposal that was ever on the meeting carries it as an attribute; whether it is on the agenda now (it
        // waits on the meeting) or was decided there (an outcome of that meeting in its journal) is checked below.
        var instances = new List<InstanceView>();
        await foreach (var instance in workflows.StreamInstancesAsync(new InstanceQuery { Attributes = [ProposalAttributes.Meeting.Is(meetingId)] }, cancellationToken))
        {
            instances.Add(instance);
        }

        // Oldest first, so items with the same kind, position and title keep the order in which they were started.
        instances.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var outcomes = (await workflows.GetJournalsAsync(instances.Select(i => i.Id), [VergaderingUitkomst.KindName], cancellationToken))
            .Select(o => (o.InstanceId, Outcome: GovernanceJournal.Read<VergaderingUitkomst>(o)!))
            .Where(o => o.Outcome.Vergadering == meetingId)
            .ToLookup(o => o.InstanceId, o => o.Outcome, StringComparer.Ordinal);
        var stored = await host.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.InstanceId, cancellationToken);
        var entries = new List<AgendaEntry>();
        foreach (var instance in instances)
        {
            var waiting = instance.Waiting().Any(w => w.Bookmark.Name == VotingActivity.MeetingBookmark && RequestPayload.Read(w.Bookmark.Payload).MeetingId == meetingId);
            var decided = outcomes[instance.Id].LastOrDefault();
            if (!waiting && decided is null)
            {
                continue;
            }

            var proposal = ProposalInput.Read(instance.Input);
            var documents = RequestMailRenderer.Documents(proposal.Documents).Select(d => (d.Name, d.Confidential)).ToList();
            var item = stored.GetValueOrDefault(instance.Id);
            entries.Add(new AgendaEntry(instance.Id, proposal.TitleOrUntitled, item?.Kind ?? AgendaKinds.Bespreekstuk,
                item?.Position ?? int.MaxValue, documents, decided?.OutcomeWords, decided?.Uitleg, decided?.Toelichting)
            {
                DecisionPoints = proposal.DecisionPoints ?? [],
                AmendedPoints = decided?.GewijzigdeBeslispunten,
                IsClosed = proposal.IsClosed,
            });
        }

        return entries.OrderBy(e => e.Kind == AgendaKinds.Hamerstuk ? 0 : 1).ThenBy(e => e.Position).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(string meetingId, IReadOnlyList<(string InstanceId, int Position, string Kind)> items, CancellationToken cancellationToken)
    {
        // The secretary's own items are ordered with the proposals, in the same form (see MeetingMinutes.FreeItemKey).
        var free = await host.FreeAgendaItems.Where(f => f.MeetingId == meetingId).ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var (key, position, _) in items.Where(i => MeetingMinutes.FreeItemId(i.InstanceId) is not null))
        {
            if (free.TryGetValue(MeetingMinutes.FreeItemId(key)!, out var own))
            {
                own.Position = position;
            }
        }

        items = items.Where(i => MeetingMinutes.FreeItemId(i.InstanceId) is null).ToList();
        var existing = await host.AgendaItems.Where(a => a.MeetingId == meetingId).ToListAsync(cancellationToken);
        host.AgendaItems.RemoveRange(existing);
        host.AgendaItems.AddRange(items.Select(i => new AgendaItem
        {
            MeetingId = meetingId,
            InstanceId = i.InstanceId,
            Position = i.Position,
            Kind = i.Kind == AgendaKinds.Hamerstuk ? AgendaKinds.Hamerstuk : AgendaKinds.Bespreekstuk,
        }));
        await host.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The convocations sent for a meeting, newest first.</summary>
    public async Task<IReadOnlyList<Convocation>> ConvocationsAsync(string meetingId, CancellationToken cancellationToken) =>
        (await host.Convocations.AsNoTracking().Where(c => c.MeetingId == meetingId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.SentAt).ToList();

    /// <summary>
    /// The convocations still to send: meetings of <paramref name="bodies"/> (every body when empty) that are still ahead,
    /// have items on their agenda, and whose documents deadline falls within the coming week or has passed, while no
    /// convocation went out. They are the secretary's task by the documents deadline.
    /// </summary>
    public async Task<IReadOnlyList<Overview.SecretaryTask>> ConvocationTasksAsync(IReadOnlyCollection<string> bodies, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DutchTime.Today(now);
        var snapshot = directory.Current;
        var due = snapshot.Calendar.Meetings
            .Where(m => m.Date >= today && m.DocumentsDeadline.Date <= today.AddDays(7) && (bodies.Count == 0 || bodies.Contains(m.Body)))
            .ToList();
        var meetingIds = due.Select(m => m.Id).ToList();
        var sent = (await host.Convocations.AsNoTracking().Where(c => meetingIds.Contains(c.MeetingId)).Select(c => c.MeetingId).ToListAsync(cancellationToken)).ToHashSet();
        var tasks = new List<Overview.SecretaryTask>();
        foreach (var meeting in due.Where(m => !sent.Contains(m.Id)))
        {
            var items = await ItemsAsync(meeting.Id, cancellationToken);
            if (items.Count == 0)
            {
                continue;
            }

            var body = snapshot.Model.FindBody(meeting.Body)?.Name ?? meeting.Body;
            tasks.Add(new Overview.SecretaryTask(meeting.Id, $"{body} {DutchFormat.Day(meeting.Date)}", "Vergadering",
                $"Convocatie met agenda en stukken versturen ({DutchFormat.Count(items.Count, "agendapunt", "agendapunten")})",
                meeting.DocumentsDeadline.Moment, "stukken " + meeting.DocumentsDeadline.Display, meeting.DocumentsDeadline.Moment < now,
                $"/Vergaderingen/{Uri.EscapeDataString(meeting.Id)}"));
        }

        return tasks;
    }
}
