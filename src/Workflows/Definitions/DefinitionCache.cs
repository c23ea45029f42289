using System.Collections.Concurrent;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>Compiled definitions by stored version. A stored version never changes, so entries never go stale.</summary>
internal sealed class DefinitionCache(ReaderPool readers, ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<string, CompiledDefinition> _compiled = new();

    public CompiledDefinition Get(string recordId) => _compiled.GetOrAdd(recordId, id =>
    {
        var json = readers.LoadDefinitionJson(id) ?? throw new WorkflowNotFoundException($"Definitieversie {id} bestaat niet.");
        var model = DefinitionParser.Parse(json);
        return new CompiledDefinition(id, model, registry);
    });

    public CompiledDefinition GetForStart(string definitionId, int? version)
    {
        var recordId = readers.FindPublishedDefinition(definitionId, version)
            ?? throw new WorkflowNotFoundException(version is null
                ? $"Er is geen gepubliceerde definitie '{definitionId}'."
                : $"Definitie '{definitionId}' versie {version} bestaat niet.");
        return Get(recordId);
    }
}
