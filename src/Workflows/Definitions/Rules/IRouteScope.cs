using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Definitions.Rules;

/// <summary>
/// What a rule or a computed value can read: the route's inputs and variables of one instance (running, simulated, or
/// only its input as stored), and, for the JavaScript that administrators may still write, a way to run it.
/// </summary>
public interface IRouteScope
{
    /// <summary>The value of the route input <paramref name="name"/>, or null when it was not given.</summary>
    JsonNode? Input(string name);

    /// <summary>The value of the variable <paramref name="name"/>, or null when it holds nothing.</summary>
    JsonNode? Variable(string name);

    /// <summary>
    /// Evaluates a JavaScript expression (<c>{ "expression": … }</c> or a string condition) with <c>input</c> and
    /// <c>variables</c> in scope.
    /// </summary>
    /// <exception cref="Expressions.ExpressionException">The expression fails, or the scope runs no JavaScript.</exception>
    JsonNode? JavaScript(string expression);
}

/// <summary>
/// A scope over an input object and a set of variables. JavaScript runs through <paramref name="javaScript"/>, which
/// receives the expression and the globals (<c>input</c>, <c>variables</c>); without it, JavaScript is refused with
/// an <see cref="Expressions.ExpressionException"/>.
/// </summary>
public sealed class RouteScope(
    JsonObject input,
    IReadOnlyDictionary<string, JsonNode?> variables,
    Func<string, IReadOnlyDictionary<string, JsonNode?>, JsonNode?>? javaScript = null) : IRouteScope
{
    private Dictionary<string, JsonNode?>? _globals;

    /// <summary>A scope over an input only (no variables), as the figures read a stored instance.</summary>
    public static RouteScope OfInput(JsonObject input, Func<string, IReadOnlyDictionary<string, JsonNode?>, JsonNode?>? javaScript = null) =>
        new(input, new Dictionary<string, JsonNode?>(), javaScript);

    /// <inheritdoc />
    public JsonNode? Input(string name) => input[name];

    /// <inheritdoc />
    public JsonNode? Variable(string name) => variables.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public JsonNode? JavaScript(string expression)
    {
        if (javaScript is null)
        {
            throw new Expressions.ExpressionException("Hier wordt geen JavaScript uitgevoerd.");
        }

        _globals ??= new Dictionary<string, JsonNode?>
        {
            ["variables"] = new JsonObject(variables.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))),
            ["input"] = input.DeepClone(),
        };
        return javaScript(expression, _globals);
    }
}
