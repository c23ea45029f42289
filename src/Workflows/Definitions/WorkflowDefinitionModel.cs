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
}

public sealed class InputDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public bool Required { get; set; }
    public string? DisplayName { get; set; }
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
