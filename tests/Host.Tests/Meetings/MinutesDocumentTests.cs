using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Meetings;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Meetings;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>What the besluitenlijst says of an amended decision and of a closed item, in its full and its public version.</summary>
public sealed class MinutesDocumentTests
{
    private static readonly Meeting Meeting = new("ab-proef", "ab", new DateOnly(2027, 3, 10), new TimeOnly(19, 30), "Raadzaal Assen", null,
        new Deadline(new DateOnly(2027, 2, 24), DateTimeOffset.Parse("2027-02-24T23:59:00+01:00", System.Globalization.CultureInfo.InvariantCulture), "stukken", "reglement van orde"));

    private static MeetingView View()
    {
        var amended = new AgendaEntry("i1", "Begrotingswijziging 2027", "bespreekstuk", 1, [("Wijziging.pdf", false), ("Notitie.pdf", true)],
            "gewijzigd vastgesteld", "Aangenomen met meerderheid van de uitgebrachte stemmen: 10 voor, 6 tegen, 0 onthouding (stemmen).", "Amendement A aangenomen.")
        {
            DecisionPoints = [new Beslispunt(1, "De begrotingswijziging vast te stellen."), new Beslispunt(2, "De bijdrage te verhogen met 2%.")],
            AmendedPoints = [new Beslispunt(1, "De begrotingswijziging vast te stellen."), new Beslispunt(2, "De bijdrage te verhogen met 1,5%.")],
        };
        var closed = new AgendaEntry("i2", "Benoeming directeur", "bespreekstuk", 2, [], "vastgesteld", null, null) { IsClosed = true };
        var agenda = new List<AgendaLine> { new(1, "Opening", StandardItem.Opening), new(6, amended.Title, Proposal: amended), new(7, closed.Title, Proposal: closed) };
        return new MeetingView(Meeting, new Body("ab", "Algemeen bestuur", BodyKind.AlgemeenBestuur, Weighted: true), agenda, [], new QuorumCount(12, 16, "stemmen"),
            null, null, null, null, null, null, [], "Karin Dijkstra");
    }

    [Fact]
    public void An_amended_decision_shows_the_beslispunten_as_amended_and_the_public_version_leaves_out_the_closed_item_and_what_is_confidential()
    {
        var full = Text(MeetingDocuments.Besluitenlijst(View(), publicVersion: false));
        full.Should().ContainAll("6. Begrotingswijziging 2027 (bespreekstuk)", "Beslispunten, zoals gewijzigd vastgesteld:", "2. De bijdrage te verhogen met 1,5%.",
            "Besluit: gewijzigd vastgesteld", "Stemming: Aangenomen met meerderheid van de uitgebrachte stemmen: 10 voor, 6 tegen", "Toelichting: Amendement A aangenomen.",
            "Notitie.pdf (vertrouwelijk)", "7. Benoeming directeur (bespreekstuk, besloten)", "De voorzitter: Karin Dijkstra", "De secretaris: -");
        full.Should().NotContain("met 2%");

        var open = Text(MeetingDocuments.Besluitenlijst(View(), publicVersion: true));
        open.Should().Contain("2. De bijdrage te verhogen met 1,5%.").And.Contain("(openbare versie)")
            .And.NotContain("Benoeming directeur").And.NotContain("Notitie.pdf").And.NotContain("Amendement A");
    }

    private static string Text(OfficialDocument document) => string.Join("\n", new[] { document.Title, document.Subtitle ?? "" }.Concat(document.Blocks.Select(b => b switch
    {
        DocumentHeading h => h.Text,
        DocumentParagraph p => p.Text,
        DocumentList l => string.Join("\n", l.Items),
        DocumentSignatures s => string.Join("\n", s.Signers.Select(x => $"{x.Role}: {x.Name ?? "-"}")),
        _ => b.ToString(),
    })));
}
