using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>Where a step of the route stands for this proposal.</summary>
public enum StepState
{
    Done,
    Now,
    Ahead,
}

/// <summary>One step on the proposal's own path, with the day it was done, began or is expected.</summary>
/// <param name="Day">The day it was done (done), began (now) or is expected to be done (ahead); null when not known.</param>
public sealed record PathStep(string ActivityId, string Title, StepState State, DateOnly? Day)
{
    /// <summary>"20 januari 2027" (done), "sinds 20 januari 2027" (now) or "verwacht 8 juli 2027" (ahead); null when not known.</summary>
    public string? When => Day is not { } day ? null : State switch
    {
        StepState.Done => DutchFormat.Day(day),
        StepState.Now => "sinds " + DutchFormat.Day(day),
        _ => "verwacht " + DutchFormat.Day(day),
    };

    /// <summary>The state in words, for the list and the diagram's mark (never colour alone).</summary>
    public string StateText => State switch
    {
        StepState.Done => "Gedaan",
        StepState.Now => "Nu",
        _ => "Nog te gaan",
    };
}

/// <summary>
/// The route as this proposal takes it: the steps done (in the order they were done), the steps it is at now, and the
/// steps ahead as the route simulation expects them from here, with the expected decision. The other steps of the
/// definition, the branches this proposal does not take, are counted apart.
/// </summary>
/// <param name="Other">The steps of the definition that are not on this path.</param>
/// <param name="Decision">"8 juli 2027 (AB)": the expected decision, simulated from where the proposal is now; null when none lies ahead.</param>
/// <param name="Unforeseen">Why the steps ahead could not be simulated; null when they could (or none are left).</param>
/// <param name="Decided">"7 juli 2027 (AB)": the decision already taken, when the route's decision step is done; else null.</param>
public sealed record ProposalRoute(IReadOnlyList<PathStep> Path, IReadOnlyList<ActivityNode> Other, string? Decision, string? Unforeseen, string? Decided = null)
{
    /// <summary>Steps that steer the route (start, switches, joins) rather than being work someone does.</summary>
    private static readonly HashSet<string> Steering = new(StringComparer.Ordinal) { "Start", "End", "Switch", "Decision", "Fork", "Join", "SetVariable" };

    public static bool IsStep(ActivityNode node) => !Steering.Contains(node.Type);

    /// <summary>Builds the path from the journal, the tokens and a simulation of the rest.</summary>
    /// <param name="names">What a person reads for each step (<c>StepDeclarations.StepNames</c>).</param>
    public static ProposalRoute Of(InstanceView instance, WorkflowDefinitionModel definition, IReadOnlyList<JournalEntry> journal,
        IReadOnlyDictionary<string, string> names, RouteSimulator simulator, GovernanceSnapshot governance, DateOnly today)
    {
        var nodes = definition.Root.Activities.ToDictionary(a => a.Id);
        bool Shown(string id) => nodes.TryGetValue(id, out var node) && IsStep(node);
        string Title(string id) => names.GetValueOrDefault(id, id);

        var current = instance.Tokens.Where(t => Shown(t.ActivityId)).DistinctBy(t => t.ActivityId).ToList();
        var currentIds = current.Select(t => t.ActivityId).ToHashSet(StringComparer.Ordinal);
        var path = new List<PathStep>();
        foreach (var done in journal.Where(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId is { } id && Shown(id) && !currentIds.Contains(id))
                     .GroupBy(j => j.ActivityId!).Select(g => g.Last()).OrderBy(j => j.Sequence))
        {
            path.Add(new PathStep(done.ActivityId!, Title(done.ActivityId!), StepState.Done, DutchTime.Today(done.At)));
        }

        // The day a step began is when the journal last saw it start (a round stays the same step while it asks for
        // reactions); else its oldest open request.
        DateOnly? Since(TokenView token) =>
            journal.LastOrDefault(j => j.Kind == JournalKinds.ActivityStarted && j.ActivityId == token.ActivityId)?.At is { } at ? DutchTime.Today(at)
            : token.Bookmarks.Count > 0 ? DutchTime.Today(token.Bookmarks.Min(b => b.CreatedAt))
            : null;
        foreach (var token in current)
        {
            path.Add(new PathStep(token.ActivityId, Title(token.ActivityId), StepState.Now, Since(token)));
        }

        string? decision = null;
        string? unforeseen = null;
        if (instance.Status is WorkflowStatus.Suspended or WorkflowStatus.Faulted && current.Count > 0)
        {
            try
            {
                var from = current.Select(t => (t.ActivityId, Since(t) ?? today)).ToList();
                var simulated = simulator.SimulateFrom(definition, instance.Input, instance.Variables, from, today, governance);
                var listed = path.Select(p => p.ActivityId).ToHashSet(StringComparer.Ordinal);
                foreach (var step in simulated.Steps.Where(s => Shown(s.ActivityId) && !currentIds.Contains(s.ActivityId)))
                {
                    // A step already done that lies ahead again (a postponed item) keeps its place as done.
                    if (listed.Add(step.ActivityId))
                    {
                        path.Add(new PathStep(step.ActivityId, Title(step.ActivityId), StepState.Ahead, step.Date));
                    }
                }

                if (simulated.DecisionDate is { } day)
                {
                    var held = simulated.Steps.LastOrDefault(s => s.IsDecision)?.Meeting;
                    var body = held is null ? null : governance.Calendar.Meetings.FirstOrDefault(m => m.Id == held.Id)?.Body is { } bodyId ? governance.Model.FindBody(bodyId) : null;
                    decision = DutchFormat.Day(day) + (body is null ? "" : $" ({Short(body)})");
                }
            }
            catch (SimulationException ex)
            {
                // A missing meeting or an endless loop is said as the simulation says it; a message about a step or an
                // expression names them by code (for the designer), so the page says it in general words.
                unforeseen = ex.Message.Contains('\'', StringComparison.Ordinal) ? "een stap van deze route is niet vooruit te rekenen." : ex.Message;
            }
        }

        var onPath = path.Select(p => p.ActivityId).ToHashSet(StringComparer.Ordinal);
        var other = definition.Root.Activities.Where(a => IsStep(a) && !onPath.Contains(a.Id)).ToList();
        return new ProposalRoute(path, other, decision, unforeseen, decision is null ? DecidedDay(instance, definition, path, simulator, governance) : null);
    }

    /// <summary>
    /// The decision taken, when no decision lies ahead: which step decides is read from a simulation of the whole route
    /// (the route knows it, the page does not), and its day from the journal.
    /// </summary>
    private static string? DecidedDay(InstanceView instance, WorkflowDefinitionModel definition, IReadOnlyList<PathStep> path, RouteSimulator simulator, GovernanceSnapshot governance)
    {
        try
        {
            var whole = simulator.Simulate(definition, instance.Input, DutchTime.Today(instance.CreatedAt), governance);
            if (whole.Steps.LastOrDefault(s => s.IsDecision) is not { } decision
                || path.LastOrDefault(p => p.ActivityId == decision.ActivityId && p.State == StepState.Done)?.Day is not { } day)
            {
                return null;
            }

            var body = decision.Meeting is null ? null : governance.Calendar.Meetings.FirstOrDefault(m => m.Id == decision.Meeting.Id)?.Body is { } id ? governance.Model.FindBody(id) : null;
            return DutchFormat.Day(day) + (body is null ? "" : $" ({Short(body)})");
        }
        catch (SimulationException)
        {
            return null; // the whole route cannot be walked today (e.g. its early meetings are gone from the calendar)
        }
    }

    /// <summary>The boards by the letters a secretariat uses; other bodies by their name.</summary>
    public static string Short(Body body) => body.Kind switch
    {
        BodyKind.AlgemeenBestuur => "AB",
        BodyKind.DagelijksBestuur => "DB",
        _ => body.Name,
    };
}
