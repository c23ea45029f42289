using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// The portal's read side, built on the meeting's minutes (<see cref="MeetingMinutes"/>, the same view the internal pages
/// and the public PDF use) and the stored documents. What it leaves out, and where:
/// <list type="bullet">
/// <item>a body that publishes nothing, or not this kind (<see cref="PortalOptions.For"/>);</item>
/// <item>a meeting whose convocation was not sent (no <see cref="Convocation"/> row), and a publication that was withdrawn;</item>
/// <item>a besloten proposal with everything of it (<see cref="AgendaLine.IsClosed"/>);</item>
/// <item>a vertrouwelijk stuk, a stuk meant for one body's members (<c>ForBodyId</c>), and a stuk withdrawn on its own;</item>
/// <item>remarks (toelichting) and votes per member: a decision carries the outcome and the count sentence only.</item>
/// </list>
/// Scoped, and reads afresh on every call.
/// </summary>
internal sealed class PublicCatalog(
    MeetingMinutes minutes,
    HostDbContext host,
    IGovernanceDirectory directory,
    IOptionsMonitor<PortalOptions> options,
    TimeProvider time) : IPublicCatalog
{
    public Task<IReadOnlyList<PublicBody>> BodiesAsync(CancellationToken ct)
    {
        var portal = options.CurrentValue;
        IReadOnlyList<PublicBody> bodies = directory.Current.Model.Bodies
            .Where(b => portal.For(b.Id) is not null)
            .Select(b => Public(b, portal.For(b.Id)!))
            .ToList();
        return Task.FromResult(bodies);
    }

    public async Task<IReadOnlyList<PublicMeeting>> MeetingsAsync(string bodyId, CancellationToken ct)
    {
        var snapshot = directory.Current;
        if (snapshot.Model.FindBody(bodyId) is not { } body || options.CurrentValue.For(bodyId) is null)
        {
            return [];
        }

        var meetings = snapshot.Calendar.MeetingsOf(bodyId).ToList();
        var ids = meetings.Select(m => m.Id).ToList();
        var published = await ActiveAsync(ids, ct);
        var today = DutchTime.Today(time.GetUtcNow());
        return meetings
            .Select(m => Public(m, body, published))
            .Where(m => m.AgendaPublishedAt is not null || m.BesluitenlijstPublishedAt is not null || m.Date >= today)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Time)
            .ToList();
    }

    /// <remarks>Read afresh on every call (no cache in the scope): a withdrawal in the same request shows at once.</remarks>
    public Task<PublicMeetingDetail?> MeetingAsync(string meetingId, CancellationToken ct) => ReadMeetingAsync(meetingId, ct);

    private async Task<PublicMeetingDetail?> ReadMeetingAsync(string meetingId, CancellationToken ct)
    {
        var snapshot = directory.Current;
        var portal = options.CurrentValue;
        if (snapshot.Calendar.Meetings.FirstOrDefault(m => m.Id == meetingId) is not { } meeting
            || snapshot.Model.FindBody(meeting.Body) is not { } body
            || portal.For(body.Id) is not { } publishes)
        {
            return null;
        }

        var published = await ActiveAsync([meetingId], ct);
        var summary = Public(meeting, body, published);
        if (summary.AgendaPublishedAt is null && summary.BesluitenlijstPublishedAt is null)
        {
            return new PublicMeetingDetail(summary, [], [], null);
        }

        var view = await minutes.ReadAsync(meetingId, ct);
        if (view is null)
        {
            return new PublicMeetingDetail(summary, [], [], null);
        }

        // The stukken are published with the agenda: while it stands, the open stukken of the open proposals on it.
        var documents = new Dictionary<string, List<PublicDocument>>(StringComparer.Ordinal);
        if (summary.AgendaPublishedAt is { } agendaAt && publishes.Stukken)
        {
            var proposals = view.Agenda.Where(l => l.Proposal is not null && !l.IsClosed).ToDictionary(l => l.Proposal!.InstanceId, l => l.Proposal!.Title, StringComparer.Ordinal);
            var proposalIds = proposals.Keys.ToList();
            var withdrawn = await host.DocumentWithdrawals.AsNoTracking().Select(w => w.DocumentId).ToListAsync(ct);
            var stored = await host.ProposalDocuments.AsNoTracking()
                .Where(d => d.InstanceId != null && proposalIds.Contains(d.InstanceId) && !d.Confidential && d.ForBodyId == null && !withdrawn.Contains(d.Id))
                .Select(d => new { d.Id, d.InstanceId, d.FileName, d.ContentType, d.Size, d.UploadedAt })
                .ToListAsync(ct);
            foreach (var d in stored.OrderBy(d => d.UploadedAt).ThenBy(d => d.FileName, StringComparer.Ordinal))
            {
                if (!documents.TryGetValue(d.InstanceId!, out var list))
                {
                    documents[d.InstanceId!] = list = [];
                }

                list.Add(new PublicDocument(d.Id, d.FileName, d.ContentType, d.Size, d.InstanceId!, proposals[d.InstanceId!], meeting.Id, body.Id, body.Name,
                    meeting.Date, portal.WooCategoryOf(body.Id), agendaAt));
            }
        }

        IReadOnlyList<PublicDocument> DocumentsOf(string? proposalId) => proposalId is not null && documents.TryGetValue(proposalId, out var list) ? list : [];

        var agenda = summary.AgendaPublishedAt is null
            ? []
            : view.Agenda.Where(l => !l.IsClosed).Select(l => new PublicAgendaItem(l.Number, l.Title, l.KindWords, l.Proposal?.InstanceId,
                l.Proposal?.DecisionPoints.Select(Point).ToList() ?? [], DocumentsOf(l.Proposal?.InstanceId))).ToList();

        var decisions = new List<PublicDecision>();
        if (summary.BesluitenlijstPublishedAt is not null)
        {
            var lines = view.Agenda.ToDictionary(l => l.Number);
            foreach (var item in view.Decisions(publicVersion: true).Where(i => !i.IsClosed))
            {
                var proposalId = lines.GetValueOrDefault(item.Number)?.Proposal?.InstanceId;
                // The outcome and the count sentence only: the remark is left out (the public version has none), and the
                // votes per member never reach the minutes' items.
                decisions.Add(new PublicDecision(item.Number, item.Title, item.Points.Select(Point).ToList(), item.Outcome, item.Tally, DocumentsOf(proposalId))
                {
                    ProposalId = proposalId,
                    Amended = item.Amended,
                });
            }
        }

        return new PublicMeetingDetail(summary, agenda, decisions, summary.BesluitenlijstPublishedAt is null ? null : view.AdoptionSentence);
    }

    public async Task<PublicDocument?> DocumentAsync(string documentId, CancellationToken ct)
    {
        var stored = await host.ProposalDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.InstanceId, d.Confidential, d.ForBodyId }).FirstOrDefaultAsync(ct);
        if (stored is null || stored.InstanceId is null || stored.Confidential || stored.ForBodyId is not null
            || await host.DocumentWithdrawals.AnyAsync(w => w.DocumentId == documentId, ct))
        {
            return null;
        }

        // The newest standing agenda that carries it.
        foreach (var meetingId in await AgendasWithStukkenAsync(ct))
        {
            var detail = await MeetingAsync(meetingId, ct);
            if (detail?.Agenda.SelectMany(i => i.Documents).FirstOrDefault(d => d.Id == documentId) is { } document)
            {
                return document;
            }
        }

        return null;
    }

    public async Task<PublicFile?> DocumentFileAsync(string documentId, CancellationToken ct)
    {
        if (await DocumentAsync(documentId, ct) is not { } document)
        {
            return null;
        }

        var content = await host.ProposalDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Content).FirstAsync(ct);
        return new PublicFile(document, content);
    }

    public async Task<IReadOnlyList<PublicationEntry>> RecentAsync(int count, CancellationToken ct)
    {
        var entries = new List<PublicationEntry>();
        if (count <= 0)
        {
            return entries;
        }

        var standing = await host.Publications.AsNoTracking().Where(p => p.WithdrawnAt == null).ToListAsync(ct);
        foreach (var publication in standing.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var detail = await MeetingAsync(publication.MeetingId, ct);
            var meeting = detail?.Meeting;
            var isAgenda = publication.Kind == PublicationKinds.Agenda;
            if (meeting is null || (isAgenda ? meeting.AgendaPublishedAt : meeting.BesluitenlijstPublishedAt) is null)
            {
                continue;
            }

            var of = $"{BodyPhrase(meeting.BodyId, meeting.BodyName)} van {DutchFormat.Day(meeting.Date)}";
            string title, text;
            if (isAgenda)
            {
                var items = detail!.Agenda.Count(i => i.ProposalId is not null);
                var stukken = detail.Agenda.Sum(i => i.Documents.Count);
                title = $"Agenda van de vergadering van {of}";
                text = $"{Capital(DutchFormat.DayWithWeekday(meeting.Date))}, {DutchFormat.Time(meeting.Time)} uur, {meeting.Place}: "
                    + $"{DutchFormat.Count(items, "voorstel", "voorstellen")}" + (stukken > 0 ? $" en {DutchFormat.Count(stukken, "openbaar stuk", "openbare stukken")}." : ".");
            }
            else
            {
                title = $"Besluitenlijst van de vergadering van {of}";
                text = $"{Capital(DutchFormat.Count(detail!.Besluitenlijst.Count, "openbaar besluit", "openbare besluiten"))}."
                    + (detail.AdoptionSentence is { } adopted ? " " + adopted : "");
            }

            entries.Add(new PublicationEntry(publication.Id, publication.Kind, meeting.Id, title, text, publication.PublishedAt, PortalPaths.Meeting(meeting.Id)));
            if (entries.Count == count)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<PublicIds> PublicIdsAsync(CancellationToken ct)
    {
        var proposals = new HashSet<string>(StringComparer.Ordinal);
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var meetingIds = await host.Publications.AsNoTracking().Where(p => p.WithdrawnAt == null).Select(p => p.MeetingId).Distinct().ToListAsync(ct);
        foreach (var meetingId in meetingIds)
        {
            if (await MeetingAsync(meetingId, ct) is not { } detail)
            {
                continue;
            }

            foreach (var item in detail.Agenda)
            {
                if (item.ProposalId is not null)
                {
                    proposals.Add(item.ProposalId);
                }

                documents.UnionWith(item.Documents.Select(d => d.Id));
            }

            foreach (var decision in detail.Besluitenlijst)
            {
                if (decision.ProposalId is not null)
                {
                    proposals.Add(decision.ProposalId);
                }

                documents.UnionWith(decision.Documents.Select(d => d.Id));
            }
        }

        return new PublicIds(proposals, documents);
    }

    public async Task<IReadOnlyList<PublicWithdrawal>> WithdrawalsAsync(string meetingId, CancellationToken ct)
    {
        var snapshot = directory.Current;
        if (snapshot.Calendar.Meetings.FirstOrDefault(m => m.Id == meetingId) is not { } meeting || options.CurrentValue.For(meeting.Body) is null)
        {
            return [];
        }

        var publications = await host.Publications.AsNoTracking().Where(p => p.MeetingId == meetingId && p.WithdrawnAt != null).ToListAsync(ct);
        var documents = await host.DocumentWithdrawals.AsNoTracking().Where(w => w.MeetingId == meetingId).ToListAsync(ct);
        return publications.Select(p => new PublicWithdrawal(p.Kind, p.Kind == PublicationKinds.Agenda ? AgendaWords(meeting.Body) : "De besluitenlijst", null,
                meetingId, p.WithdrawnAt!.Value, p.WithdrawnReason ?? ""))
            .Concat(documents.Select(d => new PublicWithdrawal("stuk", d.FileName, d.DocumentId, meetingId, d.WithdrawnAt, d.Reason)))
            .OrderBy(w => w.WithdrawnAt).ToList();
    }

    public async Task<PublicWithdrawal?> WithdrawnDocumentAsync(string documentId, CancellationToken ct)
    {
        var withdrawal = await host.DocumentWithdrawals.AsNoTracking().FirstOrDefaultAsync(w => w.DocumentId == documentId, ct);
        if (withdrawal is not null)
        {
            return new PublicWithdrawal("stuk", withdrawal.FileName, documentId, withdrawal.MeetingId, withdrawal.WithdrawnAt, withdrawal.Reason);
        }

        // A stuk that went with an agenda that was withdrawn since: gone with it, for the same reason.
        var stored = await host.ProposalDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.InstanceId, d.FileName, d.Confidential, d.ForBodyId }).FirstOrDefaultAsync(ct);
        if (stored?.InstanceId is null || stored.Confidential || stored.ForBodyId is not null)
        {
            return null;
        }

        var portal = options.CurrentValue;
        var calendar = directory.Current.Calendar.Meetings.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var withdrawn = await host.Publications.AsNoTracking().Where(p => p.Kind == PublicationKinds.Agenda && p.WithdrawnAt != null).ToListAsync(ct);
        foreach (var agenda in withdrawn.Where(p => calendar.TryGetValue(p.MeetingId, out var m) && portal.For(m.Body)?.Stukken == true).OrderByDescending(p => p.WithdrawnAt))
        {
            var view = await minutes.ReadAsync(agenda.MeetingId, ct);
            if (view?.Agenda.Any(l => l.Proposal?.InstanceId == stored.InstanceId && !l.IsClosed) == true)
            {
                return new PublicWithdrawal("stuk", stored.FileName, documentId, agenda.MeetingId, agenda.WithdrawnAt!.Value, agenda.WithdrawnReason ?? "");
            }
        }

        return null;
    }

    /// <summary>"De agenda en de openbare stukken", or "De agenda" for a body that publishes no stukken.</summary>
    private string AgendaWords(string bodyId) => options.CurrentValue.For(bodyId)?.Stukken == true ? "De agenda en de openbare stukken" : "De agenda";

    /// <summary>"het algemeen bestuur", "het dagelijks bestuur"; another body by its name.</summary>
    public static string BodyPhrase(string bodyId, string bodyName) => bodyId is "ab" or "db" || bodyName.EndsWith(" bestuur", StringComparison.OrdinalIgnoreCase)
        ? "het " + bodyName.ToLowerInvariant()
        : bodyName;

    /// <summary>The meetings whose agenda stands with its stukken, newest first.</summary>
    private async Task<IReadOnlyList<string>> AgendasWithStukkenAsync(CancellationToken ct)
    {
        var portal = options.CurrentValue;
        var calendar = directory.Current.Calendar.Meetings.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var agendas = await host.Publications.AsNoTracking().Where(p => p.Kind == PublicationKinds.Agenda && p.WithdrawnAt == null).ToListAsync(ct);
        return agendas.Where(p => calendar.TryGetValue(p.MeetingId, out var m) && portal.For(m.Body)?.Stukken == true)
            .OrderByDescending(p => p.PublishedAt).Select(p => p.MeetingId).ToList();
    }

    /// <summary>Per meeting its standing publications of the kinds its body publishes, only for meetings whose convocation went out.</summary>
    private async Task<IReadOnlyDictionary<string, (DateTime? Agenda, DateTime? Besluitenlijst)>> ActiveAsync(IReadOnlyList<string> meetingIds, CancellationToken ct)
    {
        var convened = (await host.Convocations.AsNoTracking().Where(c => meetingIds.Contains(c.MeetingId)).Select(c => c.MeetingId).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var rows = await host.Publications.AsNoTracking().Where(p => meetingIds.Contains(p.MeetingId) && p.WithdrawnAt == null).ToListAsync(ct);
        return rows.Where(r => convened.Contains(r.MeetingId)).GroupBy(r => r.MeetingId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (g.FirstOrDefault(p => p.Kind == PublicationKinds.Agenda)?.PublishedAt, g.FirstOrDefault(p => p.Kind == PublicationKinds.Besluitenlijst)?.PublishedAt),
            StringComparer.Ordinal);
    }

    private PublicMeeting Public(Meeting meeting, Body body, IReadOnlyDictionary<string, (DateTime? Agenda, DateTime? Besluitenlijst)> published)
    {
        var publishes = options.CurrentValue.For(body.Id);
        var (agenda, besluitenlijst) = published.GetValueOrDefault(meeting.Id);
        return new PublicMeeting(meeting.Id, body.Id, body.Name, meeting.Date, meeting.Time, meeting.Place,
            publishes?.Agenda == true ? agenda : null, publishes?.Besluitenlijst == true ? besluitenlijst : null);
    }

    private static PublicBody Public(Body body, PortalBodyOptions publishes) =>
        new(body.Id, body.Name, publishes.Agenda, publishes.Besluitenlijst) { PublishesStukken = publishes.Stukken };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Point(AdviesRoute.Activities.Governance.Proposals.Beslispunt point) => $"{point.Number}. {point.Text}";
}
