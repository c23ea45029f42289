using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

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
public sealed class ProposalFigures(WorkflowDbContext db, Overview.DefinitionModels definitions)
{
    private static readonly string[] Touches = ["inVergadering", "schriftelijkeRonde"];

    public async Task<Figures> ComputeAsync(CancellationToken cancellationToken)
    {
        var instances = await db.Instances.AsNoTracking().OrderByDescending(i => i.Id).Take(2000)
            .Select(i => new { i.Id, i.Status, i.StateJson, i.DefinitionRecordId }).ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var journal = await db.Journal.AsNoTracking()
            .Where(j => ids.Contains(j.InstanceId) && (j.Kind == "ActivityStarted" || j.Kind == "ActivityCompleted" || Touches.Contains(j.Kind)))
            .OrderBy(j => j.InstanceId).ThenBy(j => j.Sequence)
            .Select(j => new { j.InstanceId, j.Kind, j.ActivityId, j.At })
            .ToListAsync(cancellationToken);
        var namesOf = instances.ToDictionary(i => i.Id, i => NamesOf(i.DefinitionRecordId));

        var perStage = instances.Where(i => i.Status == nameof(WorkflowStatus.Suspended))
            .SelectMany(i => JsonSerializer.Deserialize<InstanceState>(i.StateJson, WorkflowJson.Options)!.Tokens
                .Select(t => namesOf[i.Id].GetValueOrDefault(t.ActivityId, t.ActivityId)).Distinct())
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Bar(g.Key, g.Count(), g.Count().ToString(CultureInfo.InvariantCulture))).ToList();

        var durations = new List<(string Step, double Days)>();
        foreach (var perInstance in journal.GroupBy(j => j.InstanceId))
        {
            var open = new Dictionary<string, DateTime>();
            foreach (var line in perInstance.Where(j => j.ActivityId is not null))
            {
                if (line.Kind == "ActivityStarted")
                {
                    open.TryAdd(line.ActivityId!, line.At);
                }
                else if (line.Kind == "ActivityCompleted" && open.Remove(line.ActivityId!, out var started) && line.At > started)
                {
                    durations.Add((namesOf[perInstance.Key].GetValueOrDefault(line.ActivityId!, line.ActivityId!), (line.At - started).TotalDays));
                }
            }
        }

        var leadTime = durations.GroupBy(d => d.Step).Select(g => (Step: g.Key, Mean: g.Average(d => d.Days), Count: g.Count()))
            .Where(g => g.Mean >= 0.01).OrderByDescending(g => g.Mean)
            .Select(g => new Bar(g.Step, Math.Round(g.Mean, 1), $"{g.Mean.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"))} dagen (n = {g.Count})")).ToList();

        var touches = instances.Select(i => journal.Count(j => j.InstanceId == i.Id && Touches.Contains(j.Kind))).ToList();
        var perTouches = touches.GroupBy(t => t).OrderBy(g => g.Key)
            .Select(g => new Bar($"{g.Key} keer", g.Count(), $"{g.Count()} voorstellen")).ToList();
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

    private IReadOnlyDictionary<string, string> NamesOf(string recordId) => definitions.StepNames(db, recordId);
}
