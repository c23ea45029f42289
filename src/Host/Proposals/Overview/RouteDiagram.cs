using System.Globalization;
using System.Net;
using System.Text;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>
/// Draws a route as SVG at its own size (one unit is one CSS pixel, never shrunk to fit), so its labels read at 14 px;
/// a narrow screen scrolls it inside its own box and may pinch-zoom it. Done, now and ahead are told apart by fill and
/// by a written mark, not by colour alone. The same path is given as an ordered list for screen readers beside it.
/// </summary>
public static class RouteDiagram
{
    private const double BoxWidth = 190;
    private const double BoxHeight = 80;
    private const double Gap = 36;
    private const double Margin = 8;
    private const int PerRow = 4;
    private const int CharactersPerLine = 23;

    /// <summary>The proposal's own path, in rows of four steps read left to right, each step numbered.</summary>
    public static string Path(IReadOnlyList<PathStep> path)
    {
        if (path.Count == 0)
        {
            return "";
        }

        var columns = Math.Min(PerRow, path.Count);
        var rows = (path.Count + PerRow - 1) / PerRow;
        var width = Margin * 2 + columns * BoxWidth + (columns - 1) * Gap;
        var height = Margin * 2 + rows * BoxHeight + (rows - 1) * Gap;
        double X(int i) => Margin + i % PerRow * (BoxWidth + Gap);
        double Y(int i) => Margin + i / PerRow * (BoxHeight + Gap);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"route-diagram\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<defs><marker id=\"pad-pijl\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5c5c5c\"/></marker></defs>");
        for (var i = 1; i < path.Count; i++)
        {
            var (x1, y1, x2, y2) = (X(i - 1), Y(i - 1), X(i), Y(i));
            var d = y1 == y2
                ? $"M{x1 + BoxWidth:0},{y1 + BoxHeight / 2:0} L{x2 - 2:0},{y2 + BoxHeight / 2:0}"
                : $"M{x1 + BoxWidth / 2:0},{y1 + BoxHeight:0} L{x1 + BoxWidth / 2:0},{y1 + BoxHeight + Gap / 2:0} L{x2 + BoxWidth / 2:0},{y1 + BoxHeight + Gap / 2:0} L{x2 + BoxWidth / 2:0},{y2 - 2:0}";
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" fill=\"none\" stroke=\"#5c5c5c\" stroke-width=\"1.5\" marker-end=\"url(#pad-pijl)\"/>");
        }

        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            var (fill, stroke, strokeWidth, mark) = step.State switch
            {
                StepState.Done => ("#d4edda", "#1e5631", 1.5, "✓ gedaan"),
                StepState.Now => ("#ffe9a8", "#1a1a1a", 3.0, "▶ nu"),
                _ => ("#ffffff", "#5c5c5c", 1.5, "nog te gaan"),
            };
            var state = step.State switch { StepState.Done => "gedaan", StepState.Now => "nu", _ => "nog" };
            svg.Append(CultureInfo.InvariantCulture, $"<g data-stap=\"{E(step.ActivityId)}\" data-toestand=\"{state}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(i):0}\" y=\"{Y(i):0}\" width=\"{BoxWidth:0}\" height=\"{BoxHeight:0}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"{(step.State == StepState.Ahead ? " stroke-dasharray=\"5 3\"" : "")}/>");
            // One text per title, its lines as tspans (the space stays at the end of a line), so the title reads as one.
            var lines = Wrap($"{i + 1}. {step.Title}", CharactersPerLine, 2);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{X(i) + 10:0}\" y=\"{Y(i) + 22:0}\" font-size=\"14\" font-weight=\"{(step.State == StepState.Now ? "bold" : "normal")}\" fill=\"#1a1a1a\">");
            for (var l = 0; l < lines.Count; l++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{X(i) + 10:0}\" dy=\"{(l == 0 ? 0 : 18)}\">{E(lines[l])}{(l < lines.Count - 1 ? " " : "")}</tspan>");
            }

            svg.Append("</text>");

            // Done and now by day and month (the list beside it gives the year); ahead in full, as a plan is read.
            var when = step.Day is not { } day ? mark : step.State switch
            {
                StepState.Ahead => "verwacht " + DutchFormat.Day(day),
                StepState.Now => $"{mark} · sinds {DutchFormat.DayAndMonth(day)}",
                _ => $"{mark} · {DutchFormat.DayAndMonth(day)}",
            };
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i) + 10:0}\" y=\"{Y(i) + 68:0}\" font-size=\"13\" fill=\"#1a1a1a\">{E(Shorten(when, 27))}</text>");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Every step of the definition from the designer's positions, drawn at its own size: the full route with the
    /// branches this proposal does not take, for whoever wants to see them. Steps of the path are marked.
    /// </summary>
    /// <param name="instead">
    /// Drawn instead of the path, because the steps ahead could not be foreseen: the steps not done are then "nog"
    /// (which of them the proposal will take is not known), and the steps carry their id and state for tests and tools.
    /// </param>
    public static string Full(WorkflowDefinitionModel definition, IReadOnlyList<PathStep> path, bool instead = false)
    {
        const double width = 150;
        const double height = 56;
        var nodes = definition.Root.Activities.Where(a => a.Designer is not null).ToList();
        if (nodes.Count == 0)
        {
            return "";
        }

        var states = path.GroupBy(p => p.ActivityId).ToDictionary(g => g.Key, g => g.Last().State);
        var minX = nodes.Min(n => n.Designer!.X);
        var minY = nodes.Min(n => n.Designer!.Y);
        double X(ActivityNode n) => n.Designer!.X - minX + 10;
        double Y(ActivityNode n) => n.Designer!.Y - minY + 10;
        var byId = nodes.ToDictionary(n => n.Id);
        var w = nodes.Max(X) + width + 20;
        var h = nodes.Max(Y) + height + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"route-diagram route-diagram--alle\" width=\"{w:0}\" height=\"{h:0}\" viewBox=\"0 0 {w:0} {h:0}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<defs><marker id=\"alle-pijl\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5c5c5c\"/></marker></defs>");
        foreach (var c in definition.Root.Connections)
        {
            if (byId.TryGetValue(c.Source.Activity, out var from) && byId.TryGetValue(c.Target.Activity, out var to) && from != to)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(from) + width:0}\" y1=\"{Y(from) + height / 2:0}\" x2=\"{X(to):0}\" y2=\"{Y(to) + height / 2:0}\" stroke=\"#5c5c5c\" stroke-width=\"1.5\" marker-end=\"url(#alle-pijl)\"/>");
            }
        }

        foreach (var n in nodes)
        {
            var state = states.TryGetValue(n.Id, out var s) ? s : instead ? StepState.Ahead : (StepState?)null;
            var (fill, stroke, mark) = state switch
            {
                StepState.Now => ("#ffe9a8", "#1a1a1a", "▶ nu"),
                StepState.Done => ("#d4edda", "#1e5631", "✓ gedaan"),
                StepState.Ahead => ("#ffffff", "#1a1a1a", instead ? "" : "nog te gaan"),
                _ => ("#f3f3f3", "#8a8a8a", "niet op deze route"),
            };
            if (instead)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<g data-stap=\"{E(n.Id)}\" data-toestand=\"{state switch { StepState.Now => "nu", StepState.Done => "gedaan", _ => "nog" }}\">");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(n):0}\" y=\"{Y(n):0}\" width=\"{width:0}\" height=\"{height:0}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(state == StepState.Now ? 3 : 1.5)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(n) + 8:0}\" y=\"{Y(n) + 22:0}\" font-size=\"13\" fill=\"#1a1a1a\">{E(Shorten(n.DisplayName ?? n.Id, 20))}</text>");
            if (ProposalRoute.IsStep(n))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(n) + 8:0}\" y=\"{Y(n) + 42:0}\" font-size=\"12\" fill=\"#1a1a1a\">{E(mark)}</text>");
            }

            if (instead)
            {
                svg.Append("</g>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Breaks a title into at most <paramref name="lines"/> lines at spaces; the last line ends in "…" when cut.</summary>
    private static List<string> Wrap(string text, int max, int lines)
    {
        var result = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > max)
            {
                result.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        result.Add(line.ToString());
        if (result.Count > lines)
        {
            result = [.. result.Take(lines - 1), Shorten(string.Join(' ', result.Skip(lines - 1)), max)];
        }

        return result.Select(l => Shorten(l, max)).ToList();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
