using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;

using Limits = System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<System.Text.Json.Nodes.JsonNode?>>;

namespace AdviesRoute.Activities.Governance.Simulation;

/// <summary>A step on a path, as people read it, with the outcome the path takes there when it is a decision step.</summary>
/// <param name="Outcome">The outcome's label at a decision step or a choice (Switch) on this path; null elsewhere.</param>
public sealed record PathStep(string ActivityId, string Title, string? Outcome);

/// <summary>
/// One distinct path through a route: its steps, the inputs that lead to it (each line one combination, in words:
/// "Soort: Begroting of Jaarrekening; Bestuursmodel: Met BAC's") and the outcomes other than the expected ones it takes.
/// </summary>
/// <param name="ExpectedOnly">Whether every decision step on it takes its expected outcome (the route simulation's path).</param>
/// <param name="When">The combinations of input values (by code) that lead to it; an input left out may take any value.</param>
/// <param name="ExpectedWhen">Of those, the combinations under which it takes only expected outcomes.</param>
/// <param name="Deviations">How many steps on it take another outcome than the expected one (the lines of <paramref name="Outcomes"/>); the view groups by it.</param>
public sealed record RoutePath(int Number, IReadOnlyList<PathStep> Steps, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outcomes, bool ExpectedOnly,
    IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>>> When, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>>> ExpectedWhen,
    int Deviations);

/// <summary>A warning about a route (not blocking), in Dutch, with the steps it is about.</summary>
/// <param name="Kind">What kind of warning: <c>vergaderingEnSchriftelijk</c>, <c>geenTermijn</c>, <c>onbereikbaar</c>.</param>
public sealed record RouteWarning(string Kind, string Message, IReadOnlyList<string> ActivityIds);

/// <summary>A step no path reaches under any input.</summary>
public sealed record UnreachedStep(string ActivityId, string Title);

/// <summary>Every distinct path through a route, the steps none reaches, and the warnings that come from them.</summary>
/// <param name="Complete">False when the route has more paths than are listed (<see cref="RoutePaths.MaxPaths"/>).</param>
public sealed record RouteAnalysis(IReadOnlyList<RoutePath> Paths, IReadOnlyList<UnreachedStep> Unreached, IReadOnlyList<RouteWarning> Warnings,
    IReadOnlyList<string> BranchInputs, bool Complete);

/// <summary>
/// Lists every distinct path through a route without the calendar: it walks the flowchart, tries each declared value of
/// the inputs the route's rules read (choice and yes/no inputs) when a rule first needs one, every outcome of a decision
/// step (a step that declares more than one) on its first pass and the expected one on later passes (so each loop is
/// taken at most once), and both ways of a rule that reads what only the running route knows (a variable a step wrote).
/// The expected outcome of a step is its first declared one, as the route simulation takes it. See ADR 0032.
/// </summary>
public sealed class RoutePaths(ActivityRegistry registry, IExpressionEvaluator evaluator)
{
    /// <summary>At most this many walks are made; a route with more paths is listed in part and says so.</summary>
    public const int MaxPaths = 50000;

    private const int MaxLength = 400;

    /// <exception cref="InvalidOperationException">A step's type is not registered.</exception>
    public RouteAnalysis Analyse(WorkflowDefinitionModel definition)
    {
        var compiled = new CompiledDefinition("paden", definition, registry);
        var declared = RouteInputs.Read(definition);
        var inputs = declared.ToDictionary(i => i.Name);
        var defaults = definition.Variables.ToDictionary(v => v.Name, v => v.Default);
        var variableNames = definition.Variables.ToDictionary(v => v.Name, v => string.IsNullOrWhiteSpace(v.DisplayName) ? v.Name : v.DisplayName!);
        var titles = definition.Root.Activities.ToDictionary(a => a.Id, a => RouteStep.TitleOf(a.DisplayName, compiled.Node(a.Id).Descriptor.DisplayName));
        var walk = new Walk(this, compiled, inputs, defaults, variableNames);
        var raw = walk.Run();
        var paths = Merge(raw, declared, titles, compiled);
        var reached = raw.SelectMany(p => p.Steps).ToHashSet();
        var unreached = definition.Root.Activities.Where(a => !reached.Contains(a.Id)).Select(a => new UnreachedStep(a.Id, titles[a.Id])).ToList();
        var warnings = Warnings(raw, compiled, titles, inputs, unreached, walk.Complete);
        var branching = declared.Where(d => d.Branches && raw.Any(p => p.Assigned.ContainsKey(d.Name))).Select(d => d.Name).ToList();
        return new RouteAnalysis(paths, unreached, warnings, branching, walk.Complete);
    }

    /// <summary>The expected outcome of a step: its first declared port (the route simulation leaves by it).</summary>
    public static string ExpectedPortOf(CompiledNode node) => ExpectedPort(node);

    /// <summary>Whether a person's answer chooses among the step's outcomes (it declares more than one); Switch and Decision are evaluated, not chosen.</summary>
    public static bool IsDecisionStepOf(CompiledNode node) => IsDecisionStep(node);

    internal static string ExpectedPort(CompiledNode node) => node.Ports.Count > 0 ? node.Ports[0] : Ports.Done;

    /// <summary>Whether the route's people choose among the step's outcomes (more than one declared), rather than a rule.</summary>
    internal static bool IsDecisionStep(CompiledNode node) =>
        node.Descriptor.Type is not ("Switch" or "Decision" or "Fork" or "Join" or "Start" or "End") && node.Descriptor.Ports.Count > 1;

    /// <summary>A decision a path takes: at a step, the port, whether it is the expected one, and what it depends on for a rule that reads what only the running route knows.</summary>
    /// <param name="Same">The outcomes that lead to the same steps as <paramref name="Port"/> (positive advice with or without remarks), taken together.</param>
    internal sealed record Taken(string ActivityId, int Pass, string Port, bool Expected, string? DependsOn, IReadOnlyList<string>? Same = null);

    internal sealed record RawPath(IReadOnlyList<string> Steps, Limits Assigned, IReadOnlyList<Taken> Taken)
    {
        public bool ExpectedOnly => Taken.All(t => t.Expected);
    }

    private sealed class State
    {
        public Limits Assigned { get; set; } = [];
        public List<string> Steps { get; init; } = [];
        public List<Taken> Taken { get; init; } = [];
        public Dictionary<string, int> Passes { get; init; } = [];
        public HashSet<string> Written { get; init; } = [];
        public Queue<string> Tokens { get; init; } = new();
        public Dictionary<string, int> Arrivals { get; init; } = [];

        public State Clone() => new()
        {
            Assigned = Copy(Assigned),
            Steps = [.. Steps],
            Taken = [.. Taken],
            Passes = new(Passes),
            Written = [.. Written],
            Tokens = new(Tokens),
            Arrivals = new(Arrivals),
        };
    }

    private sealed class Walk(RoutePaths owner, CompiledDefinition compiled, IReadOnlyDictionary<string, DeclaredInput> inputs,
        IReadOnlyDictionary<string, JsonNode?> defaults, IReadOnlyDictionary<string, string> variableNames)
    {
        private readonly List<RawPath> _paths = [];
        private readonly Stack<State> _open = new();

        public bool Complete { get; private set; } = true;

        public List<RawPath> Run()
        {
            var first = new State();
            first.Tokens.Enqueue(compiled.StartNodeId);
            _open.Push(first);
            var walks = 0;
            while (_open.TryPop(out var state))
            {
                if (++walks > MaxPaths)
                {
                    Complete = false;
                    break;
                }

                Continue(state);
            }

            return _paths;
        }

        /// <summary>Walks one state until its path ends or it splits (the parts go on the stack, in order).</summary>
        private void Continue(State state)
        {
            while (true)
            {
                if (!state.Tokens.TryPeek(out var id) || state.Steps.Count >= MaxLength)
                {
                    if (state.Steps.Count >= MaxLength)
                    {
                        Complete = false;
                    }

                    Finish(state);
                    return;
                }

                var node = compiled.Node(id);
                var alternatives = Alternatives(node, state);
                if (alternatives is null)
                {
                    // A Join still waiting for its other branches.
                    state.Tokens.Dequeue();
                    continue;
                }

                if (alternatives.Count == 1)
                {
                    Apply(state, node, alternatives[0]);
                    if (node.Descriptor.Type == "End")
                    {
                        Finish(state);
                        return;
                    }

                    continue;
                }

                // Pushed in reverse, so the first alternative (the expected one) is walked first.
                for (var i = alternatives.Count - 1; i >= 0; i--)
                {
                    var branch = state.Clone();
                    Apply(branch, node, alternatives[i]);
                    if (node.Descriptor.Type == "End")
                    {
                        Finish(branch);
                    }
                    else
                    {
                        _open.Push(branch);
                    }
                }

                return;
            }
        }

        private void Finish(State state) => _paths.Add(new RawPath(state.Steps, state.Assigned, state.Taken));

        /// <param name="Assign">The inputs' allowed values on the way on; null keeps them.</param>
        private sealed record Alternative(IReadOnlyList<string> Ports, Limits? Assign, IReadOnlyList<Taken> Taken);

        private void Apply(State state, CompiledNode node, Alternative alternative)
        {
            var id = state.Tokens.Dequeue();
            state.Steps.Add(id);
            if (alternative.Assign is { } limits)
            {
                state.Assigned = limits;
            }

            state.Taken.AddRange(alternative.Taken);
            state.Passes[id] = state.Passes.GetValueOrDefault(id) + 1;
            if (Writes(node) is { } variable)
            {
                state.Written.Add(variable);
            }

            foreach (var port in alternative.Ports)
            {
                foreach (var connection in compiled.Outgoing(id, port))
                {
                    state.Tokens.Enqueue(connection.Target.Activity);
                }
            }
        }

        /// <summary>The variable a step writes: SetVariable's, or a governance step's "variabele" (the meeting, the answers).</summary>
        private static string? Writes(CompiledNode node)
        {
            var key = node.Descriptor.Type == "SetVariable" ? "variable" : "variabele";
            if (node.Descriptor.FindInput(key) is not { } input)
            {
                return null;
            }

            var value = node.Node.Inputs.GetValueOrDefault(key) ?? input.Default;
            return value is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0 ? name : null;
        }

        private static readonly Limits? None = null;

        /// <summary>The ways a path can leave this node; null when a Join waits for more branches.</summary>
        private List<Alternative>? Alternatives(CompiledNode node, State state)
        {
            var id = node.Node.Id;
            switch (node.Descriptor.Type)
            {
                case "End":
                    return [new([], None, [])];
                case "Fork":
                    return [new(node.Ports, None, [])];
                case "Join":
                    var arrived = state.Arrivals[id] = state.Arrivals.GetValueOrDefault(id) + 1;
                    var mode = node.Node.Inputs.GetValueOrDefault("mode") is JsonValue m && m.TryGetValue<string>(out var text) ? text : "all";
                    if (mode == "all" && arrived < Math.Max(1, node.Inbound.Count))
                    {
                        return null;
                    }

                    if (mode != "all" && arrived > 1)
                    {
                        return null;
                    }

                    state.Arrivals.Remove(id);
                    return [new([Ports.Done], None, [])];
                case "Decision" or "Switch":
                    // A rule's ways depend only on the step, its pass, the inputs' values still open and what the path has
                    // written; many paths arrive at the same rule in the same state, so each is worked out once.
                    var key = RuleKey(id, state);
                    if (!_rules.TryGetValue(key, out var known))
                    {
                        known = _rules[key] = node.Descriptor.Type == "Decision"
                            ? Rule(node, state, node.Node.Inputs.GetValueOrDefault("condition"), "True", "False")
                            : Switch(node, state);
                    }

                    return known;
            }

            if (!IsDecisionStep(node))
            {
                return [new([ExpectedPort(node)], None, [])];
            }

            // Outcomes that lead to the same steps are one way (positive advice with or without remarks); the expected way first.
            // Every outcome is tried on a step's first pass, in every combination with the other steps' (ADR 0032).
            var expected = ExpectedPort(node);
            var pass = state.Passes.GetValueOrDefault(id);
            var ways = node.Ports.Where(p => p == expected || compiled.Outgoing(id, p).Count > 0)
                .GroupBy(p => string.Join('|', compiled.Outgoing(id, p).Select(c => c.Target.Activity).Order(StringComparer.Ordinal)))
                .Select(g => g.OrderBy(p => p == expected ? 0 : 1).ToList())
                .OrderBy(g => g.Contains(expected) ? 0 : 1)
                .ToList();
            if (pass > 0)
            {
                ways = ways.Where(g => g.Contains(expected)).Take(1).ToList();
            }

            return ways.Select(g => new Alternative([g[0]], None, [new Taken(id, pass, g[0], g.Contains(expected), null, g)])).ToList();
        }

        private readonly Dictionary<string, List<Alternative>> _rules = [];

        private static string RuleKey(string id, State state)
        {
            var key = new System.Text.StringBuilder(id).Append('#').Append(state.Passes.GetValueOrDefault(id)).Append('|');
            foreach (var written in state.Written.Order(StringComparer.Ordinal))
            {
                key.Append(written).Append(',');
            }

            foreach (var (name, values) in state.Assigned.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                key.Append('|').Append(name).Append('=');
                foreach (var value in values)
                {
                    key.Append(Key(value)).Append(',');
                }
            }

            return key.ToString();
        }

        /// <summary>A Switch: the first case whose rule holds, split by the inputs its rules need and both ways of one that depends on the running route.</summary>
        private List<Alternative> Switch(CompiledNode node, State state)
        {
            var cases = (node.Node.Inputs.GetValueOrDefault("cases") as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (Name: c["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : "", Condition: c["condition"]))
                .Where(c => c.Name.Length > 0).ToList();
            var result = new List<Alternative>();
            Cases(node, state, cases, 0, Copy(state.Assigned), [], result);
            return result;
        }

        private void Cases(CompiledNode node, State state, List<(string Name, JsonNode? Condition)> cases, int index,
            Limits limits, List<Taken> taken, List<Alternative> result)
        {
            var pass = state.Passes.GetValueOrDefault(node.Node.Id);
            if (index == cases.Count)
            {
                result.Add(new([SwitchDefault], limits, [.. taken]));
                return;
            }

            var (name, condition) = cases[index];
            foreach (var (narrowed, answer) in Ways(condition, state, limits))
            {
                switch (answer.Truth)
                {
                    case Truth.True:
                        result.Add(new([name], narrowed, [.. taken]));
                        break;
                    case Truth.False:
                        Cases(node, state, cases, index + 1, narrowed, taken, result);
                        break;
                    default:
                        // Only the running route knows: both ways. The way the route simulation goes (the variable as it starts) is the expected one.
                        var simulated = SimulatorView(condition, state, narrowed);
                        var dependsOn = DependencyName(answer.DependsOn);
                        result.Add(new([name], narrowed, [.. taken, new Taken(node.Node.Id, pass, name, simulated, dependsOn)]));
                        Cases(node, state, cases, index + 1, narrowed, [.. taken, new Taken(node.Node.Id, pass, "!" + name, !simulated, dependsOn)], result);
                        break;
                }
            }
        }

        private const string SwitchDefault = "Default";

        private List<Alternative> Rule(CompiledNode node, State state, JsonNode? condition, string whenTrue, string whenFalse)
        {
            var result = new List<Alternative>();
            var pass = state.Passes.GetValueOrDefault(node.Node.Id);
            foreach (var (narrowed, answer) in Ways(condition, state, Copy(state.Assigned)))
            {
                if (answer.Truth != Truth.Unknown)
                {
                    result.Add(new([answer.Truth == Truth.True ? whenTrue : whenFalse], narrowed, []));
                    continue;
                }

                var simulated = SimulatorView(condition, state, narrowed);
                var dependsOn = DependencyName(answer.DependsOn);
                result.Add(new([whenTrue], narrowed, [new Taken(node.Node.Id, pass, whenTrue, simulated, dependsOn)]));
                result.Add(new([whenFalse], narrowed, [new Taken(node.Node.Id, pass, whenFalse, !simulated, dependsOn)]));
            }

            return result;
        }

        /// <summary>
        /// The ways a rule goes on this path: each input it needs is tried with the values the path still allows, and the
        /// values that give the same answer stay together, so a rule on the kind of proposal splits a path in two (these
        /// kinds, the others), not in nine.
        /// </summary>
        private List<(Limits Limits, RuleAnswer Answer)> Ways(JsonNode? condition, State state, Limits limits)
        {
            var probes = new List<(Dictionary<string, JsonNode?> Probe, RuleAnswer Answer)>();
            void Probe(Dictionary<string, JsonNode?> probe)
            {
                var answer = Evaluate(condition, state, limits, probe);
                if (answer.Truth == Truth.Unknown && answer.NeedsInput is { } input && !probe.ContainsKey(input))
                {
                    foreach (var value in Allowed(limits, input))
                    {
                        Probe(new Dictionary<string, JsonNode?>(probe) { [input] = value });
                    }

                    return;
                }

                probes.Add((probe, answer));
            }

            Probe([]);
            var result = new List<(Limits, RuleAnswer)>();
            foreach (var group in probes.GroupBy(p => (p.Answer.Truth, p.Answer.DependsOn)))
            {
                foreach (var cube in Cubes(group.Select(p => p.Probe.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<JsonNode?>)[kv.Value])), declaredList))
                {
                    var narrowed = Copy(limits);
                    foreach (var (name, values) in cube)
                    {
                        narrowed[name] = values;
                    }

                    result.Add((narrowed, group.First().Answer));
                }
            }

            return result;
        }

        private readonly IReadOnlyList<DeclaredInput> declaredList = [.. inputs.Values];

        private IReadOnlyList<JsonNode?> Allowed(Limits limits, string input) =>
            limits.TryGetValue(input, out var values) ? values : inputs[input].Values;

        /// <summary>What a path knows for certain: the inputs limited to one value, and the values being tried.</summary>
        private static Dictionary<string, JsonNode?> Concrete(Limits limits, IReadOnlyDictionary<string, JsonNode?>? probe)
        {
            var known = limits.Where(kv => kv.Value.Count == 1).ToDictionary(kv => kv.Key, kv => kv.Value[0]);
            foreach (var (name, value) in probe ?? new Dictionary<string, JsonNode?>())
            {
                known[name] = value;
            }

            return known;
        }

        /// <summary>What a rule depends on, as a person reads it: the variable's or input's display name.</summary>
        private string DependencyName(string? subject)
        {
            var parts = (subject ?? "").Split('.');
            return parts switch
            {
                ["variables", var v, ..] => variableNames.GetValueOrDefault(v, v),
                ["input", var i, ..] => inputs.TryGetValue(i, out var d) ? d.DisplayName : i,
                _ => "het verloop van de route",
            };
        }

        private RuleAnswer Evaluate(JsonNode? condition, State state, Limits limits, IReadOnlyDictionary<string, JsonNode?> probe)
        {
            var assigned = Concrete(limits, probe);
            if (condition is JsonObject rule && !InputValues.IsExpression(rule, out _))
            {
                return PathRules.Evaluate(rule, new PathKnowledge(inputs, assigned, defaults, state.Written));
            }

            // JavaScript (administrators' advanced rules): choose every input it names first, then run it; what a step wrote is unknown.
            var code = condition is JsonValue v2 && v2.TryGetValue<string>(out var text) ? text : InputValues.IsExpression(condition, out var expression) ? expression : null;
            if (code is null)
            {
                return RuleAnswer.Of(false);
            }

            foreach (var subject in owner.SubjectsOf(code))
            {
                var parts = subject.Split('.');
                if (parts[0] == "input" && !assigned.ContainsKey(parts[1]) && inputs.TryGetValue(parts[1], out var d) && d.Branches)
                {
                    return new RuleAnswer(Truth.Unknown, NeedsInput: parts[1]);
                }

                if (parts[0] == "variables" && state.Written.Contains(parts[1]))
                {
                    return new RuleAnswer(Truth.Unknown, DependsOn: subject);
                }
            }

            return RuleAnswer.Of(owner.Run(code, assigned, defaults));
        }

        /// <summary>How the route simulation decides the rule: with every variable as it starts (the simulation's steps leave them so).</summary>
        private bool SimulatorView(JsonNode? condition, State state, Limits limits)
        {
            var assigned = Concrete(limits, null);
            if (condition is JsonObject rule && !InputValues.IsExpression(rule, out _))
            {
                return PathRules.Evaluate(rule, new PathKnowledge(inputs, assigned, defaults, new HashSet<string>())).Truth == Truth.True;
            }

            var code = condition is JsonValue literal && literal.TryGetValue<string>(out var text) ? text : InputValues.IsExpression(condition, out var expression) ? expression : null;
            return code is not null && owner.Run(code, assigned, defaults);
        }
    }

    private static Limits Copy(Limits limits) => limits.ToDictionary(kv => kv.Key, kv => kv.Value);

    private readonly Dictionary<string, string[]> _subjects = [];

    private string[] SubjectsOf(string code) =>
        _subjects.TryGetValue(code, out var known) ? known : _subjects[code] = [.. PathRules.Subjects(JsonValue.Create(code))];

    // One analysis asks the same JavaScript on the same inputs on many paths; an instance serves one analysis.
    private readonly Dictionary<string, bool> _runs = [];
    private readonly Dictionary<string, string?> _literals = [];

    private bool Run(string code, IReadOnlyDictionary<string, JsonNode?> assigned, IReadOnlyDictionary<string, JsonNode?> defaults)
    {
        // The same JavaScript on the same inputs gives the same answer; the walk asks it again on many paths.
        var key = code + "\u0000" + string.Join(',', SubjectsOf(code).Where(x => x.StartsWith("input.", StringComparison.Ordinal)).Select(x => x.Split('.')[1]).Distinct()
            .Select(i => i + "=" + (assigned.GetValueOrDefault(i)?.ToJsonString() ?? "")));
        if (_runs.TryGetValue(key, out var known))
        {
            return known;
        }

        return _runs[key] = RunOnce(code, assigned, defaults);
    }

    private bool RunOnce(string code, IReadOnlyDictionary<string, JsonNode?> assigned, IReadOnlyDictionary<string, JsonNode?> defaults)
    {
        try
        {
            var input = new JsonObject(assigned.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
            var variables = new JsonObject(defaults.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
            return InputValues.Truthy(evaluator.Evaluate(code, new Dictionary<string, JsonNode?> { ["input"] = input, ["variables"] = variables }));
        }
        catch (ExpressionException)
        {
            return false;
        }
    }

    private static List<RoutePath> Merge(List<RawPath> raw, IReadOnlyList<DeclaredInput> declared, IReadOnlyDictionary<string, string> titles, CompiledDefinition compiled)
    {
        var result = new List<RoutePath>();
        var groups = raw.GroupBy(p => string.Join('>', p.Steps)).ToList();
        // The paths with only expected outcomes first, in the order found; then the others, the fewest other outcomes first.
        foreach (var group in groups.OrderBy(g => g.Any(p => p.ExpectedOnly) ? 0 : 1).ThenBy(g => g.Any(p => p.ExpectedOnly) ? 0 : Deviations(g)))
        {
            var members = group.ToList();
            var expectedOnly = members.Any(p => p.ExpectedOnly);
            var when = Cubes(members.Select(p => p.Assigned), declared);
            var expectedWhen = Cubes(members.Where(p => p.ExpectedOnly).Select(p => p.Assigned), declared);
            var first = members[0];

            // The outcome each decision takes on this path, per step and pass; shown when the expected outcome is not among them.
            var outcomes = new List<string>();
            var chosen = members.SelectMany(p => p.Taken).GroupBy(t => (t.ActivityId, t.Pass, t.DependsOn)).ToList();
            foreach (var decision in chosen)
            {
                if (decision.Any(t => t.Expected))
                {
                    continue;
                }

                var node = compiled.Node(decision.Key.ActivityId);
                var labels = decision.SelectMany(t => t.Same ?? [t.Port]).Distinct().Select(p => PortLabel(node, p)).ToList();
                var title = titles[decision.Key.ActivityId];
                outcomes.Add(decision.Key.DependsOn is { } on
                    ? $"{title} (hangt af van ‘{on}’): {DeclaredInput.Or(labels)}"
                    : $"{title}: {DeclaredInput.Or(labels)}");
            }

            // At a decision step, every outcome that leads on the same way ("Positief advies of Positief advies met kanttekeningen").
            var ports = first.Taken.Where(t => !t.Port.StartsWith('!')).GroupBy(t => t.ActivityId).ToDictionary(g => g.Key, g => g.Select(t => t.Same ?? [t.Port]).ToList());
            var seen = new Dictionary<string, int>();
            var steps = new List<PathStep>();
            foreach (var id in first.Steps)
            {
                var n = compiled.Node(id);
                var pass = seen[id] = seen.GetValueOrDefault(id) + 1;
                string? outcome = null;
                if (IsDecisionStep(n) && ports.TryGetValue(id, out var taken) && taken.Count >= pass)
                {
                    outcome = DeclaredInput.Or(taken[pass - 1].Select(p => PortLabel(n, p)).ToList());
                }

                steps.Add(new PathStep(id, titles[id], outcome));
            }

            result.Add(new RoutePath(result.Count + 1, steps, when.Select(c => Describe(c, declared)).ToList(), outcomes, expectedOnly,
                when.Select(Wire).ToList(), expectedWhen.Select(Wire).ToList(), outcomes.Count));
        }

        return result;

        // The decisions (step and pass) where none of the path's ways takes the expected outcome.
        static int Deviations(IEnumerable<RawPath> members) =>
            members.SelectMany(p => p.Taken).GroupBy(t => (t.ActivityId, t.Pass, t.DependsOn)).Count(d => !d.Any(t => t.Expected));
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>> Wire(Limits cube) =>
        cube.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<JsonNode?>)kv.Value.Select(v => v?.DeepClone()).ToList());

    /// <summary>A value's identity for comparing input values (text, yes/no or not given) without writing JSON.</summary>
    private static string Key(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var text) => "s:" + text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => node.ToJsonString(),
    };

    /// <summary>Whether two input values are the same, without writing them out (the hot comparison of the walk).</summary>
    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is JsonValue x && b is JsonValue y)
        {
            if (x.TryGetValue<string>(out var s) && y.TryGetValue<string>(out var t))
            {
                return s == t;
            }

            if (x.TryGetValue<bool>(out var p) && y.TryGetValue<bool>(out var q))
            {
                return p == q;
            }
        }

        return a is not null && b is not null && Key(a) == Key(b);
    }

    private static string PortLabel(CompiledNode node, string port) =>
        port.StartsWith('!') ? $"niet ‘{PortLabel(node, port[1..])}’" : node.Descriptor.PortLabelOf(node.Node, port) ?? port;

    /// <summary>
    /// Combinations of input values as few lines as can be: two combinations that differ in one input become one with
    /// both values, and an input that may take every value is left out.
    /// </summary>
    private static List<Limits> Cubes(IEnumerable<Limits> sets, IReadOnlyList<DeclaredInput> declared)
    {
        var all = declared.ToDictionary(d => d.Name, d => d.Values);
        var cubes = sets.Select(Copy).ToList();
        bool changed;
        do
        {
            changed = false;
            // Drop an input that may take every value.
            foreach (var cube in cubes)
            {
                foreach (var name in cube.Keys.ToList())
                {
                    if (all.TryGetValue(name, out var values) && values.All(v => cube[name].Any(x => Same(x, v))))
                    {
                        cube.Remove(name);
                        changed = true;
                    }
                }
            }

            // Drop a combination another already covers; merge two that differ in one input.
            for (var i = 0; i < cubes.Count; i++)
            {
                for (var j = 0; j < cubes.Count; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    var a = cubes[i];
                    var b = cubes[j];
                    if (Covers(b, a))
                    {
                        cubes.RemoveAt(i);
                        i = -1;
                        changed = true;
                        break;
                    }

                    if (a.Keys.Count == b.Keys.Count && a.Keys.All(b.ContainsKey))
                    {
                        var different = a.Keys.Where(k => !SameSet(a[k], b[k])).ToList();
                        if (different.Count == 1)
                        {
                            var k = different[0];
                            a[k] = [.. a[k], .. b[k].Where(v => a[k].All(x => !Same(x, v)))];
                            cubes.RemoveAt(j);
                            i = -1;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        while (changed);

        // Values in the order the definition declares them.
        foreach (var cube in cubes)
        {
            foreach (var name in cube.Keys.ToList())
            {
                if (all.TryGetValue(name, out var order))
                {
                    var keys = order.Select(Key).ToList();
                    cube[name] = [.. cube[name].OrderBy(v => keys.IndexOf(Key(v)))];
                }
            }
        }

        return cubes;

        static bool SameSet(IReadOnlyList<JsonNode?> x, IReadOnlyList<JsonNode?> y) => x.Count == y.Count && x.All(v => y.Any(w => Same(w, v)));

        // b covers a: every input b limits, a limits to a subset of b's values.
        static bool Covers(Limits b, Limits a) =>
            b.All(kv => a.TryGetValue(kv.Key, out var values) && values.All(v => kv.Value.Any(w => Same(w, v))));
    }

    private static string Describe(Limits cube, IReadOnlyList<DeclaredInput> declared)
    {
        var parts = declared.Where(d => cube.ContainsKey(d.Name)).Select(d => $"{d.DisplayName}: {DeclaredInput.Or(cube[d.Name].Select(d.LabelOf).ToList())}").ToList();
        return parts.Count == 0 ? "Bij elke invoer" : string.Join("; ", parts);
    }

    private List<RouteWarning> Warnings(List<RawPath> raw, CompiledDefinition compiled, IReadOnlyDictionary<string, string> titles,
        IReadOnlyDictionary<string, DeclaredInput> inputs, List<UnreachedStep> unreached, bool complete)
    {
        var warnings = new List<RouteWarning>();
        var pairs = new HashSet<(string Meeting, string Written)>();
        var written = new HashSet<string>();
        foreach (var path in raw)
        {
            var meetings = new List<(string Id, string Body)>();
            var rounds = new List<(string Id, string Body)>();
            foreach (var id in path.Steps.Distinct())
            {
                var node = compiled.Node(id);
                if (node.Activity is AgenderenActivity)
                {
                    meetings.Add((id, BodyKey(node, path.Assigned, inputs)));
                }
                else if (node.Activity is VotingActivity)
                {
                    var way = Literal(node, "wijze", path.Assigned, inputs);
                    if (way == VotingInputs.Schriftelijk)
                    {
                        rounds.Add((id, BodyKey(node, path.Assigned, inputs)));
                        written.Add(id);
                    }
                    else if (way is not null)
                    {
                        meetings.Add((id, BodyKey(node, path.Assigned, inputs)));
                    }
                }
            }

            foreach (var round in rounds)
            {
                foreach (var meeting in meetings.Where(m => m.Body == round.Body))
                {
                    pairs.Add((meeting.Id, round.Id));
                }
            }
        }

        foreach (var (meeting, round) in pairs.OrderBy(p => p.Meeting).ThenBy(p => p.Written))
        {
            warnings.Add(new RouteWarning("vergaderingEnSchriftelijk",
                $"‘{titles[meeting]}’ (in een vergadering) en ‘{titles[round]}’ (schriftelijk) liggen op hetzelfde pad en gaan over hetzelfde orgaan. Is dat zo bedoeld?",
                [meeting, round]));
        }

        foreach (var id in compiled.Model.Root.Activities.Select(a => a.Id).Where(written.Contains))
        {
            var node = compiled.Node(id);
            if (node.Node.Inputs.GetValueOrDefault("termijn") is null)
            {
                var standard = node.Descriptor.FindInput("termijn")?.Default is JsonValue d && d.TryGetValue<string>(out var iso) ? DutchFormat.Duration(iso) : null;
                warnings.Add(new RouteWarning("geenTermijn",
                    standard is null
                        ? $"De schriftelijke ronde ‘{titles[id]}’ heeft geen termijn."
                        : $"De schriftelijke ronde ‘{titles[id]}’ heeft geen eigen termijn; nu geldt de standaardtermijn van {standard}.",
                    [id]));
            }
        }

        if (complete)
        {
            foreach (var step in unreached)
            {
                warnings.Add(new RouteWarning("onbereikbaar", $"Geen enkel pad komt bij ‘{step.Title}’, bij welke invoer ook.", [step.ActivityId]));
            }
        }

        return warnings;
    }

    /// <summary>Which body a step is about: its value on this path when known, else what is written (two steps that name the body the same way are about the same body).</summary>
    private string BodyKey(CompiledNode node, Limits limits, IReadOnlyDictionary<string, DeclaredInput> inputs) =>
        Literal(node, VotingInputs.OrgaanKey, limits, inputs) ?? "?" + (node.Node.Inputs.GetValueOrDefault(VotingInputs.OrgaanKey)?.ToJsonString() ?? "");

    /// <summary>
    /// A step's text input on a path: a literal, a per-value choice or JavaScript on inputs, when every value the path
    /// allows for those inputs gives the same text; null when it is not known before the route runs.
    /// </summary>
    private string? Literal(CompiledNode node, string name, Limits limits, IReadOnlyDictionary<string, DeclaredInput> inputs)
    {
        var raw = node.Node.Inputs.GetValueOrDefault(name);
        var fallback = node.Descriptor.FindInput(name)?.Default is JsonValue d && d.TryGetValue<string>(out var standard) ? standard : null;
        if (raw is null)
        {
            return fallback;
        }

        if (raw is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }

        var read = PathRules.InputsRead(raw).ToList();
        var combinations = new List<Dictionary<string, JsonNode?>> { new() };
        foreach (var input in read)
        {
            IReadOnlyList<JsonNode?>? values = limits.TryGetValue(input, out var limited) ? limited : inputs.TryGetValue(input, out var declared) && declared.Branches ? declared.Values : null;
            if (values is null || combinations.Count * values.Count > 64)
            {
                return null;
            }

            combinations = [.. combinations.SelectMany(c => values.Select(x => new Dictionary<string, JsonNode?>(c) { [input] = x }))];
        }

        var results = combinations.Select(c => LiteralFor(raw, c) ?? fallback).Distinct().ToList();
        return results is [var single] ? single : null;
    }

    private string? LiteralFor(JsonNode raw, Dictionary<string, JsonNode?> assigned)
    {
        switch (raw)
        {
            case JsonObject { Count: 1 } o when o["perValue"] is JsonObject perValue:
                var subject = perValue["subject"] is JsonValue s && s.TryGetValue<string>(out var sub) ? sub : "";
                var chosen = subject.StartsWith("input.", StringComparison.Ordinal) ? assigned.GetValueOrDefault(subject["input.".Length..]) : null;
                var key = chosen is JsonValue c && c.TryGetValue<string>(out var code) ? code : chosen?.ToJsonString() ?? "";
                var picked = perValue["values"] is JsonObject values && values.ContainsKey(key) ? values[key] : perValue["otherwise"];
                return picked is JsonValue p && p.TryGetValue<string>(out var result) ? result : null;
            case JsonObject o when InputValues.IsExpression(o, out var expression):
                var cacheKey = expression + "\u0000" + string.Join(',', assigned.Select(kv => kv.Key + "=" + (kv.Value?.ToJsonString() ?? "")));
                if (_literals.TryGetValue(cacheKey, out var known))
                {
                    return known;
                }

                try
                {
                    var input = new JsonObject(assigned.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
                    return _literals[cacheKey] = evaluator.Evaluate(expression, new Dictionary<string, JsonNode?> { ["input"] = input, ["variables"] = new JsonObject() }) is JsonValue r
                        && r.GetValueKind() == JsonValueKind.String ? r.GetValue<string>() : null;
                }
                catch (ExpressionException)
                {
                    return _literals[cacheKey] = null;
                }

            default:
                return null;
        }
    }
}
