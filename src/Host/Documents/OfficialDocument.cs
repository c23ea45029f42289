namespace AdviesRoute.Host.Documents;

/// <summary>
/// A document a secretariat sends on (agenda, besluitenlijst, zienswijzennota): what it says, in blocks, without any
/// layout. <see cref="IOfficialDocumentWriter"/> turns it into a PDF and a DOCX that carry the GR's name and page numbers.
/// </summary>
public sealed record OfficialDocument
{
    /// <summary>The document's title, e.g. "Besluitenlijst".</summary>
    public required string Title { get; init; }

    /// <summary>What it is about, under the title, e.g. "Dagelijks bestuur, vergadering van dinsdag 12 januari 2027".</summary>
    public string? Subtitle { get; init; }

    /// <summary>The secretariat's kenmerk or zaaknummer, when there is one.</summary>
    public string? Reference { get; init; }

    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];
}

/// <summary>One part of an <see cref="OfficialDocument"/>.</summary>
public abstract record DocumentBlock;

/// <summary>A section heading.</summary>
public sealed record DocumentHeading(string Text) : DocumentBlock;

/// <summary>A paragraph; a line break ("\n") starts a new line within it.</summary>
public sealed record DocumentParagraph(string Text) : DocumentBlock;

/// <summary>A list, numbered (1., 2., …) or with bullets.</summary>
public sealed record DocumentList(IReadOnlyList<string> Items, bool Numbered = true) : DocumentBlock;

/// <summary>A table with a header row; every row has as many cells as there are columns.</summary>
public sealed record DocumentTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>A signature block: one place to sign per signer, side by side.</summary>
public sealed record DocumentSignatures(IReadOnlyList<DocumentSigner> Signers) : DocumentBlock;

/// <summary>Who signs: the role ("De voorzitter") and, when known, the name.</summary>
public sealed record DocumentSigner(string Role, string? Name);

/// <summary>Writes an <see cref="OfficialDocument"/> as PDF (to send on) and as DOCX (to edit further).</summary>
public interface IOfficialDocumentWriter
{
    /// <summary>The document as PDF (A4), its font embedded.</summary>
    /// <exception cref="ArgumentException">A table row has another number of cells than the table has columns.</exception>
    byte[] Pdf(OfficialDocument document);

    /// <summary>The document as a Word document (DOCX), with real headings, tables and page numbers.</summary>
    /// <exception cref="ArgumentException">A table row has another number of cells than the table has columns.</exception>
    byte[] Docx(OfficialDocument document);
}
