using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Host.Designer;

/// <summary>
/// A draft saved by someone who is not an administrator added or changed JavaScript (an <c>expression</c> value or a
/// condition written as text); nothing was stored. See docs/decisions/0031.
/// </summary>
public sealed class DraftScriptForbiddenException(string message) : Exception(message);

/// <summary>
/// Only an administrator writes JavaScript in a route (ADR 0031): a process owner builds rules, per-value choices and texts
/// with the proposal's data. JavaScript an administrator put in a route may stay while a process owner edits other steps,
/// so the check compares the scripts of the new draft with those of what it replaces, step by step and field by field.
/// </summary>
internal static class DraftScriptGuard
{
    /// <summary>One piece of JavaScript: where it stands (step id and the path within its inputs) and its text.</summary>
    private readonly record struct Script(string Activity, string Input, string Path, string Text);

    /// <exception cref="DraftScriptForbiddenException">A script in <paramref name="next"/> is not in <paramref name="before"/>.</exception>
    public static void Check(JsonNode? before, JsonNode next, ActivityRegistry registry)
    {
        var known = Scripts(before).ToHashSet();
        var added = Scripts(next).Where(s => !known.Contains(s)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var places = added.Select(s => Place(s, next, registry)).Distinct().ToList();
        throw new DraftScriptForbiddenException(
            $"Alleen een beheerder mag programmacode (JavaScript) in een route zetten of wijzigen. Nieuwe of gewijzigde programmacode in {string.Join(", ", places)}; "
            + "er is niets opgeslagen. Gebruik een regel, een waarde per keuze of een tekst met gegevens van het voorstel.");
    }

    private static IEnumerable<Script> Scripts(JsonNode? definition)
    {
        if (definition?["root"]?["activities"] is not JsonArray activities)
        {
            yield break;
        }

        foreach (var activity in activities.OfType<JsonObject>())
        {
            var id = activity["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            if (activity["inputs"] is not JsonObject inputs)
            {
                continue;
            }

            foreach (var (name, value) in inputs)
            {
                foreach (var script in Walk(value, id, name, name, parentKey: name))
                {
                    yield return script;
                }
            }
        }
    }

    private static IEnumerable<Script> Walk(JsonNode? node, string activity, string input, string path, string parentKey)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["expression"] is JsonValue e && e.TryGetValue<string>(out var code):
                yield return new Script(activity, input, path, code);
                break;
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    foreach (var s in Walk(child, activity, input, $"{path}.{key}", key))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    // A case of a Switch is known by its name, so removing an earlier case does not "change" a later one.
                    var key = a[i] is JsonObject item && item["name"] is JsonValue n && n.TryGetValue<string>(out var caseName) ? caseName : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var s in Walk(a[i], activity, input, $"{path}[{key}]", parentKey))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue v when parentKey == "condition" && v.TryGetValue<string>(out var condition):
                yield return new Script(activity, input, path, condition);
                break;
        }
    }

    private static string Place(Script script, JsonNode definition, ActivityRegistry registry)
    {
        var activity = (definition["root"]?["activities"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => a["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id == script.Activity);
        var type = activity?["type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : "";
        registry.TryGet(type, null, out var descriptor, out _);
        var step = activity?["displayName"] is JsonValue d && d.TryGetValue<string>(out var title) && !string.IsNullOrWhiteSpace(title)
            ? title
            : descriptor?.DisplayName ?? script.Activity;
        var field = descriptor?.FindInput(script.Input)?.DisplayName ?? script.Input;
        return $"stap ‘{step}’, veld ‘{field}’";
    }
}
