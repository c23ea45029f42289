using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AdviesRoute.Workflows.Definitions.Rules;

/// <summary>
/// The value of a step's input as a definition writes it: a literal, or a value computed from the route's inputs and
/// variables without JavaScript. One of these objects, each with exactly one key:
/// <list type="bullet">
/// <item><c>{ "perValue": { "subject": "input.regio", "values": { "Noord": "team-noord" }, "otherwise": "team-zuid" } }</c>:
/// the value for the subject's current value, else <c>otherwise</c> (null when absent).</item>
/// <item><c>{ "choose": { "cases": [ { "when": rule, "value": … } ], "otherwise": … } }</c>: the value of the first case
/// whose <see cref="RouteRule">rule</see> holds, else <c>otherwise</c>.</item>
/// <item><c>{ "template": "Aanvraag: {input.titel}" }</c>: the text with <c>{input.x}</c> and
/// <c>{variables.x[.veld]}</c> filled in (empty when missing); other braces stay for the step to fill.</item>
/// <item><c>{ "expression": "…" }</c>: JavaScript, for administrators and older versions (through <see cref="IRouteScope.JavaScript"/>).</item>
/// </list>
/// A value that <c>perValue</c> or <c>choose</c> gives may itself be computed (e.g. a template).
/// The running engine (<c>ActivityContext.GetInputValue</c>), the route simulation and the figures all read inputs
/// through <see cref="Evaluate"/> and <see cref="EvaluateInput"/>, so they cannot disagree.
/// </summary>
public static partial class RouteValues
{
    public const string PerValue = "perValue";
    public const string Choose = "choose";
    public const string Template = "template";
    public const string Expression = "expression";

    public const string InputPrefix = "input.";
    public const string VariablesPrefix = "variables.";

    /// <summary>How deep rules and computed values may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>The key of a computed value (<see cref="PerValue"/>, <see cref="Choose"/>, <see cref="Template"/>, <see cref="Expression"/>), or null for a literal.</summary>
    public static string? ComputedKind(JsonNode? raw)
    {
        if (raw is not JsonObject { Count: 1 } o)
        {
            return null;
        }

        var (key, value) = o.First();
        return key switch
        {
            PerValue or Choose when value is JsonObject => key,
            Template or Expression when value is JsonValue v && v.GetValueKind() == JsonValueKind.String => key,
            _ => null,
        };
    }

    /// <summary>True when <paramref name="raw"/> is a computed value (including JavaScript) rather than a literal.</summary>
    public static bool IsComputed(JsonNode? raw) => ComputedKind(raw) is not null;

    /// <summary>
    /// The value of <paramref name="raw"/> in <paramref name="scope"/>: a literal as it is, a computed value evaluated.
    /// </summary>
    /// <exception cref="RouteRuleException">A rule or computed value is malformed.</exception>
    /// <exception cref="Expressions.ExpressionException">JavaScript in it fails.</exception>
    public static JsonNode? Evaluate(JsonNode? raw, IRouteScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Evaluate(raw, scope, depth: 0);
    }

    /// <summary>
    /// The value of a step's input: for a condition input (<c>isCondition</c>, the Decision's <c>condition</c>) whether
    /// it <see cref="RouteRule.Holds">holds</see>, as a JSON boolean (a text there is JavaScript); otherwise <see cref="Evaluate"/>.
    /// </summary>
    public static JsonNode? EvaluateInput(JsonNode? raw, bool isCondition, IRouteScope scope) =>
        raw is null ? null
        : isCondition ? JsonValue.Create(RouteRule.Holds(raw, scope))
        : Evaluate(raw, scope);

    private static JsonNode? Evaluate(JsonNode? raw, IRouteScope scope, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new RouteRuleException("De berekende waarde is te diep genest.");
        }

        switch (ComputedKind(raw))
        {
            case null:
                return raw;
            case Expression:
                return scope.JavaScript(raw![Expression]!.GetValue<string>());
            case Template:
                return JsonValue.Create(Fill(raw![Template]!.GetValue<string>(), scope));
            case PerValue:
            {
                var spec = raw![PerValue]!.AsObject();
                var subject = spec[RouteRule.Subject] is JsonValue s && s.TryGetValue<string>(out var text) ? text
                    : throw new RouteRuleException("Een keuze per waarde noemt niet naar welk gegeven ze kijkt.");
                var key = Key(Read(subject, scope));
                var values = spec["values"] as JsonObject;
                return key is not null && values is not null && values.TryGetPropertyValue(key, out var chosen)
                    ? Evaluate(chosen?.DeepClone(), scope, depth + 1)
                    : Evaluate(spec["otherwise"]?.DeepClone(), scope, depth + 1);
            }

            case Choose:
            {
                var spec = raw![Choose]!.AsObject();
                foreach (var item in spec["cases"] as JsonArray ?? [])
                {
                    if (item is not JsonObject @case)
                    {
                        throw new RouteRuleException("Een geval van de keuze is geen object met ‘when’ en ‘value’.");
                    }

                    if (@case["when"] is JsonObject when && RouteRule.Holds(when, scope))
                    {
                        return Evaluate(@case[RouteRule.Value]?.DeepClone(), scope, depth + 1);
                    }
                }

                return Evaluate(spec["otherwise"]?.DeepClone(), scope, depth + 1);
            }

            default:
                return raw;
        }
    }

    /// <summary>
    /// The current value of a subject: <c>input.&lt;name&gt;</c>, <c>variables.&lt;name&gt;</c> or
    /// <c>variables.&lt;name&gt;.&lt;field&gt;</c> (deeper paths read further into objects); null when missing.
    /// </summary>
    /// <exception cref="RouteRuleException">The subject starts with neither <c>input.</c> nor <c>variables.</c>.</exception>
    public static JsonNode? Read(string subject, IRouteScope scope)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (root, path) = Split(subject) ?? throw new RouteRuleException($"‘{subject}’ is geen gegeven van de route; een regel leest input.… of variables.….");
        var value = root == "input" ? scope.Input(path[0]) : scope.Variable(path[0]);
        foreach (var part in path.Skip(1))
        {
            value = value is JsonObject o ? o[part] : null;
        }

        return value;
    }

    /// <summary>
    /// A subject split into its root (<c>input</c> or <c>variables</c>) and its names; null when it is neither or a
    /// name is empty.
    /// </summary>
    public static (string Root, string[] Path)? Split(string subject)
    {
        var root = subject.StartsWith(InputPrefix, StringComparison.Ordinal) ? "input"
            : subject.StartsWith(VariablesPrefix, StringComparison.Ordinal) ? "variables"
            : null;
        if (root is null)
        {
            return null;
        }

        var path = subject[(root.Length + 1)..].Split('.');
        return path.Any(string.IsNullOrEmpty) ? null : (root, path);
    }

    /// <summary>The text of a template with its <c>{input.…}</c> and <c>{variables.…}</c> placeholders filled in.</summary>
    public static string Fill(string template, IRouteScope scope) =>
        Placeholder().Replace(template, m => Text(Read(m.Groups["subject"].Value, scope)));

    /// <summary>The subjects a template's placeholders name, in order (e.g. <c>input.titel</c>).</summary>
    public static IEnumerable<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["subject"].Value);

    /// <summary>
    /// Every subject that a value, rule or condition reads (rules, <c>perValue</c>, <c>choose</c>, template
    /// placeholders), in order and without repeats; JavaScript is not looked into.
    /// </summary>
    public static IReadOnlyList<string> Subjects(JsonNode? node)
    {
        var found = new List<string>();
        Collect(node, found, 0);
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(JsonNode? node, List<string> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o when ComputedKind(o) == Template:
                found.AddRange(Placeholders(o[Template]!.GetValue<string>()));
                break;
            case JsonObject o when ComputedKind(o) == Expression:
                break;
            case JsonObject o:
                if (o[RouteRule.Subject] is JsonValue s && s.TryGetValue<string>(out var subject))
                {
                    found.Add(subject);
                }

                foreach (var (key, child) in o)
                {
                    if (key != RouteRule.Subject)
                    {
                        Collect(child, found, depth + 1);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, found, depth + 1);
                }

                break;
        }
    }

    /// <summary>The key a <c>perValue</c> looks up for a value: the text itself, or the JSON of a number or boolean.</summary>
    public static string? Key(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => "",
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"\{(?<subject>(?:input|variables)\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}")]
    private static partial Regex Placeholder();
}
