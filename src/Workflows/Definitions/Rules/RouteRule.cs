using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Definitions.Rules;

/// <summary>
/// A condition written as JSON instead of JavaScript: <c>{ "all": [ … ] }</c>, <c>{ "any": [ … ] }</c> or a clause
/// <c>{ "subject": "input.categorie", "op": "is", "value": "groot" }</c>. Evaluated natively, the same way by the
/// running engine, the route simulation, the figures and the designer's test run.
/// </summary>
/// <remarks>
/// The operators: <c>is</c>/<c>isNot</c> (JSON equality of a string, number or boolean; a missing subject "is not"
/// anything), <c>oneOf</c>/<c>notOneOf</c> (an array of values), <c>before</c>/<c>after</c> (numbers, or dates as
/// <c>jjjj-mm-dd</c>; false when either side is missing), <c>isSet</c>/<c>isNotSet</c> (present, not null, not "").
/// A subject is <c>input.&lt;name&gt;</c>, <c>variables.&lt;name&gt;</c> or <c>variables.&lt;name&gt;.&lt;field&gt;</c>.
/// </remarks>
public static class RouteRule
{
    public const string All = "all";
    public const string Any = "any";
    public const string Subject = "subject";
    public const string Op = "op";
    public const string Value = "value";

    /// <summary>The operators a clause may use.</summary>
    public static class Ops
    {
        public const string Is = "is";
        public const string IsNot = "isNot";
        public const string OneOf = "oneOf";
        public const string NotOneOf = "notOneOf";
        public const string Before = "before";
        public const string After = "after";
        public const string IsSet = "isSet";
        public const string IsNotSet = "isNotSet";

        /// <summary>Every operator, in the order the designer offers them.</summary>
        public static IReadOnlyList<string> Known { get; } = [Is, IsNot, OneOf, NotOneOf, Before, After, IsSet, IsNotSet];

        /// <summary>The operator as a person reads it in a rule: "is een van", "vóór (minder dan)".</summary>
        public static string Dutch(string op) => op switch
        {
            Is => "is",
            IsNot => "is niet",
            OneOf => "is een van",
            NotOneOf => "is geen van",
            Before => "vóór (minder dan)",
            After => "na (meer dan)",
            IsSet => "is ingevuld",
            IsNotSet => "is niet ingevuld",
            _ => op,
        };
    }

    /// <summary>True when <paramref name="node"/> has the shape of a rule (an object with <c>all</c>, <c>any</c> or <c>subject</c>).</summary>
    public static bool IsRule(JsonNode? node) =>
        node is JsonObject o && (o.ContainsKey(All) || o.ContainsKey(Any) || o.ContainsKey(Subject));

    /// <summary>
    /// Whether a condition holds. A condition is a rule object; for administrators' routes and old versions also a
    /// JavaScript string or <c>{ "expression": … }</c> (run through <see cref="IRouteScope.JavaScript"/>, true when the
    /// result is truthy); a computed value (<c>choose</c>, <c>perValue</c>) or a literal holds when truthy. Null does not hold.
    /// </summary>
    /// <exception cref="RouteRuleException">The rule is malformed (an unknown operator, a missing subject).</exception>
    /// <exception cref="Expressions.ExpressionException">A JavaScript condition fails.</exception>
    public static bool Holds(JsonNode? condition, IRouteScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return condition switch
        {
            null => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => InputValues.Truthy(scope.JavaScript(v.GetValue<string>())),
            JsonObject o when IsRule(o) => Evaluate(o, scope, depth: 0),
            _ => InputValues.Truthy(RouteValues.Evaluate(condition, scope)),
        };
    }

    private static bool Evaluate(JsonObject rule, IRouteScope scope, int depth)
    {
        if (depth > RouteValues.MaxDepth)
        {
            throw new RouteRuleException("De regel is te diep genest.");
        }

        if (rule[All] is { } all)
        {
            return Items(all, All).All(r => Evaluate(r, scope, depth + 1));
        }

        if (rule[Any] is { } any)
        {
            return Items(any, Any).Any(r => Evaluate(r, scope, depth + 1));
        }

        var subject = rule[Subject] is JsonValue s && s.TryGetValue<string>(out var text) ? text
            : throw new RouteRuleException("Een voorwaarde in de regel noemt niet waarover ze gaat.");
        var op = rule[Op] is JsonValue o && o.TryGetValue<string>(out var opText) ? opText
            : throw new RouteRuleException($"De voorwaarde over ‘{subject}’ heeft geen vergelijking.");
        var actual = RouteValues.Read(subject, scope);
        var expected = rule[Value];
        return op switch
        {
            Ops.Is => SameValue(actual, expected),
            Ops.IsNot => !SameValue(actual, expected),
            Ops.OneOf => List(expected, subject).Any(item => SameValue(actual, item)),
            Ops.NotOneOf => !List(expected, subject).Any(item => SameValue(actual, item)),
            Ops.Before => Compare(actual, expected) is < 0,
            Ops.After => Compare(actual, expected) is > 0,
            Ops.IsSet => IsSet(actual),
            Ops.IsNotSet => !IsSet(actual),
            _ => throw new RouteRuleException($"De voorwaarde over ‘{subject}’ gebruikt een onbekende vergelijking ‘{op}’."),
        };
    }

    private static IEnumerable<JsonObject> Items(JsonNode node, string key) => node is JsonArray items
        ? items.Select(i => i as JsonObject ?? throw new RouteRuleException("Een onderdeel van de regel is geen voorwaarde."))
        : throw new RouteRuleException(key == All ? "‘en’ heeft een lijst van voorwaarden nodig." : "‘of’ heeft een lijst van voorwaarden nodig.");

    private static JsonArray List(JsonNode? value, string subject) => value as JsonArray
        ?? throw new RouteRuleException($"De voorwaarde over ‘{subject}’ heeft een lijst van waarden nodig.");

    /// <summary>Present, not JSON null and not the empty text.</summary>
    public static bool IsSet(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>JSON equality of two scalars (text, number, boolean); a missing value equals nothing but null.</summary>
    public static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (!IsPresent(a) || !IsPresent(b))
        {
            return !IsPresent(a) && !IsPresent(b);
        }

        if (a is JsonValue x && b is JsonValue y)
        {
            var kind = x.GetValueKind();
            var other = y.GetValueKind();
            if (kind == JsonValueKind.Number && other == JsonValueKind.Number)
            {
                return Number(x) == Number(y);
            }

            if (kind != other)
            {
                return false;
            }

            return kind switch
            {
                JsonValueKind.String => x.GetValue<string>() == y.GetValue<string>(),
                _ => true, // true == true, false == false
            };
        }

        return JsonNode.DeepEquals(a, b);
    }

    // A number as written: a value made in code (an int) and one read from JSON compare the same.
    private static double Number(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsPresent(JsonNode? value) => value is not null && value.GetValueKind() != JsonValueKind.Null;

    /// <summary>Numbers by value, dates (<c>jjjj-mm-dd</c>, or a moment) by time; null when not comparable.</summary>
    private static int? Compare(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonValue x || b is not JsonValue y)
        {
            return null;
        }

        if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
        {
            return Number(x).CompareTo(Number(y));
        }

        return Moment(x) is { } p && Moment(y) is { } q ? p.CompareTo(q) : null;
    }

    /// <summary>A date <c>jjjj-mm-dd</c> (the start of that day) or a moment with its offset; null otherwise.</summary>
    internal static DateTimeOffset? Moment(JsonValue value)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
    }
}

/// <summary>A rule or computed value that cannot be evaluated because it is malformed; the message is Dutch.</summary>
public sealed class RouteRuleException(string message) : InvalidOperationException(message);
