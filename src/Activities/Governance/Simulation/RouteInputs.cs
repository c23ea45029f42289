using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>A value a route input allows, with what a person reads for it.</summary>
public sealed record InputChoice(string Value, string Label);

/// <summary>
/// A route's input as its definition declares it (<c>inputs[]</c>): name, type, whether it is required, the name a
/// person reads and, for a <c>choice</c> input, its values with their labels.
/// </summary>
public sealed record DeclaredInput(string Name, string Type, bool Required, string DisplayName, IReadOnlyList<InputChoice> Choices)
{
    /// <summary>Whether the route can branch on this input: a choice with declared values, or yes/no.</summary>
    public bool Branches => Type == "boolean" || (Type == "choice" && Choices.Count > 0);

    /// <summary>The values a path enumeration tries: every choice (and "not given" when optional), or yes and no.</summary>
    public IReadOnlyList<JsonNode?> Values => Type == "boolean"
        ? [JsonValue.Create(true), JsonValue.Create(false)]
        : [.. Choices.Select(c => (JsonNode?)JsonValue.Create(c.Value)), .. Required ? Array.Empty<JsonNode?>() : [null]];

    /// <summary>What a person reads for a value of this input: the choice's label, "ja"/"nee", "niet ingevuld".</summary>
    public string LabelOf(JsonNode? value) => value switch
    {
        null => "niet ingevuld",
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "ja",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "nee",
        JsonValue v when v.TryGetValue<string>(out var s) => Choices.FirstOrDefault(c => c.Value == s)?.Label ?? s,
        _ => value.ToJsonString(),
    };

    /// <summary>The choices as a person reads them in a sentence: "‘Begroting’, ‘Jaarrekening’ of ‘Kaderbrief’".</summary>
    public string ChoicesText => Or(Choices.Select(c => $"‘{c.Label}’").ToList());

    internal static string Or(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} of {items[^1]}";
}

/// <summary>Reads a route's declared inputs from its JSON and checks a sample proposal's values against them.</summary>
public static class RouteInputs
{
    /// <summary>The inputs the definition declares, as written in its JSON (so the choices are read whatever model class parses it).</summary>
    public static IReadOnlyList<DeclaredInput> Read(JsonObject definition)
    {
        var list = new List<DeclaredInput>();
        foreach (var item in definition["inputs"] as JsonArray ?? [])
        {
            if (item is not JsonObject o || Text(o["name"]) is not { Length: > 0 } name)
            {
                continue;
            }

            var choices = (o["choices"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => Text(c["value"]) is { } value ? new InputChoice(value, Text(c["label"]) is { Length: > 0 } label ? label : value) : null)
                .OfType<InputChoice>().ToList();
            var required = o["required"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
            list.Add(new DeclaredInput(name, Text(o["type"]) ?? "string", required, Text(o["displayName"]) is { Length: > 0 } display ? display : name, choices));
        }

        return list;
    }

    /// <summary>
    /// What is wrong with <paramref name="input"/> for these declared inputs, in Dutch, each naming the input as a
    /// person knows it: a required input left empty, a value that is not one of the choices, a yes/no or date that is
    /// not one. Empty when the input may run.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<DeclaredInput> declared, JsonObject input)
    {
        var problems = new List<string>();
        foreach (var d in declared)
        {
            var value = input[d.Name];
            var empty = value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));
            if (empty)
            {
                if (d.Required)
                {
                    problems.Add($"‘{d.DisplayName}’ is verplicht; vul het in.");
                }

                continue;
            }

            switch (d.Type)
            {
                case "choice" when d.Choices.Count > 0:
                    if (value is not JsonValue cv || !cv.TryGetValue<string>(out var code) || d.Choices.All(c => c.Value != code))
                    {
                        problems.Add($"‘{d.DisplayName}’ kent de waarde ‘{Shown(value)}’ niet. Kies {d.ChoicesText}.");
                    }

                    break;
                case "boolean":
                    if (value!.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problems.Add($"‘{d.DisplayName}’ is ja of nee.");
                    }

                    break;
                case "date":
                    if (value is not JsonValue dv || !dv.TryGetValue<string>(out var day)
                        || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        problems.Add($"‘{d.DisplayName}’ is geen datum; kies een dag in de kalender.");
                    }

                    break;
                case "number":
                    if (value!.GetValueKind() != JsonValueKind.Number)
                    {
                        problems.Add($"‘{d.DisplayName}’ is geen getal.");
                    }

                    break;
            }
        }

        return problems;
    }

    private static string Shown(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
