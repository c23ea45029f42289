using System.Reflection;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Portal.Accessibility;

/// <summary>One page the report checks: what the administrator reads, and its site-relative address.</summary>
/// <param name="Part">"AdviesRoute" for the product's own pages; the public portal's come from its sitemap in the browser.</param>
public sealed record CheckedPage(string Title, string Path, string Part);

/// <summary>
/// The product's own pages the accessibility report checks: one of each kind an administrator can open (lists, a
/// proposal, a meeting, forms, the designer, the login page), with real data of this installation where a page shows one
/// thing (the newest proposal, the next meeting of the algemeen bestuur, the designer on the route of proposals). A kind of
/// page without data here (no proposal yet) is left out and named, so the report says what it did not check. The public
/// portal's pages are read by the page's script from <c>/sitemap.xml</c>, so they are exactly those the portal offers.
/// </summary>
public sealed class CheckedPages(ProposalReader proposals, IGovernanceDirectory directory, IWorkflowReader workflows, TimeProvider time)
{
    /// <summary>The part of the product's own pages.</summary>
    public const string ProductPart = "AdviesRoute";

    /// <summary>The body whose meeting page is checked: the algemeen bestuur meets in public and has the fullest agenda.</summary>
    private const string MeetingBody = "ab";

    /// <summary>The route whose designer page is checked: the proposal route, the one process owners edit most.</summary>
    private const string DesignedRoute = "voorstel";

    /// <summary>The pages, in the order they are checked, and the kinds of page left out with why.</summary>
    public async Task<(IReadOnlyList<CheckedPage> Pages, IReadOnlyList<string> LeftOut)> ListAsync(CancellationToken cancellationToken)
    {
        var pages = new List<CheckedPage>();
        var leftOut = new List<string>();
        void Add(string title, string path) => pages.Add(new CheckedPage(title, path, ProductPart));

        Add("Inloggen", "/Account/Login");
        Add("Mijn taken", "/Voorstellen/Taken");
        Add("Voorstellen", "/Voorstellen");
        var newest = (await proposals.PageAsync(new ProposalFilter(), null, cancellationToken)).Items is [var first, ..] ? first : null;
        if (newest is null)
        {
            leftOut.Add("de pagina van een voorstel: er is nog geen voorstel");
        }
        else
        {
            Add($"Voorstel ‘{newest.Title}’", $"/Voorstellen/{Uri.EscapeDataString(newest.Id)}");
        }

        Add("Nieuw voorstel", "/Voorstellen/Nieuw");
        Add("Vergaderingen", "/Vergaderingen");
        var snapshot = directory.Current;
        var today = DutchTime.Today(time.GetUtcNow());
        var meetings = snapshot.Calendar.MeetingsOf(MeetingBody).ToList();
        var meeting = meetings.FirstOrDefault(m => m.Date >= today) ?? meetings.LastOrDefault();
        if (meeting is null)
        {
            leftOut.Add("de pagina van een vergadering: de jaarkalender heeft geen vergadering van het algemeen bestuur");
        }
        else
        {
            var body = snapshot.Model.Bodies.FirstOrDefault(b => b.Id == MeetingBody)?.Name ?? "algemeen bestuur";
            Add($"Vergadering van het {body.ToLowerInvariant()} van {DutchFormat.Day(meeting.Date)}", $"/Vergaderingen/{Uri.EscapeDataString(meeting.Id)}");
        }

        Add("Jaarkalender", "/Jaarkalender");
        Add("Cijfers", "/Cijfers");
        Add("Ontwerper: de routes", "/Ontwerper");
        var routes = await workflows.ListDefinitionsAsync(cancellationToken: cancellationToken);
        var route = routes.FirstOrDefault(r => r.DefinitionId == DesignedRoute) ?? (routes.Count > 0 ? routes[0] : null);
        if (route is null)
        {
            leftOut.Add("de ontwerper van een route: er is nog geen route");
        }
        else
        {
            Add($"Ontwerper: route ‘{route.Name}’", $"/Ontwerper/{Uri.EscapeDataString(route.DefinitionId)}");
        }

        Add("Beheer", "/Beheer");
        Add("Accounts", "/Beheer/Accounts");
        return (pages, leftOut);
    }

    /// <summary>The installation's version as the report names it: the host's informational version ("1.0.0+3f2a…" from the build).</summary>
    public static string InstallationVersion()
    {
        var version = typeof(CheckedPages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(CheckedPages).Assembly.GetName().Version?.ToString() ?? "onbekend";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : $"{version[..plus]} (bouw {version[(plus + 1)..Math.Min(version.Length, plus + 13)]})";
    }
}
