using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// Reads a definition from JSON. Syntax errors, values of the wrong JSON type (<c>"activities": 5</c>) and nulls
/// where the model needs an object or a list all become <see cref="ValidationCodes.MalformedJson"/> errors with
/// the JSON path, line and position, so a designer or an import can point at the spot. Rules about what the
/// definition means (types, ports, reachability) belong to <see cref="DefinitionValidator"/>.
/// </summary>
public static class DefinitionParser
{
    private const string ConversionPrefix = "The JSON value could not be converted to ";

    /// <summary>Deserializes <paramref name="json"/> with <see cref="WorkflowJson.Options"/>.</summary>
    /// <exception cref="DefinitionValidationException">The text is not a well-formed definition document.</exception>
    public static WorkflowDefinitionModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        WorkflowDefinitionModel? model;
        try
        {
            model = JsonSerializer.Deserialize<WorkflowDefinitionModel>(json, WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            throw new DefinitionValidationException([FromJsonException(ex)]);
        }

        // System.Text.Json happily assigns null to non-nullable lists and objects; the validator and the runtime
        // rely on them, so a null there is as malformed as a number would be.
        var nulls = model is null ? [("$", "een object")] : FindNulls(model);
        if (nulls.Count > 0)
        {
            var locations = JsonLocations.Read(json);
            throw new DefinitionValidationException(nulls
                .Select(n => Malformed(n.Path, locations.Find(n.Path), $"{n.Path} mag niet null zijn; verwacht {n.Expected}."))
                .ToList());
        }

        return model!;
    }

    /// <summary>
    /// Adds line and position to errors (e.g. from <see cref="DefinitionValidator"/>) by finding their path in the
    /// JSON the model was read from; an error whose element is absent (a missing input) gets the location of the
    /// nearest enclosing element. Errors that already have a line are returned as they are.
    /// </summary>
    public static IReadOnlyList<ValidationError> Locate(string json, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(errors);
        var locations = JsonLocations.Read(json);
        return errors
            .Select(e => e.Line is null && locations.Find(e.Path) is { } at ? e with { Line = at.Line, Position = at.Position } : e)
            .ToList();
    }

    private static ValidationError FromJsonException(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        (int Line, int Position)? at = ex.LineNumber is { } line ? ((int)line + 1, (int)(ex.BytePositionInLine ?? 0) + 1) : null;
        return Malformed(path, at, Describe(ex, path));
    }

    private static ValidationError Malformed(string path, (int Line, int Position)? at, string detail) =>
        new(path, ValidationCodes.MalformedJson, at is { } a
            ? $"Ongeldige JSON op regel {a.Line}, positie {a.Position}: {detail}"
            : $"Ongeldige JSON: {detail}")
        {
            Line = at?.Line,
            Position = at?.Position,
        };

    private static string Describe(JsonException ex, string path)
    {
        // The serializer appends " Path: ... | LineNumber: ... | BytePositionInLine: ..." itself; we say that in Dutch.
        var message = ex.Message;
        var suffix = message.LastIndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        if (message.StartsWith(ConversionPrefix, StringComparison.Ordinal))
        {
            return $"de waarde bij {path} heeft niet het juiste type; verwacht {ExpectedKind(message[ConversionPrefix.Length..])}.";
        }

        return $"de tekst is geen geldige JSON ({message.TrimEnd('.')}).";
    }

    // Maps the CLR type named in the serializer's message to what a person writing JSON would call it.
    private static string ExpectedKind(string typeName) => typeName switch
    {
        _ when typeName.StartsWith("System.Collections.Generic.Dictionary", StringComparison.Ordinal) => "een object",
        _ when typeName.Contains("List`1", StringComparison.Ordinal) || typeName.Contains("[]", StringComparison.Ordinal) => "een lijst",
        _ when typeName.Contains("System.String", StringComparison.Ordinal) => "tekst",
        _ when typeName.Contains("System.Boolean", StringComparison.Ordinal) => "true of false",
        _ when typeName.Contains("System.Int", StringComparison.Ordinal) => "een geheel getal",
        _ when typeName.Contains("System.Double", StringComparison.Ordinal) || typeName.Contains("System.Decimal", StringComparison.Ordinal) => "een getal",
        _ => "een object",
    };

    private static List<(string Path, string Expected)> FindNulls(WorkflowDefinitionModel model)
    {
        var found = new List<(string Path, string Expected)>();

        void CheckList<T>(List<T>? list, string path, Action<T, string>? item = null)
            where T : class
        {
            if (list is null)
            {
                found.Add((path, "een lijst"));
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (list[i] is null)
                {
                    found.Add((itemPath, "een object"));
                }
                else
                {
                    item?.Invoke(list[i], itemPath);
                }
            }
        }

        void CheckObject(object? value, string path)
        {
            if (value is null)
            {
                found.Add((path, "een object"));
            }
        }

        CheckList(model.Variables, "$.variables");
        CheckList(model.Inputs, "$.inputs");
        CheckObject(model.Root, "$.root");
        if (model.Root is { } root)
        {
            CheckList(root.Activities, "$.root.activities", (node, path) => CheckObject(node.Inputs, path + ".inputs"));
            CheckList(root.Connections, "$.root.connections", (connection, path) =>
            {
                CheckObject(connection.Source, path + ".source");
                CheckObject(connection.Target, path + ".target");
            });
        }

        return found;
    }
}

/// <summary>Writes JSON paths the way System.Text.Json does (<c>$.a.b[0]</c>, <c>$['odd name']</c>).</summary>
internal static class JsonPaths
{
    // The characters for which System.Text.Json switches to the bracket notation.
    private static readonly SearchValues<char> Special = SearchValues.Create(".'/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029 ");

    public static string Property(string parent, string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAny(Special)
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>The path of the enclosing element, or null for the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length <= 1)
        {
            return null;
        }

        if (path.EndsWith(']'))
        {
            // Either [index] or ['name']; a quoted name may itself contain '[', so look for the opening "['" first.
            var quoted = path.EndsWith("']", StringComparison.Ordinal) ? path.LastIndexOf("['", StringComparison.Ordinal) : -1;
            var open = quoted >= 0 ? quoted : path.LastIndexOf('[');
            return open > 0 ? path[..open] : null;
        }

        var dot = path.LastIndexOf('.');
        return dot > 0 ? path[..dot] : null;
    }
}

/// <summary>Where each element of a JSON text starts, by JSON path: 1-based line and byte position.</summary>
internal sealed class JsonLocations
{
    // Property names match case-insensitively, as WorkflowJson.Options reads them.
    private readonly Dictionary<string, (int Line, int Position)> _byPath = new(StringComparer.OrdinalIgnoreCase);

    public static JsonLocations Read(string json)
    {
        var locations = new JsonLocations();
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var frames = new Stack<Frame>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames.Peek().Property = reader.GetString() ?? "";
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                }

                var path = frames.Count == 0
                    ? "$"
                    : frames.Peek() is { IsArray: true } array ? JsonPaths.Index(array.Path, array.Count++) : JsonPaths.Property(frames.Peek().Path, frames.Peek().Property);
                var start = (int)reader.TokenStartIndex;
                var line = lineStarts.BinarySearch(start);
                line = line >= 0 ? line : ~line - 1;

                // A later duplicate property wins, as it does when the serializer reads it.
                locations._byPath[path] = (line + 1, start - lineStarts[line] + 1);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed text: keep what was read up to the error.
        }

        return locations;
    }

    /// <summary>The location of <paramref name="path"/>, else of its nearest enclosing element that exists.</summary>
    public (int Line, int Position)? Find(string path)
    {
        for (string? p = path; p is not null; p = JsonPaths.Parent(p))
        {
            if (_byPath.TryGetValue(p, out var at))
            {
                return at;
            }
        }

        return null;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Count { get; set; }
        public string Property { get; set; } = "";
    }
}
