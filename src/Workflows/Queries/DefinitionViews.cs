using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Queries;

/// <summary>One stored version of a definition, without its content.</summary>
/// <param name="VersionId">Identifies this stored version (what <see cref="InstanceView.DefinitionVersionId"/> points at).</param>
/// <param name="IsLatest">The newest version of its definition, published or not.</param>
/// <param name="CreatedBy">Who stored it (an account, or <c>import</c> for a shipped file).</param>
/// <param name="Source">Where it came from: a file name, or <c>ontwerper</c>.</param>
public sealed record DefinitionSummary(string VersionId, string DefinitionId, int Version, string Name, string? Description, bool IsPublished, bool IsLatest,
    DateTimeOffset CreatedAt, string? CreatedBy, string? Source);

/// <summary>A stored version of a definition with its content.</summary>
/// <param name="Json">The definition as stored (the shape of <c>workflow-definitions/</c>, type versions pinned); parse it for a copy to change.</param>
/// <param name="Model">
/// The parsed definition, shared by every reader of this version (a stored version never changes): read it, never
/// change it.
/// </param>
public sealed record StoredDefinition(DefinitionSummary Summary, string Json, WorkflowDefinitionModel Model);

/// <summary>Which lines <see cref="IWorkflowReader.ListDefinitionsAsync"/> gives per definition.</summary>
public enum DefinitionListing
{
    /// <summary>The newest version, published or not.</summary>
    Latest,

    /// <summary>The newest published version; definitions without one are left out.</summary>
    LatestPublished,
}

/// <summary>Names one stored version of a definition, for <see cref="IWorkflowReader.GetDefinitionAsync"/>.</summary>
public sealed record DefinitionRef
{
    private DefinitionRef(string? definitionId, int? number, string? versionId, bool published)
    {
        DefinitionId = definitionId;
        Number = number;
        VersionId = versionId;
        PublishedOnly = published;
    }

    public string? DefinitionId { get; }

    public int? Number { get; }

    public string? VersionId { get; }

    public bool PublishedOnly { get; }

    /// <summary>The newest published version, the one a start uses.</summary>
    public static DefinitionRef Published(string definitionId) => new(definitionId, null, null, published: true);

    /// <summary>The newest version, published or not.</summary>
    public static DefinitionRef Latest(string definitionId) => new(definitionId, null, null, published: false);

    /// <summary>Version <paramref name="version"/> of the definition.</summary>
    public static DefinitionRef OfVersion(string definitionId, int version) => new(definitionId, version, null, published: false);

    /// <summary>The stored version with this id (e.g. <see cref="InstanceView.DefinitionVersionId"/>).</summary>
    public static DefinitionRef ById(string versionId) => new(null, null, versionId, published: false);
}
