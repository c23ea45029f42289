using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// Checks the input an instance starts with against the route's declared inputs: required ones given, a
/// <c>choice</c> one of its choices, a <c>boolean</c>, <c>date</c> (jjjj-mm-dd) or <c>number</c> of that type. Inputs the
/// route does not declare pass unchecked. The engine refuses a start with any problem; a form can show them first.
/// </summary>
public static class RouteInputCheck
{
    /// <summary>The problems of <paramref name="input"/>, each a Dutch sentence naming the input by its display name; empty when it fits.</summary>
    public static IReadOnlyList<string> Problems(WorkflowDefinitionModel model, JsonObject? input)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<string>();
        foreach (var declared in model.Inputs ?? [])
        {
            if (declared is null || string.IsNullOrWhiteSpace(declared.Name))
            {
                continue;
            }

            if (Problem(declared, input?[declared.Name]) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>The problem with one value of a declared input, or null when it fits.</summary>
    public static string? Problem(InputDefinition declared, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var blank = kind == JsonValueKind.Null
            || (kind == JsonValueKind.String && declared.Type is RouteInputTypes.Choice or RouteInputTypes.Date or RouteInputTypes.Number
                && string.IsNullOrWhiteSpace(value!.GetValue<string>()));
        var name = $"‘{declared.Label}’";
        if (blank)
        {
            return declared.Required ? $"{name} is verplicht; vul het in." : null;
        }

        switch (declared.Type)
        {
            case RouteInputTypes.Choice:
                var text = kind == JsonValueKind.String ? value!.GetValue<string>() : null;
                if (text is null || declared.LabelOf(text) is null)
                {
                    var labels = (declared.Choices ?? []).Where(c => c is not null).Select(c => $"‘{c.Label}’").ToList();
                    var choices = labels.Count <= 1 ? string.Concat(labels) : $"{string.Join(", ", labels[..^1])} of {labels[^1]}";
                    return $"{name} kan alleen {choices} zijn, niet ‘{text ?? value!.ToJsonString()}’.";
                }

                return null;
            case RouteInputTypes.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False ? null : $"{name} is ja of nee (true of false).";
            case RouteInputTypes.Number:
                return kind == JsonValueKind.Number ? null : $"{name} is een getal.";
            case RouteInputTypes.Date:
                return kind == JsonValueKind.String && DateOnly.TryParseExact(value!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"{name} is een datum, geschreven als jjjj-mm-dd (bijvoorbeeld 2027-04-06).";
            default:
                return null;
        }
    }
}
