namespace AdviesRoute.Host.Search;

/// <summary>What a search entry stands for.</summary>
public enum SearchEntryKind
{
    /// <summary>A proposal's own words: title, summary and beslispunten.</summary>
    Proposal,

    /// <summary>A document of a proposal: its name and the text read from it.</summary>
    Document,
}

/// <summary>How far the text of a document was read.</summary>
public enum SearchTextState
{
    /// <summary>Found by its name; its text is read in the background (<see cref="SearchIndexWorker"/>).</summary>
    Pending,

    /// <summary>Its text is read and indexed.</summary>
    Read,

    /// <summary>Found by its name only: a kind whose text is not read (XLSX), or a file that could not be read (logged).</summary>
    NameOnly,
}

/// <summary>
/// One searchable thing: a proposal or one of its documents, with the original text the passages are cut from. The
/// words themselves are indexed per database outside the model: on SQLite as Snowball stems in the FTS5 table
/// <c>SearchStems</c> (its rowid is the entry's <see cref="Id"/>; written by <see cref="SearchIndex"/>), on PostgreSQL in the generated <c>tsvector</c> column
/// <c>Words</c> with a GIN index (see the migration <c>Issue18SearchIndexSql</c>).
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }

    public SearchEntryKind Kind { get; set; }

    /// <summary>The proposal (instance id) the entry belongs to.</summary>
    public string ProposalId { get; set; } = "";

    /// <summary>The document's id; null for a proposal's own entry.</summary>
    public string? DocumentId { get; set; }

    public string ProposalTitle { get; set; } = "";

    /// <summary>The document's file name as uploaded; null for a proposal's own entry.</summary>
    public string? DocumentName { get; set; }

    /// <summary>The file name's words (punctuation as spaces), so both databases split it the same way.</summary>
    public string NameWords { get; set; } = "";

    /// <summary>The original text: the proposal's title and beslispunten (what a public agenda shows), or the text read from the document.</summary>
    public string Text { get; set; } = "";

    /// <summary>
    /// A proposal's summary: searched by signed-in people only, since no public page shows it (the public search finds a
    /// proposal by its title and beslispunten). Empty for a document.
    /// </summary>
    public string Summary { get; set; } = "";

    /// <summary>Copied from the document: a secretary sees "vertrouwelijk" beside such a hit.</summary>
    public bool Confidential { get; set; }

    public SearchTextState State { get; set; }

    /// <summary>UTC.</summary>
    public DateTime IndexedAt { get; set; }
}
