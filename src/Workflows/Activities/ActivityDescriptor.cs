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
    bool SupportsExpression);

/// <summary>When <paramref name="Given"/> is given, <paramref name="Requires"/> must be given too.</summary>
public sealed record InputRequirement(string Given, IReadOnlyList<string> Requires);

public sealed record PortsFromInput(string InputName, IReadOnlyList<string> Extra, string? NameProperty);
