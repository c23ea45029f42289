using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>
/// An activity that can say, without running, when it would be done on the jaarkalender and through which port
/// its expected (favourable) outcome leaves. The route simulation walks a definition with it.
/// </summary>
public interface ISimulatedActivity
{
    SimulatedStep Simulate(SimulationContext context);
}

/// <summary>What a simulated step sees: the day the route reaches it, its inputs, the calendar and the variables so far.</summary>
public sealed class SimulationContext(DateOnly date, Func<string, JsonNode?> readInput, GovernanceSnapshot governance, DeadlineCalculator deadlines,
    IDictionary<string, JsonNode?> variables)
{
    public DateOnly Date { get; } = date;

    /// <summary>The node's inputs read into the step's input record, by the same reader as in a running step.</summary>
    public TInputs Inputs<TInputs>()
        where TInputs : class, new() => InputRecord.Read<TInputs>(readInput);

    public GovernanceSnapshot Governance { get; } = governance;
    public DeadlineCalculator Deadlines { get; } = deadlines;
    public IDictionary<string, JsonNode?> Variables { get; } = variables;

    /// <summary>How many times the route has passed this step before (an item postponed to a later meeting).</summary>
    public int Pass { get; init; }
}

/// <summary>
/// One step of a simulated route: where it leaves, on which day, and the meeting or deadline that set that day.
/// </summary>
/// <param name="Port">The port the expected outcome leaves through.</param>
/// <param name="Date">The day the step is done.</param>
/// <param name="Description">A Dutch line for the route overview, e.g. "Algemeen bestuur besluit in de vergadering van 9 september 2026".</param>
/// <param name="Skipped">Meetings passed by, each with why (a documents deadline already passed).</param>
public sealed record SimulatedStep(string Port, DateOnly Date, string Description, Meeting? Meeting = null, Deadline? Deadline = null,
    IReadOnlyList<string>? Skipped = null, bool IsDecision = false);
