using System.Text.Json.Nodes;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Activities;
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
    /// <param name="describe">The declaration of a step's type, for its Dutch name and the labels of its inputs and choices.</param>
    public static DefinitionDifference Compare(string from, JsonNode a, string to, JsonNode b, Func<string?, ActivityDescriptor?> describe)
    {
        var before = Activities(a);
        var after = Activities(b);
        var added = after.Keys.Except(before.Keys).Select(id => Describe(after[id])).ToList();
        var removed = before.Keys.Except(after.Keys).Select(id => Describe(before[id])).ToList();
        var changed = new List<ChangedActivity>();
        foreach (var id in before.Keys.Intersect(after.Keys))
        {
            var changes = new List<string>();
            var oldType = describe(before[id]["type"]?.GetValue<string>());
            var newType = describe(after[id]["type"]?.GetValue<string>());
            if (!JsonNode.DeepEquals(before[id]["type"], after[id]["type"]))
            {
                changes.Add($"Soort stap: {oldType?.DisplayName ?? Show(before[id]["type"], null)} → {newType?.DisplayName ?? Show(after[id]["type"], null)}");
            }

            Compare(changes, "Naam", before[id]["displayName"], after[id]["displayName"], null);
            var oldInputs = before[id]["inputs"] as JsonObject ?? [];
            var newInputs = after[id]["inputs"] as JsonObject ?? [];
            foreach (var name in oldInputs.Select(p => p.Key).Union(newInputs.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var input = newType?.FindInput(name) ?? oldType?.FindInput(name);
                Compare(changes, input?.DisplayName ?? name, oldInputs[name], newInputs[name], input);
            }

            if (changes.Count > 0)
            {
                changed.Add(new ChangedActivity(id, after[id]["displayName"]?.GetValue<string>(), changes));
            }
        }

        var oldConnections = Connections(a);
        var newConnections = Connections(b);
        var other = new List<string>();
        foreach (var (field, words) in new[] { ("name", "Naam van de route"), ("description", "Beschrijving"), ("inputs", "Invoer van de route"), ("variables", "Variabelen") })
        {
            Compare(other, words, a[field], b[field], null);
        }

        return new DefinitionDifference(from, to,
            new ActivityChanges(added, removed, changed),
            new ConnectionChanges(newConnections.Except(oldConnections).ToList(), oldConnections.Except(newConnections).ToList()),
            other);
    }

    /// <summary>"Termijn: 6 weken → 4 weken": what changed, named as the property panel names it.</summary>
    private static void Compare(List<string> changes, string what, JsonNode? old, JsonNode? @new, InputDescriptor? input)
    {
        if (!JsonNode.DeepEquals(old, @new))
        {
            changes.Add($"{what}: {Show(old, input)} → {Show(@new, input)}");
        }
    }

    private static string Show(JsonNode? value, InputDescriptor? input)
    {
        if (value is null)
        {
            return "(leeg)";
        }

        if (value is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var flag))
            {
                return flag ? "ja" : "nee";
            }

            if (v.TryGetValue<string>(out var stored))
            {
                // A choice by its label, a period in words ("6 weken"), never the code the definition stores.
                return input?.ChoiceLabels.GetValueOrDefault(stored) is { } label ? label
                    : IsoDuration.TryParse(stored, out var period) ? DutchFormat.Duration(period)
                    : $"‘{(stored.Length > 120 ? stored[..117] + "…" : stored)}’";
            }
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
