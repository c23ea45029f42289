using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Expressions;

/// <summary>
/// Evaluates the JavaScript expressions in definitions. Implementations must be sandboxed: no access to .NET
/// types, and limits on time, memory and recursion, so a bad expression becomes an incident, not an outage.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/> with the given globals (e.g. <c>variables</c>, <c>input</c>).</summary>
    /// <exception cref="ExpressionException">The expression does not parse, throws, or exceeds a limit.</exception>
    JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> globals);

    /// <summary>Checks the syntax only; returns null when it parses, else a message with line and column.</summary>
    string? CheckSyntax(string expression);
}

/// <summary>An expression failed: did not parse, threw, or hit a sandbox limit.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
