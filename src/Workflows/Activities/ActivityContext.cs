using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Definitions.Rules;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Workflows.Activities;

/// <summary>What an activity sees of its instance while it runs: inputs, variables, its own state, the clock.</summary>
public sealed class ActivityContext
{
    private readonly Burst _burst;
    private readonly CompiledNode _node;
    private readonly TokenState _token;
    private Dictionary<string, JsonNode?>? _globals;
    private IRouteScope? _scope;

    internal ActivityContext(Burst burst, CompiledNode node, TokenState token)
    {
        _burst = burst;
        _node = node;
        _token = token;
    }

    public string InstanceId => _burst.InstanceId;
    public string ActivityId => _node.Node.Id;
    public ActivityNode Node => _node.Node;
    public ActivityDescriptor Descriptor => _node.Descriptor;
    public DateTimeOffset Now => _burst.Now;
    public Trigger Trigger => _burst.Trigger;
    public IServiceProvider Services => _burst.Services;

    /// <summary>The connection through which the current token arrived (null at the start).</summary>
    public string? ArrivedVia => _token.ArrivedVia;

    /// <summary>The distinct connections that lead into this activity.</summary>
    public IReadOnlyList<string> InboundConnections => _node.Inbound;

    /// <summary>The ports this node has (fixed ones plus those from its inputs).</summary>
    public IReadOnlyList<string> Ports => _node.Ports;

    /// <summary>The instance's input, as given at the start and amended since (by the host, or by a step that changes it, such as an amended decision).</summary>
    public JsonObject WorkflowInput => _burst.State.Input;

    /// <summary>State this activity keeps in the instance between arrivals and resumes.</summary>
    public JsonObject State
    {
        get
        {
            if (!_burst.State.ActivityStates.TryGetValue(ActivityId, out var state))
            {
                state = [];
                _burst.State.ActivityStates[ActivityId] = state;
            }

            return state;
        }
    }

    public void ClearState() => _burst.State.ActivityStates.Remove(ActivityId);

    public JsonNode? GetVariable(string name) => _burst.State.Variables.TryGetValue(name, out var v) ? v : null;

    public void SetVariable(string name, JsonNode? value)
    {
        _burst.State.Variables[name] = value?.DeepClone();
        _globals = null;
    }

    /// <summary>Sets the instance's result, kept after it finished.</summary>
    public void SetResult(JsonNode? value) => _burst.State.Result = value?.DeepClone();

    /// <summary>The evaluated value of an input (literal, expression or declared default).</summary>
    public JsonNode? GetInputValue(string name)
    {
        if (!_node.Node.Inputs.TryGetValue(name, out var raw) || raw is null)
        {
            raw = _node.Descriptor.FindInput(name)?.Default;
        }

        if (raw is null)
        {
            return null;
        }

        // A condition input (the Decision's) is a rule, or JavaScript for administrators; any other input a literal
        // or a computed value (perValue, choose, template, expression). See RouteValues.
        var isCondition = _node.Descriptor.FindInput(name)?.Type == InputType.Expression;
        return RouteValues.EvaluateInput(raw, isCondition, Scope);
    }

    /// <summary>What rules and computed values read here: the instance's input and variables, JavaScript through Jint.</summary>
    public IRouteScope Scope => _scope ??= new ContextScope(this);

    /// <summary>The node's inputs read into the activity's input record (see <see cref="IHasInputs{TInputs}"/>).</summary>
    public TInputs Inputs<TInputs>()
        where TInputs : class, new() => InputRecord.Read<TInputs>(GetInputValue);

    public T? GetInput<T>(string name) => InputValues.Convert<T>(GetInputValue(name), name);

    public bool HasInput(string name) => _node.Node.Inputs.TryGetValue(name, out var raw) && raw is not null;

    /// <summary>Evaluates a JavaScript expression with <c>variables</c> and <c>input</c> in scope.</summary>
    public JsonNode? Evaluate(string expression)
    {
        _globals ??= new Dictionary<string, JsonNode?>
        {
            ["variables"] = new JsonObject(_burst.State.Variables.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))),
            ["input"] = _burst.State.Input.DeepClone(),
        };
        return _burst.Evaluator.Evaluate(expression, _globals);
    }

    /// <summary>Queues a message in the outbox, written in the same transaction as this step.</summary>
    public void AddOutboxMessage(string kind, JsonObject payload) => _burst.AddOutbox(kind, payload);

    /// <summary>Writes a note in the journal.</summary>
    public void Journal(string kind, string? outcome = null, JsonObject? data = null) =>
        _burst.Journal(kind, ActivityId, _node.Descriptor.Type, outcome, data);

    /// <summary>
    /// Cancels the other tokens that are still on their way to this activity, with their bookmarks and timers
    /// (a Join that completes on "any" or "N of M" stops the branches it no longer needs).
    /// </summary>
    public int CancelConvergingTokens() => _burst.CancelTokensUpstreamOf(ActivityId, _token);

    private sealed class ContextScope(ActivityContext context) : IRouteScope
    {
        public JsonNode? Input(string name) => context.WorkflowInput[name];

        public JsonNode? Variable(string name) => context.GetVariable(name);

        public JsonNode? JavaScript(string expression) => context.Evaluate(expression);
    }
}
