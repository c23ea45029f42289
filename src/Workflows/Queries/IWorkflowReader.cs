using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// The engine's read side: instances, their journals and incidents, and the stored definitions, as typed views. The
/// layers above read the engine only through this (and change it only through <see cref="Runtime.IWorkflowRuntime"/>);
/// the tables and the stored state are the engine's own. Scoped: one per request or job.
/// </summary>
/// <remarks>
/// Lists are newest first and keyset paged on the instance id (which sorts by creation): a page costs the same at any
/// depth, with no OFFSET and no COUNT. Filters on attributes run on indexed rows written in the step's transaction,
/// on SQLite and PostgreSQL alike.
/// </remarks>
public interface IWorkflowReader
{
    /// <summary>The most a page holds.</summary>
    public const int MaxPageSize = 200;

    /// <summary>One instance; null when there is none with that id.</summary>
    Task<InstanceView?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The instances with these ids that exist, in the order of the ids (each once).</summary>
    Task<IReadOnlyList<InstanceView>> GetInstancesAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>A page of the instances that match, newest first.</summary>
    /// <param name="cursor">The <see cref="InstancesPage{T}.NextCursor"/> of the page before; null for the first page.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/> (clamped).</param>
    /// <exception cref="FormatException">The cursor is not one this reader gave out (the message says so in Dutch).</exception>
    Task<InstancesPage<InstanceView>> PageInstancesAsync(InstanceQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="PageInstancesAsync"/>, without reading the state: for lists that show only the columns.</summary>
    /// <exception cref="FormatException">The cursor is not one this reader gave out.</exception>
    Task<InstancesPage<InstanceSummary>> PageSummariesAsync(InstanceQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every instance that matches, newest first, read a page at a time: for background jobs that must visit them all.
    /// An instance started while the stream runs may be missed; none is given twice.
    /// </summary>
    IAsyncEnumerable<InstanceView> StreamInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>The journal of an instance, oldest first (empty for an unknown instance).</summary>
    /// <param name="kinds">Only lines of these kinds; null for all.</param>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default);

    /// <summary>The journals of several instances, ordered by instance id and then sequence.</summary>
    /// <param name="kinds">Only lines of these kinds (e.g. one activity's outcome lines); null for all.</param>
    Task<IReadOnlyList<JournalEntry>> GetJournalsAsync(IEnumerable<string> instanceIds, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lines of some kinds in the journals of several instances, without their data (what happened, when, at which
    /// activity): for figures over many instances, such as how long steps take. Read from an index that holds exactly
    /// these columns, so it costs a fraction of <see cref="GetJournalsAsync"/>. Ordered by instance id and then sequence.
    /// </summary>
    Task<IReadOnlyList<JournalMark>> GetJournalMarksAsync(IEnumerable<string> instanceIds, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default);

    /// <summary>
    /// A mark that changes whenever an instance is started, moves on or is removed: the number of instances and the sum of
    /// their revisions (each burst raises its instance's revision). For figures over many instances that are kept until
    /// the data under them changes; reads no state. Equal marks mean nothing was written in between.
    /// </summary>
    Task<string> GetChangeMarkAsync(CancellationToken cancellationToken = default);

    /// <summary>The incidents of an instance, oldest first: the open ones, and with <paramref name="includeResolved"/> the history.</summary>
    Task<IReadOnlyList<IncidentView>> GetIncidentsAsync(string instanceId, bool includeResolved = false, CancellationToken cancellationToken = default);

    /// <summary>One line per definition, ordered by definition id.</summary>
    Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(DefinitionListing listing = DefinitionListing.Latest, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of a definition, newest first (empty for an unknown definition).</summary>
    Task<IReadOnlyList<DefinitionSummary>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>A stored version with its JSON and parsed model (cached: a stored version never changes); null when there is none.</summary>
    Task<StoredDefinition?> GetDefinitionAsync(DefinitionRef definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// The parsed model of a stored version (e.g. <see cref="InstanceView.DefinitionVersionId"/>), for step names and the
    /// route diagram; from the cache after the first read, without asking the database. Shared: never change it.
    /// </summary>
    /// <returns>Null when there is no such version.</returns>
    Task<WorkflowDefinitionModel?> GetDefinitionModelAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outbox's messages not yet delivered: how many, how many of them failed at least once, and the oldest few, for
    /// an administrator who wants to know whether mail is stuck.
    /// </summary>
    /// <param name="oldest">How many of the oldest waiting messages to list (0 to <see cref="MaxPageSize"/>).</param>
    Task<OutboxBacklog> GetOutboxBacklogAsync(int oldest, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outbox messages written for an instance, delivered or not, oldest first: what was sent about it, e.g. for the
    /// record of everything sent about one instance. A payload that is not readable JSON is left out.
    /// </summary>
    Task<IReadOnlyList<SentMessage>> GetMessagesOfInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
