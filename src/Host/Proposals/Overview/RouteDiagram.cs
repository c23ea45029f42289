using System.Globalization;
using System.Net;
using System.Text;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>
/// Draws a definition's route as SVG from the designer positions: steps passed, the current step(s) and the road
/// ahead are told apart by fill and by a text mark (not by colour alone), and the current step is announced.
/// </summary>
public static class RouteDiagram
{
    private const double Width = 150;
    private const double Height = 56;

    public static string Svg(WorkflowDefinitionModel definition, IReadOnlySet<string> passed, IReadOnlySet<string> current)
    {
        var nodes = definition.Root.Activities.Where(a => a.Designer is not null).ToList();
        if (nodes.Count == 0)
        {
            return "";
        }

        var minX = nodes.Min(n => n.Designer!.X);
        var minY = nodes.Min(n => n.Designer!.Y);
        double X(ActivityNode n) => n.Designer!.X - minX + 10;
        double Y(ActivityNode n) => n.Designer!.Y - minY + 10;
        var byId = nodes.ToDictionary(n => n.Id);
        var width = nodes.Max(X) + Width + 20;
        var height = nodes.Max(Y) + Height + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"route-diagram\" viewBox=\"0 0 {width:0} {height:0}\" role=\"img\" aria-labelledby=\"route-titel\" xmlns=\"http://www.w3.org/2000/svg\">");
        var currentNames = string.Join(", ", nodes.Where(n => current.Contains(n.Id)).Select(n => n.DisplayName ?? n.Id));
        svg.Append("<title id=\"route-titel\">Route van het voorstel; nu bij: ").Append(E(currentNames.Length == 0 ? "geen stap" : currentNames)).Append("</title>");
        svg.Append("<defs><marker id=\"pijl\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5c5c5c\"/></marker></defs>");
        foreach (var c in definition.Root.Connections)
        {
            if (byId.TryGetValue(c.Source.Activity, out var from) && byId.TryGetValue(c.Target.Activity, out var to) && from != to)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(from) + Width:0}\" y1=\"{Y(from) + Height / 2:0}\" x2=\"{X(to):0}\" y2=\"{Y(to) + Height / 2:0}\" stroke=\"#5c5c5c\" stroke-width=\"1.5\" marker-end=\"url(#pijl)\"/>");
            }
        }

        foreach (var n in nodes)
        {
            var (fill, stroke, mark) = current.Contains(n.Id) ? ("#ffb612", "#1a1a1a", "▶ nu")
                : passed.Contains(n.Id) ? ("#d4edda", "#1e5631", "✓")
                : ("#ffffff", "#5c5c5c", "");
            var strokeWidth = current.Contains(n.Id) ? 3 : 1.5;
            svg.Append(CultureInfo.InvariantCulture, $"<g data-stap=\"{E(n.Id)}\" data-toestand=\"{(current.Contains(n.Id) ? "nu" : passed.Contains(n.Id) ? "gedaan" : "nog")}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(n):0}\" y=\"{Y(n):0}\" width=\"{Width:0}\" height=\"{Height:0}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(n) + 8:0}\" y=\"{Y(n) + 22:0}\" font-size=\"12\" fill=\"#1a1a1a\">{E(Shorten(n.DisplayName ?? n.Id, 22))}</text>");
            if (mark.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(n) + 8:0}\" y=\"{Y(n) + 42:0}\" font-size=\"11\" font-weight=\"bold\" fill=\"#1a1a1a\">{mark}</text>");
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
