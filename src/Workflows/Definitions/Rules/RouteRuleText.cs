using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Definitions.Rules;

/// <summary>
/// A rule as a person reads it, in the words of the route's own declarations: "Soort is ‘Begroting’ of (Soort is
/// ‘Begrotingswijziging’ en Vrijgesteld is niet ja)". For lists of paths, warnings and summaries; never shows a code
/// where the route declares a label.
/// </summary>
public static class RouteRuleText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The condition in Dutch; JavaScript reads as "een voorwaarde in JavaScript", nothing as "altijd".</summary>
    public static string Describe(JsonNode? condition, WorkflowDefinitionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Describe(condition, model, nested: false, depth: 0);
    }

    private static string Describe(JsonNode? node, WorkflowDefinitionModel model, bool nested, int depth)
    {
        if (depth > RouteValues.MaxDepth)
        {
            return "…";
        }

        switch (node)
        {
            case null:
                return "altijd";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
            case JsonObject o when RouteValues.ComputedKind(o) == RouteValues.Expression:
                return "een voorwaarde in JavaScript";
            case JsonObject o when o[RouteRule.All] is JsonArray all:
                return Join(all, " en ", "altijd", model, nested, depth);
            case JsonObject o when o[RouteRule.Any] is JsonArray any:
                return Join(any, " of ", "nooit", model, nested, depth);
            case JsonObject o when o[RouteRule.Subject] is JsonValue s && s.TryGetValue<string>(out var subject):
                var op = o[RouteRule.Op] is JsonValue p && p.TryGetValue<string>(out var text) ? text : "";
                var input = InputOf(subject, model);
                var label = Label(subject, model);
                var value = o[RouteRule.Value];
                return op switch
                {
                    RouteRule.Ops.IsSet or RouteRule.Ops.IsNotSet => $"{label} {RouteRule.Ops.Dutch(op)}",
                    RouteRule.Ops.OneOf or RouteRule.Ops.NotOneOf when value is JsonArray items =>
                        $"{label} {RouteRule.Ops.Dutch(op)} {List(items.Select(i => Value(i, input)).ToList())}",
                    RouteRule.Ops.Before => $"{label} {(IsDate(value) ? "vóór" : "minder dan")} {Value(value, input)}",
                    RouteRule.Ops.After => $"{label} {(IsDate(value) ? "na" : "meer dan")} {Value(value, input)}",
                    _ => $"{label} {RouteRule.Ops.Dutch(op)} {Value(value, input)}",
                };
            default:
                return "een onvolledige regel";
        }
    }

    private static string Join(JsonArray items, string word, string empty, WorkflowDefinitionModel model, bool nested, int depth)
    {
        if (items.Count == 0)
        {
            return empty;
        }

        var text = string.Join(word, items.Select(i => Describe(i, model, nested: true, depth + 1)));
        return nested && items.Count > 1 ? $"({text})" : text;
    }

    private static InputDefinition? InputOf(string subject, WorkflowDefinitionModel model) =>
        RouteValues.Split(subject) is { Root: "input", Path.Length: 1 } split ? model.Inputs?.FirstOrDefault(i => i?.Name == split.Path[0]) : null;

    /// <summary>The display name of what a subject reads: the input's, the variable field's, the variable's, else its name.</summary>
    public static string Label(string subject, WorkflowDefinitionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (RouteValues.Split(subject) is not { } split)
        {
            return subject;
        }

        if (split.Root == "input")
        {
            return model.Inputs?.FirstOrDefault(i => i?.Name == split.Path[0])?.Label ?? split.Path[0];
        }

        var variable = model.Variables?.FirstOrDefault(v => v?.Name == split.Path[0]);
        if (split.Path.Length == 1)
        {
            return variable?.DisplayName ?? split.Path[0];
        }

        var field = variable?.Fields?.FirstOrDefault(f => f?.Name == split.Path[1]);
        return field?.DisplayName ?? split.Path[^1];
    }

    private static bool IsDate(JsonNode? value) => value is JsonValue v && RouteRule.Moment(v) is not null;

    private static string Value(JsonNode? value, InputDefinition? input) => value switch
    {
        null => "niets",
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "ja",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "nee",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && input?.LabelOf(v.GetValue<string>()) is { } label => $"‘{label}’",
        JsonValue v when v.GetValueKind() == JsonValueKind.String && DateOnly.TryParseExact(v.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            => day.ToString("d MMMM yyyy", Dutch),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"‘{v.GetValue<string>()}’",
        _ => value.ToJsonString(),
    };

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} of {items[^1]}";
}
