using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Documents;

namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>
/// The agenda and the besluitenlijst of a meeting as official documents (PDF and DOCX through <see cref="IOfficialDocumentWriter"/>),
/// with what their pages show: the public version leaves out what is besloten and vertrouwelijk.
/// </summary>
public static class MeetingDocuments
{
    public static OfficialDocument Agenda(MeetingView view, bool publicVersion)
    {
        var blocks = new List<DocumentBlock>();
        if (view.ReconvenedAfter is { } after)
        {
            blocks.Add(new DocumentParagraph(Reconvened(after)));
        }

        foreach (var line in view.Agenda.Where(l => !publicVersion || !l.IsClosed))
        {
            var title = $"{line.Number}. {line.Title}";
            if (line.Proposal is { } p)
            {
                title += $" ({p.Kind}{(p.IsClosed ? ", besloten" : "")})";
            }

            blocks.Add(new DocumentParagraph(title));
            if (line.Free?.Text is { } text)
            {
                blocks.Add(new DocumentParagraph(text));
            }

            if (line.Proposal is { DecisionPoints.Count: > 0 } withPoints)
            {
                blocks.Add(new DocumentParagraph("Voorgesteld besluit:"));
                blocks.Add(new DocumentList(withPoints.DecisionPoints.Select(Point).ToList(), Numbered: false));
            }

            var documents = line.Proposal?.Documents.Where(d => !publicVersion || !d.Confidential).Select(d => d.Name + (d.Confidential ? " (vertrouwelijk)" : "")).ToList() ?? [];
            if (documents.Count > 0)
            {
                blocks.Add(new DocumentParagraph("Stukken: " + string.Join(", ", documents)));
            }
        }

        return new OfficialDocument { Title = "Agenda", Subtitle = Subtitle(view, publicVersion), Blocks = blocks };
    }

    public static OfficialDocument Besluitenlijst(MeetingView view, bool publicVersion)
    {
        var blocks = new List<DocumentBlock>();
        if (view.ReconvenedAfter is { } after)
        {
            blocks.Add(new DocumentParagraph(Reconvened(after)));
        }

        blocks.Add(new DocumentHeading("Aanwezigheid"));
        if (view.AttendanceRecorded)
        {
            blocks.Add(new DocumentList(view.AttendanceLines().Select(l => $"{l.Label}: {string.Join(", ", l.Names)}").ToList(), Numbered: false));
        }

        blocks.Add(new DocumentParagraph(view.QuorumSentence));
        blocks.Add(new DocumentHeading("Besluiten"));
        if (view.PreviousAdoption is { } adopted && view.Previous is { } previous)
        {
            blocks.Add(new DocumentParagraph($"3. Besluitenlijst van de vergadering van {DutchFormat.Day(previous.Date)}\nBesluit: vastgesteld"
                + (adopted.MinutesChanges is null ? ", zonder wijzigingen." : $", met deze wijzigingen: {adopted.MinutesChanges}")));
        }

        var decisions = view.Decisions(publicVersion);
        if (decisions.Count == 0)
        {
            blocks.Add(new DocumentParagraph("Er zijn nog geen besluiten vastgelegd."));
        }

        foreach (var item in decisions)
        {
            blocks.Add(new DocumentParagraph($"{item.Number}. {item.Title} ({item.Kind}{(item.IsClosed ? ", besloten" : "")})"));
            if (item.Points.Count > 0)
            {
                blocks.Add(new DocumentParagraph(item.Amended ? "Beslispunten, zoals gewijzigd vastgesteld:" : "Beslispunten:"));
                blocks.Add(new DocumentList(item.Points.Select(Point).ToList(), Numbered: false));
            }

            var lines = new List<string> { $"Besluit: {item.Outcome}" };
            if (item.Tally is not null)
            {
                lines.Add($"Stemming: {item.Tally}");
            }

            if (item.Remark is not null)
            {
                lines.Add($"Toelichting: {item.Remark}");
            }

            if (item.Documents.Count > 0)
            {
                lines.Add("Stukken: " + string.Join(", ", item.Documents));
            }

            blocks.Add(new DocumentParagraph(string.Join("\n", lines)));
        }

        blocks.Add(new DocumentHeading("Ondertekening"));
        blocks.Add(new DocumentParagraph(view.AdoptionSentence ?? "Nog niet vastgesteld; de besluitenlijst wordt vastgesteld in de volgende vergadering."));
        blocks.Add(new DocumentSignatures([new DocumentSigner("De voorzitter", view.Chair), new DocumentSigner("De secretaris", null)]));
        return new OfficialDocument { Title = "Besluitenlijst", Subtitle = Subtitle(view, publicVersion), Blocks = blocks };
    }

    /// <summary>The file name of a download: "Besluitenlijst Dagelijks bestuur 20 januari 2027 (openbaar).pdf".</summary>
    public static string FileName(string kind, MeetingView view, bool publicVersion, string extension) =>
        $"{kind} {view.Body.Name} {DutchFormat.Day(view.Meeting.Date)}{(publicVersion ? " (openbaar)" : "")}.{extension}";

    private static string Subtitle(MeetingView view, bool publicVersion) =>
        $"{view.Body.Name}, vergadering van {DutchFormat.DayWithWeekday(view.Meeting.Date)}, {DutchFormat.Time(view.Meeting.Time)}, {view.Meeting.Place}"
        + (publicVersion ? " (openbare versie)" : "");

    private static string Point(AdviesRoute.Activities.Governance.Proposals.Beslispunt point) => $"{point.Number}. {point.Text}";

    private static string Reconvened(AdviesRoute.Activities.Calendar.Meeting after) =>
        $"Deze vergadering is opnieuw bijeengeroepen na de vergadering van {DutchFormat.Day(after.Date)}, die geen quorum had ({AdviesRoute.Activities.Governance.Meetings.Quorum.LegalBasis}).";
}
