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

    /// <summary>A stored version, compiled; read from the database the first time only.</summary>
    public ValueTask<CompiledDefinition> GetAsync(string recordId) => GetAsync(recordId, blocking: false);

    private async ValueTask<CompiledDefinition> GetAsync(string recordId, bool blocking)
    {
        if (_compiled.TryGetValue(recordId, out var compiled))
        {
            return compiled;
        }

        var json = await readers.LoadDefinitionJsonAsync(recordId, blocking) ?? throw new WorkflowNotFoundException($"Definitieversie {recordId} bestaat niet.");
        return _compiled.GetOrAdd(recordId, id => new CompiledDefinition(id, DefinitionParser.Parse(json), registry));
    }

    /// <summary>For callers off the hot path that cannot await (a migration's plan): reads on the calling thread.</summary>
    public CompiledDefinition Get(string recordId) => GetAsync(recordId, blocking: true).Completed();

    /// <summary>The version a start uses: the newest published one (remembered for a short while), or <paramref name="version"/>.</summary>
    public ValueTask<CompiledDefinition> GetForStartAsync(string definitionId, int? version) => GetForStartAsync(definitionId, version, blocking: false);

    private async ValueTask<CompiledDefinition> GetForStartAsync(string definitionId, int? version, bool blocking)
    {
        if (version is null && _published.TryGetValue(definitionId, out var known) && Environment.TickCount64 < known.Until)
        {
            return await GetAsync(known.RecordId, blocking);
        }

        var recordId = await readers.FindPublishedDefinitionAsync(definitionId, version, blocking)
            ?? throw new WorkflowNotFoundException(version is null
                ? $"Er is geen gepubliceerde definitie '{definitionId}'."
                : $"Definitie '{definitionId}' versie {version} bestaat niet.");
        if (version is null)
        {
            _published[definitionId] = (recordId, Environment.TickCount64 + (long)PublishedLookupLifetime.TotalMilliseconds);
        }

        return await GetAsync(recordId, blocking);
    }

    /// <summary>As <see cref="GetForStartAsync(string, int?)"/>, reading on the calling thread (off the hot path).</summary>
    public CompiledDefinition GetForStart(string definitionId, int? version) => GetForStartAsync(definitionId, version, blocking: true).Completed();
}
