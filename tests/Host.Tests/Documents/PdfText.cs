using UglyToad.PdfPig;

namespace AdviesRoute.Host.Tests.Documents;

/// <summary>Reads a PDF's text back the way a reader's copy and paste would, with PdfPig: an independent PDF reader.</summary>
public static class PdfText
{
    /// <summary>
    /// Every word of every page in the order it was drawn, joined by single spaces (pages by a line break), so a test can
    /// look for a sentence whatever the lines it was wrapped over: compare with <see cref="Normalize"/>d text.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bytes are no PDF a reader can open.</exception>
    public static string Read(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            throw new InvalidOperationException($"Geen leesbare PDF ({pdf.Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>
    /// The running text only: as <see cref="Read"/>, without the organisation's name above and "Pagina n van m" below each
    /// page, so a paragraph that runs over a page break reads as one (what a reader sees as the document's content).
    /// </summary>
    public static string Body(byte[] pdf)
    {
        // The header and footer lie in the outer 56 points (2 cm) of the A4 page, where no running text is set.
        const double band = 56;
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(page => string.Join(" ", page.GetWords()
            .Where(w => w.BoundingBox.Bottom > band && w.BoundingBox.Top < page.Height - band)
            .Select(w => w.Text))));
    }

    /// <summary>The number of pages.</summary>
    public static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>Text with every run of white space (line breaks too) as one space, to compare with <see cref="Read"/>.</summary>
    public static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
