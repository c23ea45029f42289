// TEMPORARY: the contract of the lead's official documents (issue 15, see the common notes), so this branch compiles
// until that commit is on main. Deleted when main is merged; no writer is implemented here.
namespace AdviesRoute.Host.Documents;

public sealed record OfficialDocument
{
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Reference { get; init; }
    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];
}

public abstract record DocumentBlock;
public sealed record DocumentHeading(string Text) : DocumentBlock;
public sealed record DocumentParagraph(string Text) : DocumentBlock;
public sealed record DocumentList(IReadOnlyList<string> Items, bool Numbered = true) : DocumentBlock;
public sealed record DocumentTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;
public sealed record DocumentSignatures(IReadOnlyList<DocumentSigner> Signers) : DocumentBlock;
public sealed record DocumentSigner(string Role, string? Name);

public interface IOfficialDocumentWriter
{
    byte[] Pdf(OfficialDocument document);
    byte[] Docx(OfficialDocument document);
}
