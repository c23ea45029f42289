using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Reads a node's inputs the same way in a running step and in a simulation, so an activity computes its
/// deadlines and meetings once for both.
/// </summary>
public sealed class ActivityInputs(Func<string, JsonNode?> read)
{
    public static ActivityInputs Of(ActivityContext context) => new(context.GetInputValue);

    public JsonNode? Value(string name) => read(name);

    public string? Text(string name) => read(name) is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    public int? Integer(string name) => read(name) is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : read(name) is JsonValue d && d.TryGetValue<double>(out var f) ? (int)f : null;

    public bool? Boolean(string name) => read(name) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public IReadOnlyList<string> List(string name) => read(name) switch
    {
        JsonArray a => a.Select(x => x?.GetValue<string>()).OfType<string>().ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
