using AdviesRoute.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Search;

/// <summary>What is public now, as the portal decides it; the public search finds nothing else.</summary>
public interface IPublicSearchIds
{
    /// <summary>The ids of the proposals and of the documents that are public now.</summary>
    Task<(IReadOnlySet<string> Proposals, IReadOnlySet<string> Documents)> PublicIdsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What both databases share: checking the query, the scope, the order and the passages' fallbacks. A provider finds the
/// candidates (<see cref="CandidatesAsync"/>) and cuts the passages (<see cref="PassagesAsync"/>).
/// </summary>
public abstract class ProposalSearch(HostDbContext db, IEnumerable<IPublicSearchIds> publicIds) : IProposalSearch
{
    /// <summary>At most this many matches are ranked; a query that matches more is too general to read through anyway.</summary>
    protected const int MaxCandidates = 1000;

    protected HostDbContext Db => db;

    /// <summary>An entry that matched, without its text. Kind and State as stored (strings).</summary>
    public sealed class Candidate
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string ProposalId { get; set; } = "";
        public string ProposalTitle { get; set; } = "";
        public string? DocumentId { get; set; }
        public string? DocumentName { get; set; }
        public bool Confidential { get; set; }
        public string State { get; set; } = "";

        /// <summary>Lower is better.</summary>
        public double Score { get; set; }
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query?.Trim() ?? "";
        var stems = new DutchWords().QueryStems(query);
        if (SearchQuery.Problem(query, stems) is { } problem)
        {
            return SearchResult.Refused(problem);
        }

        IEnumerable<Candidate> found = await CandidatesAsync(query, stems, cancellationToken);
        var stemSet = stems.ToHashSet(StringComparer.Ordinal);
        Dictionary<long, IReadOnlyList<PassagePart>> publicPassages = [];
        if (request.Scope == SearchScope.Public)
        {
            var source = publicIds.FirstOrDefault() ?? throw new InvalidOperationException("No public catalog is registered: the public search cannot tell what is public.");
            var (proposals, documents) = await source.PublicIdsAsync(cancellationToken);
            found = found.Where(c => !c.Confidential && (c.DocumentId is null ? proposals.Contains(c.ProposalId) : documents.Contains(c.DocumentId))).ToList();

            // A public proposal is found by what the portal shows of it (title and beslispunten), never by its summary.
            publicPassages = await PublicProposalPassagesAsync(found.Where(c => c.DocumentId is null).Select(c => c.Id).ToList(), stemSet, cancellationToken);
            found = found.Where(c => c.DocumentId is not null || publicPassages.ContainsKey(c.Id));
        }

        var ordered = found.OrderBy(c => c.Score).ThenByDescending(c => c.Id).ToList();
        var page = ordered.Take(Math.Max(1, request.Limit)).ToList();
        var passages = await PassagesAsync(page.Where(c => !publicPassages.ContainsKey(c.Id)).Select(c => c.Id).ToList(), query, stemSet, cancellationToken);
        var hits = new List<SearchHit>(page.Count);
        foreach (var candidate in page)
        {
            var kind = Enum.Parse<SearchEntryKind>(candidate.Kind);
            var passage = publicPassages.GetValueOrDefault(candidate.Id) ?? passages.GetValueOrDefault(candidate.Id)
                ?? (candidate.DocumentName is { } name ? Passages.Cut(name, stemSet) : null)
                ?? Passages.Cut(candidate.ProposalTitle, stemSet)
                ?? [new PassagePart(candidate.DocumentName ?? candidate.ProposalTitle, false)];
            hits.Add(new SearchHit(kind, candidate.ProposalId, candidate.ProposalTitle, candidate.DocumentId, candidate.DocumentName,
                candidate.Confidential, Enum.Parse<SearchTextState>(candidate.State) == SearchTextState.Pending, passage));
        }

        return new SearchResult(null, hits, ordered.Count);
    }

    /// <summary>The passages of the proposals whose title and beslispunten hold every stem; the others are left out.</summary>
    private async Task<Dictionary<long, IReadOnlyList<PassagePart>>> PublicProposalPassagesAsync(List<long> ids, IReadOnlySet<string> stems, CancellationToken cancellationToken)
    {
        var passages = new Dictionary<long, IReadOnlyList<PassagePart>>();
        var texts = await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Text }).ToListAsync(cancellationToken);
        var stemmer = new DutchWords();
        foreach (var entry in texts)
        {
            var words = stemmer.Stems(entry.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (stems.All(words.Contains) && Passages.Cut(entry.Text, stems) is { } passage)
            {
                passages[entry.Id] = passage;
            }
        }

        return passages;
    }

    /// <summary>Every entry whose words hold all the query's stems (at most <see cref="MaxCandidates"/>), with its score.</summary>
    protected abstract Task<List<Candidate>> CandidatesAsync(string query, IReadOnlyList<string> stems, CancellationToken cancellationToken);

    /// <summary>The passage of each entry's text where the words were found; an entry whose text holds no match is left out.</summary>
    protected abstract Task<IReadOnlyDictionary<long, IReadOnlyList<PassagePart>>> PassagesAsync(
        IReadOnlyList<long> ids, string query, IReadOnlySet<string> stems, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: the query's Snowball stems, each quoted (so nothing typed is read as FTS5 syntax), all required, against the
/// FTS5 table of stems; ranked by FTS5's bm25; the passage cut from the original text where the stems occur.
/// </summary>
public sealed class SqliteProposalSearch(HostDbContext db, IEnumerable<IPublicSearchIds> publicIds) : ProposalSearch(db, publicIds)
{
    /// <summary>The FTS5 query: every stem as a quoted string, all required.</summary>
    public static string MatchExpression(IEnumerable<string> stems) =>
        string.Join(" AND ", stems.Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    protected override Task<List<Candidate>> CandidatesAsync(string query, IReadOnlyList<string> stems, CancellationToken cancellationToken)
    {
        var match = MatchExpression(stems);
        return Db.Database.SqlQuery<Candidate>($"""
            SELECT e."Id", e."Kind", e."ProposalId", e."ProposalTitle", e."DocumentId", e."DocumentName", e."Confidential", e."State", s.rank AS "Score"
            FROM "SearchStems" AS s JOIN "SearchEntries" AS e ON e."Id" = s.rowid
            WHERE "SearchStems" MATCH {match}
            ORDER BY s.rank
            LIMIT {MaxCandidates}
            """).ToListAsync(cancellationToken);
    }

    protected override async Task<IReadOnlyDictionary<long, IReadOnlyList<PassagePart>>> PassagesAsync(
        IReadOnlyList<long> ids, string query, IReadOnlySet<string> stems, CancellationToken cancellationToken)
    {
        var passages = new Dictionary<long, IReadOnlyList<PassagePart>>();
        foreach (var id in ids)
        {
            // One text at a time: a page of hits on long documents does not hold them all in memory.
            var entry = await Db.Set<SearchEntry>().Where(e => e.Id == id).Select(e => new { e.Text, e.Summary }).FirstOrDefaultAsync(cancellationToken);
            if (entry is not null && (Passages.Cut(entry.Text, stems) ?? Passages.Cut(entry.Summary, stems)) is { } passage)
            {
                passages[id] = passage;
            }
        }

        return passages;
    }
}

/// <summary>
/// PostgreSQL: <c>plainto_tsquery('dutch', …)</c> (every word required, no syntax) against the generated
/// <c>tsvector</c> column with its GIN index; ranked by <c>ts_rank</c>; the passage from <c>ts_headline</c>.
/// </summary>
public sealed class PostgresProposalSearch(HostDbContext db, IEnumerable<IPublicSearchIds> publicIds) : ProposalSearch(db, publicIds)
{
    private static readonly string HeadlineOptions =
        $"StartSel={Passages.MarkStart}, StopSel={Passages.MarkEnd}, MaxWords={Passages.Words}, MinWords={Passages.Words / 2}, MaxFragments=1, FragmentDelimiter=\" \"";

    protected override Task<List<Candidate>> CandidatesAsync(string query, IReadOnlyList<string> stems, CancellationToken cancellationToken) =>
        Db.Database.SqlQuery<Candidate>($"""
            SELECT e."Id", e."Kind", e."ProposalId", e."ProposalTitle", e."DocumentId", e."DocumentName", e."Confidential", e."State",
                   -ts_rank(e."Words", q)::float8 AS "Score"
            FROM "SearchEntries" AS e, plainto_tsquery('dutch', {query}) AS q
            WHERE e."Words" @@ q
            ORDER BY "Score"
            LIMIT {MaxCandidates}
            """).ToListAsync(cancellationToken);

    public sealed class Headline
    {
        public long Id { get; set; }
        public string Text { get; set; } = "";
        public bool AtStart { get; set; }
        public bool AtEnd { get; set; }
    }

    protected override async Task<IReadOnlyDictionary<long, IReadOnlyList<PassagePart>>> PassagesAsync(
        IReadOnlyList<long> ids, string query, IReadOnlySet<string> stems, CancellationToken cancellationToken)
    {
        var passages = new Dictionary<long, IReadOnlyList<PassagePart>>();
        var idArray = ids.ToArray();
        var headlines = await Db.Database.SqlQuery<Headline>($"""
            SELECT e."Id", h.marked AS "Text",
                   starts_with(s.source, p.plain) AS "AtStart",
                   right(s.source, length(p.plain)) = p.plain AS "AtEnd"
            FROM "SearchEntries" AS e
            CROSS JOIN plainto_tsquery('dutch', {query}) AS q
            CROSS JOIN LATERAL (SELECT concat_ws(E'\n', e."Text", nullif(e."Summary", '')) AS source) AS s
            CROSS JOIN LATERAL (SELECT ts_headline('dutch', s.source, q, {HeadlineOptions}) AS marked) AS h
            CROSS JOIN LATERAL (SELECT translate(h.marked, chr(2) || chr(3), '') AS plain) AS p
            WHERE e."Id" = ANY({idArray})
            """).ToListAsync(cancellationToken);
        foreach (var headline in headlines)
        {
            if (Passages.FromMarked(headline.Text, !headline.AtStart, !headline.AtEnd) is { } passage)
            {
                passages[headline.Id] = passage;
            }
        }

        return passages;
    }
}
