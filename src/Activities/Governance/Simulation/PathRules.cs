using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>Whether a rule holds on a path: yes, no, or not known before the route runs.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}

/// <summary>
/// A rule's answer on a path of the enumeration. When the answer is not known, <see cref="NeedsInput"/> names an input
/// the route branches on that is not chosen yet on this path (the enumeration tries each of its values), or
/// <see cref="DependsOn"/> names what only the running route knows (a variable a step wrote, an input with free text).
/// </summary>
internal readonly record struct RuleAnswer(Truth Truth, string? NeedsInput = null, string? DependsOn = null)
{
    public static RuleAnswer Of(bool value) => new(value ? Truth.True : Truth.False);
}

/// <summary>What a path knows when it meets a rule: the inputs chosen so far, the variables' starting values, and which variables a step on the path wrote.</summary>
internal sealed class PathKnowledge(
    IReadOnlyDictionary<string, DeclaredInput> inputs, IReadOnlyDictionary<string, JsonNode?> assigned,
    IReadOnlyDictionary<string, JsonNode?> variableDefaults, IReadOnlySet<string> written)
{
    public IReadOnlyDictionary<string, DeclaredInput> Inputs { get; } = inputs;
    public IReadOnlyDictionary<string, JsonNode?> Assigned { get; } = assigned;
    public IReadOnlyDictionary<string, JsonNode?> VariableDefaults { get; } = variableDefaults;
    public IReadOnlySet<string> Written { get; } = written;
}

/// <summary>
/// Evaluates the rules of the contract (<c>all</c>/<c>any</c>/clauses on <c>input.*</c> and <c>variables.*</c>) on what a
/// path of the enumeration knows, in three values: an input the route branches on that the path has not chosen yet, a
/// variable a step on the path wrote, or an input with free text leave the answer open and say why. A rule's meaning
/// follows the contract exactly, so a path that knows everything gets the answer the running route gets.
/// </summary>
internal static partial class PathRules
{
    /// <summary>The inputs a rule, a computed value or a JavaScript text reads, in order of appearance.</summary>
    public static IEnumerable<string> InputsRead(JsonNode? node) => Subjects(node).Where(s => s.StartsWith("input.", StringComparison.Ordinal))
        .Select(s => s["input.".Length..].Split('.')[0]).Distinct();

    /// <summary>Every subject (<c>input.x</c>, <c>variables.y.z</c>) a rule or value names; for JavaScript, what its text names.</summary>
    public static IEnumerable<string> Subjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var code):
                foreach (Match m in Reference().Matches(code))
                {
                    yield return m.Value;
                }

                break;
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == "subject" && child is JsonValue s && s.TryGetValue<string>(out var subject))
                    {
                        yield return subject;
                    }
                    else
                    {
                        foreach (var inner in Subjects(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var inner in Subjects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\b(input|variables)\.[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")]
    private static partial Regex Reference();

    /// <summary>A rule object of the contract on what the path knows.</summary>
    public static RuleAnswer Evaluate(JsonObject rule, PathKnowledge known)
    {
        if (rule["all"] is JsonArray all)
        {
            return Combine(all, known, stopOn: Truth.False);
        }

        if (rule["any"] is JsonArray any)
        {
            return Combine(any, known, stopOn: Truth.True);
        }

        var subject = rule["subject"] is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : "";
        var op = rule["op"] is JsonValue ov && ov.TryGetValue<string>(out var o) ? o : "is";
        var parts = subject.Split('.');
        JsonNode? value;
        if (parts is ["input", var name, ..])
        {
            if (known.Assigned.TryGetValue(name, out var chosen))
            {
                value = chosen;
            }
            else if (known.Inputs.TryGetValue(name, out var declared) && declared.Branches)
            {
                return new RuleAnswer(Truth.Unknown, NeedsInput: name);
            }
            else
            {
                return new RuleAnswer(Truth.Unknown, DependsOn: subject);
            }
        }
        else if (parts is ["variables", var variable, ..])
        {
            if (known.Written.Contains(variable))
            {
                // A step on the path wrote it: it is set, but what it holds only the running route knows.
                return op switch
                {
                    "isSet" when parts.Length == 2 => RuleAnswer.Of(true),
                    "isNotSet" when parts.Length == 2 => RuleAnswer.Of(false),
                    _ => new RuleAnswer(Truth.Unknown, DependsOn: subject),
                };
            }

            value = known.VariableDefaults.GetValueOrDefault(variable);
            if (parts.Length > 2)
            {
                value = value is JsonObject fields ? fields[parts[2]] : null;
            }
        }
        else
        {
            value = null;
        }

        return RuleAnswer.Of(Holds(op, value, rule["value"]));
    }

    private static RuleAnswer Combine(JsonArray rules, PathKnowledge known, Truth stopOn)
    {
        RuleAnswer? open = null;
        foreach (var child in rules)
        {
            var answer = child is JsonObject o ? Evaluate(o, known) : RuleAnswer.Of(false);
            if (answer.Truth == stopOn)
            {
                return answer;
            }

            if (answer.Truth == Truth.Unknown)
            {
                // An input to choose comes before a dependency, so the enumeration chooses what it can first.
                open = open is { NeedsInput: not null } ? open : answer.NeedsInput is not null || open is null ? answer : open;
            }
        }

        return open ?? new RuleAnswer(stopOn == Truth.False ? Truth.True : Truth.False);
    }

    /// <summary>One clause of the contract on a known value.</summary>
    public static bool Holds(string op, JsonNode? subject, JsonNode? value) => op switch
    {
        "is" => Same(subject, value),
        "isNot" => !Same(subject, value),
        "oneOf" => value is JsonArray items && items.Any(i => Same(subject, i)),
        "notOneOf" => value is not JsonArray list || !list.Any(i => Same(subject, i)),
        "before" => Compare(subject, value) is < 0,
        "after" => Compare(subject, value) is > 0,
        "isSet" => IsSet(subject),
        "isNotSet" => !IsSet(subject),
        _ => false,
    };

    private static bool IsSet(JsonNode? node) =>
        node is not null && !(node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0) && node.GetValueKind() != JsonValueKind.Null;

    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return a.GetValue<double>() == b.GetValue<double>();
        }

        return JsonNode.DeepEquals(a, b);
    }

    private static int? Compare(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return a.GetValue<double>().CompareTo(b.GetValue<double>());
        }

        return a is JsonValue x && x.TryGetValue<string>(out var sa) && b is JsonValue y && y.TryGetValue<string>(out var sb)
            && DateOnly.TryParseExact(sa, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var da)
            && DateOnly.TryParseExact(sb, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var db)
            ? da.CompareTo(db)
            : null;
    }
}
