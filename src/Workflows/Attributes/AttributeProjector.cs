using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Workflows.Attributes;

/// <summary>The attribute rows one burst writes, in its own transaction.</summary>
internal sealed class AttributeChanges
{
    /// <summary>The previous set is unknown (a state stored before attributes existed): every row of the instance goes first.</summary>
    public bool ReplaceAll { get; init; }

    public List<(string Name, string Value)> Removed { get; } = [];

    public List<(string Name, string Value, string Folded)> Added { get; } = [];

    public bool IsEmpty => !ReplaceAll && Removed.Count == 0 && Added.Count == 0;
}

/// <summary>
/// Holds the registered <see cref="IInstanceAttributeSource"/> (zero or one) and turns what it computes into the set
/// kept in the instance's state and the rows to write. Without a source the runtime only checks <see cref="Source"/>.
/// </summary>
internal sealed class AttributeProjector
{
    public AttributeProjector(IEnumerable<IInstanceAttributeSource> sources)
    {
        var all = sources.ToList();
        if (all.Count > 1)
        {
            throw new InvalidOperationException(
                $"At most one {nameof(IInstanceAttributeSource)} may be registered; found {string.Join(", ", all.Select(s => s.GetType().FullName))}.");
        }

        Source = all.Count == 1 ? all[0] : null;
    }

    public IInstanceAttributeSource? Source { get; }

    /// <summary>Runs the source and normalises its answer: empty values dropped, long ones cut, duplicates merged, sorted.</summary>
    public SortedDictionary<string, SortedSet<string>> Compute(InstanceAttributeContext context)
    {
        var source = Source ?? throw new InvalidOperationException("No attribute source is registered.");
        var set = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var attribute in source.Compute(context) ?? [])
        {
            if (attribute?.Name is null || string.IsNullOrEmpty(attribute.Value))
            {
                continue;
            }

            if (!set.TryGetValue(attribute.Name.Name, out var values))
            {
                values = new SortedSet<string>(StringComparer.Ordinal);
                set[attribute.Name.Name] = values;
            }

            values.Add(AttributeText.Stored(attribute.Value));
        }

        return set;
    }

    /// <summary>The set as the instance's state keeps it.</summary>
    public static Dictionary<string, List<string>> ToStored(SortedDictionary<string, SortedSet<string>> set) =>
        set.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);

    /// <summary>The set as a flat list of values.</summary>
    public static IReadOnlyList<InstanceAttribute> ToList(Dictionary<string, List<string>>? stored) =>
        stored is null ? [] : stored.SelectMany(kv => kv.Value.Select(v => new InstanceAttribute(new AttributeName(kv.Key), v))).ToList();

    /// <summary>What to write to go from <paramref name="previous"/> (null: unknown) to <paramref name="next"/>; null when nothing.</summary>
    public static AttributeChanges? Diff(Dictionary<string, List<string>>? previous, SortedDictionary<string, SortedSet<string>> next)
    {
        var changes = new AttributeChanges { ReplaceAll = previous is null };
        var before = new HashSet<(string, string)>();
        if (previous is not null)
        {
            foreach (var (name, values) in previous)
            {
                foreach (var value in values)
                {
                    before.Add((name, value));
                }
            }
        }

        var after = new HashSet<(string, string)>();
        foreach (var (name, values) in next)
        {
            foreach (var value in values)
            {
                after.Add((name, value));
                if (!before.Contains((name, value)))
                {
                    changes.Added.Add((name, value, AttributeText.Fold(value)));
                }
            }
        }

        foreach (var (name, value) in before)
        {
            if (!after.Contains((name, value)))
            {
                changes.Removed.Add((name, value));
            }
        }

        return changes.IsEmpty ? null : changes;
    }
}
