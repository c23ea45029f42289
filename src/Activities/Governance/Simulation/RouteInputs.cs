using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>A value a route input allows, with what a person reads for it.</summary>
public sealed record RouteChoice(string Value, string Label);

/// <summary>
/// A route's input as its definition declares it (<c>inputs[]</c>): name, type, whether it is required, the name a
/// person reads and, for a <c>choice</c> input, its values with their labels.
/// </summary>
public sealed record DeclaredInput(string Name, string Type, bool Required, string DisplayName, IReadOnlyList<RouteChoice> Choices)
{
    /// <summary>Whether the route can branch on this input: a choice with declared values, or yes/no.</summary>
    public bool Branches => Type == "boolean" || (Type == "choice" && Choices.Count > 0);

    /// <summary>The values a path enumeration tries: every choice (and "not given" when optional), or yes and no.</summary>
    public IReadOnlyList<JsonNode?> Values => _values ??= Type == "boolean"
        ? [JsonValue.Create(true), JsonValue.Create(false)]
        : [.. Choices.Select(c => (JsonNode?)JsonValue.Create(c.Value)), .. Required ? Array.Empty<JsonNode?>() : [null]];

    private IReadOnlyList<JsonNode?>? _values;

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

/// <summary>A route's declared inputs as the path enumeration reads them.</summary>
public static class RouteInputs
{
    /// <summary>The inputs the definition declares, with their choices and labels.</summary>
    public static IReadOnlyList<DeclaredInput> Read(WorkflowDefinitionModel definition) =>
        [.. (definition.Inputs ?? []).Where(i => i is not null && !string.IsNullOrWhiteSpace(i.Name))
            .Select(i => new DeclaredInput(i.Name, i.Type, i.Required, i.Label,
                [.. (i.Choices ?? []).Where(c => c is not null).Select(c => new RouteChoice(c.Value, string.IsNullOrWhiteSpace(c.Label) ? c.Value : c.Label))]))];
}
