using System.Text.Json.Nodes;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Host.Designer;

/// <summary>An activity as a diff names it.</summary>
public sealed record DiffActivity(string Id, string? Type, string? DisplayName);

/// <summary>An activity present in both, with what changed in words ("inputs.termijn: 6 weken → 8 weken").</summary>
public sealed record ChangedActivity(string Id, string? DisplayName, IReadOnlyList<string> Changes);

public sealed record DiffEndpoint(string Activity, string Port);

public sealed record DiffConnection(DiffEndpoint Source, DiffEndpoint Target);

public sealed record ActivityChanges(IReadOnlyList<DiffActivity> Added, IReadOnlyList<DiffActivity> Removed, IReadOnlyList<ChangedActivity> Changed);

public sealed record ConnectionChanges(IReadOnlyList<DiffConnection> Added, IReadOnlyList<DiffConnection> Removed);

/// <summary>What differs between two versions of a definition.</summary>
/// <param name="Other">Changes outside the flowchart (name, description, inputs, variables), in words.</param>
public sealed record DefinitionDifference(string From, string To, ActivityChanges Activities, ConnectionChanges Connections, IReadOnlyList<string> Other);

/// <summary>
/// Compares two definitions as the designer's users think of them: activities by id (added, removed, changed in type,
/// name or inputs), connections by their ends. Positions on the canvas are left out: moving a box is no change.
/// </summary>
public static class DefinitionDiff
{
    public static DefinitionDifference Compare(string from, JsonNode a, string to, JsonNode b)
    {
        var before = Activities(a);
        var after = Activities(b);
        var added = after.Keys.Except(before.Keys).Select(id => Describe(after[id])).ToList();
        var removed = before.Keys.Except(after.Keys).Select(id => Describe(before[id])).ToList();
        var changed = new List<ChangedActivity>();
        foreach (var id in before.Keys.Intersect(after.Keys))
        {
            var changes = new List<string>();
            Compare(changes, "type", before[id]["type"], after[id]["type"]);
            Compare(changes, "displayName", before[id]["displayName"], after[id]["displayName"]);
            var oldInputs = before[id]["inputs"] as JsonObject ?? [];
            var newInputs = after[id]["inputs"] as JsonObject ?? [];
            foreach (var name in oldInputs.Select(p => p.Key).Union(newInputs.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Compare(changes, $"inputs.{name}", oldInputs[name], newInputs[name]);
            }

            if (changes.Count > 0)
            {
                changed.Add(new ChangedActivity(id, after[id]["displayName"]?.GetValue<string>(), changes));
            }
        }

        var oldConnections = Connections(a);
        var newConnections = Connections(b);
        var other = new List<string>();
        foreach (var field in new[] { "name", "description", "inputs", "variables" })
        {
            Compare(other, field, a[field], b[field]);
        }

        return new DefinitionDifference(from, to,
            new ActivityChanges(added, removed, changed),
            new ConnectionChanges(newConnections.Except(oldConnections).ToList(), oldConnections.Except(newConnections).ToList()),
            other);
    }

    private static void Compare(List<string> changes, string what, JsonNode? old, JsonNode? @new)
    {
        if (!JsonNode.DeepEquals(old, @new))
        {
            changes.Add($"{what}: {Show(old)} → {Show(@new)}");
        }
    }

    private static string Show(JsonNode? value)
    {
        if (value is null)
        {
            return "(leeg)";
        }

        // A period reads in words ("6 weken"), not as the ISO code the definition stores.
        if (value is JsonValue v && v.TryGetValue<string>(out var stored) && IsoDuration.TryParse(stored, out var period))
        {
            return DutchFormat.Duration(period);
        }

        var text = value.ToJsonString();
        return text.Length > 120 ? text[..117] + "…" : text;
    }

    private static DiffActivity Describe(JsonObject activity) =>
        new(activity["id"]!.GetValue<string>(), activity["type"]?.GetValue<string>(), activity["displayName"]?.GetValue<string>());

    private static Dictionary<string, JsonObject> Activities(JsonNode definition)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var activity in definition["root"]?["activities"] as JsonArray ?? [])
        {
            if (activity is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var key))
            {
                result.TryAdd(key, o);
            }
        }

        return result;
    }

    private static List<DiffConnection> Connections(JsonNode definition) =>
        (definition["root"]?["connections"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new DiffConnection(End(c["source"]), End(c["target"])))
            .Distinct()
            .ToList();

    private static DiffEndpoint End(JsonNode? end) =>
        new(end?["activity"]?.GetValue<string>() ?? "", end?["port"]?.GetValue<string>() ?? "");
}
