using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>Reads input values of nodes: literals checked against their declared type, or expressions.</summary>
public static class InputValues
{
    /// <summary>True when the value is written as <c>{ "expression": "..." }</c>.</summary>
    public static bool IsExpression(JsonNode? value, out string expression)
    {
        expression = "";
        if (value is JsonObject { Count: 1 } o && o["expression"] is JsonValue v && v.TryGetValue<string>(out var text))
        {
            expression = text;
            return true;
        }

        return false;
    }

    /// <summary>Checks a literal against an input type; returns null when it fits, else a Dutch message.</summary>
    public static string? CheckLiteral(InputDescriptor input, JsonNode? value)
    {
        if (value is null)
        {
            return input.Required ? "Verplichte invoer ontbreekt." : null;
        }

        return input.Type switch
        {
            InputType.String or InputType.Text => IsString(value) ? null : "Verwacht tekst.",
            InputType.Expression => IsString(value) ? null : "Verwacht een expressie als tekst.",
            InputType.Integer => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _) ? null : "Verwacht een geheel getal.",
            InputType.Boolean => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "Verwacht ja of nee (true of false).",
            InputType.Duration => IsString(value) && IsoDuration.TryParse(value.GetValue<string>(), out _) ? null : "Verwacht een duur als ISO 8601-duur, bijvoorbeeld P12W voor 12 weken of PT30M voor 30 minuten.",
            InputType.DateTime => IsString(value) && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "Verwacht een datum en tijd (ISO 8601), bijvoorbeeld 2027-07-09T23:59:00+02:00.",
            InputType.Choice => IsString(value) && (input.Choices is null || input.Choices.Contains(value.GetValue<string>())) ? null : $"Kies uit: {Alternatives(input)}.",
            InputType.StringList => value is JsonArray a && a.All(IsString) ? null : "Verwacht een lijst met teksten.",
            InputType.ObjectList => value is JsonArray a2 && a2.All(x => x is JsonObject) ? null : "Verwacht een lijst met objecten.",
            InputType.Json => null,
            _ => null,
        };
    }

    /// <summary>The choices of an input as a person reads them: "Alle paden, Eén pad of Een aantal paden".</summary>
    private static string Alternatives(InputDescriptor input)
    {
        var labels = (input.Choices ?? []).Select(c => $"‘{input.ChoiceLabels.GetValueOrDefault(c, c)}’").ToList();
        return labels.Count <= 1 ? string.Concat(labels) : $"{string.Join(", ", labels[..^1])} of {labels[^1]}";
    }

    private static bool IsString(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    /// <summary>Converts an (evaluated) JSON value to the CLR type an activity asks for.</summary>
    public static T? Convert<T>(JsonNode? value, string inputName)
    {
        if (value is null)
        {
            return default;
        }

        try
        {
            object? result = typeof(T) switch
            {
                var t when t == typeof(JsonNode) => value,
                var t when t == typeof(string) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString(),
                var t when t == typeof(bool) || t == typeof(bool?) => Truthy(value),
                var t when t == typeof(int) || t == typeof(int?) => (int)value.GetValue<double>(),
                var t when t == typeof(long) || t == typeof(long?) => (long)value.GetValue<double>(),
                var t when t == typeof(double) || t == typeof(double?) => value.GetValue<double>(),
                var t when t == typeof(IsoDuration) || t == typeof(IsoDuration?) => IsoDuration.Parse(value.GetValue<string>()),
                var t when t == typeof(DateTimeOffset) || t == typeof(DateTimeOffset?) => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                var t when t == typeof(string[]) => value.AsArray().Select(x => x?.GetValue<string>() ?? "").ToArray(),
                var t when t == typeof(JsonArray) => value.AsArray(),
                var t when t == typeof(JsonObject) => value.AsObject(),
                _ => value.Deserialize<T>(WorkflowJson.Options),
            };
            return (T?)result;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or InvalidCastException)
        {
            throw new InvalidOperationException($"Invoer '{inputName}' heeft een waarde die niet past bij type {typeof(T).Name}: {value.ToJsonString()}", ex);
        }
    }

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    public static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetValue<double>() is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Null => false,
            _ => true,
        },
        _ => true,
    };
}
