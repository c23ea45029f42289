using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Journal;

namespace AdviesRoute.Workflows.Tests.Support;

/// <summary>
/// An attribute source for the engine's tests: the input's <c>titel</c>, every one of its <c>labels</c>, the names of the
/// bookmarks the instance waits on, and every signal it was ever resumed with (accumulated from the journal).
/// </summary>
public sealed class TestAttributeSource(string version = "1") : IInstanceAttributeSource
{
    public static readonly AttributeName Title = new("titel");
    public static readonly AttributeName Label = new("label");
    public static readonly AttributeName WaitsFor = new("wacht");
    public static readonly AttributeName Resumed = new("hervat");

    /// <summary>Only from version 2 on: the version that computed the set.</summary>
    public static readonly AttributeName ComputedBy = new("versie");

    public string Version => version;

    /// <summary>Every context it was asked with.</summary>
    public ConcurrentQueue<InstanceAttributeContext> Seen { get; } = new();

    /// <summary>Throws when this holds (a bug in the layer above).</summary>
    public Func<InstanceAttributeContext, bool>? FailWhen { get; set; }

    public IEnumerable<InstanceAttribute> Compute(InstanceAttributeContext context)
    {
        Seen.Enqueue(context);
        if (FailWhen?.Invoke(context) == true)
        {
            throw new InvalidOperationException("De attribuutbron faalt.");
        }

        var input = context.Instance.Input;
        var result = new List<InstanceAttribute>();
        if (input["titel"]?.GetValue<string>() is { } title)
        {
            result.Add(Title.With(title));
        }

        if (input["labels"] is JsonArray labels)
        {
            result.AddRange(labels.Select(l => Label.With(l!.GetValue<string>())));
        }

        result.AddRange(context.Instance.AllBookmarks().Select(b => WaitsFor.With(b.Name)));
        result.AddRange(context.PreviousValues(Resumed).Select(Resumed.With));
        result.AddRange(context.Journal.Where(j => j.Kind == JournalKinds.BookmarkResumed).Select(j => Resumed.With(j.Data!["name"]!.GetValue<string>())));
        if (version != "1")
        {
            result.Add(ComputedBy.With(version));
        }

        return result;
    }
}
