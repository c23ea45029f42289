using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Meetings;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>The standard items every agenda carries, in their usual places around the proposals.</summary>
public enum StandardItem
{
    Opening,
    VaststellingAgenda,
    BesluitenlijstVorige,
    IngekomenStukken,
    Mededelingen,
    Rondvraag,
    Sluiting,
}

/// <summary>One numbered line of a meeting's agenda: a standard item, a proposal, or an item the secretary added.</summary>
public sealed record AgendaLine(int Number, string Title, StandardItem? Standard = null, AgendaEntry? Proposal = null, FreeAgendaItem? Free = null)
{
    /// <summary>The key the agenda form orders it by: the proposal's instance id, or "vrij:" and the free item's id.</summary>
    public string? OrderKey => Proposal?.InstanceId ?? (Free is null ? null : MeetingMinutes.FreeItemPrefix + Free.Id);

    /// <summary>"hamerstuk", "bespreekstuk", "eigen agendapunt" or "vast agendapunt".</summary>
    public string KindWords => Proposal?.Kind ?? (Free is not null ? "eigen agendapunt" : "vast agendapunt");

    /// <summary>Left out of the public agenda and besluitenlijst: a proposal treated behind closed doors (besloten).</summary>
    public bool IsClosed => Proposal?.IsClosed == true;
}

/// <summary>A seat and how it attended; <see cref="Presence"/> null while nothing was recorded for it.</summary>
public sealed record SeatAttendance(Member Seat, string? Presence, Member? Substitute, IReadOnlyList<Member> Substitutes);

/// <summary>One decided item of a besluitenlijst, as the page and the documents show it.</summary>
/// <param name="Points">The beslispunten: as amended when the meeting amended them, else as proposed.</param>
public sealed record MinutesItem(int Number, string Title, string Kind, IReadOnlyList<Beslispunt> Points, bool Amended, string Outcome, string? Tally,
    string? Remark, IReadOnlyList<string> Documents, bool IsClosed);

/// <summary>Everything a meeting's page, agenda and besluitenlijst show.</summary>
public sealed record MeetingView(Meeting Meeting, Body Body, IReadOnlyList<AgendaLine> Agenda, IReadOnlyList<SeatAttendance> Attendance,
    QuorumCount Quorum, MeetingRecord? Record, Meeting? Previous, MeetingRecord? PreviousAdoption, Meeting? AdoptedIn, MeetingRecord? Adoption,
    Meeting? ReconvenedAfter, IReadOnlyList<Meeting> EarlierMeetings, string? Chair)
{
    public bool AttendanceRecorded => Record?.AttendanceRecordedAt is not null;

    /// <summary>"Dagelijks bestuur, 20 januari 2027".</summary>
    public string Name => $"{Body.Name}, {DutchFormat.Day(Meeting.Date)}";

    /// <summary>The decided proposals of the meeting, numbered as on the agenda; the public version leaves out the closed ones and confidential documents.</summary>
    public IReadOnlyList<MinutesItem> Decisions(bool publicVersion) => Agenda
        .Where(l => l.Proposal?.Outcome is not null && !(publicVersion && l.IsClosed))
        .Select(l =>
        {
            var p = l.Proposal!;
            var amended = p.AmendedPoints is { Count: > 0 };
            return new MinutesItem(l.Number, p.Title, p.Kind, amended ? p.AmendedPoints! : p.DecisionPoints, amended, p.Outcome!, p.Explanation,
                publicVersion ? null : p.Remark,
                p.Documents.Where(d => !publicVersion || !d.Confidential).Select(d => d.Name + (d.Confidential ? " (vertrouwelijk)" : "")).ToList(), p.IsClosed);
        }).ToList();

    /// <summary>The names per kind of attendance, for the besluitenlijst: "Aanwezig", "Afwezig met kennisgeving", "Afwezig".</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Names)> AttendanceLines()
    {
        string Name(Member m) => m.Role == MemberRole.Voorzitter ? $"{m.Name} (voorzitter)" : m.Name;
        var lines = new List<(string, IReadOnlyList<string>)>
        {
            ("Aanwezig", Attendance.Where(a => a.Presence == Presences.Aanwezig).Select(a => Name(a.Seat))
                .Concat(Attendance.Where(a => a.Presence == Presences.Vervangen && a.Substitute is not null).Select(a => $"{a.Substitute!.Name} (plaatsvervanger van {a.Seat.Name})")).ToList()),
            ("Afwezig met kennisgeving", Attendance.Where(a => a.Presence == Presences.Kennisgeving).Select(a => Name(a.Seat)).ToList()),
            ("Afwezig", Attendance.Where(a => a.Presence is null).Select(a => Name(a.Seat)).ToList()),
        };
        return lines.Where(l => l.Item2.Count > 0).ToList();
    }

    /// <summary>"Vastgesteld in de vergadering van 17 februari 2027" (with the changes), or null while not adopted.</summary>
    public string? AdoptionSentence => AdoptedIn is null || Adoption is null
        ? null
        : $"Vastgesteld in de vergadering van {DutchFormat.Day(AdoptedIn.Date)}" + (Adoption.MinutesChanges is { } changes ? $", met deze wijzigingen: {changes.TrimEnd('.')}" : ", zonder wijzigingen") + ".";

    /// <summary>The quorum in a sentence, once attendance is recorded.</summary>
    public string QuorumSentence => !AttendanceRecorded
        ? "De aanwezigheid is nog niet vastgelegd."
        : Quorum.Reached
            ? $"Quorum aanwezig: {Quorum.Text} (nodig: {Quorum.Needed})."
            : ReconvenedAfter is not null
                ? $"Geen quorum ({Quorum.Text}); deze vergadering is opnieuw bijeengeroepen na die van {DutchFormat.Day(ReconvenedAfter.Date)} en besluit zonder quorum over de punten daarvan ({AdviesRoute.Activities.Governance.Meetings.Quorum.LegalBasis})."
                : $"Geen quorum: {Quorum.Text}, nodig is {Quorum.Needed} ({AdviesRoute.Activities.Governance.Meetings.Quorum.LegalBasis}). Er kunnen geen besluiten worden vastgelegd.";
}

/// <summary>
/// What the secretary records of a meeting besides the outcomes: the full agenda (standard items, proposals, own items),
/// the attendance and the quorum that follows from it, the meeting convened again after one without quorum, and the
/// adoption of the previous besluitenlijst. The outcomes themselves go through the step (see <see cref="IMeetingAttendanceSource"/>).
/// </summary>
public sealed class MeetingMinutes(MeetingAgenda agenda, HostDbContext host, IGovernanceDirectory directory, TimeProvider time,
    Portal.Publishing.PortalPublisher portal)
{
    public const string FreeItemPrefix = "vrij:";

    /// <summary>The id of an own item from the agenda form's key; null when the key is a proposal's.</summary>
    public static string? FreeItemId(string key) => key.StartsWith(FreeItemPrefix, StringComparison.Ordinal) ? key[FreeItemPrefix.Length..] : null;

    public async Task<MeetingView?> ReadAsync(string meetingId, CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        if (agenda.Find(meetingId) is not { } meeting || snapshot.Model.FindBody(meeting.Body) is not { } body)
        {
            return null;
        }

        var earlier = snapshot.Calendar.MeetingsOf(body.Id).Where(m => m.Id != meeting.Id && (m.Date < meeting.Date || (m.Date == meeting.Date && m.Time < meeting.Time))).ToList();
        var previous = earlier.LastOrDefault();
        var ids = new[] { meeting.Id, previous?.Id }.OfType<string>().ToList();
        var records = await host.MeetingRecords.AsNoTracking().Where(r => ids.Contains(r.MeetingId) || r.MinutesOf == meeting.Id).ToListAsync(cancellationToken);
        var record = records.FirstOrDefault(r => r.MeetingId == meeting.Id);
        var adoption = records.FirstOrDefault(r => r.MinutesOf == meeting.Id && r.MinutesAdoptedAt is not null);
        var attendees = await host.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToDictionaryAsync(a => a.MemberId, cancellationToken);
        var members = snapshot.Model.MembersOf(body.Id, meeting.Date).ToList();
        var attendance = members.Where(m => m.SubstituteFor is null).OrderBy(m => m.Role == MemberRole.Voorzitter ? 0 : 1).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(seat =>
            {
                var stored = attendees.GetValueOrDefault(seat.Id);
                var substitutes = members.Where(m => m.SubstituteFor == seat.Id).ToList();
                return new SeatAttendance(seat, stored?.Presence, stored?.SubstituteId is { } s ? snapshot.Model.FindMember(s) : null, substitutes);
            }).ToList();
        var quorum = Quorum.Count(snapshot.Model, body, meeting.Date, ToAttendees(attendees.Values));
        var chair = members.FirstOrDefault(m => m.Role == MemberRole.Voorzitter && m.SubstituteFor is null)?.Name;
        return new MeetingView(meeting, body, await AgendaAsync(meeting, previous, cancellationToken), attendance, quorum, record, previous,
            previous is null ? null : records.FirstOrDefault(r => r.MeetingId == meeting.Id && r.MinutesOf == previous.Id),
            adoption is null ? null : agenda.Find(adoption.MeetingId), adoption,
            record?.ReconvenedAfter is { } after ? agenda.Find(after) : null, earlier, chair);
    }

    /// <summary>
    /// The numbered agenda: opening, vaststelling, the previous besluitenlijst, ingekomen stukken and mededelingen; then the
    /// hamerstukken, the bespreekstukken and the secretary's own items in the order set; then rondvraag and sluiting.
    /// </summary>
    private async Task<IReadOnlyList<AgendaLine>> AgendaAsync(Meeting meeting, Meeting? previous, CancellationToken cancellationToken)
    {
        var proposals = await agenda.ItemsAsync(meeting.Id, cancellationToken);
        var free = await host.FreeAgendaItems.AsNoTracking().Where(f => f.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var middle = proposals.Select(p => (Group: p.Kind == AgendaKinds.Hamerstuk ? 0 : 1, p.Position, p.Title, Proposal: (AgendaEntry?)p, Free: (FreeAgendaItem?)null))
            .Concat(free.Select(f => (Group: 1, f.Position, f.Title, Proposal: (AgendaEntry?)null, Free: (FreeAgendaItem?)f)))
            .OrderBy(x => x.Group).ThenBy(x => x.Position).ThenBy(x => x.Title, StringComparer.Ordinal).ToList();
        var lines = new List<AgendaLine>();
        void Standard(StandardItem item, string title) => lines.Add(new AgendaLine(lines.Count + 1, title, Standard: item));
        Standard(StandardItem.Opening, "Opening");
        Standard(StandardItem.VaststellingAgenda, "Vaststelling van de agenda");
        Standard(StandardItem.BesluitenlijstVorige, previous is null
            ? "Besluitenlijst van de vorige vergadering"
            : $"Besluitenlijst van de vergadering van {DutchFormat.Day(previous.Date)}");
        Standard(StandardItem.IngekomenStukken, "Ingekomen stukken");
        Standard(StandardItem.Mededelingen, "Mededelingen");
        foreach (var item in middle)
        {
            lines.Add(new AgendaLine(lines.Count + 1, item.Title, Proposal: item.Proposal, Free: item.Free));
        }

        Standard(StandardItem.Rondvraag, "Rondvraag");
        Standard(StandardItem.Sluiting, "Sluiting");
        return lines;
    }

    /// <summary>Adds an item of the secretary's own after the last proposal or own item.</summary>
    /// <returns>Why it was not added, or null.</returns>
    public async Task<string?> AddFreeItemAsync(string meetingId, string? title, string? text, CancellationToken cancellationToken)
    {
        title = title?.Trim();
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (string.IsNullOrEmpty(title))
        {
            return "Geef het agendapunt een titel.";
        }

        if (title.Length > 300 || text?.Length > 4000)
        {
            return "De titel is hoogstens 300 tekens lang en de tekst hoogstens 4.000.";
        }

        // The agenda as it is shown keeps its order (proposals never ordered come last, by title): it is saved as numbered,
        // and the new item follows it.
        var meeting = agenda.Find(meetingId) ?? throw new InvalidOperationException($"Meeting {meetingId} not found.");
        var ordered = (await AgendaAsync(meeting, null, cancellationToken)).Where(l => l.OrderKey is not null).ToList();
        await agenda.SaveAsync(meetingId, ordered.Select((l, i) => (l.OrderKey!, i + 1, l.Proposal?.Kind ?? "vrij")).ToList(), cancellationToken);
        host.FreeAgendaItems.Add(new FreeAgendaItem
        {
            Id = Guid.NewGuid().ToString("N"), MeetingId = meetingId, Title = title, Text = text, Position = ordered.Count + 1,
        });
        await host.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Removes an item of the secretary's own; false when there was none with that id on the meeting.</summary>
    public async Task<bool> RemoveFreeItemAsync(string meetingId, string id, CancellationToken cancellationToken)
    {
        var item = await host.FreeAgendaItems.FirstOrDefaultAsync(f => f.MeetingId == meetingId && f.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        host.FreeAgendaItems.Remove(item);
        await host.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Records the attendance per seat (present, absent with notice, or replaced by one of the seat's substitutes; a seat
    /// left open counts as absent), and whether the meeting was convened again after an earlier one of the body that had
    /// no quorum. Recorded on or after the meeting's day; a refusal stores nothing.
    /// </summary>
    /// <returns>Why it was not recorded, or null.</returns>
    public async Task<string?> RecordAttendanceAsync(string meetingId, IReadOnlyDictionary<string, (string? Presence, string? Substitute)> seats, string? reconvenedAfter,
        string recordedBy, CancellationToken cancellationToken)
    {
        var view = await ReadAsync(meetingId, cancellationToken) ?? throw new InvalidOperationException($"Meeting {meetingId} not found.");
        if (DutchTime.Today(time.GetUtcNow()) < view.Meeting.Date)
        {
            return $"De vergadering van {DutchFormat.Day(view.Meeting.Date)} is nog niet geweest: de aanwezigheid wordt op of na die dag vastgelegd. Er is niets opgeslagen.";
        }

        var rows = new List<MeetingAttendee>();
        foreach (var seat in view.Attendance)
        {
            var (presence, substitute) = seats.GetValueOrDefault(seat.Seat.Id);
            presence = string.IsNullOrWhiteSpace(presence) ? null : presence;
            switch (presence)
            {
                case null:
                    continue;
                case Presences.Aanwezig or Presences.Kennisgeving:
                    rows.Add(new MeetingAttendee { MeetingId = meetingId, MemberId = seat.Seat.Id, Presence = presence });
                    break;
                case Presences.Vervangen:
                    var chosen = seat.Substitutes.FirstOrDefault(s => s.Id == substitute);
                    if (chosen is null)
                    {
                        return seat.Substitutes.Count == 0
                            ? $"{seat.Seat.Name} heeft geen plaatsvervanger; kies aanwezig of afwezig met kennisgeving. Er is niets opgeslagen."
                            : $"Kies wie {seat.Seat.Name} vervangt ({DutchFormat.Alternatives(seat.Substitutes.Select(s => s.Name))}). Er is niets opgeslagen.";
                    }

                    rows.Add(new MeetingAttendee { MeetingId = meetingId, MemberId = seat.Seat.Id, Presence = presence, SubstituteId = chosen.Id });
                    break;
                default:
                    return $"Kies voor {seat.Seat.Name} aanwezig, afwezig met kennisgeving of vervangen. Er is niets opgeslagen.";
            }
        }

        reconvenedAfter = string.IsNullOrWhiteSpace(reconvenedAfter) ? null : reconvenedAfter;
        if (reconvenedAfter is not null)
        {
            if (view.EarlierMeetings.FirstOrDefault(m => m.Id == reconvenedAfter) is not { } earlier)
            {
                return $"Kies een eerdere vergadering van {view.Body.Name} die geen quorum had. Er is niets opgeslagen.";
            }

            var earlierView = (await ReadAsync(earlier.Id, cancellationToken))!;
            if (!earlierView.AttendanceRecorded || earlierView.Quorum.Reached)
            {
                return $"De vergadering van {DutchFormat.Day(earlier.Date)} had volgens de vastgelegde aanwezigheid "
                    + (earlierView.AttendanceRecorded ? "wel een quorum" : "geen vastgelegde aanwezigheid")
                    + ": alleen na een vergadering zonder quorum wordt opnieuw bijeengeroepen (art. 20 Gemeentewet). Er is niets opgeslagen.";
            }
        }

        host.MeetingAttendees.RemoveRange(await host.MeetingAttendees.Where(a => a.MeetingId == meetingId).ToListAsync(cancellationToken));
        host.MeetingAttendees.AddRange(rows);
        var record = await RecordOfAsync(meetingId, cancellationToken);
        record.AttendanceRecordedAt = time.GetUtcNow().UtcDateTime;
        record.AttendanceRecordedBy = recordedBy;
        record.ReconvenedAfter = reconvenedAfter;
        await host.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// The meeting adopts the previous meeting's besluitenlijst (its standard item), unchanged or with the changes given.
    /// It is a decision of this meeting: on or after its day, and with a quorum as any other (<see cref="Quorum"/>).
    /// </summary>
    /// <returns>Why it was not recorded, or null.</returns>
    public async Task<string?> AdoptPreviousMinutesAsync(string meetingId, string? changes, string adoptedBy, CancellationToken cancellationToken)
    {
        var view = await ReadAsync(meetingId, cancellationToken) ?? throw new InvalidOperationException($"Meeting {meetingId} not found.");
        if (view.Previous is not { } previous)
        {
            return $"Er is geen eerdere vergadering van {view.Body.Name} op de jaarkalender; er is geen besluitenlijst vast te stellen.";
        }

        if (DutchTime.Today(time.GetUtcNow()) < view.Meeting.Date)
        {
            return $"De vergadering van {DutchFormat.Day(view.Meeting.Date)} is nog niet geweest: de besluitenlijst wordt in die vergadering vastgesteld. Er is niets vastgelegd.";
        }

        if (view.AttendanceRecorded && !view.Quorum.Reached && view.ReconvenedAfter is null)
        {
            return $"De vergadering van {view.Name} heeft geen quorum: {view.Quorum.Text}, nodig is {view.Quorum.Needed} ({Quorum.LegalBasis}). Er is niets vastgelegd.";
        }

        changes = string.IsNullOrWhiteSpace(changes) ? null : changes.Trim();
        if (changes?.Length > 4000)
        {
            return "De wijzigingen zijn hoogstens 4.000 tekens lang. Er is niets vastgelegd.";
        }

        var record = await RecordOfAsync(meetingId, cancellationToken);
        record.MinutesOf = previous.Id;
        record.MinutesAdoptedAt = time.GetUtcNow().UtcDateTime;
        record.MinutesAdoptedBy = adoptedBy;
        record.MinutesChanges = changes;
        await host.SaveChangesAsync(cancellationToken);

        // Adopted, the previous meeting's besluitenlijst is published where its body publishes besluitenlijsten (art. 3.3 Woo).
        await portal.BesluitenlijstAdoptedAsync(previous.Id, adoptedBy, cancellationToken);
        return null;
    }

    private async Task<MeetingRecord> RecordOfAsync(string meetingId, CancellationToken cancellationToken)
    {
        var record = await host.MeetingRecords.FirstOrDefaultAsync(r => r.MeetingId == meetingId, cancellationToken);
        if (record is null)
        {
            record = new MeetingRecord { MeetingId = meetingId };
            host.MeetingRecords.Add(record);
        }

        return record;
    }

    internal static IReadOnlyList<Attendee> ToAttendees(IEnumerable<MeetingAttendee> rows) => rows.Select(a => new Attendee(a.MemberId, a.Presence switch
    {
        Presences.Aanwezig => Presence.Aanwezig,
        Presences.Vervangen => Presence.Vervangen,
        _ => Presence.AfwezigMetKennisgeving,
    }, a.SubstituteId)).ToList();
}

/// <summary>
/// The host's answer to the step's question about a meeting's attendance (<see cref="IMeetingAttendanceSource"/>): read in a
/// scope of its own, as the engine asks from outside any request.
/// </summary>
internal sealed class HostMeetingAttendanceSource(IServiceScopeFactory scopes) : IMeetingAttendanceSource
{
    public async ValueTask<MeetingAttendance?> FindAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var record = await host.MeetingRecords.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meetingId, cancellationToken);
        if (record?.AttendanceRecordedAt is null)
        {
            return null;
        }

        var rows = await host.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(cancellationToken);
        return new MeetingAttendance(meetingId, MeetingMinutes.ToAttendees(rows), record.ReconvenedAfter);
    }

    public async ValueTask<bool> WasOnAgendaAsync(string instanceId, string meetingId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<IWorkflowReader>();
        await foreach (var instance in workflows.StreamInstancesAsync(new InstanceQuery { Attributes = [ProposalAttributes.Meeting.Is(meetingId)] }, cancellationToken))
        {
            if (instance.Id == instanceId)
            {
                return true;
            }
        }

        return false;
    }
}
