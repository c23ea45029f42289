using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Search;

/// <summary>
/// Keeps the search index up to date: a proposal's own words when it starts and when its beslispunten change, a document
/// by its name the moment it is stored (cheap, on the request) and by its text later (<see cref="ReadPendingAsync"/>, in
/// the background, one document at a time). <see cref="CatchUpAsync"/> brings the index level with the database at start-up
/// and now and then; every write is idempotent, so running it twice changes nothing.
/// </summary>
public sealed class SearchIndex(HostDbContext db, IWorkflowReader workflows, SearchIndexSignal signal, IOptions<SearchOptions> options,
    TimeProvider time, ILogger<SearchIndex> log)
{
    /// <summary>
    /// What a use case calls after it changed a proposal (started it, changed its beslispunten, added documents): the
    /// proposal's words now, its new documents by name now and by text in the background. Never throws: what it could not
    /// write is caught up later (<see cref="CatchUpAsync"/>), and the person's change is kept either way.
    /// </summary>
    public async Task ProposalChangedAsync(string proposalId, IReadOnlyCollection<ProposalDocument> newDocuments)
    {
        try
        {
            var instance = await workflows.GetInstanceAsync(proposalId, CancellationToken.None);
            if (instance is null)
            {
                return;
            }

            await IndexProposalAsync(proposalId, instance.Input, CancellationToken.None);
            if (newDocuments.Count > 0)
            {
                await AddDocumentsAsync(proposalId, ProposalInput.Read(instance.Input).TitleOrUntitled, newDocuments, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // Search is never a reason to fail a change that is already stored.
            log.LogError(e, "Search index: proposal {ProposalId} could not be indexed now; it is caught up later.", proposalId);
            db.ChangeTracker.Clear();
            signal.Wake();
        }
    }

    /// <summary>
    /// Indexes the proposal's title, summary and beslispunten, and carries a changed title to its documents' entries.
    /// An instance without a title (not a proposal) is left out.
    /// </summary>
    public async Task IndexProposalAsync(string proposalId, JsonObject input, CancellationToken cancellationToken)
    {
        var proposal = ProposalInput.Read(input);
        if (proposal.Title is not { Length: > 0 } typed)
        {
            return;
        }

        var title = Fit(typed);

        var text = new StringBuilder(typed);
        foreach (var point in proposal.DecisionPoints ?? [])
        {
            text.Append('\n').Append(point.Number).Append(". ").Append(point.Text);
        }

        var summary = proposal.Summary ?? "";
        var entry = await db.Set<SearchEntry>().FirstOrDefaultAsync(e => e.ProposalId == proposalId && e.Kind == SearchEntryKind.Proposal, cancellationToken);
        if (entry is not null && entry.Text == text.ToString() && entry.Summary == summary && entry.ProposalTitle == title)
        {
            return;
        }

        if (entry is null)
        {
            entry = new SearchEntry { Kind = SearchEntryKind.Proposal, ProposalId = proposalId };
            db.Add(entry);
        }

        entry.ProposalTitle = title;
        entry.Text = text.ToString();
        entry.Summary = summary;
        entry.State = SearchTextState.Read;
        entry.IndexedAt = time.GetUtcNow().UtcDateTime;
        await SaveAsync(entry, cancellationToken);
        await db.Set<SearchEntry>().Where(e => e.ProposalId == proposalId && e.Kind == SearchEntryKind.Document && e.ProposalTitle != title)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProposalTitle, title), cancellationToken);
    }

    /// <summary>
    /// Makes stored documents findable by name at once and wakes the background reader for their text. A document
    /// already in the index is left as it is.
    /// </summary>
    public async Task AddDocumentsAsync(string proposalId, string proposalTitle, IEnumerable<ProposalDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            if (await db.Set<SearchEntry>().AnyAsync(e => e.DocumentId == document.Id, cancellationToken))
            {
                continue;
            }

            await SaveAsync(NewDocumentEntry(proposalId, proposalTitle, document.Id, document.FileName, document.Confidential), cancellationToken);
        }

        signal.Wake();
    }

    /// <summary>
    /// Reads the text of every document still waiting, one at a time (only one file's content is in memory at once). A
    /// file that cannot be read stays findable by its name, and the reason is logged. Returns how many were handled.
    /// </summary>
    public async Task<int> ReadPendingAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        long after = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var entry = await db.Set<SearchEntry>().Where(e => e.State == SearchTextState.Pending && e.Id > after).OrderBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return handled;
            }

            after = entry.Id;
            var file = await db.ProposalDocuments.AsNoTracking().Where(d => d.Id == entry.DocumentId)
                .Select(d => new { d.ContentType, d.Content }).FirstOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                await RemoveAsync(entry, cancellationToken);
                continue;
            }

            try
            {
                var text = DocumentText.Read(file.ContentType, file.Content, options.Value.MaxTextCharacters, cancellationToken);
                entry.Text = text ?? "";
                entry.State = text is null ? SearchTextState.NameOnly : SearchTextState.Read;
            }
            catch (DocumentTextException e)
            {
                log.LogWarning(e, "The text of document {DocumentId} ({FileName}) of proposal {ProposalId} could not be read; it is found by its name only.",
                    entry.DocumentId, entry.DocumentName, entry.ProposalId);
                entry.Text = "";
                entry.State = SearchTextState.NameOnly;
            }

            entry.IndexedAt = time.GetUtcNow().UtcDateTime;
            try
            {
                await SaveAsync(entry, cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // A text the database will not index (PostgreSQL refuses a tsvector over 1 MB) must not hold up the
                // documents after it: this one stays findable by its name.
                log.LogError(e, "The text of document {DocumentId} ({FileName}) of proposal {ProposalId} could not be indexed; it is found by its name only.",
                    entry.DocumentId, entry.DocumentName, entry.ProposalId);
                db.ChangeTracker.Clear();
                var nameOnly = await db.Set<SearchEntry>().FirstAsync(e => e.Id == entry.Id, cancellationToken);
                nameOnly.Text = "";
                nameOnly.State = SearchTextState.NameOnly;
                nameOnly.IndexedAt = time.GetUtcNow().UtcDateTime;
                await SaveAsync(nameOnly, cancellationToken);
            }

            handled++;
        }
    }

    /// <summary>
    /// Brings the index level with the database: every proposal's own words (unchanged ones are not written again), every
    /// document attached to a proposal but not yet indexed (by name; its text follows), no entry for a document that is
    /// gone. Proposals are read a page at a time and documents without their content, so memory stays small.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await workflows.PageInstancesAsync(InstanceQuery.All, cursor, IWorkflowReader.MaxPageSize, cancellationToken);
            foreach (var instance in page.Items)
            {
                await IndexProposalAsync(instance.Id, instance.Input, cancellationToken);
            }

            db.ChangeTracker.Clear();
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var entries = db.Set<SearchEntry>();
        var missing = await db.ProposalDocuments.AsNoTracking()
            .Where(d => d.InstanceId != null && !entries.Any(e => e.DocumentId == d.Id))
            .Select(d => new { d.Id, d.InstanceId, d.FileName, d.Confidential })
            .ToListAsync(cancellationToken);
        foreach (var document in missing)
        {
            var title = await entries.Where(e => e.ProposalId == document.InstanceId && e.Kind == SearchEntryKind.Proposal)
                .Select(e => e.ProposalTitle).FirstOrDefaultAsync(cancellationToken) ?? ProposalInput.Untitled;
            await SaveAsync(NewDocumentEntry(document.InstanceId!, title, document.Id, document.FileName, document.Confidential), cancellationToken);
            db.ChangeTracker.Clear();
        }

        var gone = await entries.Where(e => e.DocumentId != null && !db.ProposalDocuments.Any(d => d.Id == e.DocumentId)).ToListAsync(cancellationToken);
        foreach (var entry in gone)
        {
            await RemoveAsync(entry, cancellationToken);
        }

        if (missing.Count > 0)
        {
            log.LogInformation("Search index: {Count} documents added by name; their text is read in the background.", missing.Count);
            signal.Wake();
        }
    }

    /// <summary>The text cut to the column's length (a title is far shorter in practice).</summary>
    private static string Fit(string text, int length = 500) => text.Length <= length ? text : text[..length];

    private SearchEntry NewDocumentEntry(string proposalId, string proposalTitle, string documentId, string fileName, bool confidential)
    {
        var entry = new SearchEntry
        {
            Kind = SearchEntryKind.Document,
            ProposalId = proposalId,
            ProposalTitle = Fit(proposalTitle),
            DocumentId = documentId,
            DocumentName = fileName,
            NameWords = Fit(DutchWords.NameWords(fileName), 260),
            Confidential = confidential,
            State = SearchTextState.Pending,
            IndexedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>
    /// Saves the entry and, on SQLite, its stems in the FTS5 table, in one transaction. On PostgreSQL the generated
    /// column <c>Words</c> follows the row by itself.
    /// </summary>
    private async Task SaveAsync(SearchEntry entry, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var stems = new DutchWords().Stems(entry.NameWords + "\n" + entry.Text + "\n" + entry.Summary);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"SearchStems\" WHERE rowid = {entry.Id}", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO \"SearchStems\" (rowid, \"Stems\") VALUES ({entry.Id}, {stems})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RemoveAsync(SearchEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"SearchStems\" WHERE rowid = {entry.Id}", cancellationToken);
        }

        await db.Set<SearchEntry>().Where(e => e.Id == entry.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
