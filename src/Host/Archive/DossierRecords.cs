using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Proposals.Zienswijzen;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Archive;

/// <summary>
/// The records of a dossier that AdviesRoute writes itself at export, as official documents (PDF through
/// <see cref="IOfficialDocumentWriter"/>): the proposal with its beslispunten and decisions, the zienswijzen with the
/// board's reactions, the mails sent, and the journal, in the words the proposal's page shows.
/// </summary>
public static class DossierRecords
{
    /// <summary>The proposal's facts, its beslispunten as adopted, and every decision taken on it.</summary>
    public static OfficialDocument Proposal(ProposalDetail proposal, string kenmerk)
    {
        var input = ProposalInput.Read(proposal.Instance.Input);
        var facts = new List<IReadOnlyList<string>>
        {
            new[] { "Soort", ProposalLabels.Kind(input.Kind) },
        };
        if (input.Pillar is not null)
        {
            facts.Add(["Pijler", ProposalLabels.Pillar(input.Pillar)]);
        }

        if (input.Reference is not null)
        {
            facts.Add(["Kenmerk van het secretariaat", input.Reference]);
        }

        facts.Add(["Nummer in AdviesRoute", kenmerk]);
        if (input.Holder?.Name is { } holder)
        {
            facts.Add(["Portefeuillehouder", holder]);
        }

        if (input.Author is not null)
        {
            facts.Add(["Steller", input.Author]);
        }

        facts.Add(["Openbaarheid", input.IsClosed ? "Besloten" : "Openbaar"]);
        facts.Add(["Gestart op", DutchFormat.Day(DutchTime.Today(proposal.Instance.CreatedAt))]);
        if (proposal.Instance.FinishedAt is { } finished)
        {
            facts.Add([proposal.Summary.Status == "Cancelled" ? "Afgebroken op" : "Afgerond op", DutchFormat.Day(DutchTime.Today(finished))]);
        }

        var blocks = new List<DocumentBlock> { new DocumentTable(["Gegeven", "Waarde"], facts) };
        if (input.Summary is { Length: > 0 } summary)
        {
            blocks.Add(new DocumentHeading("Samenvatting"));
            blocks.Add(new DocumentParagraph(summary));
        }

        blocks.Add(new DocumentHeading("Beslispunten"));
        var points = input.DecisionPoints ?? [];
        if (points.Count == 0)
        {
            blocks.Add(new DocumentParagraph("Dit voorstel had geen beslispunten."));
        }
        else
        {
            blocks.Add(new DocumentParagraph("In hun laatste tekst; een beslispunt dat een orgaan wijzigde, staat hier zoals het werd gewijzigd. Wat erover is besloten, staat onder ‘Besluiten’."));
            blocks.Add(new DocumentList(points.Select(p => p.Text).ToList()));
        }

        blocks.Add(new DocumentHeading("Besluiten"));
        var decisions = DecisionLines(proposal);
        blocks.Add(decisions.Count == 0
            ? new DocumentParagraph("Over dit voorstel is geen besluit vastgelegd.")
            : new DocumentTable(["Moment", "Besluit"], decisions.Select(l => (IReadOnlyList<string>)[l.Moment, l.Sentence]).ToList()));
        return new OfficialDocument
        {
            Title = "Voorstel en besluitvorming",
            Subtitle = input.TitleOrUntitled,
            Reference = input.Reference ?? kenmerk,
            Blocks = blocks,
        };
    }

    /// <summary>The timeline's lines that record a decision: a meeting's outcome, or the result of a vote in writing.</summary>
    public static IReadOnlyList<TimelineLine> DecisionLines(ProposalDetail proposal)
    {
        var kinds = proposal.Journal.Where(e => e.Kind is VergaderingUitkomst.KindName or UitslagVastgesteld.KindName).Select(e => e.Sequence).ToHashSet();
        return proposal.Timeline.Where(l => !l.Technical && kinds.Contains(l.Sequence)).ToList();
    }

    /// <summary>The councils' zienswijzen and the board's reactions; null when the proposal had no zienswijzenronde.</summary>
    public static OfficialDocument? Zienswijzen(ProposalDetail proposal, string kenmerk)
    {
        if (proposal.Instance.Variables.GetValueOrDefault("zienswijzen") is not JsonObject round || round["raden"] is not JsonObject councils)
        {
            return null;
        }

        var (given, silent) = NotaContent.Answers(councils);
        var rows = given.Select(g => (Council: g.Council, g.Label, Received: g.Received is { } at ? DutchFormat.Day(DutchTime.Today(at)) : "onbekend",
            Text: g.Text ?? "(zonder tekst)", Reaction: g.Reaction ?? "(geen reactie vastgelegd)")).ToList();

        var input = ProposalInput.Read(proposal.Instance.Input);
        var blocks = new List<DocumentBlock>();
        if (round["termijn"]?["tekst"]?.GetValue<string>() is { } term)
        {
            blocks.Add(new DocumentParagraph($"Termijn: {term}"));
        }

        blocks.Add(rows.Count == 0
            ? new DocumentParagraph("Geen raad gaf een zienswijze.")
            : new DocumentTable(["Raad", "Zienswijze", "Ontvangen op"], rows.Select(r => (IReadOnlyList<string>)[r.Council, r.Label, r.Received]).ToList()));
        if (silent.Count > 0)
        {
            blocks.Add(new DocumentParagraph($"Geen zienswijze ({silent.Count.ToString(CultureInfo.InvariantCulture)}): {string.Join(", ", silent)}."));
        }

        foreach (var row in rows)
        {
            // Each label in one paragraph with its text, so a page never ends between the two.
            blocks.Add(new DocumentHeading(row.Council));
            blocks.Add(new DocumentParagraph($"Zienswijze ({row.Label.ToLower(CultureInfo.GetCultureInfo("nl-NL"))}):\n{row.Text}"));
            blocks.Add(new DocumentParagraph($"Reactie van het bestuur:\n{row.Reaction}"));
        }

        return new OfficialDocument { Title = "Zienswijzen en reacties", Subtitle = input.TitleOrUntitled, Reference = input.Reference ?? kenmerk, Blocks = blocks };
    }

    /// <summary>Every mail the proposal caused, with whom it went to, when, and what it said (personal links left out).</summary>
    public static OfficialDocument Messages(ProposalDetail proposal, IReadOnlyList<SentMessage> messages, string kenmerk)
    {
        var input = ProposalInput.Read(proposal.Instance.Input);
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph("De berichten die AdviesRoute over dit voorstel verstuurde, oudste eerst. Persoonlijke links zijn weggelaten: "
                + "ze werkten alleen voor de ontvanger en zijn verlopen."),
        };
        var count = 0;
        foreach (var message in messages)
        {
            if (Describe(message) is not { } mail)
            {
                continue;
            }

            count++;
            blocks.Add(new DocumentHeading(mail.Subject));
            var when = message.SentAt is { } sent ? $"Verzonden op {DutchFormat.Moment(sent)}" : $"Klaargezet op {DutchFormat.Moment(message.CreatedAt)}, nog niet verzonden";
            blocks.Add(new DocumentParagraph($"Aan: {mail.To}\n{when}"));
            if (mail.Text is { Length: > 0 } text)
            {
                blocks.Add(new DocumentParagraph(text));
            }
        }

        if (count == 0)
        {
            blocks.Add(new DocumentParagraph("Over dit voorstel is geen bericht verstuurd."));
        }

        return new OfficialDocument { Title = "Verzonden berichten", Subtitle = input.TitleOrUntitled, Reference = input.Reference ?? kenmerk, Blocks = blocks };
    }

    /// <summary>The journal as the proposal's page shows it to everyone: what people did, in sentences that name them.</summary>
    public static OfficialDocument Journal(ProposalDetail proposal, string kenmerk)
    {
        var input = ProposalInput.Read(proposal.Instance.Input);
        var lines = proposal.Timeline.Where(l => !l.Technical).ToList();
        return new OfficialDocument
        {
            Title = "Journaal",
            Subtitle = input.TitleOrUntitled,
            Reference = input.Reference ?? kenmerk,
            Blocks =
            [
                new DocumentParagraph("Wat er met dit voorstel gebeurde, in de woorden van de tijdlijn op de pagina van het voorstel, oudste eerst."),
                new DocumentTable(["Moment", "Gebeurtenis", "Stap", "Door"],
                    lines.Select(l => (IReadOnlyList<string>)[l.Moment, l.Sentence, l.Step ?? "", l.Actor is null ? l.Channel : $"{l.Actor} ({l.Channel})"]).ToList()),
            ],
        };
    }

    private sealed record DescribedMail(string Subject, string To, string? Text);

    private static DescribedMail? Describe(SentMessage message)
    {
        try
        {
            switch (message.Kind)
            {
                case RequestMails.OutboxKind:
                {
                    var request = RequestMail.Read(message.Payload);
                    var values = new Dictionary<string, string>
                    {
                        ["{naam}"] = request.To.Name,
                        ["{titel}"] = request.Proposal?.Title ?? ProposalInput.Untitled,
                        ["{orgaan}"] = request.BodyName ?? "",
                        ["{uiterlijk}"] = request.Deadline ?? "",
                    };
                    var subject = Fill(request.Subject ?? "Verzoek: {titel}", values).ReplaceLineEndings(" ");
                    var text = Fill(request.Text ?? "", values) + (request.Deadline is { Length: > 0 } d ? $"\nTermijn: {d}" : "");
                    return new DescribedMail(subject, $"{request.To.Name} ({request.To.Email})", text);
                }

                case MeldingActivity.OutboxKind:
                {
                    var notice = NotificationMail.Read(message.Payload);
                    if (notice.NotificationKind == Links.NotificationMailHandler.AgendaNotice)
                    {
                        return null; // carried by the meeting's convocation, not a mail of its own (ADR 24)
                    }

                    var to = (notice.To ?? []).Select(r => $"{r.Name} ({r.Email})").ToList();
                    if (notice.ToRole is not null)
                    {
                        to.Add("het secretariaat");
                    }

                    return new DescribedMail(notice.Subject, to.Count == 0 ? "niemand" : string.Join(", ", to), notice.Text);
                }

                case ReactiesZienswijzen.OutboxKind:
                {
                    var reactions = ZienswijzenReactiesMail.Read(message.Payload);
                    var title = reactions.Proposal.Title ?? ProposalInput.Untitled;
                    var given = reactions.Given.Select(g => g.Name).ToList();
                    var silent = reactions.Silent.Select(s => s.Name).ToList();
                    var text = (given.Count > 0 ? $"Aan de raden die een zienswijze gaven ({string.Join(", ", given)}): hun eigen zienswijze met de reactie van het bestuur, onderwerp ‘Reactie van het bestuur op uw zienswijze: {title}’." : "")
                        + (silent.Count > 0 ? $"\nAan de andere raden ({string.Join(", ", silent)}): de kennisgeving dat de ontwerpbegroting met de zienswijzennota naar het algemeen bestuur gaat, onderwerp ‘Ontwerpbegroting naar het algemeen bestuur: {title}’." : "");
                    return new DescribedMail($"Reacties op de zienswijzen: {title}",
                        DutchFormat.Count(given.Count + silent.Count, "raad", "raden"), text.Trim());
                }

                default:
                    return new DescribedMail(message.Payload["onderwerp"]?.GetValue<string>() ?? message.Payload["subject"]?.GetValue<string>() ?? "Bericht",
                        "zie het bericht", null);
            }
        }
        catch (InvalidOperationException)
        {
            // A payload an earlier version wrote in a shape no reader knows: named, not lost.
            return new DescribedMail("Bericht", "onbekend", "De inhoud van dit bericht is niet te lezen.");
        }
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
}
