using System.Text;
using AdviesRoute.Host.Proposals.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace AdviesRoute.Host.Search;

/// <summary>
/// Reads the text of a proposal document for the index: a PDF with PdfPig (the words of every page in drawing order),
/// a DOCX with DocumentFormat.OpenXml (every paragraph of the body, tables included). At most
/// <paramref name="maxCharacters"/> are kept, so one very large file cannot fill the index or the memory.
/// Null for a kind whose text is not read (XLSX).
/// </summary>
public static class DocumentText
{
    /// <exception cref="DocumentTextException">The file claims a kind it cannot be read as (damaged, encrypted, ...).</exception>
    public static string? Read(string contentType, byte[] content, int maxCharacters, CancellationToken cancellationToken)
    {
        var kind = DocumentInspection.KindOf(content);
        try
        {
            return kind switch
            {
                DocumentKind.Pdf => Pdf(content, maxCharacters, cancellationToken),
                DocumentKind.Docx => Docx(content, maxCharacters, cancellationToken),
                _ => null,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The readers throw many kinds of exceptions for a damaged file; every one means "name only" here.
            throw new DocumentTextException($"De tekst van het bestand ({contentType}, {content.Length} bytes) kon niet worden gelezen: {e.Message}", e);
        }
    }

    private static string Pdf(byte[] content, int maxCharacters, CancellationToken cancellationToken)
    {
        var text = new Bounded(maxCharacters);
        using var document = PdfDocument.Open(content);
        foreach (var page in document.GetPages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var word in page.GetWords())
            {
                if (!text.Add(word.Text, " "))
                {
                    return text.ToString();
                }
            }

            text.Add("", "\n");
        }

        return text.ToString();
    }

    private static string Docx(byte[] content, int maxCharacters, CancellationToken cancellationToken)
    {
        var text = new Bounded(maxCharacters);
        // A part larger than this many characters is refused by the reader: a ZIP bomb stops here.
        var settings = new OpenSettings { MaxCharactersInPart = 50_000_000 };
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, settings);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }

        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!text.Add(paragraph.InnerText, "\n"))
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>Text that stops growing at its limit.</summary>
    private sealed class Bounded(int max)
    {
        private readonly StringBuilder _text = new();

        /// <summary>False once full.</summary>
        public bool Add(string part, string separator)
        {
            if (_text.Length >= max)
            {
                return false;
            }

            if (_text.Length > 0)
            {
                _text.Append(separator);
            }

            _text.Append(part.AsSpan(0, Math.Min(part.Length, max - _text.Length)));
            return _text.Length < max;
        }

        public override string ToString() => _text.ToString();
    }
}

/// <summary>A document whose text could not be read; it stays findable by its name.</summary>
public sealed class DocumentTextException(string message, Exception inner) : Exception(message, inner);
