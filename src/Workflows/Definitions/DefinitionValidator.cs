using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions.Rules;
using AdviesRoute.Workflows.Expressions;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// Checks a definition before it is stored or published, and reports every problem it finds with the JSON path
/// of the element at fault (<c>$.root.activities[2].inputs.condition</c>; indexes are positions in the arrays as
/// given). Errors come in a fixed order: header, variables and inputs, activities, Start, connections, and then
/// the graph rules (reachability, a path to an End, loops that cannot wait).
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, IExpressionEvaluator expressions)
{
    /// <summary>
    /// In the items of an object list that names ports (the cases of a Switch), the property that holds the
    /// JavaScript condition of that port.
    /// </summary>
    public const string ConditionProperty = "condition";

    /// <summary>All problems of <paramref name="model"/>; empty when it is valid.</summary>
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinitionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Pass(registry, expressions, model).Run();
    }

    /// <exception cref="DefinitionValidationException">The definition has one or more problems.</exception>
    public void EnsureValid(WorkflowDefinitionModel model)
    {
        var errors = Validate(model);
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException(errors);
        }
    }

    /// <summary>One validation run; holds what the later rules need from the earlier ones.</summary>
    private sealed partial class Pass(ActivityRegistry registry, IExpressionEvaluator expressions, WorkflowDefinitionModel model)
    {
        private const string ActivitiesPath = "$.root.activities";

        private readonly List<ValidationError> _errors = [];

        // The first activity with each id; later ones with the same id are reported and left out of the graph.
        private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
        private IReadOnlyList<ActivityNode> _activities = [];
        private ActivityDescriptor?[] _descriptors = [];
        private List<int>[] _next = [];
        private List<int>[] _previous = [];

        public IReadOnlyList<ValidationError> Run()
        {
            CheckHeader();
            CheckUniqueNames(model.Variables?.Select(v => v?.Name), "$.variables", "variabele");
            CheckUniqueNames(model.Inputs?.Select(i => i?.Name), "$.inputs", "invoer");
            CheckRouteInputs();
            CheckVariableFields();
            if (model.Root is null)
            {
                Add("$.root", ValidationCodes.MissingField, "De route heeft geen stroomschema.");
                return _errors;
            }

            _activities = model.Root.Activities ?? [];
            _names = StepNames();
            _descriptors = new ActivityDescriptor?[_activities.Count];
            _next = NewAdjacency();
            _previous = NewAdjacency();
            for (var i = 0; i < _activities.Count; i++)
            {
                CheckActivity(i);
            }

            var starts = CheckStartCount();
            var connections = model.Root.Connections ?? [];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < connections.Count; j++)
            {
                CheckConnection(connections[j], j, seen);
            }

            var reachable = CheckReachability(starts);
            CheckPathsToEnd(reachable);
            CheckLoops();
            return _errors;
        }

        private void Add(string path, string code, string message) => _errors.Add(new ValidationError(path, code, message));

        private List<int>[] NewAdjacency() => Enumerable.Range(0, _activities.Count).Select(_ => new List<int>()).ToArray();

        private static string ActivityPath(int index) => JsonPaths.Index(ActivitiesPath, index);

        // What a person reads for each step (see Step); null for a step with neither a name nor a known kind.
        private string?[] _names = [];

        /// <summary>
        /// A step as a person knows it: "de stap ‘Goedkeuring’", by its own name in the route, else by what its kind of
        /// step is called, else by its place ("stap 3"); the place is added when two steps would read the same. Never
        /// its id, its type code or an engine word.
        /// </summary>
        private string Step(int index) => _names[index] is { } name ? $"de stap {name}" : $"stap {index + 1}";

        private string StepCapital(int index) => _names[index] is { } name ? $"De stap {name}" : $"Stap {index + 1}";

        /// <summary>A step in a list: "‘Goedkeuring’", or its place.</summary>
        private string Named(int index) => _names[index] ?? $"stap {index + 1}";

        private string?[] StepNames()
        {
            var names = _activities.Select(node => node?.DisplayName is { } own && !string.IsNullOrWhiteSpace(own) ? own.Trim()
                : node is not null && !string.IsNullOrWhiteSpace(node.Type) && registry.TryGet(node.Type, node.TypeVersion, out var d, out _) ? d.DisplayName
                : null).ToArray();
            var twice = names.OfType<string>().GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            return names.Select((n, i) => n is null ? null : twice.Contains(n) ? $"‘{n}’ (stap {i + 1})" : $"‘{n}’").ToArray();
        }

        /// <summary>What a person reads for an input of a step: its display name.</summary>
        private static string InputName(ActivityDescriptor descriptor, string name) => $"‘{descriptor.FindInput(name)?.DisplayName ?? name}’";

        /// <summary>The ports of a step as a person reads them ("Verder", "Positief advies"), never Done or Default.</summary>
        private static string PortLabels(ActivityDescriptor descriptor, ActivityNode node, IEnumerable<string> ports) =>
            string.Join(", ", ports.Select(p => descriptor.PortLabelOf(node, p) ?? p));

        // Activities that take part in the graph: the first one with each id.
        private IEnumerable<int> GraphNodes => _byId.Values.Order();

        private void CheckHeader()
        {
            if (string.IsNullOrWhiteSpace(model.DefinitionId))
            {
                Add("$.definitionId", ValidationCodes.MissingField, "De route heeft geen id.");
            }

            if (string.IsNullOrWhiteSpace(model.Name))
            {
                Add("$.name", ValidationCodes.MissingField, "De route heeft geen naam.");
            }
        }

        private void CheckUniqueNames(IEnumerable<string?>? names, string listPath, string what)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var name in names ?? [])
            {
                var path = JsonPaths.Index(listPath, i) + ".name";
                if (string.IsNullOrWhiteSpace(name))
                {
                    Add(path, ValidationCodes.MissingField, $"De {what} op plaats {i + 1} heeft geen naam.");
                }
                else if (!seen.TryAdd(name, i))
                {
                    Add(path, ValidationCodes.DuplicateName, $"De naam ‘{name}’ wordt al gebruikt door {what} {seen[name] + 1}; namen moeten uniek zijn.");
                }

                i++;
            }
        }

        private void CheckActivity(int i)
        {
            var node = _activities[i];
            var path = ActivityPath(i);
            if (node is null)
            {
                Add(path, ValidationCodes.MissingField, $"Stap {i + 1} ontbreekt.");
                return;
            }

            if (string.IsNullOrWhiteSpace(node.Id))
            {
                Add(path + ".id", ValidationCodes.MissingField, $"{StepCapital(i)} heeft geen id.");
            }
            else if (!_byId.TryAdd(node.Id, i))
            {
                Add(path + ".id", ValidationCodes.DuplicateActivityId, $"Het id ‘{node.Id}’ van {Step(i)} wordt al gebruikt door {Step(_byId[node.Id])}; elke stap heeft een eigen id.");
            }

            var descriptor = Resolve(node, i, path);
            if (descriptor is null)
            {
                return;
            }

            if (node.Inputs is null)
            {
                Add(path + ".inputs", ValidationCodes.MissingField, $"De invoer van {Step(i)} ontbreekt of is geen object.");
                return;
            }

            _descriptors[i] = descriptor;
            CheckInputs(node, descriptor, i, path + ".inputs");
        }

        private ActivityDescriptor? Resolve(ActivityNode node, int i, string path)
        {
            if (string.IsNullOrWhiteSpace(node.Type))
            {
                Add(path + ".type", ValidationCodes.MissingField, $"Van {Step(i)} ontbreekt de soort stap.");
                return null;
            }

            if (!registry.IsKnownType(node.Type))
            {
                Add(path + ".type", ValidationCodes.UnknownActivityType, $"{StepCapital(i)} is van een onbekende soort: ‘{node.Type}’.");
                return null;
            }

            if (!registry.TryGet(node.Type, node.TypeVersion, out var descriptor, out _))
            {
                var known = registry.AllDescriptors.Where(d => d.Type == node.Type).Select(d => d.Version).Order();
                Add(path + ".typeVersion", ValidationCodes.UnknownActivityVersion,
                    $"{StepCapital(i)} vraagt versie {node.TypeVersion} van zijn soort stap; die bestaat niet. Bekende versies: {string.Join(", ", known)}.");
                return null;
            }

            return descriptor;
        }

        private void CheckInputs(ActivityNode node, ActivityDescriptor descriptor, int i, string inputsPath)
        {
            foreach (var (name, value) in node.Inputs)
            {
                var path = JsonPaths.Property(inputsPath, name);
                if (descriptor.FindInput(name) is not { } input)
                {
                    var known = descriptor.Inputs.Count == 0 ? "Deze soort stap heeft geen invoer." : "Mogelijke invoer: " + string.Join(", ", descriptor.Inputs.Select(d => d.DisplayName)) + ".";
                    Add(path, ValidationCodes.UnknownInput, $"{StepCapital(i)} kent geen invoer ‘{name}’. {known}");
                    continue;
                }

                CheckInputValue(descriptor, input, value, i, path);
            }

            foreach (var input in descriptor.Inputs.Where(d => d.Required && d.Default is null))
            {
                if (!node.Inputs.TryGetValue(input.Name, out var value) || value is null)
                {
                    Add(JsonPaths.Property(inputsPath, input.Name), ValidationCodes.MissingInput,
                        $"Bij {Step(i)} ontbreekt de verplichte invoer ‘{input.DisplayName}’.");
                }
            }

            foreach (var group in descriptor.OneOfInputs)
            {
                if (!group.Any(name => node.Inputs.TryGetValue(name, out var value) && value is not null))
                {
                    Add(inputsPath, ValidationCodes.MissingInput,
                        $"{StepCapital(i)} heeft {string.Join(" of ", group.Select(n => InputName(descriptor, n)))} nodig.");
                }
            }

            foreach (var requirement in descriptor.InputRequirements.Where(r => Given(r.Given)))
            {
                foreach (var missing in requirement.Requires.Where(name => !Given(name)))
                {
                    Add(JsonPaths.Property(inputsPath, missing), ValidationCodes.MissingInput,
                        $"Bij {Step(i)} ontbreekt de invoer {InputName(descriptor, missing)}: die is nodig omdat {InputName(descriptor, requirement.Given)} is ingevuld.");
                }
            }

            // Given: present, not null, and not an empty text.
            bool Given(string name) => node.Inputs.TryGetValue(name, out var value) && value is not null
                && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
                || descriptor.FindInput(name)?.Default is not null;
        }

        private void CheckInputValue(ActivityDescriptor descriptor, InputDescriptor input, JsonNode? value, int i, string path)
        {
            if (value is null)
            {
                // JSON null means "not given"; the required-input rule reports it when that matters.
                return;
            }

            if (input.Type == InputType.Expression && RouteRule.IsRule(value))
            {
                CheckRule(value, Field(i, input), path, 0);
                return;
            }

            if (RouteValues.ComputedKind(value) is RouteValues.PerValue or RouteValues.Choose or RouteValues.Template)
            {
                if (input.SupportsExpression)
                {
                    CheckComputed(descriptor, input, value, i, path);
                }
                else
                {
                    Add(path, ValidationCodes.InvalidInputType, $"{Field(i, input)}: hier past alleen een vaste waarde, geen waarde die uit de invoer volgt.");
                }

                return;
            }

            if (InputValues.IsExpression(value, out var expression))
            {
                // An Expression input is always evaluated, and the runtime reads the { expression } form for it too.
                if (input.SupportsExpression || input.Type == InputType.Expression)
                {
                    CheckExpression(expression, input, i, path);
                }
                else
                {
                    Add(path, ValidationCodes.InvalidInputType, $"De invoer ‘{input.DisplayName}’ van {Step(i)} kan geen expressie zijn; geef een vaste waarde.");
                }

                return;
            }

            if (InputValues.CheckLiteral(input, value) is { } problem)
            {
                Add(path, ValidationCodes.InvalidInputType, $"De invoer ‘{input.DisplayName}’ van {Step(i)} is ongeldig. {problem}");
                return;
            }

            if (registry.TryGet(descriptor.Type, descriptor.Version, out _, out var activity) && activity is IChecksLiteralInputs checks
                && checks.CheckLiteral(input.Name, value) is { } refused)
            {
                Add(path, ValidationCodes.InvalidInputValue, $"De invoer ‘{input.DisplayName}’ van {Step(i)} klopt niet: {refused}");
            }

            if (input.Type == InputType.Expression)
            {
                CheckExpression(value.GetValue<string>(), input, i, path);
            }
            else if (input.Required && value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
            {
                Add(path, ValidationCodes.MissingInput, $"De verplichte invoer ‘{input.DisplayName}’ van {Step(i)} is leeg.");
            }

            if (descriptor.PortsFromInput is { } ports && ports.InputName == input.Name && value is JsonArray items)
            {
                CheckPortList(descriptor, ports, items, i, path);
            }
        }

        private void CheckExpression(string expression, InputDescriptor input, int i, string path)
        {
            if (string.IsNullOrWhiteSpace(expression))
            {
                if (input.Required)
                {
                    Add(path, ValidationCodes.MissingInput, $"De verplichte invoer ‘{input.DisplayName}’ van {Step(i)} is leeg.");
                }

                return;
            }

            if (expressions.CheckSyntax(expression) is { } message)
            {
                Add(path, ValidationCodes.ExpressionSyntax, $"De expressie in ‘{input.DisplayName}’ van {Step(i)} is ongeldig: {message}");
            }
        }

        // The items of a list that names ports (Fork branches, Switch cases): each needs a distinct, non-empty name,
        // and the cases of a Switch-like list carry a condition.
        private void CheckPortList(ActivityDescriptor descriptor, PortsFromInput ports, JsonArray items, int i, string path)
        {
            var taken = new HashSet<string>(descriptor.Ports.Concat(ports.Extra), StringComparer.Ordinal);
            for (var k = 0; k < items.Count; k++)
            {
                var itemPath = JsonPaths.Index(path, k);
                var namePath = itemPath;
                string? name;
                if (ports.NameProperty is null)
                {
                    name = items[k] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                }
                else if (items[k] is JsonObject item)
                {
                    namePath = JsonPaths.Property(itemPath, ports.NameProperty);
                    name = item[ports.NameProperty] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
                    CheckCondition(item, i, itemPath, k);
                }
                else
                {
                    name = null;
                }

                if (string.IsNullOrWhiteSpace(name))
                {
                    Add(itemPath, ValidationCodes.InvalidInputType, $"Regel {k + 1} van {InputName(descriptor, ports.InputName)} van {Step(i)} heeft geen naam.");
                }
                else if (!taken.Add(name))
                {
                    Add(namePath, ValidationCodes.DuplicateName, $"{StepCapital(i)} heeft al een uitgang ‘{descriptor.PortLabelOf(_activities[i], name) ?? name}’; elke uitgang heeft een eigen naam.");
                }
            }
        }

        private void CheckCondition(JsonObject item, int i, string itemPath, int k)
        {
            var path = JsonPaths.Property(itemPath, ConditionProperty);
            switch (item[ConditionProperty])
            {
                case JsonObject rule when RouteRule.IsRule(rule):
                    CheckRule(rule, CaseField(i, item, k), path, 0);
                    break;
                case null:
                    Add(path, ValidationCodes.MissingInput, $"Een geval van {Step(i)} zonder voorwaarde wordt nooit gekozen; vul de voorwaarde in.");
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    var condition = v.GetValue<string>();
                    if (string.IsNullOrWhiteSpace(condition))
                    {
                        Add(path, ValidationCodes.MissingInput, $"Een geval van {Step(i)} zonder voorwaarde wordt nooit gekozen; vul de voorwaarde in.");
                    }
                    else if (expressions.CheckSyntax(condition) is { } message)
                    {
                        Add(path, ValidationCodes.ExpressionSyntax, $"De voorwaarde van een geval van {Step(i)} is ongeldig: {message}");
                    }

                    break;
                default:
                    Add(path, ValidationCodes.InvalidInputType, $"{CaseField(i, item, k)}: de voorwaarde is geen regel; stel haar samen uit ‘is’, ‘is niet’, ‘is een van’ en dergelijke.");
                    break;
            }
        }

        private List<int> CheckStartCount()
        {
            var starts = Enumerable.Range(0, _activities.Count).Where(i => _descriptors[i]?.IsStart == true).ToList();
            if (starts.Count == 0)
            {
                Add(ActivitiesPath, ValidationCodes.StartCount, "De route heeft geen stap ‘Start’; er moet er precies één zijn.");
            }
            else if (starts.Count > 1)
            {
                Add(ActivitiesPath, ValidationCodes.StartCount,
                    $"De route heeft {starts.Count} stappen waar ze begint ({string.Join(", ", starts.Select(Named))}); er mag er precies één zijn.");
            }

            return starts;
        }

        private void CheckConnection(ConnectionModel? connection, int j, Dictionary<string, int> seen)
        {
            var path = JsonPaths.Index("$.root.connections", j);
            if (connection is null)
            {
                Add(path, ValidationCodes.MissingField, $"Verbinding {j + 1} ontbreekt.");
                return;
            }

            var source = Endpoint(connection.Source, path + ".source", "bron");
            if (source is { } s && _descriptors[s] is { } descriptor)
            {
                var ports = NodePorts.For(descriptor, _activities[s]);
                if (!ports.Contains(connection.Source.Port))
                {
                    var known = ports.Count == 0 ? "Deze stap heeft geen uitgangen." : "Mogelijke uitgangen: " + PortLabels(descriptor, _activities[s], ports) + ".";
                    Add(path + ".source.port", ValidationCodes.UnknownPort, string.IsNullOrEmpty(connection.Source.Port)
                        ? $"Een verbinding uit {Step(s)} noemt geen uitgang. {known}"
                        : $"{StepCapital(s)} heeft geen uitgang ‘{connection.Source.Port}’. {known}");
                }
            }

            var target = Endpoint(connection.Target, path + ".target", "doel");
            if (connection.Target is not null && connection.Target.Port != Ports.In)
            {
                Add(path + ".target.port", ValidationCodes.UnknownPort, string.IsNullOrEmpty(connection.Target.Port)
                    ? "De verbinding noemt niet waar ze binnenkomt; een verbinding komt binnen aan de ingang van een stap."
                    : $"Een verbinding komt binnen aan de ingang van een stap, niet op ‘{connection.Target.Port}’.");
            }

            if (connection.Source is not null && connection.Target is not null && !seen.TryAdd(connection.Key, j))
            {
                Add(path, ValidationCodes.DuplicateConnection, $"Deze verbinding {Describe(connection, source, target)} staat er al als verbinding {seen[connection.Key] + 1}.");
            }

            if (source is { } from && target is { } to)
            {
                // A connection from an unknown port still counts for the graph: its target is what the author
                // meant to reach, and counting it keeps one mistake from showing up as three.
                if (!_next[from].Contains(to))
                {
                    _next[from].Add(to);
                    _previous[to].Add(from);
                }
            }
        }

        /// <summary>A connection as a person reads it: from which step, through which exit, to which step.</summary>
        private string Describe(ConnectionModel connection, int? source, int? target)
        {
            var from = source is { } s ? Named(s) : $"‘{connection.Source.Activity}’";
            var port = source is { } p && _descriptors[p] is { } d ? d.PortLabelOf(_activities[p], connection.Source.Port) ?? connection.Source.Port : connection.Source.Port;
            var to = target is { } t ? Named(t) : $"‘{connection.Target.Activity}’";
            return $"van {from} (uitgang ‘{port}’) naar {to}";
        }

        private int? Endpoint(EndpointModel? endpoint, string path, string role)
        {
            if (endpoint is null)
            {
                Add(path, ValidationCodes.MissingField, $"De verbinding heeft geen {role}.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(endpoint.Activity))
            {
                Add(path + ".activity", ValidationCodes.DanglingConnection, $"De verbinding noemt geen {role}stap.");
                return null;
            }

            if (!_byId.TryGetValue(endpoint.Activity, out var index))
            {
                Add(path + ".activity", ValidationCodes.DanglingConnection, $"De verbinding verwijst naar een {role}stap ‘{endpoint.Activity}’ die niet bestaat.");
                return null;
            }

            return index;
        }

        /// <summary>Reports activities Start cannot reach; returns the reachable set, or null without a Start.</summary>
        private HashSet<int>? CheckReachability(List<int> starts)
        {
            // Without a Start everything would be unreachable; StartCount already says what is wrong.
            var roots = starts.Where(s => _byId.ContainsValue(s)).ToList();
            if (roots.Count == 0)
            {
                return null;
            }

            var reachable = Closure(roots, _next);
            foreach (var i in GraphNodes.Where(i => !reachable.Contains(i)))
            {
                Add(ActivityPath(i), ValidationCodes.UnreachableActivity, $"{StepCapital(i)} is vanaf het begin van de route niet bereikbaar.");
            }

            return reachable;
        }

        private void CheckPathsToEnd(HashSet<int>? reachable)
        {
            var ends = GraphNodes.Where(i => _descriptors[i]?.IsEnd == true).ToList();
            if (ends.Count == 0)
            {
                Add(ActivitiesPath, ValidationCodes.NoPathToEnd, "De route heeft geen stap ‘Einde’; elk pad moet ergens eindigen.");
                return;
            }

            // An activity of unknown type might end or lead anywhere; assume it can, so one unknown type does not
            // turn every activity before it into an error.
            var canEnd = Closure(ends.Concat(GraphNodes.Where(i => _descriptors[i] is null)), _previous);
            foreach (var i in GraphNodes.Where(i => !canEnd.Contains(i) && (reachable is null || reachable.Contains(i))))
            {
                Add(ActivityPath(i), ValidationCodes.NoPathToEnd, $"Vanaf {Step(i)} is het einde van de route niet te bereiken.");
            }
        }

        private void CheckLoops()
        {
            // A cycle without a blocking activity would run forever within one step burst. Such a cycle exists
            // exactly when the activities that cannot block, taken on their own, still contain a cycle; checking
            // that subgraph also catches a tight loop inside a larger one that does contain a Timer.
            // Activities of unknown type are left out: they might block.
            var candidates = GraphNodes.Where(i => _descriptors[i] is { IsBlocking: false }).ToHashSet();
            var loops = StronglyConnected(candidates)
                .Where(c => c.Count > 1 || _next[c[0]].Contains(c[0]))
                .Select(c => c.Order().ToList())
                .OrderBy(c => c[0]);
            foreach (var loop in loops)
            {
                Add(ActivityPath(loop[0]), ValidationCodes.LoopWithoutBlockingActivity,
                    $"Lus zonder wachtende stap: {string.Join(", ", loop.Select(Named))}. Zo'n lus loopt eindeloos door; "
                    + "neem er een wachtende stap in op (bijvoorbeeld een Timer of Wacht op signaal).");
            }
        }

        private static HashSet<int> Closure(IEnumerable<int> roots, List<int>[] edges)
        {
            var seen = new HashSet<int>(roots);
            var stack = new Stack<int>(seen);
            while (stack.Count > 0)
            {
                foreach (var next in edges[stack.Pop()])
                {
                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            return seen;
        }

        // Tarjan's algorithm, iterative so that a long chain of activities cannot exhaust the stack.
        private List<List<int>> StronglyConnected(HashSet<int> nodes)
        {
            var index = new int[_activities.Count];
            var low = new int[_activities.Count];
            Array.Fill(index, -1);
            var onStack = new bool[_activities.Count];
            var stack = new Stack<int>();
            var components = new List<List<int>>();
            var counter = 0;

            foreach (var root in nodes.Order())
            {
                if (index[root] >= 0)
                {
                    continue;
                }

                var work = new Stack<(int Node, int Edge)>();
                Enter(root);
                while (work.Count > 0)
                {
                    var (v, edge) = work.Pop();
                    var edges = _next[v];
                    while (edge < edges.Count && !nodes.Contains(edges[edge]))
                    {
                        edge++;
                    }

                    if (edge < edges.Count)
                    {
                        work.Push((v, edge + 1));
                        var w = edges[edge];
                        if (index[w] < 0)
                        {
                            Enter(w);
                        }
                        else if (onStack[w])
                        {
                            low[v] = Math.Min(low[v], index[w]);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        var parent = work.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[v]);
                    }

                    if (low[v] == index[v])
                    {
                        var component = new List<int>();
                        int w;
                        do
                        {
                            w = stack.Pop();
                            onStack[w] = false;
                            component.Add(w);
                        }
                        while (w != v);
                        components.Add(component);
                    }
                }

                void Enter(int v)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                    work.Push((v, 0));
                }
            }

            return components;
        }
    }
}
