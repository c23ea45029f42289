using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A stuk that travels with a convocation: its name and size.</summary>
public sealed record ConvocationAttachment(string Name, long Size);

/// <summary>
/// The convocation as it would go out now: to whom, the mail one member gets (composed as the outbox composes it), and
/// the stukken and invitation attached with their sizes.
/// </summary>
/// <param name="Sequence">The SEQUENCE the invitation will carry: 0 the first time, one higher each time it is sent again.</param>
public sealed record ConvocationDraft(Meeting Meeting, string BodyName, IReadOnlyList<Member> Recipients, int Items,
    IReadOnlyList<ConvocationAttachment> Attachments, int PublicDocuments, MailContent? Sample, int Sequence);

/// <summary>Where a meeting's convocation stands, for the meetings list.</summary>
/// <param name="Changed">The agenda now differs from the one the members hold (an item moved off, or came on without an update).</param>
public sealed record ConvocationState(int Items, Convocation? Sent, DateTime? UpdatedAt, int Updates, bool Changed);

/// <summary>
/// Sends a meeting's convocation to its members, each their own mail with the agenda, the open stukken and the meeting's
/// one calendar invitation (ADR 24), and updates that invitation when an item is added after it went out.
/// </summary>
public sealed class ConvocationSender(
    MeetingAgenda agenda,
    MeetingMinutes minutes,
    HostDbContext host,
    IGovernanceDirectory directory,
    MailQueue mails,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<ConvocationSender> logger,
    Portal.Publishing.PortalPublisher portal)
{
    /// <summary>The most the convocation carries as attachments (many mail servers refuse messages over 25 MB).</summary>
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;

    /// <summary>The convocation as it would go out now, with the first member's mail as the sample.</summary>
    public async Task<ConvocationDraft> DraftAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var (body, members, items, agendaLines) = await AgendaAsync(meeting, cancellationToken);
        var (attached, publicCount) = await AttachmentsAsync(items.Select(i => i.InstanceId).ToList(), body.Id, cancellationToken);
        var state = await host.ConvocationInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.MeetingId == meeting.Id, cancellationToken);
        var sequence = state is null ? 0 : state.Sequence + 1;
        MailContent? sample = null;
        if (members.Count > 0 && items.Count > 0)
        {
            // The same composition as the outbox's, with each stuk's name and size (its content is not read for a preview).
            var mail = Mail(members[0], body, meeting, agendaLines, attached, publicCount, sequence, added: null);
            sample = ConvocationMailComposer.Content(mail, attached.Select(a => new MailAttachment(a.Name, "application/octet-stream", [])).ToList(),
                ConvocationMailComposer.Organizer(options.Value), time.GetUtcNow());
        }

        return new ConvocationDraft(meeting, body.Name, members, items.Count, attached.Select(a => new ConvocationAttachment(a.Name, a.Size)).ToList(), publicCount, sample, sequence);
    }

    /// <summary>
    /// Records the convocation with the agenda and queues it for every member of the body on the meeting's day, each in
    /// a mail of their own with the open documents and the meeting's invitation attached.
    /// </summary>
    /// <returns>How many members were sent it.</returns>
    public async Task<int> SendAsync(Meeting meeting, string sentBy, CancellationToken cancellationToken)
    {
        var (body, members, items, agendaLines) = await AgendaAsync(meeting, cancellationToken);
        var (attached, publicCount) = await AttachmentsAsync(items.Select(i => i.InstanceId).ToList(), body.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var convocation = new Convocation
        {
            Id = Guid.NewGuid().ToString("N"), MeetingId = meeting.Id, SentAt = now, SentBy = sentBy, Recipients = members.Count, Items = items.Count,
        };

        // The invitation of a convocation sent again replaces the one the members hold: same UID, next SEQUENCE.
        var invitation = await host.ConvocationInvitations.FirstOrDefaultAsync(i => i.MeetingId == meeting.Id, cancellationToken);
        if (invitation is null)
        {
            invitation = new ConvocationInvitation { MeetingId = meeting.Id, Sequence = 0 };
            host.ConvocationInvitations.Add(invitation);
        }
        else
        {
            invitation.Sequence++;
        }

        invitation.InstanceIds = ConvocationInvitation.Join(items.Select(i => i.InstanceId));
        invitation.UpdatedAt = null;
        invitation.Updates = 0;
        invitation.LastAdded = null;

        // The convocation is recorded before its mails are queued, so a crash never mails a convocation the meeting page
        // does not show; a crash in between shows it sent without mails, and the secretary sends it again. The mails go
        // in one transaction: all members or none.
        host.Convocations.Add(convocation);
        await host.SaveChangesAsync(cancellationToken);
        await mails.EnqueueAsync(members.Select(member => (Mail(member, body, meeting, agendaLines, attached, publicCount, invitation.Sequence, added: null),
            (string?)$"{convocation.Id}.{member.Id}")), instanceId: null, cancellationToken);

        // With the convocation the agenda and the public stukken of a public body's meeting go on the portal (art. 22 Wgr);
        // once: a convocation sent again publishes nothing new.
        await portal.ConvocationSentAsync(meeting, sentBy, cancellationToken);
        return members.Count;
    }

    /// <summary>
    /// A proposal was put on the meeting (its agendering notice). Before the convocation went out nothing is sent: the
    /// convocation will carry it. After, each member gets the update of the same invitation (same UID, next SEQUENCE)
    /// with the whole agenda and the new item's open stukken. Safe to repeat for the same item: a retry queues the same
    /// mails under the same keys, and an item the invitation already holds sends nothing.
    /// </summary>
    /// <returns>How many members were sent an update.</returns>
    public async Task<int> ItemAddedAsync(string meetingId, string instanceId, CancellationToken cancellationToken)
    {
        var invitation = await host.ConvocationInvitations.FirstOrDefaultAsync(i => i.MeetingId == meetingId, cancellationToken);
        if (invitation is null && await host.Convocations.AnyAsync(c => c.MeetingId == meetingId, cancellationToken))
        {
            // A convocation sent before the invitation came with it: its members hold the earlier per-item invitations
            // (SEQUENCE 0, the same UID), which this update replaces.
            invitation = new ConvocationInvitation { MeetingId = meetingId, Sequence = 0 };
            host.ConvocationInvitations.Add(invitation);
        }

        if (invitation is null)
        {
            logger.LogInformation("Item {InstanceId} is on meeting {MeetingId} before its convocation: the convocation carries it.", instanceId, meetingId);
            return 0;
        }

        var retry = invitation.LastAdded == instanceId;
        if (invitation.Items.Contains(instanceId) && !retry)
        {
            return 0;
        }

        if (agenda.Find(meetingId) is not { } meeting || meeting.Date < DutchTime.Today(time.GetUtcNow()))
        {
            return 0;
        }

        var (body, members, items, agendaLines) = await AgendaAsync(meeting, cancellationToken);
        var added = items.FirstOrDefault(i => i.InstanceId == instanceId);
        if (added is null)
        {
            logger.LogInformation("Item {InstanceId} is no longer on meeting {MeetingId}: no update.", instanceId, meetingId);
            return 0;
        }

        if (!retry)
        {
            invitation.Sequence++;
            invitation.InstanceIds = ConvocationInvitation.Join(items.Select(i => i.InstanceId));
            invitation.UpdatedAt = time.GetUtcNow().UtcDateTime;
            invitation.Updates++;
            invitation.LastAdded = instanceId;
            await host.SaveChangesAsync(cancellationToken);
        }

        var (attached, publicCount) = await AttachmentsAsync([instanceId], body.Id, cancellationToken);
        await mails.EnqueueAsync(members.Select(member => (Mail(member, body, meeting, agendaLines, attached, publicCount, invitation.Sequence, added: [added.Title]),
            (string?)$"{meetingId}.{invitation.Sequence}.{member.Id}")), instanceId: null, cancellationToken);
        return members.Count;
    }

    /// <summary>The invitation the members of a meeting hold (its SEQUENCE, items and updates); null before the first convocation.</summary>
    public async Task<ConvocationInvitation?> InvitationAsync(string meetingId, CancellationToken cancellationToken) =>
        await host.ConvocationInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.MeetingId == meetingId, cancellationToken);

    /// <summary>
    /// Per meeting its number of items and where its convocation stands: two queries for all the meetings, and each
    /// meeting's agenda once (<see cref="MeetingAgenda.ItemsAsync"/> reads only the proposals on that meeting).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ConvocationState>> StatesAsync(IReadOnlyList<string> meetingIds, CancellationToken cancellationToken)
    {
        var sent = (await host.Convocations.AsNoTracking().Where(c => meetingIds.Contains(c.MeetingId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.MeetingId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.SentAt)!, StringComparer.Ordinal);
        var invitations = await host.ConvocationInvitations.AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId))
            .ToDictionaryAsync(i => i.MeetingId, StringComparer.Ordinal, cancellationToken);
        var states = new Dictionary<string, ConvocationState>(StringComparer.Ordinal);
        foreach (var id in meetingIds)
        {
            var items = await agenda.ItemsAsync(id, cancellationToken);
            var invitation = invitations.GetValueOrDefault(id);
            var changed = invitation is not null && !invitation.Items.SetEquals(items.Select(i => i.InstanceId));
            states[id] = new ConvocationState(items.Count, sent.GetValueOrDefault(id), invitation?.UpdatedAt, invitation?.Updates ?? 0, changed);
        }

        return states;
    }

    private async Task<(Body Body, IReadOnlyList<Member> Members, IReadOnlyList<AgendaEntry> Items, IReadOnlyList<ConvocationMail.AgendaLine> Lines)> AgendaAsync(
        Meeting meeting, CancellationToken cancellationToken)
    {
        var model = directory.Current.Model;
        var body = model.FindBody(meeting.Body)!;
        // The whole agenda as the meeting page numbers it: the standard items (opening, vaststelling van de agenda, …),
        // the proposals with their kind and stukken, and the secretary's own items.
        var view = await minutes.ReadAsync(meeting.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Vergadering {meeting.Id} staat niet op de jaarkalender.");
        var items = view.Agenda.Where(l => l.Proposal is not null).Select(l => l.Proposal!).ToList();
        var lines = view.Agenda.Select(l => new ConvocationMail.AgendaLine(l.Title, l.Proposal?.Kind ?? "",
            l.Proposal?.Documents.Select(d => new ConvocationMail.AgendaDocument(d.Name, d.Confidential)).ToList() ?? [])).ToList();
        var members = model.MembersOf(body.Id, meeting.Date).Where(m => m.SubstituteFor is null).ToList();
        return (body, members, items, lines);
    }

    /// <summary>
    /// The open stukken of these proposals that travel with the mail, up to a total that mail servers accept; vertrouwelijke
    /// stukken never go by mail (they open with a one-time code through the member's own link), nor do stukken meant for
    /// another body.
    /// </summary>
    private async Task<(IReadOnlyList<(string Id, string Name, long Size)> Attached, int PublicCount)> AttachmentsAsync(
        IReadOnlyList<string> instanceIds, string bodyId, CancellationToken cancellationToken)
    {
        var stored = await host.ProposalDocuments.AsNoTracking()
            .Where(d => d.InstanceId != null && instanceIds.Contains(d.InstanceId) && !d.Confidential && (d.ForBodyId == null || d.ForBodyId == bodyId))
            .OrderBy(d => d.UploadedAt).Select(d => new { d.Id, d.FileName, d.Size }).ToListAsync(cancellationToken);
        var attached = new List<(string Id, string Name, long Size)>();
        long total = 0;
        foreach (var document in stored)
        {
            if (total + document.Size > MaxAttachmentBytes)
            {
                break;
            }

            attached.Add((document.Id, document.FileName, document.Size));
            total += document.Size;
        }

        return (attached, stored.Count);
    }

    private static ConvocationMail Mail(Member member, Body body, Meeting meeting, IReadOnlyList<ConvocationMail.AgendaLine> agenda,
        IReadOnlyList<(string Id, string Name, long Size)> attached, int publicCount, int sequence, IReadOnlyList<string>? added) =>
        new(new MailAddress(member.Name, member.Email), body.Name, meeting.Date, meeting.Time, meeting.Place, agenda,
            attached.Select(a => a.Id).ToList(), publicCount, meeting.Id, sequence, added);
}
