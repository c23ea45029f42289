using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Documents;

/// <summary>Writes official documents with the configured organisation's name (<see cref="OfficialDocumentOptions"/>).</summary>
internal sealed class OfficialDocumentWriter(IOptions<OfficialDocumentOptions> options) : IOfficialDocumentWriter
{
    public byte[] Pdf(OfficialDocument document) => PdfRendering.Render(Checked(document), options.Value.Organisation);

    public byte[] Docx(OfficialDocument document) => DocxRendering.Render(Checked(document), options.Value.Organisation);

    private static OfficialDocument Checked(OfficialDocument document)
    {
        foreach (var table in document.Blocks.OfType<DocumentTable>())
        {
            if (table.Columns.Count == 0 || table.Rows.Any(r => r.Count != table.Columns.Count))
            {
                throw new ArgumentException(
                    $"Een tabel in '{document.Title}' heeft {table.Columns.Count} kolommen, maar niet elke rij heeft evenveel cellen.", nameof(document));
            }
        }

        return document;
    }
}

/// <summary>The content types and file names a download of an official document carries.</summary>
public static class OfficialDocumentFiles
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A file name for a download: lower case, words joined by hyphens, only letters, digits and hyphens ("besluitenlijst-db-2027-01-12.pdf").</summary>
    public static string FileName(string name, string extension)
    {
        var chars = name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var slug = string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (slug.Length == 0 ? "document" : slug[..Math.Min(slug.Length, 80)]) + "." + extension;
    }
}
