using System.Text;
using System.Xml;
using AdviesRoute.Host.Links;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// The portal's machine-readable addresses, anonymous: the Atom feed of what was published (<c>/openbaar/feed.atom</c>),
/// the sitemap of the portal (<c>/sitemap.xml</c>) and <c>/robots.txt</c> pointing search engines to it.
/// </summary>
public static class PortalEndpoints
{
    /// <summary>How many publications the feed carries.</summary>
    public const int FeedEntries = 50;

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalPaths.Feed, FeedAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PortalPaths.Sitemap, SitemapAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/robots.txt", Robots).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Atom 1.0 (RFC 4287): the feed's id is its own address, <c>updated</c> the newest publication (or withdrawal); each
    /// entry's id is the publication's stable <c>urn:uuid</c>, so a reader recognises it however often it fetches. A
    /// withdrawn publication leaves the feed.
    /// </summary>
    private static async Task<IResult> FeedAsync(IPublicCatalog catalog, IOptionsMonitor<PortalOptions> portal, IOptions<RequestLinkOptions> links,
        Data.HostDbContext host, TimeProvider time, CancellationToken cancellationToken)
    {
        var root = Root(links);
        var entries = await catalog.RecentAsync(FeedEntries, cancellationToken);
        var changes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            host.Publications.Select(p => p.WithdrawnAt ?? p.PublishedAt), cancellationToken);
        var updated = changes.Count == 0 ? time.GetUtcNow().UtcDateTime : changes.Max();
        var name = portal.CurrentValue.Name;

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "nl");
            xml.WriteElementString("id", Atom, root + PortalPaths.Feed);
            xml.WriteElementString("title", Atom, $"Nieuw gepubliceerd door de {name}");
            xml.WriteElementString("subtitle", Atom, "Agenda's, openbare stukken en besluitenlijsten op het openbare portaal.");
            xml.WriteElementString("updated", Atom, Stamp(updated));
            Link(xml, "self", root + PortalPaths.Feed, "application/atom+xml");
            Link(xml, "alternate", root + PortalPaths.Home, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, name);
            xml.WriteElementString("uri", Atom, root + PortalPaths.Home);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, "urn:uuid:" + Guid.ParseExact(entry.Id, "N").ToString("D"));
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("updated", Atom, Stamp(entry.PublishedAt));
                xml.WriteElementString("published", Atom, Stamp(entry.PublishedAt));
                Link(xml, "alternate", root + entry.Path, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", entry.Kind);
                xml.WriteAttributeString("label", entry.Kind == PublicationKinds.Agenda ? "Agenda" : "Besluitenlijst");
                xml.WriteEndElement();
                xml.WriteElementString("summary", Atom, entry.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The sitemap protocol 0.9: the portal's pages, each meeting with something published, and each public stuk.</summary>
    private static async Task<IResult> SitemapAsync(IPublicCatalog catalog, IOptions<RequestLinkOptions> links, EndpointDataSource endpoints, CancellationToken cancellationToken)
    {
        var root = Root(links);
        var urls = new List<(string Path, DateTime? Modified)> { (PortalPaths.Home, null), (PortalPaths.Jaarkalender, null), (PortalPaths.Toegankelijkheid, null) };

        // The public search and the open-data page are other features' (issue 18): listed when they are there.
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        urls.AddRange(new[] { "/openbaar/zoeken", "/openbaar/open-data" }.Where(routes.Contains).Select(p => (p, (DateTime?)null)));
        foreach (var body in await catalog.BodiesAsync(cancellationToken))
        {
            urls.Add((PortalPaths.Body(body.Id), null));
            foreach (var meeting in await catalog.MeetingsAsync(body.Id, cancellationToken))
            {
                var changed = new[] { meeting.AgendaPublishedAt, meeting.BesluitenlijstPublishedAt }.Max();
                if (changed is null)
                {
                    continue;
                }

                urls.Add((PortalPaths.Meeting(meeting.Id), changed));
                var detail = await catalog.MeetingAsync(meeting.Id, cancellationToken);
                foreach (var document in detail!.Agenda.SelectMany(i => i.Documents))
                {
                    urls.Add((document.Path, document.PublishedAt));
                }
            }
        }

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            xml.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in urls.DistinctBy(u => u.Path))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, root + path);
                if (modified is { } at)
                {
                    xml.WriteElementString("lastmod", ns, Stamp(at));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text, "application/xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Search engines may read the portal (and nothing else: the rest asks for a login anyway).</summary>
    private static IResult Robots(IOptions<RequestLinkOptions> links) => Results.Text(
        $"User-agent: *\nAllow: {PortalPaths.Home}\nAllow: {PortalPaths.Sitemap}\nDisallow: /\n\nSitemap: {Root(links)}{PortalPaths.Sitemap}\n", "text/plain; charset=utf-8", Encoding.UTF8);

    /// <summary>The public address the host is reached at (<c>Links:PublicBaseUrl</c>), without a trailing slash.</summary>
    private static string Root(IOptions<RequestLinkOptions> links) => links.Value.PublicBaseUrl.TrimEnd('/');

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }
}
