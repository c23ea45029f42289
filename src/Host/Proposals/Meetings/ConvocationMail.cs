using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// The convocation of one member for a meeting: the agenda as it stood when the secretary sent it, and the open
/// documents that travel with it (by id: their content is read from the database when the mail goes out, so the
/// outbox row stays small). With <see cref="MeetingId"/> it carries the meeting's one calendar invitation with the
/// whole agenda at <see cref="Sequence"/>; with <see cref="Added"/> it is the update of that invitation for items
/// added after the convocation went out.
/// </summary>
/// <param name="MeetingId">Null in rows queued before the invitation came with the convocation: they go without one.</param>
/// <param name="Added">The titles of the items added since the member's last invitation; null for the convocation itself.</param>
public sealed record ConvocationMail(MailAddress To, string BodyName, DateOnly Date, TimeOnly Time, string Place,
    IReadOnlyList<ConvocationMail.AgendaLine> Agenda, IReadOnlyList<string> DocumentIds, int PublicDocuments,
    string? MeetingId = null, int Sequence = 0, IReadOnlyList<string>? Added = null) : IQueuedMail
{
    public static string Kind => "mail.convocatie.v1";

    /// <param name="AgendaKind">"hamerstuk" or "bespreekstuk"; empty for a standard item or the secretary's own item.</param>
    public sealed record AgendaLine(string Title, string AgendaKind, IReadOnlyList<AgendaDocument> Documents);

    public sealed record AgendaDocument(string Name, bool Confidential);

    /// <summary>What the invitation says, for a mail that carries one.</summary>
    public MeetingInvitation.Details? Invitation => MeetingId is null
        ? null
        : new(MeetingId, BodyName, Date, Time, Place, Agenda.Select(line => line.AgendaKind.Length == 0 ? line.Title : $"{line.Title} ({line.AgendaKind})").ToList(), Sequence);
}

internal sealed class ConvocationMailComposer(HostDbContext host, IOptions<MailOptions> options, TimeProvider time) : IMailComposer<ConvocationMail>
{
    public async Task<ComposedMail?> ComposeAsync(ConvocationMail mail, CancellationToken cancellationToken)
    {
        var ids = mail.DocumentIds.ToList();
        var stored = await host.ProposalDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var attachments = ids.Where(stored.ContainsKey).Select(id => stored[id]).Select(d => new MailAttachment(d.FileName, d.ContentType, d.Content)).ToList();
        return new ComposedMail([mail.To], Content(mail, attachments, Organizer(options.Value), time.GetUtcNow()));
    }

    /// <summary>The sender of every mail, who organises the meeting in the invitation.</summary>
    public static MailAddress Organizer(MailOptions options) => new(options.From.Name, options.From.Address);

    /// <summary>
    /// What the mail says, with these documents attached and the invitation added when the mail carries one. The
    /// convocation page shows a member's mail through this same method, so what it previews is what is sent.
    /// </summary>
    public static MailContent Content(ConvocationMail mail, IReadOnlyList<MailAttachment> attachments, MailAddress organizer, DateTimeOffset now)
    {
        var attachedCount = attachments.Count;
        var note = (attachedCount, mail.PublicDocuments) switch
        {
            (0, 0) => mail.Added is null ? "Er zitten geen stukken als bijlage bij deze mail." : "Bij het toegevoegde agendapunt horen geen openbare stukken.",
            (0, _) => "De openbare stukken zijn samen te groot voor één mail; ze liggen bij het secretariaat.",
            var (attached, all) when attached == all => mail.Added is null ? "De openbare stukken zitten bij deze mail." : "De openbare stukken van het toegevoegde agendapunt zitten bij deze mail.",
            var (attached, all) => $"{attached} van de {all} openbare stukken zitten bij deze mail; de overige zijn te groot voor één mail en liggen bij het secretariaat.",
        };
        var when = $"de vergadering van {mail.BodyName} op {DutchFormat.DayWithWeekday(mail.Date)} om {DutchFormat.Time(mail.Time)} in {mail.Place}";
        IReadOnlyList<string> paragraphs = mail.Added is { } added
            ? [$"Aan de agenda van {when} is toegevoegd: {DutchFormat.List(added.Select(t => $"‘{t}’").ToList())}.",
               "Hieronder staat de hele agenda zoals die nu is." + (mail.MeetingId is null ? "" : " De uitnodiging bij deze mail vervangt die in uw agenda.")]
            : [$"Hierbij wordt u uitgenodigd voor {when}."
               + (mail.MeetingId is null ? "" : " De uitnodiging voor uw agenda zit bij deze mail; komt er later een agendapunt bij, dan krijgt u een bijgewerkte uitnodiging voor dezelfde afspraak.")];
        var withInvitation = mail.Invitation is { } invitation
            ? [.. attachments, MeetingInvitation.For(invitation, mail.To, organizer, now)]
            : attachments;
        return new MailContent
        {
            Subject = (mail.Added is null ? "Convocatie" : "Aanvulling agenda") + $" {mail.BodyName} {DutchFormat.Day(mail.Date)}",
            Greeting = $"Beste {mail.To.Name},",
            Paragraphs = paragraphs,
            List = new MailList("Agenda", mail.Agenda.Select(line => new MailListItem(line.AgendaKind.Length == 0 ? line.Title : $"{line.Title} – {line.AgendaKind}",
                Note: line.Documents.Count == 0 ? null : "stukken: " + string.Join(", ", line.Documents.Select(d => d.Name + (d.Confidential ? ", vertrouwelijk" : ""))))).ToList(), Numbered: true),
            Closing = [note + " Vertrouwelijke stukken gaan niet per mail."],
            Attachments = withInvitation,
        };
    }
}
