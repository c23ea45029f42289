using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A proposal on a meeting's agenda, with the outcome once the meeting recorded it.</summary>
public sealed record AgendaEntry(string InstanceId, string Title, string Kind, int Position, IReadOnlyList<(string Name, bool Confidential)> Documents,
    string? Outcome, string? Explanation, string? Remark);

/// <summary>
/// A meeting's agenda: the proposals waiting on it (or decided in it), in the order and with the kind the secretary set;
/// the convocation mail to the members; and the besluitenlijst from the outcomes in the journal.
/// </summary>
public sealed class MeetingAgenda(WorkflowDbContext engine, HostDbContext host, IGovernanceDirectory directory, IMailSender sender, TimeProvider time)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The most the convocation carries as attachments (many mail servers refuse messages over 25 MB).</summary>
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;

    public Meeting? Find(string meetingId) => directory.Current.Calendar.Meetings.FirstOrDefault(m => m.Id == meetingId);

    public async Task<IReadOnlyList<AgendaEntry>> ItemsAsync(string meetingId, CancellationToken cancellationToken)
    {
        var pattern = $"%\"{meetingId}\"%";
        var rows = await engine.Instances.AsNoTracking().Where(i => EF.Functions.Like(i.StateJson, pattern)).ToListAsync(cancellationToken);
        var outcomes = await engine.Journal.AsNoTracking().Where(j => j.Kind == "vergaderingUitkomst" && EF.Functions.Like(j.DataJson!, pattern)).ToListAsync(cancellationToken);
        var stored = await host.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.InstanceId, cancellationToken);
        var entries = new List<AgendaEntry>();
        foreach (var row in rows)
        {
            var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
            var waiting = state.Waiting().Any(w => w.Bookmark.Name == "Vergadering" && w.Bookmark.Payload?["vergadering"]?["id"]?.GetValue<string>() == meetingId);
            var decided = outcomes.LastOrDefault(o => o.InstanceId == row.Id && JsonNode.Parse(o.DataJson!)?["vergadering"]?.GetValue<string>() == meetingId);
            if (!waiting && decided is null)
            {
                continue;
            }

            var data = decided?.DataJson is { } json ? JsonNode.Parse(json) : null;
            var documents = RequestMailRenderer.Documents(state.Input["documenten"]).Select(d => (d.Name, d.Confidential)).ToList();
            var item = stored.GetValueOrDefault(row.Id);
            entries.Add(new AgendaEntry(row.Id, state.Input["titel"]?.GetValue<string>() ?? "(zonder titel)", item?.Kind ?? AgendaKinds.Bespreekstuk,
                item?.Position ?? int.MaxValue, documents, decided?.Outcome, data?["uitleg"]?.GetValue<string>(), data?["toelichting"]?.GetValue<string>()));
        }

        return entries.OrderBy(e => e.Kind == AgendaKinds.Hamerstuk ? 0 : 1).ThenBy(e => e.Position).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(string meetingId, IReadOnlyList<(string InstanceId, int Position, string Kind)> items, CancellationToken cancellationToken)
    {
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
            tasks.Add(new Overview.SecretaryTask(meeting.Id, $"{body} {meeting.Date.ToString("d MMMM yyyy", Dutch)}", "Vergadering",
                $"Convocatie met agenda en stukken versturen ({items.Count} {(items.Count == 1 ? "agendapunt" : "agendapunten")})",
                meeting.DocumentsDeadline.Moment, "stukken " + meeting.DocumentsDeadline.Display, meeting.DocumentsDeadline.Moment < now,
                $"/Vergaderingen/{Uri.EscapeDataString(meeting.Id)}"));
        }

        return tasks;
    }

    /// <summary>Mails the convocation with the agenda to every member of the body on the meeting's day, and records it.</summary>
    /// <returns>How many members were sent it.</returns>
    public async Task<int> SendConvocationAsync(Meeting meeting, string sentBy, CancellationToken cancellationToken)
    {
        var model = directory.Current.Model;
        var body = model.FindBody(meeting.Body)!;
        var items = await ItemsAsync(meeting.Id, cancellationToken);
        var date = meeting.Date.ToString("dddd d MMMM yyyy", Dutch);
        var text = new StringBuilder($"Hierbij wordt u uitgenodigd voor de vergadering van {body.Name} op {date} om {meeting.Time:HH\\:mm} in {meeting.Place}.\n\nAgenda:\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\"><p>")
            .Append(WebUtility.HtmlEncode($"Hierbij wordt u uitgenodigd voor de vergadering van {body.Name} op {date} om {meeting.Time:HH\\:mm} in {meeting.Place}."))
            .Append("</p><h2>Agenda</h2><ol>");
        var number = 1;
        foreach (var item in items)
        {
            var docs = item.Documents.Count == 0 ? "" : " (stukken: " + string.Join(", ", item.Documents.Select(d => d.Name + (d.Confidential ? ", vertrouwelijk" : ""))) + ")";
            text.Append(CultureInfo.InvariantCulture, $"{number}. {item.Title} – {item.Kind}{docs}\n");
            html.Append("<li>").Append(WebUtility.HtmlEncode($"{item.Title} – {item.Kind}{docs}")).Append("</li>");
            number++;
        }

        // The open stukken travel with the convocation, up to a total that mail servers accept; vertrouwelijke stukken
        // never go by mail (they open with a one-time code through the member's own link).
        var instanceIds = items.Select(i => i.InstanceId).ToList();
        var stored = await host.ProposalDocuments.AsNoTracking()
            .Where(d => d.InstanceId != null && instanceIds.Contains(d.InstanceId) && !d.Confidential)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var attachments = new List<MailAttachment>();
        long total = 0;
        foreach (var document in stored)
        {
            if (total + document.Size > MaxAttachmentBytes)
            {
                break;
            }

            attachments.Add(new MailAttachment(document.FileName, document.ContentType, document.Content));
            total += document.Size;
        }

        var note = attachments.Count == stored.Count
            ? (attachments.Count == 0 ? "Bij deze agenda horen geen openbare stukken." : "De openbare stukken zitten bij deze mail.")
            : $"{attachments.Count} van de {stored.Count} openbare stukken zitten bij deze mail; de overige zijn te groot voor één mail en liggen bij het secretariaat.";
        html.Append("</ol><p>").Append(WebUtility.HtmlEncode(note + " Vertrouwelijke stukken gaan niet per mail.")).Append("</p></body></html>");
        text.Append('\n').Append(note).Append(" Vertrouwelijke stukken gaan niet per mail.\n");
        var members = model.MembersOf(body.Id, meeting.Date).Where(m => m.SubstituteFor is null).ToList();
        var sentAt = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var member in members)
        {
            await sender.SendAsync(new OutgoingMail($"<convocatie.{meeting.Id}.{member.Id}.{sentAt}@adviesroute>", [new MailAddress(member.Name, member.Email)],
                $"Convocatie {body.Name} {meeting.Date.ToString("d MMMM yyyy", Dutch)}", html.ToString(), text.ToString(), attachments), cancellationToken);
        }

        host.Convocations.Add(new Convocation
        {
            Id = Guid.NewGuid().ToString("N"), MeetingId = meeting.Id, SentAt = time.GetUtcNow().UtcDateTime, SentBy = sentBy,
            Recipients = members.Count, Items = items.Count,
        });
        await host.SaveChangesAsync(cancellationToken);
        return members.Count;
    }
}
