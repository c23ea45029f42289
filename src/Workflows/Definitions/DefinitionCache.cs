using System.Collections.Concurrent;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>Compiled definitions by stored version. A stored version never changes, so entries never go stale.</summary>
/// <remarks>
/// Which version a start uses is remembered for a short while (<see cref="PublishedLookupLifetime"/>), so a start
/// does not ask the database each time; a save in this process forgets it at once, a save by another host is
/// seen within that while.
/// </remarks>
internal sealed class DefinitionCache(ReaderPool readers, ActivityRegistry registry)
{
    public static readonly TimeSpan PublishedLookupLifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, CompiledDefinition> _compiled = new();
    private readonly ConcurrentDictionary<string, (string RecordId, long Until)> _published = new();

    /// <summary>Forgets which version is published for <paramref name="definitionId"/> (called after a save).</summary>
    public void Forget(string definitionId) => _published.TryRemove(definitionId, out _);

    public CompiledDefinition Get(string recordId) => _compiled.GetOrAdd(recordId, id =>
    {
        var json = readers.LoadDefinitionJson(id) ?? throw new WorkflowNotFoundException($"Definitieversie {id} bestaat niet.");
        var model = DefinitionParser.Parse(json);
        return new CompiledDefinition(id, model, registry);
    });

    public CompiledDefinition GetForStart(string definitionId, int? version)
    {
        if (version is null && _published.TryGetValue(definitionId, out var known) && Environment.TickCount64 < known.Until)
        {
            return Get(known.RecordId);
        }

        var recordId = readers.FindPublishedDefinition(definitionId, version)
            ?? throw new WorkflowNotFoundException(version is null
                ? $"Er is geen gepubliceerde definitie '{definitionId}'."
                : $"Definitie '{definitionId}' versie {version} bestaat niet.");
        if (version is null)
        {
            _published[definitionId] = (recordId, Environment.TickCount64 + (long)PublishedLookupLifetime.TotalMilliseconds);
        }

        return Get(recordId);
    }
}
