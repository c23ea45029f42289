using System.Globalization;
using System.Text;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>
/// The crawl's findings in one Markdown report: a summary per kind of finding, the coverage of the routes, then per page
/// (route and what filled it), per kind of link page and per kind of mail every word with the text around it, the roles
/// that saw it and, for a code, where the code comes from. One run tells what to fix.
/// </summary>
public static class CrawlReport
{
    /// <summary>Names a kind of finding for the report.</summary>
    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.Code => "code from a declaration, route, form or journal",
        FindingKind.CamelCase => "camelCase word",
        FindingKind.Compound => "run-together capitalised word",
        FindingKind.BareCodeAsLabel => "bare code as a label",
        FindingKind.IsoDate => "ISO date",
        FindingKind.IsoDuration => "ISO duration",
        FindingKind.EngineWord => "engine word",
        FindingKind.Channel => "channel name as a label",
        FindingKind.MissingValue => "undefined / null / NaN",
        FindingKind.TechnicalId => "technical id",
        FindingKind.Expression => "expression or JSON path",
        FindingKind.BareCodeAsValue => "bare code as a value (note, not counted)",
        _ => kind.ToString(),
    };

    public static string Write(LanguageCrawl crawl, TimeSpan made, TimeSpan total)
    {
        var report = new StringBuilder();
        var findings = crawl.Findings;
        report.AppendLine("# Language crawl: what a person reads that is no Dutch");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Written by `NoCodeInVisibleTextBrowserTests` (tests/Host.Tests/Language). Data made in {made.TotalSeconds:0} s; data and crawl together {total.TotalSeconds:0} s ({string.Join(", ", crawl.Timings.Select(t => $"{t.Part} done at {t.At.TotalSeconds:0} s"))}).");
        report.AppendLine();
        foreach (var surface in Enum.GetValues<Surface>())
        {
            var visits = crawl.Visits.Where(v => v.Surface == surface).ToList();
            var roles = string.Join(", ", visits.GroupBy(v => surface == Surface.Mail ? "mails" : v.Role).Select(g => $"{g.Count()} {g.Key}"));
            report.AppendLine(CultureInfo.InvariantCulture, $"- {Surfaces(surface)}: {visits.Count} read ({roles}); {findings.Count(f => f.Surface == surface)} findings in {findings.Where(f => f.Surface == surface).Select(f => f.Group).Distinct().Count()} groups.");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- Codes checked: {crawl.Codes.Origins.Count} (from the activity declarations, the shipped routes, the forms' values and the journals).");
        report.AppendLine();
        report.AppendLine("## By kind of finding");
        report.AppendLine();
        report.AppendLine("| Kind | Findings | Groups | Words (most frequent first) |");
        report.AppendLine("|---|---|---|---|");
        foreach (var kind in findings.GroupBy(f => f.Hit.Kind).OrderByDescending(g => g.Count()))
        {
            var words = kind.GroupBy(f => f.Hit.Word).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"`{Cell(g.Key)}` ({g.Count()})");
            report.AppendLine(CultureInfo.InvariantCulture, $"| {Name(kind.Key)} | {kind.Count()} | {kind.Select(f => f.Group).Distinct().Count()} | {string.Join(", ", words)} |");
        }

        report.AppendLine();
        report.AppendLine("## Coverage of the endpoint list");
        report.AppendLine();
        report.AppendLine("| Route | Read as | Reads |");
        report.AppendLine("|---|---|---|");
        foreach (var route in crawl.Pages.Select(p => LanguageCrawl.Normalized(p.Template)).Where(t => !PageRoutes.Excluded.ContainsKey(t)))
        {
            var visits = crawl.Visits.Where(v => v.Surface != Surface.Mail && v.Group.Split(" — ")[0] == route).ToList();
            var roles = string.Join(", ", visits.GroupBy(v => v.Role).Select(g => $"{g.Key} ({string.Join("/", g.Select(v => LanguageCrawl.IsRefused(v, route) ? "no access" : v.Status?.ToString(CultureInfo.InvariantCulture) ?? "?").Distinct())})"));
            report.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(route)}` | {(visits.Count == 0 ? "**not visited**" : roles)} | {visits.Count} |");
        }

        report.AppendLine();
        report.AppendLine("Excluded, with the reason:");
        report.AppendLine();
        foreach (var (route, reason) in PageRoutes.Excluded)
        {
            var present = crawl.Pages.Any(p => LanguageCrawl.Normalized(p.Template) == route) || crawl.OtherGetRoutes.Any(r => LanguageCrawl.Normalized(r) == route);
            report.AppendLine(CultureInfo.InvariantCulture, $"- `{route}`{(present ? "" : " (not in the endpoint list now)")}: {reason}");
        }

        if (crawl.NotCovered.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("**Not covered:**");
            report.AppendLine();
            foreach (var line in crawl.NotCovered)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
            }
        }

        foreach (var surface in Enum.GetValues<Surface>())
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"## {Surfaces(surface)}");
            report.Append(Section(findings.Where(f => f.Surface == surface)));
        }

        report.AppendLine();
        report.AppendLine("## Notes, not counted: a code that is also a Dutch word, shown as a whole value");
        report.AppendLine();
        report.AppendLine("It reads as Dutch (\"positief\" in a cell), so the test does not fail on it; the declared label may read better.");
        report.Append(Section(crawl.Notes));

        report.AppendLine();
        report.AppendLine("## The codes checked");
        report.AppendLine();
        var codes = crawl.Codes.Origins.Keys.ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Engine words (anywhere, as whole words): {string.Join(", ", codes.Where(crawl.Codes.IsEngineWord).Select(c => $"`{c}`"))}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Compound codes (anywhere): {string.Join(", ", codes.Where(crawl.Codes.IsCompound).Select(c => $"`{c}`"))}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Codes of lower-case letters only, mostly Dutch words (only as the whole, lower-case text of a label): {string.Join(", ", codes.Where(CodeBook.IsWord).Select(c => $"`{c}`"))}");
        return report.ToString();
    }

    /// <summary>The findings per group (a page and what filled it, a kind of link page, a kind of mail), one line per word.</summary>
    public static string Section(IEnumerable<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var group in findings.GroupBy(f => f.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {group.Key}");
            text.AppendLine();
            text.AppendLine("| Kind | Word | Seen by | Text around it | Where | The code comes from |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var word in group.GroupBy(f => (f.Hit.Kind, f.Hit.Word)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Word, StringComparer.Ordinal))
            {
                var first = word.First();
                var seenBy = first.Surface == Surface.Mail
                    ? $"{word.Select(f => f.Path).Distinct().Count()} mail(s), e.g. {first.Role}"
                    : string.Join(", ", word.Select(f => f.Role).Distinct());
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Name(word.Key.Kind)} | `{Cell(word.Key.Word)}`{(word.Max(f => f.Count) > 1 ? $" ({word.Max(f => f.Count)}×)" : "")} | {Cell(seenBy)} | {Cell(first.Hit.Context)} | {Cell(first.Hit.Where)} | {Cell(first.Hit.Origin)} |");
            }
        }

        return text.ToString();
    }

    private static string Surfaces(Surface surface) => surface switch
    {
        Surface.Page => "Pages",
        Surface.Link => "Personal-link pages",
        _ => "Mails",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
