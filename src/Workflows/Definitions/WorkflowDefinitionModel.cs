using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// A definition as JSON: the shape of the files in <c>workflow-definitions/</c>, of the API and of the designer.
/// Version fields are assigned by the store; in a file they are ignored.
/// </summary>
public sealed class WorkflowDefinitionModel
{
    public string DefinitionId { get; set; } = "";
    public int? Version { get; set; }
    public bool? IsPublished { get; set; }
    public bool? IsLatest { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>
    /// What the definition is for, as the product using the engine groups its definitions (for example an example of
    /// the engine beside the real routes). Optional; the engine stores it and gives it no meaning. A definition stored
    /// without it reads as null, and null is not written, so stored definitions keep their JSON.
    /// </summary>
    public string? Category { get; set; }

    public List<VariableDefinition> Variables { get; set; } = [];
    public List<InputDefinition> Inputs { get; set; } = [];
    public FlowchartModel Root { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class VariableDefinition
{
    public string Name { get; set; } = "";

    /// <summary>What a person reads for the variable (e.g. "Reactie van de klant"); optional.</summary>
    public string? DisplayName { get; set; }
    public string Type { get; set; } = "json";
    public JsonNode? Default { get; set; }

    /// <summary>
    /// The fields a rule may read of the variable's value (<c>variables.reactie.aantal</c>); optional.
    /// A definition stored without them reads as null, and null is not written.
    /// </summary>
    public List<VariableField>? Fields { get; set; }
}

/// <summary>A field of a variable's value that rules may read, with what a person reads for it.</summary>
public sealed class VariableField
{
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="RouteInputTypes"/> (mostly <c>number</c>, <c>string</c>, <c>boolean</c> or <c>date</c>).</summary>
    public string Type { get; set; } = "string";

    public string? DisplayName { get; set; }
}

/// <summary>
/// An input of the route, given when an instance starts. Its <see cref="Type"/> is one of <see cref="RouteInputTypes"/>;
/// a <c>choice</c> input lists its allowed values with their labels, so every form built from it offers a list.
/// </summary>
public sealed class InputDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public bool Required { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Help text for the person who fills in the input; optional, not written when null.</summary>
    public string? Description { get; set; }

    /// <summary>The allowed values of a <c>choice</c> input, in the order a list shows them; null for other types.</summary>
    public List<InputChoice>? Choices { get; set; }

    /// <summary>What a person reads for the input: its display name, else its name.</summary>
    [JsonIgnore]
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName.Trim();

    /// <summary>The label of <paramref name="value"/> among the choices, or null when it is not one of them.</summary>
    public string? LabelOf(string value) => Choices?.FirstOrDefault(c => c.Value == value)?.Label;
}

/// <summary>One allowed value of a <c>choice</c> route input: the value the route stores and the label a person reads.</summary>
public sealed class InputChoice
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>The types a route input (or a variable's field) may have.</summary>
public static class RouteInputTypes
{
    public const string String = "string";
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string Number = "number";
    public const string Json = "json";

    /// <summary>Every known type, in the order a list offers them.</summary>
    public static IReadOnlyList<string> All { get; } = [String, Text, Choice, Boolean, Date, Number, Json];
}

public sealed class FlowchartModel
{
    public string Type { get; set; } = "Flowchart";
    public List<ActivityNode> Activities { get; set; } = [];
    public List<ConnectionModel> Connections { get; set; } = [];
}

public sealed class ActivityNode
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";

    /// <summary>The activity type's version this node was saved with; filled in on import when absent.</summary>
    public int? TypeVersion { get; set; }

    public string? DisplayName { get; set; }
    public Dictionary<string, JsonNode?> Inputs { get; set; } = [];
    public DesignerPosition? Designer { get; set; }
}

public sealed class DesignerPosition
{
    public double X { get; set; }
    public double Y { get; set; }
}

public sealed class ConnectionModel
{
    public EndpointModel Source { get; set; } = new();
    public EndpointModel Target { get; set; } = new();

    [JsonIgnore]
    public string Key => $"{Source.Activity}:{Source.Port}->{Target.Activity}:{Target.Port}";
}

public sealed class EndpointModel
{
    public string Activity { get; set; } = "";
    public string Port { get; set; } = "";
}

/// <summary>Serializer settings shared by everything that reads or writes definitions and instance state.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        o.Converters.Add(new JsonStringEnumConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
