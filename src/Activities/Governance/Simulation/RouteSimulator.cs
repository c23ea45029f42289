using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Definitions.Rules;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Activities.Governance.Proposals;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>One step of a simulated route, as the overview shows it.</summary>
/// <param name="DisplayName">The step's title in the definition; null when it has none.</param>
/// <param name="Kind">What kind of step it is, as the designer's palette names it ("Ambtelijke voorbereiding").</param>
public sealed record RouteStep(string ActivityId, string Type, string? DisplayName, DateOnly Date, string Port, string Description,
    RouteMeeting? Meeting, string? Deadline, IReadOnlyList<string> Skipped, bool IsDecision, string? Kind = null)
{
    /// <summary>What a step without a title is called where people read the route.</summary>
    public const string UntitledStep = "Stap zonder titel";

    /// <summary>
    /// The step as people read it: its title, or for a step without one "Stap zonder titel (Ambtelijke voorbereiding)";
    /// never empty, never a code.
    /// </summary>
    public string Title => TitleOf(DisplayName, Kind);

    /// <summary>A step's title, or the placeholder with its kind when it has none (the designer says the same).</summary>
    public static string TitleOf(string? displayName, string? kind) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName.Trim()
        : string.IsNullOrWhiteSpace(kind) ? UntitledStep
        : $"{UntitledStep} ({kind.Trim()})";

    /// <summary>The day the step is done, in words: "20 januari 2027".</summary>
    public string DateText => DutchFormat.Day(Date);
}

/// <summary>A meeting on the route, with its documents deadline.</summary>
public sealed record RouteMeeting(string Id, string Body, DateOnly Date, string DocumentsDeadline)
{
    /// <summary>The meeting's day in words: "20 januari 2027".</summary>
    public string DateText => DutchFormat.Day(Date);
}

/// <summary>A simulated route: the earliest decision date and every meeting and deadline on the way.</summary>
public sealed record SimulatedRoute(string DefinitionId, int Version, JsonObject Input, DateOnly Start, DateOnly? DecisionDate, DateOnly End,
    int LeadTimeDays, IReadOnlyList<RouteStep> Steps, IReadOnlyList<RouteMeeting> Meetings)
{
    /// <summary>The decision day in words, or "geen besluit" when the route reaches no decision.</summary>
    public string DecisionText => DecisionDate is { } day ? DutchFormat.Day(day) : "geen besluit";

    /// <summary>The lead time to the decision (or the end) in words: "126 dagen".</summary>
    public string LeadTimeText => DutchFormat.Count(Math.Max(0, LeadTimeDays), "dag", "dagen");
}

/// <summary>Both governance models side by side, for one kind and start date.</summary>
/// <param name="ExtraDaysWithBacs">How many days later the model with BACs decides (negative: earlier).</param>
/// <param name="ExtraMeetingsWithBacs">How many more meetings the route passes in the model with BACs.</param>
public sealed record ModelComparison(SimulatedRoute MetBacs, SimulatedRoute ZonderBacs, int ExtraDaysWithBacs, int ExtraMeetingsWithBacs);

/// <summary>
/// Walks a definition without running it: from a start date, each step takes the day its meeting or deadline
/// falls on (the next meeting whose documents deadline can still be met, the legal period of a zienswijzenronde,
/// the expected preparation time), and decisions and switches are evaluated on the given input, so a proposal kind
/// takes its own branch. Every step leaves by its expected outcome (positive advice, adopted): the result is the
/// earliest decision date the jaarkalender allows.
/// </summary>
public sealed class RouteSimulator(ActivityRegistry registry, IExpressionEvaluator evaluator, DeadlineCalculator deadlines)
{
    /// <summary>The input that selects the governance model in the shipped definitions.</summary>
    public const string ModelInput = "bestuursmodel";

    /// <summary>The proposal's title input; a simulation may run without it.</summary>
    public const string TitleInput = "titel";

    /// <summary>
    /// The title the route's texts are built with when the simulation is given none, so a subject such as
    /// <c>'Besluit algemeen bestuur: ' + input.titel</c> reads "Besluit algemeen bestuur: (zonder titel)", not "… undefined".
    /// </summary>
    public const string UntitledProposal = ProposalInput.Untitled;

    private const int MaxSteps = 500;

    public ModelComparison Compare(WorkflowDefinitionModel definition, JsonObject input, DateOnly start, GovernanceSnapshot governance)
    {
        var with = (JsonObject)input.DeepClone();
        with[ModelInput] = "metBacs";
        var without = (JsonObject)input.DeepClone();
        without[ModelInput] = "zonderBacs";
        var a = Simulate(definition, with, start, governance);
        var b = Simulate(definition, without, start, governance);
        return new ModelComparison(a, b, (a.DecisionDate ?? a.End).DayNumber - (b.DecisionDate ?? b.End).DayNumber, a.Meetings.Count - b.Meetings.Count);
    }

    /// <exception cref="SimulationException">The route cannot be walked (no meeting left, a step that cannot be simulated, a loop).</exception>
    public SimulatedRoute Simulate(WorkflowDefinitionModel definition, JsonObject input, DateOnly start, GovernanceSnapshot governance)
    {
        var compiled = new CompiledDefinition("simulatie", definition, registry);
        var variables = definition.Variables.ToDictionary(v => v.Name, v => v.Default?.DeepClone());
        return Walk(compiled, definition, input, variables, [(compiled.StartNodeId, start)], start, governance);
    }

    /// <summary>
    /// The rest of a running route: from the steps it waits on now (each from the day it began, so a round's legal
    /// period counts from its dispatch), with the variables it holds so far (the meeting it is on). Nothing ahead is
    /// done before <paramref name="today"/>: a step whose day has passed is done today at the earliest.
    /// </summary>
    /// <param name="from">The steps the proposal is at now, each with the day it began.</param>
    /// <exception cref="SimulationException">The route cannot be walked from there.</exception>
    public SimulatedRoute SimulateFrom(WorkflowDefinitionModel definition, JsonObject input, IReadOnlyDictionary<string, JsonNode?> variables,
        IReadOnlyList<(string ActivityId, DateOnly Since)> from, DateOnly today, GovernanceSnapshot governance)
    {
        var compiled = new CompiledDefinition("simulatie", definition, registry);
        var current = definition.Variables.ToDictionary(v => v.Name, v => v.Default?.DeepClone());
        foreach (var (name, value) in variables)
        {
            current[name] = value?.DeepClone();
        }

        return Walk(compiled, definition, input, current, from, today, governance);
    }

    private SimulatedRoute Walk(CompiledDefinition compiled, WorkflowDefinitionModel definition, JsonObject input, Dictionary<string, JsonNode?> variables,
        IReadOnlyList<(string ActivityId, DateOnly Since)> from, DateOnly start, GovernanceSnapshot governance)
    {
        var given = input;
        if (input[TitleInput] is not JsonValue title || !title.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            input = (JsonObject)input.DeepClone();
            input[TitleInput] = UntitledProposal;
        }

        var steps = new List<RouteStep>();
        var passes = new Dictionary<string, int>();
        var arrivals = new Dictionary<string, List<DateOnly>>();
        var joined = new HashSet<string>();
        var queue = new PriorityQueue<(string Node, DateOnly Date), (DateOnly, long)>();
        long order = 0;
        foreach (var (node, since) in from)
        {
            queue.Enqueue((node, since), (since, order++));
        }
        DateOnly? end = null;
        var count = 0;
        while (end is null && queue.TryDequeue(out var token, out _))
        {
            if (++count > MaxSteps)
            {
                throw new SimulationException("De route komt niet tot een einde (een lus zonder uitweg bij de verwachte uitkomsten).");
            }

            var node = compiled.Node(token.Node);
            // The engine's own steps (Decision, Join, SetVariable, Timer) are read by key as the engine reads them; a
            // governance step reads its node into its input record (SimulationContext.Inputs).
            JsonNode? Read(string name) => InputValue(node, name, variables, input);
            // A step reads all its inputs at once; one whose expression needs what only a running instance has (a
            // zienswijzen round's answers in a mail's text) is unknown ahead of time and reads as its default.
            JsonNode? ReadKnown(string name)
            {
                try
                {
                    return Read(name);
                }
                catch (SimulationException)
                {
                    return null;
                }
            }

            string? Text(string name) => InputValues.Convert<string>(Read(name), name) is { Length: > 0 } text ? text : null;
            var ports = new List<string>();
            var date = token.Date;
            switch (node.Descriptor.Type)
            {
                case "Start" or "WaitForSignal":
                    ports.Add(Ports.Done);
                    break;
                case "End":
                    end = date;
                    continue;
                case "Decision":
                    ports.Add(InputValues.Truthy(Read("condition")) ? "True" : "False");
                    break;
                case "Switch":
                    var match = node.Node.Inputs["cases"]!.AsArray().OfType<JsonObject>()
                        .FirstOrDefault(c => Holds(c["condition"], variables, input));
                    ports.Add(match?["name"]?.GetValue<string>() ?? "Default");
                    break;
                case "Fork":
                    ports.AddRange(node.Ports);
                    break;
                case "Join":
                    var list = arrivals.TryGetValue(node.Node.Id, out var l) ? l : arrivals[node.Node.Id] = [];
                    list.Add(date);
                    var mode = Text("mode") ?? "all";
                    var needed = mode == "all" ? Math.Max(1, node.Inbound.Count) : mode == "any" ? 1 : Math.Clamp(InputValues.Convert<int?>(Read("count"), "count") ?? 1, 1, Math.Max(1, node.Inbound.Count));
                    if (list.Count < needed || !joined.Add(node.Node.Id + ":" + passes.GetValueOrDefault(node.Node.Id)))
                    {
                        continue;
                    }

                    passes[node.Node.Id] = passes.GetValueOrDefault(node.Node.Id) + 1;
                    date = list.Max();
                    arrivals.Remove(node.Node.Id);
                    ports.Add(Ports.Done);
                    break;
                case "SetVariable":
                    variables[Text("variable")!] = Read("value")?.DeepClone();
                    ports.Add(Ports.Done);
                    break;
                case "Timer":
                    if (Text("after") is { } after)
                    {
                        date = IsoDuration.Parse(after).AddTo(date);
                    }
                    else if (Text("at") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
                    {
                        date = Max(date, Bestuur.Today(moment));
                    }

                    ports.Add(Ports.Done);
                    var wait = Text("after") is { } period ? $"Wachttijd van {DutchFormat.Duration(period)}" : $"Wachttijd tot {DutchFormat.Day(date)}";
                    steps.Add(new RouteStep(node.Node.Id, node.Descriptor.Type, node.Node.DisplayName, date, Ports.Done, wait, null, null, [], false, node.Descriptor.DisplayName));
                    break;
                default:
                    if (node.Activity is not ISimulatedActivity simulated)
                    {
                        throw new SimulationException($"Stap '{node.Node.Id}' ({node.Descriptor.DisplayName}) kan niet gesimuleerd worden.");
                    }

                    var pass = passes.GetValueOrDefault(node.Node.Id);
                    passes[node.Node.Id] = pass + 1;
                    SimulatedStep step;
                    try
                    {
                        step = simulated.Simulate(new SimulationContext(date, ReadKnown, governance, deadlines, variables) { Pass = pass });
                    }
                    catch (InvalidOperationException ex)
                    {
                        throw new SimulationException($"Stap '{node.Node.Id}': {ex.Message}");
                    }

                    date = Max(Max(date, step.Date), start);
                    ports.Add(step.Port);
                    var meeting = step.Meeting is { } m
                        ? new RouteMeeting(m.Id, governance.Model.FindBody(m.Body)?.Name ?? m.Body, m.Date, m.DocumentsDeadline.Display)
                        : null;
                    steps.Add(new RouteStep(node.Node.Id, node.Descriptor.Type, node.Node.DisplayName, date, step.Port, step.Description,
                        meeting, step.Deadline?.Display, step.Skipped ?? [], step.IsDecision, node.Descriptor.DisplayName));
                    break;
            }

            foreach (var port in ports)
            {
                foreach (var connection in compiled.Outgoing(node.Node.Id, port))
                {
                    queue.Enqueue((connection.Target.Activity, date), (date, order++));
                }
            }
        }

        var last = end ?? steps.LastOrDefault()?.Date ?? start;
        var decision = steps.LastOrDefault(s => s.IsDecision)?.Date;

        // A meeting counts once, at the step that held it (Agenderen names it, the advice or decision sits in it).
        var meetings = steps.Where(s => s.Meeting is not null && s.Type != "Agenderen").Select(s => s.Meeting!).DistinctBy(m => m.Id).ToList();
        return new SimulatedRoute(definition.DefinitionId, definition.Version ?? 0, given, start, decision, last,
            (decision ?? last).DayNumber - start.DayNumber, steps, meetings);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private JsonNode? InputValue(CompiledNode node, string name, IDictionary<string, JsonNode?> variables, JsonObject input)
    {
        var descriptor = node.Descriptor.FindInput(name);
        if (!node.Node.Inputs.TryGetValue(name, out var raw) || raw is null)
        {
            raw = descriptor?.Default;
        }

        if (raw is null)
        {
            return null;
        }

        // The same reading as the running engine (ActivityContext.GetInputValue): rules and computed values natively.
        return Guarded(() => RouteValues.EvaluateInput(raw, descriptor?.Type == InputType.Expression, Scope(variables, input)));
    }

    /// <summary>Whether a Switch case's condition holds, as the engine's Switch decides it.</summary>
    private bool Holds(JsonNode? condition, IDictionary<string, JsonNode?> variables, JsonObject input) =>
        Guarded(() => RouteRule.Holds(condition, Scope(variables, input)));

    private RouteScope Scope(IDictionary<string, JsonNode?> variables, JsonObject input) =>
        new(input, variables.AsReadOnly(), (expression, globals) =>
        {
            try
            {
                return evaluator.Evaluate(expression, globals);
            }
            catch (ExpressionException ex)
            {
                throw new SimulationException($"Expressie '{expression}': {ex.Message}");
            }
        });

    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RouteRuleException ex)
        {
            throw new SimulationException(ex.Message);
        }
    }
}
