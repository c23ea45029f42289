using System.ComponentModel.DataAnnotations;
using AdviesRoute.Host.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AdviesRoute.Host.Tests.Documents;

public sealed class OfficialDocumentWriterTests
{
    private static readonly OfficialDocumentWriter Writer = new(Options.Create(new OfficialDocumentOptions { Organisation = "Gemeenschappelijke regeling SamenDrenthe" }));

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static OfficialDocument Besluitenlijst(int items) => new()
    {
        Title = "Besluitenlijst",
        Subtitle = "Dagelijks bestuur, vergadering van dinsdag 12 januari 2027",
        Reference = "SD/2027/0042",
        Blocks =
        [
            new DocumentHeading("Aanwezig"),
            new DocumentParagraph("mevrouw A. de Vries (voorzitter), de heer B. Ëlzinga, mevrouw C. Çelik"),
            new DocumentHeading("Besluiten"),
            new DocumentTable(["Nr.", "Onderwerp", "Besluit", "Stemming"],
                [.. Enumerable.Range(1, items).Select(i => (IReadOnlyList<string>)[$"{i}", string.Create(Dutch, $"Voorstel {i}: begrotingswijziging van € {i * 1000:N0} voor de jeugdgezondheidszorg"), "Vastgesteld", "9 voor, 2 tegen"])]),
            new DocumentList(["Het algemeen bestuur stelt de begroting 2028 vast.", "Het dagelijks bestuur zendt haar vóór 15 september aan Gedeputeerde Staten."]),
            new DocumentSignatures([new DocumentSigner("De voorzitter", "A. de Vries"), new DocumentSigner("De secretaris", "D. Jansen")]),
        ],
    };

    [Fact]
    public void A_pdf_carries_the_organisation_title_every_block_and_a_signature_block_as_text_a_reader_can_copy()
    {
        var text = PdfText.Read(Writer.Pdf(Besluitenlijst(items: 3)));

        text.Should().Contain("Gemeenschappelijke regeling SamenDrenthe");
        text.Should().Contain("Besluitenlijst").And.Contain("Dagelijks bestuur, vergadering van dinsdag 12 januari 2027");
        text.Should().Contain("Kenmerk: SD/2027/0042");
        text.Should().Contain("B. Ëlzinga").And.Contain("Çelik");
        text.Should().Contain("Voorstel 2:").And.Contain("9 voor, 2 tegen");
        PdfText.Normalize(text).Should().Contain("zendt haar vóór 15 september aan Gedeputeerde Staten.");
        text.Should().Contain("De voorzitter").And.Contain("De secretaris").And.Contain("D. Jansen");
        text.Should().Contain("Pagina 1 van 1");
    }

    [Fact]
    public void A_long_table_runs_over_pages_each_numbered_of_the_total_with_its_header_repeated()
    {
        var pdf = Writer.Pdf(Besluitenlijst(items: 80));

        // Kept beside the screenshots, to look at the layout.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", "documenten")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "besluitenlijst-lang.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(folder, "besluitenlijst-lang.docx"), Writer.Docx(Besluitenlijst(items: 80)));
        var pages = PdfText.Pages(pdf);
        pages.Should().BeGreaterThan(2);
        var text = PdfText.Read(pdf).Split('\n');
        text.Should().HaveCount(pages);
        for (var i = 0; i < pages; i++)
        {
            text[i].Should().Contain($"Pagina {i + 1} van {pages}").And.Contain("Gemeenschappelijke regeling SamenDrenthe");
            text[i].Should().Contain("Onderwerp Besluit Stemming", "the header row is repeated on page {0}", i + 1);
        }

        string.Join(" ", text).Should().Contain("Voorstel 80:");
    }

    [Fact]
    public void A_paragraph_that_runs_over_a_page_break_reads_as_one_in_the_running_text()
    {
        var sentence = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"woord{i}"));
        var document = new OfficialDocument
        {
            Title = "Zienswijzennota",
            Blocks = [.. Enumerable.Range(1, 60).Select(i => (DocumentBlock)new DocumentParagraph($"Alinea {i}: {sentence}."))],
        };

        var pdf = Writer.Pdf(document);

        PdfText.Pages(pdf).Should().BeGreaterThan(1);
        var body = PdfText.Body(pdf);
        body.Should().NotContain("Pagina").And.NotContain("SamenDrenthe");
        for (var i = 1; i <= 60; i++)
        {
            body.Should().Contain($"Alinea {i}: {sentence}.");
        }
    }

    [Fact]
    public void A_docx_has_word_headings_a_repeated_table_header_and_page_number_fields()
    {
        using var stream = new MemoryStream(Writer.Docx(Besluitenlijst(items: 2)));
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;

        var paragraphs = main.Document.Body!.Descendants<Paragraph>().ToList();
        paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText)
            .Should().Equal("Aanwezig", "Besluiten");
        paragraphs.First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title").InnerText.Should().Be("Besluitenlijst");
        main.StyleDefinitionsPart!.Styles!.Elements<Style>().Should().Contain(s => s.StyleId! == "Heading1" && s.StyleParagraphProperties!.OutlineLevel!.Val! == 0);
        var table = main.Document.Body.Elements<Table>().First();
        table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().Should().NotBeNull();
        table.Elements<TableRow>().Should().HaveCount(3);
        main.Document.Body.InnerText.Should().Contain("D. Jansen").And.Contain("€ 2.000");
        main.HeaderParts.Single().Header!.InnerText.Should().Be("Gemeenschappelijke regeling SamenDrenthe");
        main.FooterParts.Single().Footer!.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).Should().Equal("PAGE", "NUMPAGES");
        word.PackageProperties.Language.Should().Be("nl-NL");
    }

    [Fact]
    public void A_table_row_with_another_number_of_cells_than_columns_is_refused_in_Dutch()
    {
        var document = new OfficialDocument { Title = "Agenda", Blocks = [new DocumentTable(["Nr.", "Onderwerp"], [["1"]])] };

        Writer.Invoking(w => w.Pdf(document)).Should().Throw<ArgumentException>().WithMessage("*'Agenda' heeft 2 kolommen*");
        Writer.Invoking(w => w.Docx(document)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_empty_organisation_name_is_refused_in_the_configuration()
    {
        var options = new OfficialDocumentOptions { Organisation = " " };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true).Should().BeFalse();
        results.Should().ContainSingle().Which.ErrorMessage.Should().Contain("OfficialDocuments:Organisation is verplicht");
    }
}
