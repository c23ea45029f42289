namespace AdviesRoute.Host.Search;

/// <summary>Who is searching, which decides what may be found.</summary>
public enum SearchScope
{
    /// <summary>A signed-in secretary, process owner or administrator: every proposal and document, confidential ones too.</summary>
    SignedIn,

    /// <summary>Anyone on the public portal: only what the portal publishes now (<c>IPublicCatalog.PublicIdsAsync</c>).</summary>
    Public,
}

/// <summary>A search: the words as typed, the scope, and how many hits to return at most.</summary>
public sealed record SearchRequest(string? Query, SearchScope Scope, int Limit = 50);

/// <summary>A piece of a passage; <see cref="Marked"/> for a word that matched the search.</summary>
public sealed record PassagePart(string Text, bool Marked);

/// <summary>
/// One thing found: a proposal (by its title, summary or beslispunten) or one of its documents (by its name or text),
/// with the passage where the words were found.
/// </summary>
/// <param name="TextPending">A document found by name whose text is not read yet.</param>
public sealed record SearchHit(
    SearchEntryKind Kind,
    string ProposalId,
    string ProposalTitle,
    string? DocumentId,
    string? DocumentName,
    bool Confidential,
    bool TextPending,
    IReadOnlyList<PassagePart> Passage);

/// <summary>The answer: the hits (best first, at most the request's limit), how many there are in all, or why nothing was searched.</summary>
public sealed record SearchResult(string? Problem, IReadOnlyList<SearchHit> Hits, int Total)
{
    public static SearchResult Refused(string problem) => new(problem, [], 0);
}

/// <summary>
/// Full-text search over proposals and their documents, with Dutch stemming; one implementation per database
/// (<see cref="SqliteProposalSearch"/>: Snowball stems in FTS5; <see cref="PostgresProposalSearch"/>: the <c>dutch</c>
/// text-search configuration). The words are never read as query syntax, so no input can make a search fail.
/// </summary>
public interface IProposalSearch
{
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}
