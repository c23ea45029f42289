namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>The route cannot be simulated (no meeting left on the calendar, a step without a simulation).</summary>
public sealed class SimulationException(string message) : Exception(message);
