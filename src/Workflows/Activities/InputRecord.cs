using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Activities;

/// <summary>
/// An activity whose inputs are the properties of one record, each carrying its <see cref="InputAttribute"/> (key,
/// type, display name, description, choices with their labels, default). The registry builds the activity's input
/// descriptors from that record, and the activity reads its inputs into it through <see cref="InputRecord.Read{TInputs}"/>
/// (<see cref="ActivityContext.Inputs{TInputs}"/> in a running step), so what the designer offers and what the activity
/// reads cannot drift apart. The stored definition keeps the input keys; only the code reading them is typed.
/// </summary>
/// <typeparam name="TInputs">A class (usually a record) with a public parameterless constructor and settable (init) properties.</typeparam>
public interface IHasInputs<TInputs>
    where TInputs : class, new();

/// <summary>Reads a node's inputs into an input record, and describes a record's inputs for the designer.</summary>
public static class InputRecord
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Field>> Fields = new();

    private static readonly HashSet<Type> Supported =
        [typeof(string), typeof(int), typeof(bool), typeof(IsoDuration), typeof(DateTimeOffset), typeof(JsonNode), typeof(IReadOnlyList<string>), typeof(string[])];

    /// <summary>
    /// The record with each input read through <paramref name="read"/> (the evaluated value of an input by key: literal,
    /// expression or declared default). A value that is missing, blank or of another type reads as the declared default,
    /// else as the property's empty value (null, an empty list).
    /// </summary>
    public static TInputs Read<TInputs>(Func<string, JsonNode?> read)
        where TInputs : class, new()
    {
        var record = new TInputs();
        foreach (var field in FieldsOf(typeof(TInputs)))
        {
            var value = Convert(read(field.Input.Name), field.Property.PropertyType, field.Input.Name) ?? field.Default;
            if (value is not null)
            {
                field.Property.SetValue(record, value);
            }
        }

        return record;
    }

    /// <summary>The input record an activity type declares through <see cref="IHasInputs{TInputs}"/>; null when it declares none.</summary>
    public static Type? RecordOf(Type activityType) =>
        activityType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHasInputs<>))?.GetGenericArguments()[0];

    /// <summary>The descriptors of a record's inputs: the base record's first, each type's in the order it declares them.</summary>
    public static IReadOnlyList<InputDescriptor> Describe(Type recordType) =>
        FieldsOf(recordType).Select(f => Descriptor(f.Input)).ToList();

    /// <summary>The input keys of a record, e.g. to check a type-level rule (<see cref="OneOfInputsAttribute"/>) names real inputs.</summary>
    public static IReadOnlyList<string> Keys(Type recordType) => FieldsOf(recordType).Select(f => f.Input.Name).ToList();

    internal static InputDescriptor Descriptor(InputAttribute input)
    {
        if (input.Choices is { } codes && input.ChoiceLabels is { } labels && codes.Length != labels.Length)
        {
            throw new InvalidOperationException($"Input '{input.Name}' has {codes.Length} choices and {labels.Length} choice labels.");
        }

        if (input.Default is not null && input.DefaultJson is not null)
        {
            throw new InvalidOperationException($"Input '{input.Name}' declares its default twice (Default and DefaultJson).");
        }

        return new InputDescriptor(
            input.Name,
            input.Type,
            input.DisplayName,
            input.Description,
            input.Required,
            DefaultOf(input),
            input.Choices,
            input.SupportsExpression && input.Type != InputType.Expression)
        {
            ChoiceLabels = input.Choices is { } choices && input.ChoiceLabels is { } choiceLabels
                ? choices.Zip(choiceLabels).ToDictionary(p => p.First, p => p.Second)
                : new Dictionary<string, string>(),
            Picker = PickerOf(input),
            Unit = input.Unit is { } many ? new InputUnit(input.UnitOne ?? many, many, input.UnitAfter) : null,
        };
    }

    private static InputPicker? PickerOf(InputAttribute input)
    {
        if (input.Picks is not { Length: > 0 } picks)
        {
            return null;
        }

        var also = input.PickAlso ?? [];
        var labels = input.PickAlsoLabels ?? [];
        if (also.Length != labels.Length)
        {
            throw new InvalidOperationException($"Input '{input.Name}' has {also.Length} fixed picks and {labels.Length} labels for them.");
        }

        return new InputPicker(picks, input.PickKinds ?? [], also.Zip(labels, (v, l) => new PickerChoice(v, l)).ToList());
    }

    private static JsonNode? DefaultOf(InputAttribute input) => input.Default switch
    {
        null => input.DefaultJson is null ? null : JsonNode.Parse(input.DefaultJson),
        var constant => JsonSerializer.SerializeToNode(constant, constant.GetType()),
    };

    private static IReadOnlyList<Field> FieldsOf(Type recordType) => Fields.GetOrAdd(recordType, type =>
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var fields = new List<Field>();
        foreach (var level in chain)
        {
            foreach (var property in level.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.GetCustomAttribute<InputAttribute>(inherit: false) is not { } input)
                {
                    continue;
                }

                if (!Supported.Contains(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType))
                {
                    throw new InvalidOperationException($"{type.Name}.{property.Name} (input '{input.Name}'): an input record cannot hold a {property.PropertyType.Name}.");
                }

                if (property.SetMethod is null)
                {
                    throw new InvalidOperationException($"{type.Name}.{property.Name} (input '{input.Name}') has no setter (init).");
                }

                if (fields.Any(f => f.Input.Name == input.Name))
                {
                    throw new InvalidOperationException($"{type.Name} declares input '{input.Name}' twice.");
                }

                var descriptor = Descriptor(input);
                fields.Add(new Field(property, input, Convert(descriptor.Default, property.PropertyType, input.Name)));
            }
        }

        return fields;
    });

    /// <summary>
    /// The CLR value of an evaluated input for a property type; null when missing, blank or of another JSON kind (the
    /// definition's validator refuses literals of the wrong type when the route is saved).
    /// </summary>
    private static object? Convert(JsonNode? value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(JsonNode))
        {
            return value;
        }

        if (target == typeof(IReadOnlyList<string>) || target == typeof(string[]))
        {
            var list = value switch
            {
                JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.ToJsonString() : null)
                    .OfType<string>().ToArray(),
                JsonValue v when v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) => [s],
                _ => null,
            };
            return list;
        }

        if (value is not JsonValue json)
        {
            return null;
        }

        if (target == typeof(string))
        {
            return json.GetValueKind() switch
            {
                JsonValueKind.String => json.GetValue<string>() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => json.ToJsonString(),
                _ => null,
            };
        }

        if (target == typeof(int))
        {
            return json.GetValueKind() == JsonValueKind.Number && json.TryGetValue<double>(out var d) ? (int)d : null;
        }

        if (target == typeof(bool))
        {
            return json.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        if (target == typeof(IsoDuration))
        {
            if (!json.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            return IsoDuration.TryParse(text, out var duration)
                ? duration
                : throw new InvalidOperationException($"Invoer '{name}': '{text}' is geen duur (ISO 8601, bijvoorbeeld P12W).");
        }

        if (target == typeof(DateTimeOffset))
        {
            return json.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
        }

        return null;
    }

    private sealed record Field(PropertyInfo Property, InputAttribute Input, object? Default);
}
