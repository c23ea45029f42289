using System.Collections.Concurrent;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Queries;

/// <summary>
/// The JSON and parsed model of each stored definition version, per process. A stored version never changes, so an
/// entry never goes stale; there are few versions, so nothing is evicted.
/// </summary>
internal sealed class DefinitionModelCache
{
    private readonly ConcurrentDictionary<string, (string Json, WorkflowDefinitionModel Model)> _versions = new(StringComparer.Ordinal);

    public bool TryGet(string versionId, out (string Json, WorkflowDefinitionModel Model) content) => _versions.TryGetValue(versionId, out content);

    public (string Json, WorkflowDefinitionModel Model) Add(string versionId, string json) =>
        _versions.GetOrAdd(versionId, static (_, text) => (text, DefinitionParser.Parse(text)), json);
}
