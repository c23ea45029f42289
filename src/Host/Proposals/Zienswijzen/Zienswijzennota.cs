using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Documents;

namespace AdviesRoute.Host.Proposals.Zienswijzen;

/// <summary>One council's zienswijze in the nota: what it said and the board's reasoned reaction (null while still to write).</summary>
public sealed record NotaZienswijze(string Council, string Label, string? Text, string? Reaction, DateTimeOffset? Received);

/// <summary>What the zienswijzennota is made of: the proposal, the councils' zienswijzen with the reactions, and the councils that gave none.</summary>
/// <param name="Adopted">The day the DB adopted the reactions; null for a draft (before the DB decided).</param>
public sealed record NotaContent(string Title, string? Reference, DateOnly Date, DateOnly? Adopted,
    IReadOnlyList<NotaZienswijze> Given, IReadOnlyList<string> Silent)
{
    /// <summary>The nota as the reactions went out, from the step's outbox message.</summary>
    public static NotaContent From(ZienswijzenReactiesMail mail) => new(
        mail.Proposal.Title ?? ProposalInput.Untitled, mail.Reference, mail.Adopted, mail.Adopted,
        mail.Given.Select(g => new NotaZienswijze(g.Name, g.ZienswijzeLabel, g.Text, g.Reaction, g.Received)).ToList(),
        mail.Silent.Select(s => s.Name).ToList());

    /// <summary>
    /// The nota as it stands in a proposal's round (the <c>zienswijzen</c> variable); null while the round is still open.
    /// Before the DB adopted the reactions it is a draft, dated <paramref name="today"/>.
    /// </summary>
    public static NotaContent? From(JsonObject input, JsonNode? round, DateOnly today)
    {
        if (round is not JsonObject r || r["raden"] is not JsonObject councils || r["gesloten"] is null)
        {
            return null;
        }

        var (given, silent) = Answers(councils);
        DateOnly? adopted = r[ReactiesZienswijzen.AdoptedProperty] is JsonValue a && a.TryGetValue<DateTimeOffset>(out var moment) ? DutchTime.Today(moment) : null;
        var proposal = ProposalInput.Read(input);
        return new NotaContent(proposal.TitleOrUntitled, proposal.Reference, adopted ?? today, adopted, given, silent);
    }

    /// <summary>The councils of a round (its <c>raden</c>) split into those that gave a zienswijze, with the reaction, and those that gave none.</summary>
    public static (IReadOnlyList<NotaZienswijze> Given, IReadOnlyList<string> Silent) Answers(JsonObject councils)
    {
        var declaration = Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!;
        var given = new List<NotaZienswijze>();
        var silent = new List<string>();
        foreach (var (id, node) in councils)
        {
            var name = node?["naam"]?.GetValue<string>() ?? id;
            var code = node?["zienswijze"]?.GetValue<string>() ?? node?["antwoord"]?.GetValue<string>();
            if (code is null or Zienswijzenronde.GeenZienswijze)
            {
                silent.Add(name);
                continue;
            }

            given.Add(new NotaZienswijze(name, declaration.ChoiceLabel(code), node?["tekst"]?.GetValue<string>(), node?["reactie"]?.GetValue<string>(),
                node?["ontvangen"] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var at) ? at : null));
        }

        return (given, silent);
    }
}

/// <summary>
/// The zienswijzennota: every council's zienswijze on the ontwerpbegroting and the board's reasoned reaction to it, as
/// the DB adopts it and as it goes with the begroting to the AB (art. 35 lid 3 Wgr). Written as an
/// <see cref="OfficialDocument"/>, so the same nota is a PDF to send and a DOCX to edit.
/// </summary>
public static class Zienswijzennota
{
    /// <summary>The file name of the nota, without extension: "Zienswijzennota Ontwerpbegroting 2028".</summary>
    public static string FileName(NotaContent nota)
    {
        var name = $"Zienswijzennota {nota.Title}";
        var safe = new string(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' or '"' ? ' ' : c).ToArray()).Trim();
        return safe.Length > 120 ? safe[..120].TrimEnd() : safe;
    }

    public static OfficialDocument Build(string organisation, NotaContent nota)
    {
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph(nota.Adopted is { } adopted
                ? $"Vastgesteld door het dagelijks bestuur van {organisation} op {DutchFormat.Day(adopted)}."
                : $"Concept van {DutchFormat.Day(nota.Date)}, ter vaststelling door het dagelijks bestuur van {organisation}."),
            new DocumentParagraph(
                $"De raden van de deelnemende gemeenten konden een zienswijze geven op de ontwerpbegroting ({ReactiesZienswijzen.Article}). "
                + "Het dagelijks bestuur reageert schriftelijk en gemotiveerd op elke zienswijze. De zienswijzen en deze reacties gaan met het voorstel naar het algemeen bestuur."),
            new DocumentHeading("Overzicht"),
            new DocumentTable(["Raad", "Zienswijze"],
                [.. nota.Given.Select(g => (g.Council, g.Label)).Concat(nota.Silent.Select(s => (Council: s, Label: "Geen zienswijze")))
                    .OrderBy(row => row.Council, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))
                    .Select(row => (IReadOnlyList<string>)[row.Council, row.Label])]),
        };

        if (nota.Given.Count == 0)
        {
            blocks.Add(new DocumentParagraph("Binnen de termijn heeft geen raad een zienswijze gegeven; de ontwerpbegroting gaat ongewijzigd naar het algemeen bestuur."));
        }

        foreach (var given in nota.Given)
        {
            blocks.Add(new DocumentHeading(given.Council));
            // Each label in one paragraph with its text, so a page never ends between the two.
            blocks.Add(new DocumentParagraph($"Zienswijze: {given.Label.ToLower(CultureInfo.GetCultureInfo("nl-NL"))}"
                + (given.Received is { } received ? $", ontvangen op {DutchFormat.Day(DutchTime.Today(received))}" : "")
                + $"\n{given.Text ?? "(zonder tekst)"}"));
            blocks.Add(new DocumentParagraph($"Reactie van het dagelijks bestuur:\n{given.Reaction ?? "(de reactie moet nog worden geschreven)"}"));
        }

        if (nota.Silent.Count > 0 && nota.Given.Count > 0)
        {
            blocks.Add(new DocumentHeading("Raden zonder zienswijze"));
            blocks.Add(new DocumentParagraph($"Geen zienswijze gaven: {string.Join(", ", nota.Silent)}."));
        }

        blocks.Add(new DocumentSignatures([new DocumentSigner("Voorzitter", null), new DocumentSigner("Secretaris", null)]));
        return new OfficialDocument
        {
            Title = "Zienswijzennota",
            Subtitle = nota.Title,
            Reference = nota.Reference,
            Blocks = blocks,
        };
    }
}
