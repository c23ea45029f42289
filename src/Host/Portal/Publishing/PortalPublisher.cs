using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// Records what goes on the portal and what comes off it: a meeting's agenda with its public stukken when its convocation
/// is sent (art. 22 Wgr: the algemeen bestuur meets in public), its besluitenlijst when the next meeting adopted it
/// (art. 3.3 Woo: active publication of what a board decides); and a secretary's withdrawal of either, or of one stuk,
/// with the reason. Each is journaled on every proposal it concerns, in a sentence naming the person.
/// </summary>
public sealed class PortalPublisher(
    MeetingAgenda agenda,
    HostDbContext host,
    IGovernanceDirectory directory,
    IWorkflowRuntime runtime,
    IOptionsMonitor<PortalOptions> options,
    TimeProvider time,
    ILogger<PortalPublisher> logger)
{
    /// <summary>The longest reason for a withdrawal.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// The convocation of <paramref name="meeting"/> went out: publishes its agenda (and stukken where the body publishes
    /// them). Once per meeting: a convocation sent again publishes nothing new, and a withdrawn agenda stays withdrawn.
    /// </summary>
    /// <returns>The publication made now; null when the body publishes no agenda or it was published before.</returns>
    public Task<Publication?> ConvocationSentAsync(Meeting meeting, string by, CancellationToken cancellationToken) =>
        PublishAsync(meeting, PublicationKinds.Agenda, by, cancellationToken);

    /// <summary>
    /// The besluitenlijst of <paramref name="meetingId"/> was adopted (in the next meeting of its body): publishes it,
    /// once, for a body that publishes besluitenlijsten and a meeting that was convened.
    /// </summary>
    public Task<Publication?> BesluitenlijstAdoptedAsync(string meetingId, string by, CancellationToken cancellationToken) =>
        agenda.Find(meetingId) is { } meeting ? PublishAsync(meeting, PublicationKinds.Besluitenlijst, by, cancellationToken) : Task.FromResult<Publication?>(null);

    /// <summary>The publications of a meeting (standing or withdrawn), for the internal meeting page.</summary>
    public async Task<IReadOnlyList<Publication>> OfMeetingAsync(string meetingId, CancellationToken cancellationToken) =>
        await host.Publications.AsNoTracking().Where(p => p.MeetingId == meetingId).OrderBy(p => p.PublishedAt).ToListAsync(cancellationToken);

    /// <summary>The stukken of a meeting withdrawn on their own.</summary>
    public async Task<IReadOnlyList<DocumentWithdrawal>> DocumentWithdrawalsAsync(string meetingId, CancellationToken cancellationToken) =>
        await host.DocumentWithdrawals.AsNoTracking().Where(w => w.MeetingId == meetingId).OrderBy(w => w.WithdrawnAt).ToListAsync(cancellationToken);

    /// <summary>Takes a meeting's agenda or besluitenlijst off the portal, with the reason. A refusal stores nothing.</summary>
    /// <returns>Why it was not withdrawn, or null.</returns>
    public async Task<string?> WithdrawAsync(string meetingId, string kind, string? reason, string by, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (Refuse(reason) is { } refused)
        {
            return refused;
        }

        var publication = await host.Publications.FirstOrDefaultAsync(p => p.MeetingId == meetingId && p.Kind == kind, cancellationToken);
        if (publication is null || agenda.Find(meetingId) is not { } meeting)
        {
            return "Dat is niet gepubliceerd op het openbare portaal. Er is niets teruggetrokken.";
        }

        if (publication.IsWithdrawn)
        {
            return $"Dat is al teruggetrokken op {DutchFormat.Moment(Utc(publication.WithdrawnAt!.Value))}. Er is niets gewijzigd.";
        }

        publication.WithdrawnAt = time.GetUtcNow().UtcDateTime;
        publication.WithdrawnBy = by;
        publication.WithdrawnReason = reason;
        await host.SaveChangesAsync(cancellationToken);

        var person = await PersonAsync(by, cancellationToken);
        var what = kind == PublicationKinds.Agenda ? AgendaWords(meeting.Body) : "de besluitenlijst";
        var sentence = $"{person} haalde {what} van de vergadering van {Of(meeting)} van het openbare portaal; reden: {reason!.TrimEnd('.')}.";
        var items = await agenda.ItemsAsync(meetingId, cancellationToken);
        await JournalAsync(Concerned(items, kind), by, sentence, kind + "-ingetrokken", meetingId, cancellationToken);
        return null;
    }

    /// <summary>Takes one public stuk of a meeting off the portal, with the reason. A refusal stores nothing.</summary>
    /// <returns>Why it was not withdrawn, or null.</returns>
    public async Task<string?> WithdrawDocumentAsync(string meetingId, string documentId, string? reason, string by, IPublicCatalog catalog, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (Refuse(reason) is { } refused)
        {
            return refused;
        }

        if (await host.DocumentWithdrawals.AsNoTracking().FirstOrDefaultAsync(w => w.DocumentId == documentId, cancellationToken) is { } earlier)
        {
            return $"‘{earlier.FileName}’ is al teruggetrokken op {DutchFormat.Moment(Utc(earlier.WithdrawnAt))}. Er is niets gewijzigd.";
        }

        var detail = await catalog.MeetingAsync(meetingId, cancellationToken);
        var document = detail?.Agenda.SelectMany(i => i.Documents).FirstOrDefault(d => d.Id == documentId);
        if (document is null || agenda.Find(meetingId) is not { } meeting)
        {
            return "Dat stuk staat niet (meer) op het openbare portaal bij deze vergadering. Er is niets teruggetrokken.";
        }

        host.DocumentWithdrawals.Add(new DocumentWithdrawal
        {
            DocumentId = documentId, MeetingId = meetingId, FileName = document.Name, WithdrawnAt = time.GetUtcNow().UtcDateTime, WithdrawnBy = by, Reason = reason!,
        });
        await host.SaveChangesAsync(cancellationToken);
        var person = await PersonAsync(by, cancellationToken);
        var sentence = $"{person} haalde het stuk ‘{document.Name}’ van de vergadering van {Of(meeting)} van het openbare portaal; reden: {reason!.TrimEnd('.')}.";
        await JournalAsync([document.ProposalId], by, sentence, "stuk-ingetrokken", meetingId, cancellationToken);
        return null;
    }

    private static string? Refuse(string? reason) => string.IsNullOrEmpty(reason)
        ? "Geef de reden waarom het van het openbare portaal gaat: die staat op het portaal en in de tijdlijn van de voorstellen. Er is niets teruggetrokken."
        : reason.Length > MaxReasonLength
            ? $"De reden is hoogstens {DutchFormat.Number(MaxReasonLength)} tekens lang. Er is niets teruggetrokken."
            : null;

    private async Task<Publication?> PublishAsync(Meeting meeting, string kind, string by, CancellationToken cancellationToken)
    {
        var publishes = options.CurrentValue.For(meeting.Body);
        if (publishes is null || (kind == PublicationKinds.Agenda ? !publishes.Agenda : !publishes.Besluitenlijst))
        {
            return null;
        }

        if (await host.Publications.AnyAsync(p => p.MeetingId == meeting.Id && p.Kind == kind, cancellationToken))
        {
            return null;
        }

        if (!await host.Convocations.AnyAsync(c => c.MeetingId == meeting.Id, cancellationToken))
        {
            // Nothing of a meeting that was never convened reaches the portal (e.g. a besluitenlijst of a meeting held
            // without a convocation from AdviesRoute).
            logger.LogInformation("Meeting {MeetingId} has no convocation: its {Kind} is not published.", meeting.Id, kind);
            return null;
        }

        var publication = new Publication
        {
            Id = Guid.NewGuid().ToString("N"), MeetingId = meeting.Id, Kind = kind, PublishedAt = time.GetUtcNow().UtcDateTime, PublishedBy = by,
        };
        host.Publications.Add(publication);
        try
        {
            await host.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sends at the same moment: the unique (meeting, kind) lets one through; the other publishes nothing.
            host.Entry(publication).State = EntityState.Detached;
            return null;
        }

        logger.LogInformation("Published the {Kind} of meeting {MeetingId} on the portal (by {By}).", kind, meeting.Id, by);
        var person = await PersonAsync(by, cancellationToken);
        var what = kind == PublicationKinds.Agenda ? AgendaWords(meeting.Body) : "de besluitenlijst";
        var sentence = $"{person} publiceerde {what} van de vergadering van {Of(meeting)} op het openbare portaal.";
        var items = await agenda.ItemsAsync(meeting.Id, cancellationToken);
        await JournalAsync(Concerned(items, kind), by, sentence, kind, meeting.Id, cancellationToken);
        return publication;
    }

    /// <summary>The proposals a publication shows: the open ones on the agenda, or the open ones decided in the meeting.</summary>
    private static IReadOnlyList<string> Concerned(IReadOnlyList<AgendaEntry> items, string kind) => items
        .Where(i => !i.IsClosed && (kind == PublicationKinds.Agenda || i.Outcome is not null))
        .Select(i => i.InstanceId).ToList();

    /// <summary>
    /// One line per proposal: in the engine's journal while the proposal runs (as a withdrawn link is journaled); for a
    /// proposal that ended, a <see cref="PublicationNote"/> its timeline shows in the same place.
    /// </summary>
    private async Task JournalAsync(IReadOnlyList<string> instanceIds, string by, string sentence, string what, string meetingId, CancellationToken cancellationToken)
    {
        foreach (var instanceId in instanceIds)
        {
            try
            {
                await runtime.AmendInputAsync(instanceId, _ => new JsonObject
                {
                    ["portaal"] = sentence,
                    ["publicatie"] = what,
                    ["vergadering"] = meetingId,
                }, new Trigger(by, Channel.Page), cancellationToken);
            }
            catch (InstanceStateException)
            {
                host.PublicationNotes.Add(new PublicationNote
                {
                    Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, At = time.GetUtcNow().UtcDateTime, By = by, Sentence = sentence,
                });
                await host.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>The person's name as their account shows it; the account name when it has none.</summary>
    private async Task<string> PersonAsync(string by, CancellationToken cancellationToken)
    {
        var name = await host.Users.AsNoTracking().Where(u => u.UserName == by || u.Email == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? by : name;
    }

    private string AgendaWords(string bodyId) => options.CurrentValue.For(bodyId)?.Stukken == true ? "de agenda en de openbare stukken" : "de agenda";

    /// <summary>"het algemeen bestuur van 14 april 2027".</summary>
    private string Of(Meeting meeting)
    {
        var body = directory.Current.Model.FindBody(meeting.Body);
        return $"{PublicCatalog.BodyPhrase(meeting.Body, body?.Name ?? meeting.Body)} van {DutchFormat.Day(meeting.Date)}";
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
