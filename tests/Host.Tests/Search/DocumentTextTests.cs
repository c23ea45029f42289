using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Search;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>Reading a document's text for the index: PDF and DOCX as written by the host, bounded, and refusals that say why.</summary>
public sealed class DocumentTextTests
{
    private static readonly OfficialDocumentWriter Writer = new(Options.Create(new OfficialDocumentOptions { Organisation = "Gemeenschappelijke regeling SamenDrenthe" }));

    private static readonly OfficialDocument Document = new()
    {
        Title = "Nota hitte",
        Blocks =
        [
            new DocumentParagraph("De gemeenten nemen hittestressmaatregelen."),
            new DocumentTable(["Gemeente", "Maatregel"], [["Assen", "koeltuinen"]]),
        ],
    };

    [Fact]
    public void The_text_of_a_pdf_and_of_a_docx_holds_their_paragraphs_and_tables()
    {
        var pdf = DocumentText.Read("application/pdf", Writer.Pdf(Document), 400_000, CancellationToken.None)!;
        var docx = DocumentText.Read("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Writer.Docx(Document), 400_000, CancellationToken.None)!;

        foreach (var text in new[] { pdf, docx })
        {
            text.Should().Contain("De gemeenten nemen hittestressmaatregelen.").And.Contain("Assen").And.Contain("koeltuinen").And.Contain("Nota hitte");
        }
    }

    [Fact]
    public void The_text_stops_at_its_limit()
    {
        var long_ = Document with { Blocks = [.. Enumerable.Range(1, 400).Select(i => (DocumentBlock)new DocumentParagraph($"Alinea {i} over hittestressmaatregelen in de regio."))] };
        DocumentText.Read("application/pdf", Writer.Pdf(long_), 10_000, CancellationToken.None)!.Length.Should().Be(10_000);
        DocumentText.Read("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Writer.Docx(long_), 10_000, CancellationToken.None)!.Length.Should().Be(10_000);
    }

    [Fact]
    public void A_damaged_pdf_is_refused_with_the_reason_and_a_kind_without_text_reading_gives_none()
    {
        var damaged = () => DocumentText.Read("application/pdf", "%PDF-1.7 kapot"u8.ToArray(), 400_000, CancellationToken.None);
        damaged.Should().Throw<DocumentTextException>().WithMessage("De tekst van het bestand (application/pdf, 14 bytes) kon niet worden gelezen: *");
        DocumentText.Read("application/octet-stream", "geen document"u8.ToArray(), 400_000, CancellationToken.None).Should().BeNull();
    }
}
