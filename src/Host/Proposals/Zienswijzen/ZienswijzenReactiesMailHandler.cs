using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Zienswijzen;

/// <summary>
/// Delivers the DB's adopted reactions (outbox kind <c>zienswijzenReacties</c>, art. 35 lid 3 Wgr): makes the
/// zienswijzennota as a PDF, adds it to the proposal's documents (so it goes with the begroting to the AB: agenda,
/// convocation, links), and mails every council: one that gave a zienswijze gets its own zienswijze with the board's
/// reaction and nothing of another council's; one that gave none gets one notice with the nota attached.
/// A retry adds the nota once and sends the same Message-Ids again.
/// </summary>
internal sealed class ZienswijzenReactiesMailHandler(
    IMailSender sender,
    MailLayout layout,
    MessageIds messageIds,
    IOfficialDocumentWriter writer,
    HostDbContext db,
    AddProposalDocument documents,
    IOptions<OfficialDocumentOptions> documentOptions,
    ILogger<ZienswijzenReactiesMailHandler> logger) : IOutboxHandler
{
    public bool CanHandle(string kind) => kind == ReactiesZienswijzen.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var reactions = ZienswijzenReactiesMail.Read(message.Payload);
        var organisation = documentOptions.Value.Organisation;
        var nota = NotaContent.From(reactions);
        var fileName = Zienswijzennota.FileName(nota) + ".pdf";
        var pdf = writer.Pdf(Zienswijzennota.Build(organisation, nota));
        if (message.InstanceId is { } instanceId)
        {
            await AttachToProposalAsync(instanceId, fileName, pdf, cancellationToken);
        }

        var title = nota.Title;
        var copies = new List<(OutgoingMail Mail, string Council)>();
        foreach (var council in reactions.Given)
        {
            foreach (var to in council.To)
            {
                copies.Add((layout.Mail(messageIds.For(message, copies.Count + 1), [new MailAddress(to.Name, to.Email)], new MailContent
                {
                    Subject = $"Reactie van het bestuur op uw zienswijze: {title}",
                    Greeting = $"Beste {to.Name},",
                    Paragraphs =
                    [
                        $"Het dagelijks bestuur heeft op {DutchFormat.Day(reactions.Adopted)} zijn reactie vastgesteld op de zienswijze van uw raad ({council.Name}) over ‘{title}’ ({ReactiesZienswijzen.Article}).",
                        $"Uw zienswijze ({council.ZienswijzeLabel.ToLowerInvariant()}):\n{council.Text ?? "(zonder tekst)"}",
                    ],
                    Section = new MailSection("Reactie van het dagelijks bestuur", [council.Reaction]),
                    Closing = ["Uw zienswijze en deze reactie gaan met het voorstel naar het algemeen bestuur, dat over de begroting besluit."],
                    Facts = reactions.Reference is { } reference ? [new MailFact("Voorstel", title), new MailFact("Kenmerk", reference)] : [new MailFact("Voorstel", title)],
                }), council.Name));
            }
        }

        var attachment = new MailAttachment(fileName, "application/pdf", pdf);
        foreach (var council in reactions.Silent)
        {
            foreach (var to in council.To)
            {
                copies.Add((layout.Mail(messageIds.For(message, copies.Count + 1), [new MailAddress(to.Name, to.Email)], new MailContent
                {
                    Subject = $"Ontwerpbegroting naar het algemeen bestuur: {title}",
                    Greeting = $"Beste {to.Name},",
                    Paragraphs =
                    [
                        $"Uw raad ({council.Name}) heeft binnen de termijn geen zienswijze gegeven op ‘{title}’.",
                        reactions.Given.Count == 0
                            ? $"Ook de andere raden gaven geen zienswijze. Het dagelijks bestuur stuurt de ontwerpbegroting ongewijzigd naar het algemeen bestuur ({ReactiesZienswijzen.Article}); de zienswijzennota is bijgevoegd."
                            : $"Het dagelijks bestuur heeft op {DutchFormat.Day(reactions.Adopted)} zijn reacties op de zienswijzen van {DutchFormat.Count(reactions.Given.Count, "raad", "raden")} vastgesteld. De ontwerpbegroting gaat met de zienswijzennota naar het algemeen bestuur ({ReactiesZienswijzen.Article}); de zienswijzennota is bijgevoegd.",
                    ],
                    Facts = reactions.Reference is { } reference ? [new MailFact("Voorstel", title), new MailFact("Kenmerk", reference)] : [new MailFact("Voorstel", title)],
                    Attachments = [attachment],
                }), council.Name));
            }
        }

        // Every copy is made before the first is sent, as for every notification: a retry then sends no half set twice.
        foreach (var (copy, council) in copies)
        {
            try
            {
                await sender.SendAsync(copy, cancellationToken);
            }
            catch (MailRecipientRefusedException refused)
            {
                logger.LogWarning("Reaction mail {MessageId} for {Council} not delivered to {Email}: {Reason}", copy.MessageId, council, refused.Email, refused.Reason);
            }
        }
    }

    /// <summary>
    /// The nota becomes a document of the proposal once, so it goes with the begroting to the AB. The outbox delivers at
    /// least once, and a delivery that seems lost is handed over again while the first may still run: the check and the
    /// adding go one at a time per proposal.
    /// </summary>
    private async Task AttachToProposalAsync(string instanceId, string fileName, byte[] pdf, CancellationToken cancellationToken)
    {
        var gate = Attaching.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await db.ProposalDocuments.AsNoTracking().AnyAsync(d => d.InstanceId == instanceId && d.FileName == fileName, cancellationToken))
            {
                return;
            }

            await AddAsync(instanceId, fileName, pdf, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Attaching = new(StringComparer.Ordinal);

    private async Task AddAsync(string instanceId, string fileName, byte[] pdf, CancellationToken cancellationToken)
    {
        try
        {
            await documents.AddAsync(instanceId, new NewDocument(fileName, DocumentKind.Pdf, pdf, Confidential: false),
                new Trigger("AdviesRoute", Channel.System), forBodyId: null, cancellationToken);
        }
        catch (WorkflowException ex)
        {
            // The proposal ended or was cancelled meanwhile: the councils still hear the board's reactions.
            logger.LogWarning("Zienswijzennota not added to {InstanceId}: {Message}", instanceId, ex.Message);
        }
    }
}
