using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>
/// Which outcome a step takes in a simulation instead of its expected one: given the step's id, how many times the
/// route passed it before, and its expected port; null keeps the expected port.
/// </summary>
public delegate string? OutcomeChoice(string activityId, int pass, string expectedPort);

public sealed partial class RouteSimulator
{
    /// <summary>
    /// A simulation in which some steps leave by a chosen outcome (port) instead of the expected one: a chosen outcome
    /// applies the first time the route passes that step; later passes take the expected one, so a loop back (negative
    /// advice, sent back) is taken at most once and the walk still ends.
    /// </summary>
    /// <param name="outcomes">Per step id, the port to take on its first pass.</param>
    /// <exception cref="SimulationException">The route cannot be walked.</exception>
    public SimulatedRoute Simulate(WorkflowDefinitionModel definition, JsonObject input, DateOnly start, GovernanceSnapshot governance,
        IReadOnlyDictionary<string, string> outcomes)
    {
        var compiled = new CompiledDefinition("simulatie", definition, registry);
        var variables = definition.Variables.ToDictionary(v => v.Name, v => v.Default?.DeepClone());
        return Walk(compiled, definition, input, variables, [(compiled.StartNodeId, start)], start, governance,
            (activityId, pass, _) => pass == 0 && outcomes.TryGetValue(activityId, out var port) ? port : null);
    }
}
