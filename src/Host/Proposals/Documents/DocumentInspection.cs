using System.IO.Compression;
using AdviesRoute.Host.Proposals.Start;

namespace AdviesRoute.Host.Proposals.Documents;

/// <summary>The kinds of document a proposal may carry.</summary>
public enum DocumentKind
{
    Pdf,
    Docx,
    Xlsx,
}

/// <summary>
/// Decides what a file is by its content, not by its name: a PDF starts with <c>%PDF-</c>; a DOCX or XLSX is a ZIP
/// (OOXML package) with <c>[Content_Types].xml</c> and <c>word/</c> or <c>xl/</c> parts. Only the ZIP's central
/// directory is read, nothing is unpacked, so a ZIP bomb costs nothing. A package with macros (vbaProject.bin, i.e.
/// a .docm or .xlsm under another name) is not accepted.
/// </summary>
public static class DocumentInspection
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static DocumentKind? KindOf(byte[] content)
    {
        if (content.AsSpan().StartsWith(PdfMagic))
        {
            return DocumentKind.Pdf;
        }

        if (!content.AsSpan().StartsWith(ZipMagic))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Any(n => n.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var word = names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase));
            var excel = names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase));
            return (word, excel) switch
            {
                (true, false) => DocumentKind.Docx,
                (false, true) => DocumentKind.Xlsx,
                _ => null,
            };
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not a readable one
        }
    }

    /// <summary>
    /// Checks one uploaded file by its size, content and name; the refusal is a Dutch sentence naming the file, for
    /// beside the file's input.
    /// </summary>
    public static (NewDocument? Document, string? Refusal) Check(UploadedFile file, bool confidential, DocumentOptions limits)
    {
        var name = file.FileName.Length == 0 ? "(zonder naam)" : file.FileName;
        if (file.Content is null)
        {
            return (null, $"Het bestand '{name}' is {Megabytes(file.Size, limits.MaxSizeBytes)}; de grens is {limits.MaxSizeMegabytes} MB.");
        }

        if (file.Size == 0)
        {
            return (null, $"Het bestand '{name}' is leeg.");
        }

        if (KindOf(file.Content) is not { } kind)
        {
            return (null, $"Het bestand '{name}' is geen PDF, DOCX of XLSX.");
        }

        var extension = Extension(kind);
        if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            // Downloaded under a wrong extension it would open in the wrong program, or not at all.
            return (null, $"Het bestand '{name}' is een {kind.ToString().ToUpperInvariant()}-bestand, maar de naam eindigt niet op {extension}. Geef het de juiste naam en kies het opnieuw.");
        }

        if (name.Length > 200)
        {
            return (null, $"De naam van het bestand '{name[..40]}…' is te lang: ten hoogste 200 tekens.");
        }

        return (new NewDocument(name, kind, file.Content, confidential), null);
    }

    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Docx => ".docx",
        DocumentKind.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A size in MB as a person reads it: whole MB, with one decimal where rounding would hide that it is over the limit.</summary>
    public static string Megabytes(long bytes, long limitBytes)
    {
        var nl = AdviesRoute.Activities.Texts.DutchFormat.Culture;
        var mb = bytes / (1024d * 1024d);
        var whole = Math.Round(mb, MidpointRounding.AwayFromZero);
        return bytes > limitBytes && whole * 1024 * 1024 <= limitBytes
            ? (Math.Ceiling(mb * 10) / 10).ToString("0.0", nl) + " MB"
            : whole.ToString("0", nl) + " MB";
    }
}
