using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>A Razor page of the host: its route (e.g. <c>/Voorstellen/{id}</c>) and the page file it belongs to.</summary>
/// <param name="AllowsAnonymous">The page is for people without an account (the login page, the personal links).</param>
public sealed record PageRoute(string Template, string Page, bool AllowsAnonymous);

/// <summary>
/// The host's endpoint list as the running host holds it (<see cref="EndpointDataSource"/>): every Razor page, and every
/// other endpoint a browser can GET outside <c>/api</c>. Each must be visited by the crawl or excluded here with the
/// reason; a new page or a new GET endpoint that is neither fails the test, so new pages are covered as they come.
/// </summary>
public static class PageRoutes
{
    /// <summary>Routes the crawl does not visit, each with the reason. Nothing else may be left out.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/Ontwerper/{definitionId}"] =
            "The designer's canvas: a React application whose words (palette, property panel, conditions, simulation) the designer's own issue covers with its own checks.",
        ["/hangfire/{**path}"] =
            "The Hangfire dashboard: a third-party tool for administrators, in English by design, outside the product's own words.",
        ["/documenten/{id}"] =
            "A proposal's document as it was uploaded (PDF, DOCX): the author's file, not a page of the product.",
        ["/verzoek/{token}/stukken/{id}"] =
            "A document through a personal link, as it was uploaded: the author's file, not a page of the product.",
        ["/Voorstellen/{id}/Zienswijzennota/{formaat}"] =
            "The zienswijzennota as a PDF or DOCX file, not a page; Zienswijzen/BegrotingZienswijzenBrowserTests reads its text back.",
        ["/kalender/{bodyId}.ics"] =
            "The jaarkalender as an iCalendar feed, read by calendar programs, not a page.",
        ["/health"] =
            "The health check: JSON for monitoring, not a page.",
        ["/health/live"] =
            "The liveness probe: JSON for monitoring, not a page.",
        ["/health/ready"] =
            "The readiness probe: JSON for monitoring, not a page.",
        ["/openapi/{documentName}.json"] =
            "The API's OpenAPI description: JSON for programs, not a page.",
        ["/openbaar/stukken/{id}/{name}"] =
            "A public stuk as it was uploaded: the author's file, not a page of the product (its 410 page is read in Portal/PortalBrowserTests).",
        ["/openbaar/vergaderingen/{meetingId}/{soort}.pdf"] =
            "The public agenda or besluitenlijst as a PDF file, not a page; Portal/PortalBrowserTests reads it.",
        ["/openbaar/feed.atom"] =
            "The portal's Atom feed, read by feed readers, not a page; Portal/PortalBrowserTests reads its titles and summaries.",
        ["/sitemap.xml"] =
            "The portal's sitemap for search engines, not a page.",
        ["/robots.txt"] =
            "The instructions for search engines, not a page.",
        [AdviesRoute.Host.Look.ErrorPages.TestingFailureRoute] =
            "Only in the Testing environment: a request that fails on purpose, so a test sees the Dutch error page (Look/PageLookBrowserTests).",
    };

    /// <summary>
    /// The Razor pages, one route each. A page with more routes (<c>/Voorstellen</c> and <c>/Voorstellen/Index</c>) is one
    /// page: the shortest route stands for it.
    /// </summary>
    public static IReadOnlyList<PageRoute> Pages(IServiceProvider services) =>
        Endpoints(services)
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .GroupBy(x => x.Page!.ViewEnginePath)
            .Select(g =>
            {
                var (endpoint, _) = g.OrderBy(x => Template(x.Endpoint).Length).First();
                return new PageRoute(Template(endpoint), g.Key, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
            })
            .OrderBy(p => p.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every other endpoint a browser can GET outside <c>/api</c> (files, feeds, dashboards, health).</summary>
    public static IReadOnlyList<string> OtherGetRoutes(IServiceProvider services) =>
        Endpoints(services)
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains("GET"))
            .Select(Template)
            .Where(t => t != "/api" && !t.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The route as written, with one leading slash.</summary>
    public static string Template(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');

    private static IEnumerable<RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
}
