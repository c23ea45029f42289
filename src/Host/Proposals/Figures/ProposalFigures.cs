using System.Globalization;
using System.Net;
using System.Text;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Proposals.Figures;

/// <summary>One bar of a chart.</summary>
public sealed record Bar(string Label, double Value, string Shown);

/// <summary>The figures the board asks for: where proposals are, how long steps take, and how often the board is touched.</summary>
public sealed record Figures(IReadOnlyList<Bar> PerStage, IReadOnlyList<Bar> LeadTimePerStep, IReadOnlyList<Bar> TouchesPerProposal, double AverageTouches, int Proposals);

/// <summary>
/// Computes the figures from the instances and their journals: proposals per current step, the mean time a step
/// took (from its start to its completion in the journal), and the board touches per proposal (meetings and written
/// rounds of BAC, DB and AB): the "bestuurlijke drukte" the governance notes want reduced.
/// </summary>
public sealed class ProposalFigures(IWorkflowReader workflows, ProposalFigures.Computed computed)
{
    /// <summary>The proposals the figures are computed over, newest first: a bound on the work of one request.</summary>
    public const int MaxProposals = 2000;

    private static readonly string[] Touches = [OpDeAgenda.KindName, SchriftelijkeRondeGestart.KindName];

    /// <summary>
    /// The figures; computed again only when an instance changed since they were last computed (the engine's change mark),
    /// so asking for them costs one small query while nothing moves, on any host of a shared database.
    /// </summary>
    public async Task<Figures> ComputeAsync(CancellationToken cancellationToken)
    {
        var mark = await workflows.GetChangeMarkAsync(cancellationToken);
        if (computed.Last is { } last && last.Mark == mark)
        {
            return last.Figures;
        }

        var figures = await ComputeNowAsync(cancellationToken);
        computed.Last = (mark, figures);
        return figures;
    }

    /// <summary>The last figures this host computed and the change mark they were computed at (one per host).</summary>
    public sealed class Computed
    {
        private volatile Tuple<string, Figures>? _last;

        public (string Mark, Figures Figures)? Last
        {
            get => _last is { } last ? (last.Item1, last.Item2) : null;
            set => _last = value is { } v ? Tuple.Create(v.Mark, v.Figures) : null;
        }
    }

    private async Task<Figures> ComputeNowAsync(CancellationToken cancellationToken)
    {
        // The proposals as list rows (no state), and only the open ones whole, for the step they wait at: the state of
        // a finished proposal says nothing the figures need, and reading it for years of proposals cost most of the time.
        var instances = new List<InstanceSummary>();
        string? cursor = null;
        do
        {
            var page = await workflows.PageSummariesAsync(InstanceQuery.All, cursor, Math.Min(IWorkflowReader.MaxPageSize, MaxProposals - instances.Count), cancellationToken);
            instances.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && instances.Count < MaxProposals);

        var counted = instances.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var waiting = new List<InstanceView>();
        if (instances.Count > 0)
        {
            var oldest = instances[^1].Id;
            await foreach (var instance in workflows.StreamInstancesAsync(new InstanceQuery { Statuses = [WorkflowStatus.Suspended] }, cancellationToken))
            {
                // Newest first: past the oldest counted proposal nothing more is counted.
                if (string.CompareOrdinal(instance.Id, oldest) < 0)
                {
                    break;
                }

                if (counted.Contains(instance.Id))
                {
                    waiting.Add(instance);
                }
            }
        }

        // Only when and where each line happened: the marks, not the lines with their data.
        var journal = await workflows.GetJournalMarksAsync(instances.Select(i => i.Id), [JournalKinds.ActivityStarted, JournalKinds.ActivityCompleted, .. Touches], cancellationToken);
        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var versionId in instances.Select(i => i.DefinitionVersionId).Distinct(StringComparer.Ordinal))
        {
            var model = await workflows.GetDefinitionModelAsync(versionId, cancellationToken)
                ?? throw new InvalidOperationException($"Definition version {versionId} is not stored.");
            names[versionId] = model.Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName ?? a.Id);
        }

        var namesOf = instances.ToDictionary(i => i.Id, i => names[i.DefinitionVersionId]);

        var perStage = waiting
            .SelectMany(i => i.Tokens.Select(t => namesOf[i.Id].GetValueOrDefault(t.ActivityId, t.ActivityId)).Distinct())
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Bar(g.Key, g.Count(), DutchFormat.Count(g.Count(), "voorstel", "voorstellen"))).ToList();

        var durations = new List<(string Step, double Days)>();
        foreach (var perInstance in journal.GroupBy(j => j.InstanceId))
        {
            var open = new Dictionary<string, DateTimeOffset>();
            foreach (var line in perInstance.Where(j => j.ActivityId is not null))
            {
                if (line.Kind == JournalKinds.ActivityStarted)
                {
                    open.TryAdd(line.ActivityId!, line.At);
                }
                else if (line.Kind == JournalKinds.ActivityCompleted && open.Remove(line.ActivityId!, out var started) && line.At > started)
                {
                    durations.Add((namesOf[perInstance.Key].GetValueOrDefault(line.ActivityId!, line.ActivityId!), (line.At - started).TotalDays));
                }
            }
        }

        var leadTime = durations.GroupBy(d => d.Step).Select(g => (Step: g.Key, Mean: g.Average(d => d.Days), Count: g.Count()))
            .Where(g => g.Mean >= 0.01).OrderByDescending(g => g.Mean)
            .Select(g => new Bar(g.Step, Math.Round(g.Mean, 1), $"{DutchFormat.Decimal(g.Mean)} {(Math.Round(g.Mean, 1) == 1 ? "dag" : "dagen")} (n = {DutchFormat.Number(g.Count)})")).ToList();

        var touchesOf = journal.Where(j => Touches.Contains(j.Kind)).CountBy(j => j.InstanceId).ToDictionary(StringComparer.Ordinal);
        var touches = instances.Select(i => touchesOf.GetValueOrDefault(i.Id)).ToList();
        var perTouches = touches.GroupBy(t => t).OrderBy(g => g.Key)
            .Select(g => new Bar($"{g.Key} keer", g.Count(), DutchFormat.Count(g.Count(), "voorstel", "voorstellen"))).ToList();
        return new Figures(perStage, leadTime, perTouches, touches.Count == 0 ? 0 : touches.Average(), instances.Count);
    }

    /// <summary>A horizontal bar chart as SVG, with the values also in text (the chart is not the only carrier).</summary>
    public static string Chart(string title, IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0)
        {
            return "";
        }

        const int row = 28;
        const int labelWidth = 260;
        const int barWidth = 360;
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

    private static string Shorten(string text) => text.Length <= 36 ? text : text[..35] + "…";
}
