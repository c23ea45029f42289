using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// Which instances to read; every condition given must hold. Runs in the database on indexed columns and the attribute
/// rows (see <see cref="IInstanceAttributeSource"/>), never on the stored state. In the example, <c>Title</c> and
/// <c>Region</c> are <see cref="AttributeName"/>s the application declared.
/// </summary>
/// <example>
/// <code>
/// new InstanceQuery
/// {
///     Statuses = [WorkflowStatus.Suspended],
///     Attributes = [Title.Contains("jaarplan"), Region.Is("noord")],
/// }
/// </code>
/// </example>
public sealed record InstanceQuery
{
    /// <summary>Every instance.</summary>
    public static InstanceQuery All { get; } = new();

    /// <summary>Only instances in one of these statuses; null or empty for any.</summary>
    public IReadOnlyCollection<WorkflowStatus>? Statuses { get; init; }

    /// <summary>Only instances of this definition (any version).</summary>
    public string? DefinitionId { get; init; }

    /// <summary>Conditions on attributes, all of which must hold.</summary>
    public IReadOnlyList<AttributeFilter> Attributes { get; init; } = [];
}
