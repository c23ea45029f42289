using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Definitions.Rules;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Proposals.Figures;

/// <summary>One bar of a chart.</summary>
public sealed record Bar(string Label, double Value, string Shown);

/// <summary>A cell: what the page shows (<see cref="Text"/>, e.g. "3 voorstellen") and what a spreadsheet gets (a bare number).</summary>
public sealed record Cell(string Text, string? Csv = null)
{
    public string CsvText => Csv ?? Text;

    /// <summary>A number the page shows with its noun in the right plural, and the spreadsheet bare.</summary>
    public static Cell Count(int n, string singular, string plural) => new(DutchFormat.Count(n, singular, plural), n.ToString(CultureInfo.InvariantCulture));

    public static Cell Number(int n) => new(DutchFormat.Number(n), n.ToString(CultureInfo.InvariantCulture));

    /// <summary>Days with one decimal, Dutch in both ("2,5").</summary>
    public static Cell Days(double days) => new(DutchFormat.Decimal(days));

    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table of the figures page, also offered as CSV: its key (in the export's address), title, column headers, rows,
/// which columns hold numbers, and the sentence shown instead when it has no rows.
/// </summary>
public sealed record FigureTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows, string EmptyReason,
    IReadOnlySet<int> NumberColumns)
{
    /// <summary>The table as Dutch Excel opens it: UTF-8 with a byte order mark, columns separated by semicolons.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(';', Headers.Select(Quote)).Append("\r\n");
        foreach (var row in Rows)
        {
            text.AppendJoin(';', row.Select(c => Quote(c.CsvText))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>The first and last day (both included) of the proposals the figures are about, by the day they started.</summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To)
{
    public string Text => $"{DutchFormat.Day(From)} tot en met {DutchFormat.Day(To)}";
}

/// <summary>The figures over the proposals started in one period.</summary>
/// <param name="Truncated">True when the period held more than <see cref="ProposalFigures.MaxProposals"/> proposals: the figures cover the newest.</param>
public sealed record Figures(FiguresPeriod Period, int Proposals, bool Truncated, IReadOnlyList<Bar> PerStageChart, IReadOnlyList<Bar> LeadTimeChart,
    double AverageTouches, IReadOnlyList<FigureTable> Tables)
{
    public FigureTable Table(string key) => Tables.Single(t => t.Key == key);
}

/// <summary>
/// Computes the figures from the instances started in a period and their journals: where those proposals are now, how
/// many days each step took per body (median and mean, from the step's start to its completion in the journal), how the
/// councils kept the zienswijze deadline, which proposals went past a legal deadline, and the board touches per proposal
/// (meetings and written rounds of BAC, DB and AB): the "bestuurlijke drukte" the governance notes want reduced.
/// </summary>
/// <remarks>
/// Computed again only when the engine's change mark moved (or the directory's bodies changed) since the same period was
/// last asked for on this host (<see cref="FiguresCache"/>, ADR 21). A computation reads the proposals as list rows, the
/// steps' start and completion as journal marks (no data), the few lines whose data says a body or a deadline with their
/// data, and whole only the proposals whose state can still change or that this host has not read since they ended.
/// </remarks>
public sealed partial class ProposalFigures(IWorkflowReader workflows, IGovernanceDirectory directory, IExpressionEvaluator expressions, FiguresCache cache)
{
    /// <summary>The proposals the figures are computed over, newest first: a bound on the work of one request.</summary>
    public const int MaxProposals = 2000;

    public const string PerStageTable = "stappen";
    public const string LeadTimeTable = "doorlooptijd";
    public const string ZienswijzenTable = "zienswijzen";
    public const string LegalDeadlinesTable = "termijnen";
    public const string TouchesTable = "drukte";

    /// <summary>Why every table is empty when the period holds no proposal.</summary>
    public const string NoProposals = "Geen voorstellen in deze periode.";

    private const string Secretariat = "Secretariaat";

    private static readonly string[] Touches = [OpDeAgenda.KindName, SchriftelijkeRondeGestart.KindName];

    /// <summary>Lines where only when and at which step matters: read as marks, from the index that holds just that.</summary>
    private static readonly string[] MarkKinds = [JournalKinds.ActivityStarted, JournalKinds.ActivityCompleted];

    /// <summary>Lines whose data is needed (the body of a meeting or written round, the deadline that was missed): few, read whole.</summary>
    private static readonly string[] DataKinds = [.. Touches, TermijnOverschreden.KindName, TermijnVerstreken.KindName];

    /// <summary>The figures over a period: kept ones while nothing changed, else computed now.</summary>
    public async Task<Figures> ComputeAsync(FiguresPeriod period, CancellationToken cancellationToken)
    {
        // The mark is read before the computation: a change made while it runs moves the mark, so the next request computes again.
        var key = $"{await workflows.GetChangeMarkAsync(cancellationToken)}/{directory.Current.ModelVersion}";
        if (cache.Find(key, period) is { } kept)
        {
            return kept;
        }

        var figures = await ComputeNowAsync(period, cancellationToken);
        cache.Keep(key, period, figures);
        return figures;
    }

    private async Task<Figures> ComputeNowAsync(FiguresPeriod period, CancellationToken cancellationToken)
    {
        // The proposals of the period as list rows, newest first: no state is read to choose them.
        var rows = new List<InstanceSummary>();
        var truncated = false;
        string? cursor = null;
        var done = false;
        do
        {
            var page = await workflows.PageSummariesAsync(InstanceQuery.All, cursor, IWorkflowReader.MaxPageSize, cancellationToken);
            foreach (var row in page.Items)
            {
                // Newest first: skip those started after the period, stop at the first one started before it.
                var started = DutchTime.Today(row.CreatedAt);
                if (started > period.To)
                {
                    continue;
                }

                if (started < period.From)
                {
                    done = true;
                    break;
                }

                if (rows.Count == MaxProposals)
                {
                    truncated = true;
                    done = true;
                    break;
                }

                rows.Add(row);
            }

            cursor = page.NextCursor;
        }
        while (!done && cursor is not null);

        var models = new Dictionary<string, WorkflowDefinitionModel>(StringComparer.Ordinal);
        foreach (var versionId in rows.Select(i => i.DefinitionVersionId).Distinct(StringComparer.Ordinal))
        {
            models[versionId] = await workflows.GetDefinitionModelAsync(versionId, cancellationToken)
                ?? throw new InvalidOperationException($"Definition version {versionId} is not stored.");
        }

        // What the figures need from a proposal's state (title, input, zienswijze answers, the steps it waits at). A proposal
        // that ended never changes again: what was read of it once is kept; the others are read whole every time.
        var facts = new Dictionary<string, ProposalFacts>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var row in rows)
        {
            if (cache.Ended(row.Id) is { } known)
            {
                facts[row.Id] = known;
            }
            else
            {
                toRead.Add(row.Id);
            }
        }

        foreach (var instance in toRead.Count == 0 ? [] : await workflows.GetInstancesAsync(toRead, cancellationToken))
        {
            var model = models[instance.DefinitionVersionId];
            var read = new ProposalFacts(Title(instance.Input), instance.Input, ZienswijzeAnswers(instance, model).ToList(),
                instance.Status == WorkflowStatus.Suspended ? instance.Tokens.Select(t => t.ActivityId).Distinct(StringComparer.Ordinal).ToList() : []);
            facts[instance.Id] = read;
            if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            {
                cache.KeepEnded(instance.Id, read);
            }
        }

        // A proposal removed between the list and the read is left out.
        var instances = rows.Where(r => facts.ContainsKey(r.Id)).ToList();
        var ids = instances.Select(i => i.Id).ToList();
        var marks = ids.Count == 0 ? [] : await workflows.GetJournalMarksAsync(ids, MarkKinds, cancellationToken);
        var lines = ids.Count == 0 ? [] : await workflows.GetJournalsAsync(ids, DataKinds, cancellationToken);

        var empty = instances.Count == 0;
        string Why(string reason) => empty ? NoProposals : reason;
        var byId = instances.ToDictionary(i => i.Id, StringComparer.Ordinal);
        string StepName(InstanceSummary i, string activityId) =>
            models[i.DefinitionVersionId].Root.Activities.FirstOrDefault(a => a.Id == activityId)?.DisplayName ?? activityId;

        // Where the proposals of the period are now.
        var perStage = instances.SelectMany(i => facts[i.Id].Waiting.Select(a => StepName(i, a)).Distinct())
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Step: g.Key, Count: g.Count())).ToList();
        var perStageTable = new FigureTable(PerStageTable, "Lopende voorstellen per stap", ["Stap", "Voorstellen"],
            perStage.Select(s => (IReadOnlyList<Cell>)[s.Step, Cell.Count(s.Count, "voorstel", "voorstellen")]).ToList(),
            Why("Geen van de voorstellen uit deze periode loopt nog: alle zijn afgerond of ingetrokken."), new HashSet<int> { 1 });

        // Days per step and body: the marks and the lines with data, in the order they were written.
        var bodies = new BodyResolver(directory, expressions);
        var durations = new List<(string Step, string Body, double Days)>();
        var merged = marks.Select(m => (m.InstanceId, m.Sequence, m.At, m.Kind, m.ActivityId, Line: (JournalEntry?)null))
            .Concat(lines.Select(l => (l.InstanceId, l.Sequence, l.At, l.Kind, l.ActivityId, Line: (JournalEntry?)l)))
            .OrderBy(l => l.InstanceId, StringComparer.Ordinal).ThenBy(l => l.Sequence);
        foreach (var perInstance in merged.GroupBy(j => j.InstanceId))
        {
            var instance = byId[perInstance.Key];
            var model = models[instance.DefinitionVersionId];
            var open = new Dictionary<string, DateTimeOffset>();
            var seen = new Dictionary<string, string>();
            foreach (var line in perInstance.Where(j => j.ActivityId is not null))
            {
                var activityId = line.ActivityId!;
                if (line.Kind == JournalKinds.ActivityStarted)
                {
                    open.TryAdd(activityId, line.At);
                }
                else if (line.Kind == JournalKinds.ActivityCompleted)
                {
                    if (open.Remove(activityId, out var started) && line.At > started)
                    {
                        var body = seen.GetValueOrDefault(activityId) ?? bodies.Of(model, activityId, facts[instance.Id].Input);
                        durations.Add((StepName(instance, activityId), body, (line.At - started).TotalDays));
                    }

                    seen.Remove(activityId);
                }
                else if (line.Line is { } withData && BodyResolver.FromLine(withData) is { } bodyId)
                {
                    seen[activityId] = bodies.Name(bodyId);
                }
            }
        }

        var leadTimes = durations.GroupBy(d => (d.Step, d.Body))
            .Select(g => (g.Key.Step, g.Key.Body, Median: Median(g.Select(d => d.Days)), Mean: g.Average(d => d.Days), Count: g.Count()))
            .Where(g => g.Mean >= 0.01).OrderByDescending(g => g.Median).ThenBy(g => g.Step, StringComparer.Ordinal).ToList();
        var leadTimeTable = new FigureTable(LeadTimeTable, "Doorlooptijd per stap en orgaan (in dagen)", ["Stap", "Orgaan", "Mediaan (dagen)", "Gemiddeld (dagen)", "Aantal keer"],
            leadTimes.Select(l => (IReadOnlyList<Cell>)[l.Step, l.Body, Cell.Days(l.Median), Cell.Days(l.Mean), Cell.Count(l.Count, "keer", "keer")]).ToList(),
            Why(durations.Count == 0
                ? "Nog geen stap van deze voorstellen is afgerond."
                : "De afgeronde stappen van deze voorstellen duurden elk minder dan een kwartier; die telt deze tabel niet mee."), new HashSet<int> { 2, 3, 4 });
        var leadTimeChart = leadTimes.Take(12)
            .Select(l => new Bar($"{l.Step} ({l.Body})", Math.Round(l.Median, 1), $"{DutchFormat.Decimal(l.Median)} {(Math.Round(l.Median, 1) == 1 ? "dag" : "dagen")}")).ToList();

        // The councils and the zienswijze deadline.
        var councils = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            foreach (var (name, answer) in facts[instance.Id].Answers)
            {
                var counts = councils.TryGetValue(name, out var c) ? c : councils[name] = new int[4];
                counts[(int)answer]++;
            }
        }

        var zienswijzenTable = new FigureTable(ZienswijzenTable, "Zienswijzen van de raden: op tijd, te laat of geen", ["Raad", "Op tijd", "Te laat", "Geen zienswijze", "Termijn loopt nog"],
            councils.OrderBy(c => c.Key, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))
                .Select(c => (IReadOnlyList<Cell>)[c.Key, Cell.Number(c.Value[0]), Cell.Number(c.Value[1]), Cell.Number(c.Value[2]), Cell.Number(c.Value[3])]).ToList(),
            Why("Geen van de voorstellen uit deze periode heeft de raden om een zienswijze gevraagd."), new HashSet<int> { 1, 2, 3, 4 });

        // Proposals that went past a legal deadline.
        var late = new List<IReadOnlyList<Cell>>();
        foreach (var line in lines)
        {
            var instance = byId[line.InstanceId];
            var what = GovernanceJournal.Read(line) switch
            {
                TermijnOverschreden o => (Termijn: o.Termijn, Happened: $"{o.Onderwerp ?? "Het bericht"} is te laat verzonden, op {DutchFormat.Moment(line.At)}"),
                TermijnVerstreken.NazorgOpen n => (Termijn: n.Termijn, Happened: $"De taak \"{n.Taak}\" was op {DutchFormat.Moment(line.At)} nog niet gereed"),
                _ => default,
            };
            if (what.Happened is not null)
            {
                late.Add([facts[instance.Id].Title, line.ActivityId is null ? "" : StepName(instance, line.ActivityId), what.Termijn ?? "", what.Happened]);
            }
        }

        var lateProposals = late.Select(r => r[0].Text).Distinct(StringComparer.Ordinal).Count();
        var legalTable = new FigureTable(LegalDeadlinesTable, "Voorstellen over een wettelijke termijn", ["Voorstel", "Stap", "Termijn", "Wat er gebeurde"], late,
            Why("Geen van de voorstellen uit deze periode is over een wettelijke termijn gegaan."), new HashSet<int>());

        // Board touches.
        var touchesOf = lines.Where(j => Touches.Contains(j.Kind)).CountBy(j => j.InstanceId).ToDictionary(StringComparer.Ordinal);
        var touches = instances.Select(i => touchesOf.GetValueOrDefault(i.Id)).ToList();
        var touchesTable = new FigureTable(TouchesTable, "Bestuurlijke drukte: vergaderingen en schriftelijke rondes per voorstel", ["Aantal keer behandeld", "Voorstellen"],
            touches.GroupBy(t => t).OrderBy(g => g.Key).Select(g => (IReadOnlyList<Cell>)[Cell.Count(g.Key, "keer", "keer"), Cell.Count(g.Count(), "voorstel", "voorstellen")]).ToList(),
            NoProposals, new HashSet<int> { 0, 1 });

        return new Figures(period, instances.Count, truncated,
            perStage.Select(s => new Bar(s.Step, s.Count, DutchFormat.Count(s.Count, "voorstel", "voorstellen"))).ToList(),
            leadTimeChart, touches.Count == 0 ? 0 : touches.Average(),
            [perStageTable, leadTimeTable, zienswijzenTable, legalTable with { Title = legalTable.Title + (lateProposals == 0 ? "" : $" ({DutchFormat.Count(lateProposals, "voorstel", "voorstellen")})") }, touchesTable]);
    }

    internal enum Answer
    {
        InTime = 0,
        Late = 1,
        None = 2,
        Open = 3,
    }

    /// <summary>
    /// Each council's answer in the zienswijzenrondes of a proposal, from the round's variable: given by the deadline, after
    /// it, none (no zienswijze, or silent when the period ended), or the period still runs.
    /// </summary>
    private static IEnumerable<(string Council, Answer Answer)> ZienswijzeAnswers(InstanceView instance, WorkflowDefinitionModel model)
    {
        var names = model.Root.Activities.Where(a => a.Type == nameof(Zienswijzenronde))
            .Select(a => a.Inputs.TryGetValue("variabele", out var v) && v is JsonValue value && value.TryGetValue<string>(out var name) ? name : "zienswijzen")
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (instance.Variables.GetValueOrDefault(name) is not JsonObject round || round["raden"] is not JsonObject councils)
            {
                continue;
            }

            var deadline = round["termijn"]?["moment"] is JsonValue m && m.TryGetValue<DateTimeOffset>(out var moment) ? moment : (DateTimeOffset?)null;
            foreach (var (_, node) in councils)
            {
                if (node is not JsonObject council)
                {
                    continue;
                }

                var status = council["status"]?.GetValue<string>();
                var answer = council["antwoord"]?.GetValue<string>();
                var received = council["ontvangen"] is JsonValue r && r.TryGetValue<DateTimeOffset>(out var at) ? at : (DateTimeOffset?)null;
                var kind = status switch
                {
                    "open" => Answer.Open,
                    "ontvangen" when answer == Zienswijzenronde.GeenZienswijze => Answer.None,
                    "ontvangen" when deadline is { } d && received is { } a && a > d => Answer.Late,
                    "ontvangen" => Answer.InTime,
                    _ => Answer.None,
                };
                yield return (council["naam"]?.GetValue<string>() ?? "Onbekende raad", kind);
            }
        }
    }

    private static Cell Title(JsonObject input) =>
        input["titel"] is JsonValue t && t.TryGetValue<string>(out var title) && !string.IsNullOrWhiteSpace(title) ? title : "(zonder titel)";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The body a step is about: the meeting or written round its journal names, else its <c>orgaan</c> or <c>groep</c>
    /// input (an expression evaluated on the proposal's input once per distinct value of what it reads), else the councils
    /// or colleges for their rounds, else the secretariat.
    /// </summary>
    private sealed partial class BodyResolver(IGovernanceDirectory directory, IExpressionEvaluator expressions)
    {
        private readonly Dictionary<string, string> _evaluated = new(StringComparer.Ordinal);

        public static string? FromLine(JournalEntry line) =>
            line.Kind == SchriftelijkeRondeGestart.KindName ? line.Data?["orgaan"]?.GetValue<string>()
            : line.Kind == OpDeAgenda.KindName ? line.Data?["vergadering"]?["orgaan"]?.GetValue<string>()
            : null;

        public string Name(string bodyId) => directory.Current.Model.FindBody(bodyId)?.Name ?? Secretariat;

        public string Of(WorkflowDefinitionModel model, string activityId, JsonObject input)
        {
            var activity = model.Root.Activities.FirstOrDefault(a => a.Id == activityId);
            if (activity is null)
            {
                return Secretariat;
            }

            if (activity.Type == nameof(Zienswijzenronde))
            {
                return "Gemeenteraden";
            }

            if (activity.Type == nameof(TerugkoppelingColleges))
            {
                return "Colleges van B en W";
            }

            foreach (var name in new[] { "orgaan", "groep" })
            {
                if (!activity.Inputs.TryGetValue(name, out var raw) || raw is null)
                {
                    continue;
                }

                if (raw is JsonValue literal && literal.TryGetValue<string>(out var id))
                {
                    return Name(id);
                }

                // A body chosen per value of an input (perValue, choose), or by JavaScript on older versions.
                if (RouteValues.IsComputed(raw))
                {
                    return Evaluate(raw, input);
                }
            }

            return Secretariat;
        }

        private string Evaluate(JsonNode computed, JsonObject input)
        {
            // The result depends only on the inputs the value reads; JavaScript that reads variables is not cached.
            var text = computed.ToJsonString();
            var reads = RouteValues.ComputedKind(computed) == RouteValues.Expression
                ? InputRead().Matches(text).Select(m => m.Groups[1].Value)
                : RouteValues.Subjects(computed).Select(RouteValues.Split).Where(s => s?.Root == "input").Select(s => s!.Value.Path[0]);
            var key = RouteValues.ComputedKind(computed) == RouteValues.Expression && text.Contains("variables", StringComparison.Ordinal)
                ? null
                : text + "\n" + string.Join("\n", reads.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(r => r + "=" + input[r]?.ToJsonString()));
            if (key is not null && _evaluated.TryGetValue(key, out var known))
            {
                return known;
            }

            string name;
            try
            {
                var scope = RouteScope.OfInput(input, expressions.Evaluate);
                name = RouteValues.Evaluate(computed, scope) is JsonValue v && v.TryGetValue<string>(out var id) ? Name(id) : Secretariat;
            }
            catch (Exception ex) when (ex is ExpressionException or RouteRuleException)
            {
                name = Secretariat;
            }

            if (key is not null)
            {
                _evaluated[key] = name;
            }

            return name;
        }

        [GeneratedRegex(@"\binput\.([A-Za-z_][A-Za-z0-9_]*)")]
        private static partial Regex InputRead();
    }

    /// <summary>A horizontal bar chart as SVG, with the values also in text (the chart is not the only carrier).</summary>
    public static string Chart(string title, IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0)
        {
            return "";
        }

        const int row = 28;
        const int labelWidth = 300;
        const int barWidth = 320;
        var max = bars.Max(b => b.Value);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {labelWidth + barWidth + 180} {bars.Count * row + 10}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var width = max <= 0 ? 0 : bars[i].Value / max * barWidth;
            var y = i * row + 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(Shorten(bars[i].Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{width:0.#}\" height=\"18\" fill=\"#01689b\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(bars[i].Shown)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text) => text.Length <= 42 ? text : text[..41] + "…";
}

/// <summary>What the figures need from one proposal's state: its title, its input (for the body of a step), each council's zienswijze answer, and the steps it waits at.</summary>
internal sealed record ProposalFacts(Cell Title, JsonObject Input, IReadOnlyList<(string Council, ProposalFigures.Answer Answer)> Answers, IReadOnlyList<string> Waiting);

/// <summary>
/// The figures this host computed, per period, with the change mark they were computed at (the last few periods asked
/// for), and what was read of the proposals that ended (they never change again). One per host (a singleton): every host
/// of a shared database reads the mark from the database, so no host gives figures older than the last change it can see.
/// </summary>
public sealed class FiguresCache
{
    /// <summary>Periods kept per change mark: the current year and a few asked for next to it.</summary>
    public const int Periods = 8;

    /// <summary>Ended proposals kept; past this the list starts again (a bound on memory, far above a GR's proposals of a period).</summary>
    public const int EndedProposals = 20_000;

    private readonly Lock _lock = new();
    private readonly LinkedList<(FiguresPeriod Period, Figures Figures)> _figures = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProposalFacts> _ended = new(StringComparer.Ordinal);
    private string? _key;

    /// <summary>The figures of the period computed at this mark; null when there are none.</summary>
    public Figures? Find(string key, FiguresPeriod period)
    {
        lock (_lock)
        {
            if (_key != key)
            {
                return null;
            }

            for (var node = _figures.First; node is not null; node = node.Next)
            {
                if (node.Value.Period == period)
                {
                    // Most recently asked first, so the least asked for leaves first.
                    _figures.Remove(node);
                    _figures.AddFirst(node);
                    return node.Value.Figures;
                }
            }

            return null;
        }
    }

    /// <summary>Keeps the figures of a period computed at this mark; figures of another mark are dropped.</summary>
    public void Keep(string key, FiguresPeriod period, Figures figures)
    {
        lock (_lock)
        {
            if (_key != key)
            {
                _figures.Clear();
                _key = key;
            }

            for (var node = _figures.First; node is not null; node = node.Next)
            {
                if (node.Value.Period == period)
                {
                    _figures.Remove(node);
                    break;
                }
            }

            _figures.AddFirst((period, figures));
            while (_figures.Count > Periods)
            {
                _figures.RemoveLast();
            }
        }
    }

    internal ProposalFacts? Ended(string instanceId) => _ended.GetValueOrDefault(instanceId);

    internal void KeepEnded(string instanceId, ProposalFacts facts)
    {
        if (_ended.Count >= EndedProposals)
        {
            _ended.Clear();
        }

        _ended[instanceId] = facts;
    }
}
