using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// A validated definition prepared for execution: nodes resolved to their activity type version, connections
/// indexed by source port. Immutable and cached per stored version.
/// </summary>
public sealed class CompiledDefinition
{
    private readonly Dictionary<string, CompiledNode> _nodes;
    private readonly Dictionary<(string Activity, string Port), ConnectionModel[]> _outgoing;
    private readonly Dictionary<string, HashSet<string>> _ancestors = [];
    private readonly Lock _ancestorsLock = new();

    public CompiledDefinition(string recordId, WorkflowDefinitionModel model, ActivityRegistry registry)
    {
        RecordId = recordId;
        Model = model;
        _nodes = [];
        foreach (var node in model.Root.Activities)
        {
            if (!registry.TryGet(node.Type, node.TypeVersion, out var descriptor, out var activity))
            {
                throw new InvalidOperationException($"Activity type {node.Type} v{node.TypeVersion} is not registered.");
            }

            _nodes[node.Id] = new CompiledNode(node, descriptor, activity, NodePorts.For(descriptor, node));
        }

        _outgoing = model.Root.Connections
            .GroupBy(c => (c.Source.Activity, c.Source.Port))
            .ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var group in model.Root.Connections.GroupBy(c => c.Target.Activity))
        {
            if (_nodes.TryGetValue(group.Key, out var target))
            {
                target.Inbound = group.Select(c => c.Key).Distinct().ToArray();
            }
        }

        StartNodeId = _nodes.Values.First(n => n.Descriptor.IsStart).Node.Id;
    }

    public string RecordId { get; }
    public WorkflowDefinitionModel Model { get; }
    public string DefinitionId => Model.DefinitionId;
    public int Version => Model.Version ?? 0;
    public string StartNodeId { get; }

    public CompiledNode Node(string id) => _nodes[id];

    public bool TryGetNode(string id, out CompiledNode node) => _nodes.TryGetValue(id, out node!);

    public IReadOnlyList<ConnectionModel> Outgoing(string activityId, string port) =>
        _outgoing.TryGetValue((activityId, port), out var list) ? list : [];

    /// <summary>The activities from which <paramref name="activityId"/> can be reached.</summary>
    public IReadOnlySet<string> Ancestors(string activityId)
    {
        lock (_ancestorsLock)
        {
            if (_ancestors.TryGetValue(activityId, out var cached))
            {
                return cached;
            }

            var incoming = Model.Root.Connections.ToLookup(c => c.Target.Activity, c => c.Source.Activity);
            var seen = new HashSet<string>();
            var stack = new Stack<string>();
            stack.Push(activityId);
            while (stack.Count > 0)
            {
                foreach (var source in incoming[stack.Pop()])
                {
                    if (seen.Add(source))
                    {
                        stack.Push(source);
                    }
                }
            }

            _ancestors[activityId] = seen;
            return seen;
        }
    }
}

public sealed class CompiledNode(ActivityNode node, ActivityDescriptor descriptor, Activity activity, IReadOnlyList<string> ports)
{
    public ActivityNode Node { get; } = node;
    public ActivityDescriptor Descriptor { get; } = descriptor;
    public Activity Activity { get; } = activity;
    public IReadOnlyList<string> Ports { get; } = ports;

    /// <summary>Keys of the distinct connections that lead into this node.</summary>
    public IReadOnlyList<string> Inbound { get; internal set; } = [];
}

/// <summary>Works out the outcome ports of a node: fixed ones plus those named by an input (Fork, Switch).</summary>
public static class NodePorts
{
    public static IReadOnlyList<string> For(ActivityDescriptor descriptor, ActivityNode node)
    {
        if (descriptor.PortsFromInput is not { } from)
        {
            return descriptor.Ports;
        }

        var ports = new List<string>(descriptor.Ports);
        ports.AddRange(from.Extra);
        node.Inputs.TryGetValue(from.InputName, out var value);
        value ??= descriptor.FindInput(from.InputName)?.Default;
        if (value is JsonArray array)
        {
            foreach (var item in array)
            {
                var name = item switch
                {
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    JsonObject o when from.NameProperty is not null && o[from.NameProperty] is JsonValue n && n.TryGetValue<string>(out var s) => s,
                    _ => null,
                };
                if (!string.IsNullOrEmpty(name) && !ports.Contains(name))
                {
                    ports.Add(name);
                }
            }
        }

        return ports;
    }
}
