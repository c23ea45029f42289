using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Workflows.Attributes;

/// <summary>
/// Computes the searchable attributes of an instance (e.g. a title, whom it waits on, every place it has
/// passed), so that lists filter on indexed rows instead of on the stored state. The layer above the engine registers at
/// most one, as a singleton; without one the engine stores no attributes and a burst does no extra work.
/// </summary>
/// <remarks>
/// The engine calls <see cref="Compute"/> at the end of every burst, before the burst is committed, and writes the
/// difference with the previous set in the same transaction as the step: a burst that is rolled back leaves the
/// previous attributes. At start-up, when <see cref="Version"/> differs from the version the stored attributes were
/// computed with (or none were), the engine computes them again for every instance, with the whole journal and an
/// empty previous set (see <see cref="InstanceAttributeContext.IsRecomputation"/>).
/// <para>
/// <see cref="Compute"/> runs inside the burst: it must be quick and deterministic, do no I/O, and must not change the
/// view it is given (its JSON is the instance's live state). An exception fails the command; nothing is stored.
/// </para>
/// </remarks>
public interface IInstanceAttributeSource
{
    /// <summary>
    /// Names the rules <see cref="Compute"/> follows. Change it when they change (another attribute, another way to
    /// compute one), and the engine recomputes the attributes of every stored instance at the next start.
    /// </summary>
    string Version { get; }

    /// <summary>The complete set of attributes the instance has now; duplicates and empty values are ignored.</summary>
    IEnumerable<InstanceAttribute> Compute(InstanceAttributeContext context);
}

/// <summary>What an <see cref="IInstanceAttributeSource"/> computes the attributes from.</summary>
public sealed class InstanceAttributeContext
{
    internal InstanceAttributeContext(InstanceView instance, IReadOnlyList<JournalEntry> journal, IReadOnlyList<InstanceAttribute> previous, bool isRecomputation)
    {
        Instance = instance;
        Journal = journal;
        Previous = previous;
        IsRecomputation = isRecomputation;
    }

    /// <summary>The instance as the burst leaves it (its <see cref="InstanceView.Attributes"/> are the previous ones).</summary>
    public InstanceView Instance { get; }

    /// <summary>
    /// The journal entries this burst wrote, oldest first; when <see cref="IsRecomputation"/>, the instance's whole
    /// journal. An attribute that accumulates (every value an instance ever had) adds what these entries say to
    /// <see cref="Previous"/>.
    /// </summary>
    public IReadOnlyList<JournalEntry> Journal { get; }

    /// <summary>The attributes the instance had before this burst; empty for a new instance and on recomputation.</summary>
    public IReadOnlyList<InstanceAttribute> Previous { get; }

    /// <summary>True when the engine recomputes stored instances (start-up after a version change), not after a burst.</summary>
    public bool IsRecomputation { get; }

    /// <summary>The previous values of one attribute.</summary>
    public IEnumerable<string> PreviousValues(AttributeName name) =>
        Previous.Where(a => a.Name.Name == name.Name).Select(a => a.Value);
}
