using System.Text.Json.Nodes;

namespace AdviesRoute.Workflows.Activities;

/// <summary>What the designer and the validator know of an activity type; serialised as JSON for the designer.</summary>
public sealed record ActivityDescriptor(
    string Type,
    int Version,
    string Category,
    string DisplayName,
    string Description,
    bool IsBlocking,
    bool IsStart,
    bool IsEnd,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Ports,
    PortsFromInput? PortsFromInput)
{
    /// <summary>Groups of inputs of which at least one must be given.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OneOfInputs { get; init; } = [];

    /// <summary>Inputs that, once given, need other inputs too.</summary>
    public IReadOnlyList<InputRequirement> InputRequirements { get; init; } = [];

    /// <summary>What a person reads for each fixed port (e.g. a port <c>gereed</c> read as "Gereed"); a port without one is shown by its name.</summary>
    public IReadOnlyDictionary<string, string> PortLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The label of a fixed port: its declared label, else its name.</summary>
    public string PortLabel(string port) => PortLabels.GetValueOrDefault(port, port);

    /// <summary>
    /// The label of a port of one node: a port named by an input (a Switch's case) carries its own label in the route;
    /// a fixed port has the activity's. Null when neither declares one.
    /// </summary>
    public string? PortLabelOf(Definitions.ActivityNode node, string port)
    {
        if (PortsFromInput is { NameProperty: { } nameProperty, LabelProperty: { } labelProperty } from
            && node.Inputs.GetValueOrDefault(from.InputName) is JsonArray items
            && items.OfType<JsonObject>().FirstOrDefault(i => i[nameProperty] is JsonValue n && n.TryGetValue<string>(out var name) && name == port) is { } item
            && item[labelProperty] is JsonValue l && l.TryGetValue<string>(out var label) && !string.IsNullOrWhiteSpace(label))
        {
            return label;
        }

        return PortLabels.GetValueOrDefault(port);
    }

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}

public sealed record InputDescriptor(
    string Name,
    InputType Type,
    string DisplayName,
    string Description,
    bool Required,
    JsonNode? Default,
    IReadOnlyList<string>? Choices,
    bool SupportsExpression)
{
    /// <summary>What a person reads for each of <see cref="Choices"/>; a choice without one is shown as it is stored.</summary>
    public IReadOnlyDictionary<string, string> ChoiceLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>What the value names and the designer offers to pick (see <see cref="InputAttribute.Picks"/>); null for a plain value.</summary>
    public InputPicker? Picker { get; init; }

    /// <summary>The unit a number counts (see <see cref="InputAttribute.Unit"/>); null when it counts nothing in particular.</summary>
    public InputUnit? Unit { get; init; }
}

/// <summary>What an input's value names: <paramref name="Picks"/> (e.g. <c>body</c>, <c>member</c>), of which kinds, and fixed values besides.</summary>
public sealed record InputPicker(IReadOnlyList<string> Picks, IReadOnlyList<string> Kinds, IReadOnlyList<PickerChoice> Also);

/// <summary>A fixed value offered besides what is picked, with what a person reads for it.</summary>
public sealed record PickerChoice(string Value, string Label);

/// <summary>The unit of a counted number: <paramref name="One"/> after 1, <paramref name="Many"/> otherwise, then <paramref name="After"/>.</summary>
public sealed record InputUnit(string One, string Many, string? After);

/// <summary>When <paramref name="Given"/> is given, <paramref name="Requires"/> must be given too.</summary>
public sealed record InputRequirement(string Given, IReadOnlyList<string> Requires);

public sealed record PortsFromInput(string InputName, IReadOnlyList<string> Extra, string? NameProperty)
{
    /// <summary>When the list holds objects, the property with the port's label.</summary>
    public string? LabelProperty { get; init; }
}
