using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// An OpenAPI document as a client reads it: parsed by Microsoft.OpenApi's own reader (whose diagnostics must hold no
/// error), and its JSON, from which the schema of any documented answer is taken to check a real answer against it with
/// JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Checks are strict where the document is silent: an answer may hold
/// no property that its schema does not describe, so an undocumented field fails as surely as a missing one.
/// </summary>
public sealed class OpenApiContract
{
    /// <summary>Schemas whose answers may carry more than they describe (problem details have extension members such as traceId).</summary>
    private static readonly HashSet<string> OpenSchemas = new(StringComparer.Ordinal) { "ProblemDetails", "HttpValidationProblemDetails" };

    private OpenApiContract(JsonObject json, ReadResult read)
    {
        Json = json;
        Read = read;
    }

    public JsonObject Json { get; }

    public ReadResult Read { get; }

    public OpenApiDocument Document => Read.Document ?? throw new InvalidOperationException("The reader made no document.");

    public static OpenApiContract Parse(string text)
    {
        var settings = new OpenApiReaderSettings();
        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json, settings);
        return new OpenApiContract(JsonNode.Parse(text)!.AsObject(), read);
    }

    /// <summary>Every operation: its path template, method (lower case) and the operation's JSON.</summary>
    public IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        Json["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options")
            .Select(m => (path.Key, m.Key, m.Value!.AsObject())));

    /// <summary>The documented answers of an operation: status and media types.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Responses(JsonObject operation) =>
        operation["responses"]!.AsObject().ToDictionary(r => r.Key,
            r => (IReadOnlyList<string>)(r.Value!["content"]?.AsObject().Select(c => c.Key).ToList() ?? []));

    /// <summary>What is wrong with <paramref name="instance"/> as the answer <paramref name="status"/> of the operation; empty when it fits.</summary>
    public IReadOnlyList<string> Check(JsonObject operation, string status, string mediaType, JsonNode? instance)
    {
        var schema = operation["responses"]?[status]?["content"]?[mediaType]?["schema"]
            ?? throw new InvalidOperationException($"No schema documented for {status} {mediaType}.");
        return Check(schema, instance);
    }

    /// <summary>What is wrong with <paramref name="instance"/> against <paramref name="schema"/> (a schema of this document); empty when it fits.</summary>
    public IReadOnlyList<string> Check(JsonNode schema, JsonNode? instance)
    {
        var definitions = new JsonObject();
        foreach (var (name, definition) in Json["components"]?["schemas"]?.AsObject() ?? [])
        {
            var copy = definition!.DeepClone();
            if (!OpenSchemas.Contains(name))
            {
                Strict(copy);
            }

            definitions[name] = copy;
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["allOf"] = new JsonArray(Strict(schema.DeepClone())),
        };
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        var built = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://schemas.test/{Guid.NewGuid():N}"));
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = built.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("does not fit its schema")
            .ToList();
    }

    /// <summary>Every object schema with properties admits no other property.</summary>
    private static JsonNode Strict(JsonNode node)
    {
        if (node is JsonObject schema)
        {
            if (schema["properties"] is JsonObject && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
            {
                schema["unevaluatedProperties"] = false;
            }

            foreach (var (key, child) in schema.ToList())
            {
                if (child is not null && key is not ("example" or "examples" or "default" or "enum" or "const"))
                {
                    Strict(child);
                }
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var item in list)
            {
                if (item is not null)
                {
                    Strict(item);
                }
            }
        }

        return node;
    }
}
