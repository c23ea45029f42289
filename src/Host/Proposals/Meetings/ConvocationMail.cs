using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// The convocation of one member for a meeting: the agenda as it stood when the secretary sent it, and the open
/// documents that travel with it (by id: their content is read from the database when the mail goes out, so the
/// outbox row stays small).
/// </summary>
public sealed record ConvocationMail(MailAddress To, string BodyName, DateOnly Date, TimeOnly Time, string Place,
    IReadOnlyList<ConvocationMail.AgendaLine> Agenda, IReadOnlyList<string> DocumentIds, int PublicDocuments) : IQueuedMail
{
    public static string Kind => "mail.convocatie.v1";

    /// <param name="AgendaKind">"hamerstuk" or "bespreekstuk".</param>
    public sealed record AgendaLine(string Title, string AgendaKind, IReadOnlyList<AgendaDocument> Documents);

    public sealed record AgendaDocument(string Name, bool Confidential);
}

internal sealed class ConvocationMailComposer(HostDbContext host) : IMailComposer<ConvocationMail>
{
    public async Task<ComposedMail?> ComposeAsync(ConvocationMail mail, CancellationToken cancellationToken)
    {
        var ids = mail.DocumentIds.ToList();
        var stored = await host.ProposalDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var attachments = ids.Where(stored.ContainsKey).Select(id => stored[id]).Select(d => new MailAttachment(d.FileName, d.ContentType, d.Content)).ToList();
        var note = (attachments.Count, mail.PublicDocuments) switch
        {
            (0, 0) => "Er zitten geen stukken als bijlage bij deze mail.",
            (0, _) => "De openbare stukken zijn samen te groot voor één mail; ze liggen bij het secretariaat.",
            var (attached, all) when attached == all => "De openbare stukken zitten bij deze mail.",
            var (attached, all) => $"{attached} van de {all} openbare stukken zitten bij deze mail; de overige zijn te groot voor één mail en liggen bij het secretariaat.",
        };
        return new ComposedMail([mail.To], new MailContent
        {
            Subject = $"Convocatie {mail.BodyName} {DutchFormat.Day(mail.Date)}",
            Greeting = $"Beste {mail.To.Name},",
            Paragraphs = [$"Hierbij wordt u uitgenodigd voor de vergadering van {mail.BodyName} op {DutchFormat.DayWithWeekday(mail.Date)} om {DutchFormat.Time(mail.Time)} in {mail.Place}."],
            List = new MailList("Agenda", mail.Agenda.Select(line => new MailListItem($"{line.Title} – {line.AgendaKind}",
                Note: line.Documents.Count == 0 ? null : "stukken: " + string.Join(", ", line.Documents.Select(d => d.Name + (d.Confidential ? ", vertrouwelijk" : ""))))).ToList(), Numbered: true),
            Closing = [note + " Vertrouwelijke stukken gaan niet per mail."],
            Attachments = attachments,
        });
    }
}
