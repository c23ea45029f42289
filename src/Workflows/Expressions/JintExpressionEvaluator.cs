using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;
using JsJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace AdviesRoute.Workflows.Expressions;

/// <summary>
/// Evaluates JavaScript expressions with Jint in a sandbox: no CLR access, strict mode, no string compilation
/// (<c>eval</c>, <c>Function('...')</c>), and limits on time, memory, statements and recursion.
/// </summary>
/// <remarks>
/// Thread-safe. Every evaluation gets its own <see cref="Engine"/> (Jint engines are not thread-safe, and a fresh
/// one costs a few microseconds); the parsed scripts, which are immutable, are shared through a bounded cache.
/// Globals cross the boundary as plain JavaScript values built from the JSON nodes, and the result comes back
/// as JSON, so no .NET object is ever reachable from script.
/// </remarks>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    // JSON nesting allowed in either direction; matches System.Text.Json's and Jint's JSON.parse default.
    private const int MaxNestingDepth = 64;

    // A definition set has a few hundred expressions at most; the bound only stops unbounded growth when
    // callers evaluate generated text.
    private const int MaxCachedScripts = 2048;

    // Globals that let a script escape the limits: Atomics.wait on a shared buffer blocks the thread without any
    // constraint seeing it. A ShadowRealm is already inert (it needs string compilation or module loading) but
    // would bring its own intrinsics, Atomics included. Overwritten with undefined rather than deleted: a delete
    // costs about as much again as the whole engine, and the originals are unreachable either way.
    private static readonly string[] HiddenGlobals = ["Atomics", "SharedArrayBuffer", "ShadowRealm"];

    private static readonly JsonDocumentOptions ResultDocumentOptions = new() { MaxDepth = MaxNestingDepth };

    private readonly ExpressionOptions _limits;
    private readonly Jint.Options _engineOptions;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);

    public JintExpressionEvaluator(IOptions<ExpressionOptions> options)
    {
        _limits = options.Value;
        var timeout = TimeSpan.FromMilliseconds(_limits.TimeoutMilliseconds);

        // One Options instance serves every engine: the built-in constraints are registered as factories, so each
        // engine gets its own counters and deadline.
        _engineOptions = new Jint.Options()
            .Strict()
            .DisableStringCompilation()
            .TimeoutInterval(timeout)
            .LimitMemory(_limits.MemoryLimitBytes)
            .LimitRecursion(_limits.MaxRecursionDepth)
            .MaxStatements(_limits.MaxStatements);

        // LimitRecursion counts frames of one function definition; the guard measures the native stack, so
        // recursion through getters, coercions or built-ins (JSON.stringify, join) raises a RangeError instead
        // of ending the process with a stack overflow.
        _engineOptions.Constraints.StackOverflowGuard = true;
        _engineOptions.Constraints.RegexTimeout = timeout;
    }

    /// <inheritdoc />
    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> globals)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(globals);

        var script = Prepare(expression);
        try
        {
            using var engine = new Engine(_engineOptions);
            foreach (var name in HiddenGlobals)
            {
                engine.SetValue(name, JsValue.Undefined);
            }

            foreach (var (name, value) in globals)
            {
                engine.SetValue(name, ToJsValue(engine, value, depth: 0, name));
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var completion = engine.Evaluate(script);
            var result = ToResult(engine, completion, out var jsonText);

            // Jint checks the memory limit between statements, so one built-in call ('x'.repeat(2 ** 28), a large
            // typed array) can allocate past it as the last act of a script. Checked again here so such a result
            // is refused like any other excess; serialization (toJSON, getters) is included.
            if (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > _limits.MemoryLimitBytes)
            {
                throw new ExpressionException(MemoryMessage());
            }

            return jsonText is null ? result : ParseResult(jsonText);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Translate(ex);
        }
    }

    /// <inheritdoc />
    public string? CheckSyntax(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            Prepare(expression);
            return null;
        }
        catch (ExpressionException ex)
        {
            return ex.Message;
        }
    }

    private Prepared<Script> Prepare(string expression)
    {
        if (_scripts.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(expression, source: "expressie", strict: true);
        }
        catch (Exception ex)
        {
            throw Translate(ex);
        }

        if (_scripts.Count >= MaxCachedScripts)
        {
            // Crude but bounded: the working set of a running system is far below the bound, so a full cache
            // means generated expressions, which gain nothing from an eviction policy.
            _scripts.Clear();
        }

        _scripts.TryAdd(expression, prepared);
        return prepared;
    }

    private static JsValue ToJsValue(Engine engine, JsonNode? node, int depth, string name)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
            {
                CheckDepth(depth, name);
                var entries = new KeyValuePair<string, JsValue>[obj.Count];
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    entries[i++] = new KeyValuePair<string, JsValue>(key, ToJsValue(engine, value, depth + 1, name));
                }

                return JsObject.CreateFromEntries(engine, entries);
            }
            case JsonArray array:
            {
                CheckDepth(depth, name);
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToJsValue(engine, array[i], depth + 1, name);
                }

                return new JsArray(engine, items);
            }
            case JsonValue value:
                return ToJsValue(engine, value, depth, name);
            default:
                throw new ExpressionException($"Invoer '{name}' heeft een onbekend JSON-type.");
        }
    }

    private static JsValue ToJsValue(Engine engine, JsonValue value, int depth, string name)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return JsValue.Null;
            case JsonValueKind.String:
                return JsString.Create(value.TryGetValue<string>(out var text)
                    ? text
                    : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "");
            case JsonValueKind.Number:
                return JsNumber.Create(value.TryGetValue<double>(out var number)
                    ? number
                    : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                // A JsonValue wrapping a .NET object that serializes as an object or array: pass its JSON shape,
                // never the object itself.
                return ToJsValue(engine, JsonNode.Parse(value.ToJsonString()), depth, name);
        }
    }

    private static void CheckDepth(int depth, string name)
    {
        if (depth >= MaxNestingDepth)
        {
            throw new ExpressionException($"Invoer '{name}' is te diep genest (meer dan {MaxNestingDepth} niveaus).");
        }
    }

    /// <summary>
    /// Converts the completion value: primitives directly, everything else through the engine's own
    /// <c>JSON.stringify</c> (so <c>toJSON</c>, including Date's, applies) into <paramref name="jsonText"/>.
    /// </summary>
    private static JsonNode? ToResult(Engine engine, JsValue value, out string? jsonText)
    {
        jsonText = null;
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsCallable())
        {
            throw new ExpressionException("Expressie levert een functie op; verwacht werd een waarde (getal, tekst, ja/nee, lijst of object).");
        }

        if (value.IsSymbol())
        {
            throw new ExpressionException("Expressie levert een symbool op; verwacht werd een waarde (getal, tekst, ja/nee, lijst of object).");
        }

        // Runs under the same engine, so a toJSON or getter stays bound by the limits of this evaluation.
        jsonText = new JsJsonSerializer(engine).Serialize(value) is JsString json ? json.ToString() : null;
        return null;
    }

    private static JsonNode? ParseResult(string jsonText)
    {
        try
        {
            return JsonNode.Parse(jsonText, documentOptions: ResultDocumentOptions);
        }
        catch (JsonException ex)
        {
            // The engine wrote valid JSON, so the only way to fail here is the nesting limit.
            throw new ExpressionException($"Resultaat van de expressie is te diep genest (meer dan {MaxNestingDepth} niveaus).", ex);
        }
    }

    private ExpressionException Translate(Exception ex) => ex switch
    {
        ScriptPreparationException { InnerException: ParseErrorException parse } => SyntaxError(parse, ex),
        ParseErrorException parse => SyntaxError(parse, ex),
        TimeoutException or RegexMatchTimeoutException => new ExpressionException($"Expressie duurde langer dan {_limits.TimeoutMilliseconds} ms.", ex),
        MemoryLimitExceededException => new ExpressionException(MemoryMessage(), ex),
        RecursionDepthOverflowException => new ExpressionException($"Expressie is te diep recursief (een functie mag hooguit {_limits.MaxRecursionDepth} keer tegelijk actief zijn).", ex),
        StatementsCountOverflowException => new ExpressionException($"Expressie voerde meer dan {_limits.MaxStatements} opdrachten uit; is er een oneindige lus?", ex),
        InsufficientExecutionStackException => new ExpressionException("Expressie is te diep genest of te diep recursief.", ex),
        JavaScriptException js => ScriptError(js),
        _ => new ExpressionException($"Expressie kon niet worden uitgevoerd: {SafeMessage(ex)}", ex),
    };

    private static ExpressionException SyntaxError(ParseErrorException parse, Exception ex) =>
        // Acornima's column is zero-based; people count from one.
        new($"Syntaxfout op regel {parse.LineNumber}, kolom {parse.Column + 1}: {parse.Description}", ex);

    private ExpressionException ScriptError(JavaScriptException js)
    {
        var message = SafeMessage(js);

        // The engine's own RangeErrors for the stack guard and for strings or buffers it refuses to build are
        // sandbox limits, not mistakes in the expression's logic; report them as such.
        if (message.Contains("Maximum call stack size exceeded", StringComparison.Ordinal))
        {
            return new ExpressionException("Expressie is te diep recursief.", js);
        }

        if (message.Contains("Invalid string length", StringComparison.Ordinal)
            || message.Contains("Array buffer allocation failed", StringComparison.Ordinal))
        {
            return new ExpressionException(MemoryMessage(), js);
        }

        var location = js.Location;
        var where = location.Start.Line > 0
            ? $" op regel {location.Start.Line}, kolom {location.Start.Column + 1}"
            : "";
        return new ExpressionException($"Fout in expressie{where}: {message}", js);
    }

    // The message of a script error can come from script-controlled values; never let reading it fail the
    // translation itself.
    private static string SafeMessage(Exception ex)
    {
        try
        {
            return ex.Message;
        }
        catch (Exception)
        {
            return ex.GetType().Name;
        }
    }

    private string MemoryMessage() => $"Expressie gebruikte meer dan {FormatBytes(_limits.MemoryLimitBytes)} geheugen.";

    private static string FormatBytes(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
