using System.Text;

namespace AdviesRoute.Host.Archive;

/// <summary>
/// The format of a file for MDTO's <c>bestandsformaat</c>: from the PRONOM register where the file is one of the kinds
/// AdviesRoute stores (PDF by the version in its header, DOCX, XLSX), else its media type. An e-depot identifies formats
/// again on intake (e.g. with DROID); this is what AdviesRoute knows of the file.
/// </summary>
public static class FileFormats
{
    public const string Pronom = "PRONOM";

    public const string MediaTypes = "IANA Media Types";

    public static MdtoTerm Of(string contentType, byte[] content) => contentType switch
    {
        "application/pdf" => Pdf(content),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => new MdtoTerm("Microsoft Word for Windows 2007 onwards", "fmt/412", Pronom),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => new MdtoTerm("Microsoft Excel for Windows 2007 onwards", "fmt/214", Pronom),
        _ => new MdtoTerm(contentType, null, MediaTypes),
    };

    private static MdtoTerm Pdf(byte[] content)
    {
        // "%PDF-1.4": the version a PDF says it follows, in its first bytes.
        var header = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 8));
        var code = header switch
        {
            "%PDF-1.0" => "fmt/14",
            "%PDF-1.1" => "fmt/15",
            "%PDF-1.2" => "fmt/16",
            "%PDF-1.3" => "fmt/17",
            "%PDF-1.4" => "fmt/18",
            "%PDF-1.5" => "fmt/19",
            "%PDF-1.6" => "fmt/20",
            "%PDF-1.7" => "fmt/276",
            _ => null,
        };
        return code is null
            ? new MdtoTerm("application/pdf", null, MediaTypes)
            : new MdtoTerm($"Acrobat PDF {header[5..]} - Portable Document Format", code, Pronom);
    }
}
