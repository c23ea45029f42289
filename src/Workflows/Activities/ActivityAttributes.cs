namespace AdviesRoute.Workflows.Activities;

/// <summary>
/// Marks a class as an activity type the engine can run. The type name and version are what a definition
/// stores; keep an old version's class when its behaviour changes, so instances saved under it still load.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    public string Type { get; } = type;
    public int Version { get; init; } = 1;
    public string Category { get; init; } = "Algemeen";
    public string DisplayName { get; init; } = type;
    public string Description { get; init; } = "";

    /// <summary>The activity may wait (creates bookmarks); a loop through it is allowed.</summary>
    public bool IsBlocking { get; init; }

    /// <summary>Where a path ends; every activity must be able to reach one.</summary>
    public bool IsEnd { get; init; }

    /// <summary>Where an instance begins; a definition has exactly one.</summary>
    public bool IsStart { get; init; }
}

/// <summary>
/// Declares a typed input of an activity, shown in the designer's property panel: on a property of the activity's
/// input record (<see cref="IHasInputs{TInputs}"/>), which is then also how the activity reads it, or on the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute(string name, InputType type) : Attribute
{
    public string Name { get; } = name;
    public InputType Type { get; } = type;
    public string DisplayName { get; init; } = name;
    public string Description { get; init; } = "";
    public bool Required { get; init; }

    /// <summary>Default as JSON text (e.g. <c>"\"all\""</c> or <c>"3"</c>, or an expression object); null for none.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>Default as a constant (a string, number, boolean or array of strings); the plain way to write <see cref="DefaultJson"/>.</summary>
    public object? Default { get; init; }

    /// <summary>Allowed values for <see cref="InputType.Choice"/>.</summary>
    public string[]? Choices { get; init; }

    /// <summary>What a person reads for each of <see cref="Choices"/>, in the same order.</summary>
    public string[]? ChoiceLabels { get; init; }

    /// <summary>Whether the value may be given as <c>{ "expression": "..." }</c>.</summary>
    public bool SupportsExpression { get; init; } = true;

    /// <summary>
    /// What the value names, so the designer offers a list to pick from instead of a text box: words the engine passes on
    /// without reading them, e.g. <c>variable</c> or <c>routeInput</c>, or a word of the activity library's own (the
    /// library says what its words mean). Null: a plain value.
    /// </summary>
    public string[]? Picks { get; init; }

    /// <summary>When <see cref="Picks"/> holds <c>body</c>: the kinds of body that fit (empty or null: every kind).</summary>
    public string[]? PickKinds { get; init; }

    /// <summary>Fixed values offered besides what is picked (words of the activity library), in the order shown.</summary>
    public string[]? PickAlso { get; init; }

    /// <summary>What a person reads for each of <see cref="PickAlso"/>, in the same order.</summary>
    public string[]? PickAlsoLabels { get; init; }

    /// <summary>The unit a number counts, as a person reads it after the number when it is not 1 (e.g. <c>werkdagen</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>The unit after the number 1 (e.g. <c>werkdag</c>); <see cref="Unit"/> when not given.</summary>
    public string? UnitOne { get; init; }

    /// <summary>Words after the number and its unit (e.g. <c>vóór de termijn</c>).</summary>
    public string? UnitAfter { get; init; }
}

/// <summary>Declares what a person reads for one of an activity's fixed ports (e.g. <c>True</c> read as "Waar").</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PortLabelAttribute(string port, string label) : Attribute
{
    public string Port { get; } = port;

    public string Label { get; } = label;
}

/// <summary>Declares the fixed outcome ports of an activity.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] ports) : Attribute
{
    public IReadOnlyList<string> Ports { get; } = ports;
}

/// <summary>
/// Declares that the activity's ports come from one of its inputs (a list of names), e.g. the branches of a
/// Fork or the cases of a Switch; <see cref="Extra"/> are ports it always has.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PortsFromInputAttribute(string inputName, params string[] extra) : Attribute
{
    public string InputName { get; } = inputName;
    public IReadOnlyList<string> Extra { get; } = extra;

    /// <summary>When the list holds objects, the property that names the port.</summary>
    public string? NameProperty { get; init; }

    /// <summary>When the list holds objects, the property with what a person reads for the port (optional per item).</summary>
    public string? LabelProperty { get; init; }
}

/// <summary>The value types an activity input can have.</summary>
public enum InputType
{
    String,
    Text,
    Integer,
    Boolean,
    /// <summary>ISO 8601 duration such as <c>P12W</c> or <c>PT30M</c>.</summary>
    Duration,
    /// <summary>ISO 8601 date-time with offset.</summary>
    DateTime,
    Choice,
    StringList,
    /// <summary>A JavaScript expression (always evaluated).</summary>
    Expression,
    /// <summary>Any JSON value.</summary>
    Json,
    /// <summary>A list of JSON objects (e.g. the cases of a Switch).</summary>
    ObjectList,
}

/// <summary>Declares that at least one of the named inputs must be given (e.g. a Timer's <c>at</c> or <c>after</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OneOfInputsAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

/// <summary>
/// Declares that when input <paramref name="given"/> is given, the inputs <paramref name="requires"/> must be given too
/// (e.g. a fixed legal deadline needs the article it comes from).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputRequiresAttribute(string given, params string[] requires) : Attribute
{
    public string Given { get; } = given;

    public IReadOnlyList<string> Requires { get; } = requires;
}

/// <summary>
/// An activity that checks the literal values of its inputs when a definition is saved (e.g. that a body exists),
/// so the designer reports the mistake at once instead of an incident at run time.
/// </summary>
public interface IChecksLiteralInputs
{
    /// <summary>A Dutch message when <paramref name="value"/> is not acceptable for input <paramref name="input"/>; else null.</summary>
    string? CheckLiteral(string input, System.Text.Json.Nodes.JsonNode value);
}

/// <summary>
/// An activity that declares its descriptor in code (its display name, inputs, ports and their labels) instead of, or
/// in addition to, attributes: the registry asks it once at start-up. The type and version stay those of its
/// <see cref="ActivityAttribute"/>, so stored definitions keep loading.
/// </summary>
public interface IDescribesItself
{
    /// <summary>The descriptor as this activity declares it, given what its attributes declare.</summary>
    ActivityDescriptor Describe(ActivityDescriptor fromAttributes);
}
