using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Tests.Support;

/// <summary>
/// Builds definitions for tests, in document order:
/// <code>
/// new DefinitionBuilder("approval")
///     .Activity("start", "Start")
///     .Activity("check", "Decision", new { condition = "variables.amount > 1000" })
///     .Activity("end", "End")
///     .Connect("start", "Done", "check")
///     .Connect("check", "True", "end")
///     .Build();
/// </code>
/// Indexes in validation paths (<c>$.root.activities[1]</c>) follow the order of the calls.
/// </summary>
public sealed class DefinitionBuilder(string definitionId = "test-definition", string name = "Testdefinitie")
{
    private readonly List<ActivityNode> _activities = [];
    private readonly List<ConnectionModel> _connections = [];
    private readonly List<VariableDefinition> _variables = [];
    private readonly List<InputDefinition> _inputs = [];
    private string _definitionId = definitionId;
    private string _name = name;

    /// <summary>Sets the definition id (empty to test the required field).</summary>
    public DefinitionBuilder WithId(string definitionId)
    {
        _definitionId = definitionId;
        return this;
    }

    /// <summary>Sets the definition's name (empty to test the required field).</summary>
    public DefinitionBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>
    /// Adds an activity. <paramref name="inputs"/> is a <see cref="JsonObject"/>, JSON text, or any object that
    /// serializes to one, e.g. <c>new { after = "P2W" }</c> or <c>new { value = new { expression = "1 + 1" } }</c>.
    /// </summary>
    public DefinitionBuilder Activity(string id, string type, object? inputs = null, int? typeVersion = null, string? displayName = null)
    {
        _activities.Add(new ActivityNode
        {
            Id = id,
            Type = type,
            TypeVersion = typeVersion,
            DisplayName = displayName,
            Inputs = ToInputs(inputs),
        });
        return this;
    }

    /// <summary>Connects <paramref name="source"/>'s outcome <paramref name="port"/> to <paramref name="target"/>.</summary>
    public DefinitionBuilder Connect(string source, string port, string target, string targetPort = Ports.In)
    {
        _connections.Add(new ConnectionModel
        {
            Source = new EndpointModel { Activity = source, Port = port },
            Target = new EndpointModel { Activity = target, Port = targetPort },
        });
        return this;
    }

    /// <summary>Connects each activity's <c>Done</c> port to the next: <c>.Chain("start", "set", "end")</c>.</summary>
    public DefinitionBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], Ports.Done, ids[i]);
        }

        return this;
    }

    public DefinitionBuilder Variable(string name, JsonNode? defaultValue = null, string type = "json")
    {
        _variables.Add(new VariableDefinition { Name = name, Type = type, Default = defaultValue?.DeepClone() });
        return this;
    }

    public DefinitionBuilder Input(string name, string type = "string", bool required = false)
    {
        _inputs.Add(new InputDefinition { Name = name, Type = type, Required = required });
        return this;
    }

    /// <summary>A new model each call; input values are copied, so changing one model leaves the builder as it was.</summary>
    public WorkflowDefinitionModel Build() => new()
    {
        DefinitionId = _definitionId,
        Name = _name,
        Variables = _variables.Select(v => new VariableDefinition { Name = v.Name, Type = v.Type, Default = v.Default?.DeepClone() }).ToList(),
        Inputs = _inputs.Select(i => new InputDefinition { Name = i.Name, Type = i.Type, Required = i.Required, DisplayName = i.DisplayName }).ToList(),
        Root = new FlowchartModel
        {
            Activities = _activities.Select(a => new ActivityNode
            {
                Id = a.Id,
                Type = a.Type,
                TypeVersion = a.TypeVersion,
                DisplayName = a.DisplayName,
                Inputs = a.Inputs.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()),
            }).ToList(),
            Connections = _connections.Select(c => new ConnectionModel
            {
                Source = new EndpointModel { Activity = c.Source.Activity, Port = c.Source.Port },
                Target = new EndpointModel { Activity = c.Target.Activity, Port = c.Target.Port },
            }).ToList(),
        },
    };

    /// <summary>The definition as indented JSON, as a file in <c>workflow-definitions/</c> would hold it.</summary>
    public string ToJson() => JsonSerializer.Serialize(Build(), WorkflowJson.Indented);

    private static Dictionary<string, JsonNode?> ToInputs(object? inputs)
    {
        var json = inputs switch
        {
            null => [],
            JsonObject o => o.DeepClone().AsObject(),
            string text => JsonNode.Parse(text)?.AsObject() ?? [],
            _ => JsonSerializer.SerializeToNode(inputs, WorkflowJson.Options)?.AsObject() ?? [],
        };
        return json.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone());
    }
}
