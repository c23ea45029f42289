using System.Text.Json;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>
/// The rules of <see cref="NoCodeInVisibleTextBrowserTests"/> on single texts: what they find, and the Dutch they leave
/// alone, so the crawl's findings can be trusted and a page that reads well passes.
/// </summary>
public sealed class PlainDutchTests
{
    private static readonly CodeBook Codes = Book();

    [Theory]
    [InlineData("Gemeenteraad Assen: positiefMetKanttekeningen", FindingKind.Code, "positiefMetKanttekeningen")]
    [InlineData("De stap staat op zienswijzenOntvangen.", FindingKind.CamelCase, "zienswijzenOntvangen")]
    [InlineData("Pijler: PubliekeGezondheid", FindingKind.Code, "PubliekeGezondheid")]
    [InlineData("Soort: ActivityCompleted", FindingKind.Compound, "ActivityCompleted")]
    [InlineData("Stap afgerond · BAC-advies nodig?: Default", FindingKind.EngineWord, "Default")]
    [InlineData("Uitkomst van de vergadering van 2027-05-19", FindingKind.IsoDate, "2027-05-19")]
    [InlineData("Termijn: P2W", FindingKind.IsoDuration, "P2W")]
    [InlineData("Binnen PT30M", FindingKind.IsoDuration, "PT30M")]
    [InlineData("Uiterlijk undefined", FindingKind.MissingValue, "undefined")]
    [InlineData("20 januari 2027 · beheer · Page", FindingKind.Channel, "Page")]
    [InlineData("15 april 2027 08:59 · timer · na de termijn", FindingKind.Channel, "timer")]
    [InlineData("Voorwaarde: variables.besluit.akkoord", FindingKind.Expression, "variables.besluit.akkoord")]
    [InlineData("Voorstel 3f2a9c1e8b7d4e6fa0b1c2d3e4f5a6b7", FindingKind.TechnicalId, "3f2a9c1e8b7d4e6fa0b1c2d3e4f5a6b7")]
    public void A_code_in_running_text_is_found(string text, FindingKind kind, string word)
    {
        var hits = PlainDutch.InText(text, "body", Codes).Concat(PlainDutch.InPiece(new Piece(text, "li"), isLabel: false, Codes)).ToList();

        hits.Should().Contain(h => h.Kind == kind && h.Word == word);
    }

    [Theory]
    [InlineData("De raad is positief over de begroting; de voorbereiding is gereed.")]
    [InlineData("Het dagelijks bestuur van SamenDrenthe (AdviesRoute) vraagt uw advies, uiterlijk 20 januari 2027 (2 weken).")]
    [InlineData("Visie op gezondheidsbevordering 2027-2030 · Link intrekken")]
    [InlineData("Open uw verzoek: https://adviesroute.example.org/verzoek/Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde?datum=2027-01-20")]
    [InlineData("Aan: roos.zijlstra@assen.example.org, Borger-Odoorn, Midden-Drenthe, BAC's, GGD-regio's")]
    [InlineData("In de vergadering van 10 februari 2027 om 10:00 uur")]
    public void Dutch_with_names_addresses_and_readable_dates_is_left_alone(string text)
    {
        PlainDutch.InText(text, "body", Codes).Concat(PlainDutch.InPiece(new Piece(text, "p"), isLabel: false, Codes)).Should().BeEmpty();
    }

    [Fact]
    public void A_code_that_is_a_Dutch_word_counts_only_as_the_whole_lower_case_text_of_a_label()
    {
        PlainDutch.InPiece(new Piece("vastgesteld", "select > option"), isLabel: true, Codes)
            .Should().ContainSingle(h => h.Kind == FindingKind.BareCodeAsLabel && h.Word == "vastgesteld");
        PlainDutch.InPiece(new Piece("Vastgesteld", "select > option"), isLabel: true, Codes).Should().BeEmpty("a label with its capital is the Dutch word");
        PlainDutch.InPiece(new Piece("Dagelijks bestuur: vastgesteld", "li"), isLabel: true, Codes).Should().BeEmpty("in a sentence it is Dutch");
        PlainDutch.InPiece(new Piece("positief", "td"), isLabel: false, Codes)
            .Should().ContainSingle().Which.Kind.Should().Be(FindingKind.BareCodeAsValue, "a value is only noted");
    }

    private static CodeBook Book()
    {
        var book = new CodeBook();
        using var descriptors = JsonDocument.Parse("""
            [ { "type": "Advies", "ports": ["positief", "positiefMetKanttekeningen", "negatief"],
                "inputs": [ { "name": "wijze", "choices": ["vergadering", "schriftelijk"] } ] },
              { "type": "Besluit", "ports": [ { "name": "vastgesteld", "label": "Vastgesteld" }, "gewijzigdVastgesteld" ] } ]
            """);
        book.AddDescriptors(descriptors.RootElement);
        using var route = JsonDocument.Parse("""
            { "inputs": [ { "name": "pijler" } ], "variables": [ { "name": "zienswijzen" } ],
              "root": { "activities": [ { "id": "voorbereiding", "type": "Voorbereiding" }, { "id": "route", "type": "Switch", "inputs": { "cases": [ { "name": "bacAdvies" } ] } } ],
                        "connections": [ { "source": { "activity": "route", "port": "Default" }, "target": { "activity": "voorbereiding", "port": "In" } },
                                         { "source": { "activity": "voorbereiding", "port": "gereed" }, "target": { "activity": "route", "port": "In" } } ] } }
            """);
        book.AddRoute("proef.json", route.RootElement);
        book.AddFormValue("PubliekeGezondheid", "/Voorstellen/Nieuw");
        return book;
    }
}
