using System.ComponentModel;
using System.Globalization;
using AdviesRoute.Host.Portal.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// <c>GET /api/openbaar/v1/organen/{bodyId}/vergaderingen?year=&amp;from=&amp;to=&amp;page=&amp;pageSize=</c>: the meetings of a
/// body with anything published, and its coming meetings, newest first, filtered by year or dates and paged. A body
/// is a handful of meetings a year, so the catalog's whole list is filtered and cut here.
/// </summary>
internal static class ListMeetings
{
    public static async Task<Results<Ok<OpenDataMeetingPage>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        [Description("Het kenmerk van het orgaan, bijvoorbeeld ab.")] string bodyId,
        [FromServices] IPublicCatalog catalog,
        [FromServices] OpenDataLinks links,
        string? year = null,
        string? from = null,
        string? to = null,
        string? page = null,
        string? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        var query = new OpenDataQuery();
        var inYear = query.Year(nameof(year), year);
        var start = query.Date(nameof(from), from);
        var end = query.Date(nameof(to), to);
        query.Range(nameof(from), start, nameof(to), end);
        var number = query.Number(nameof(page), page, 1, int.MaxValue, 1);
        var size = query.Number(nameof(pageSize), pageSize, 1, OpenDataQuery.MaxPageSize, OpenDataQuery.DefaultPageSize);
        if (!query.IsValid)
        {
            return OpenDataProblems.InvalidQuery(query.Errors);
        }

        var body = (await catalog.BodiesAsync(cancellationToken)).FirstOrDefault(b => b.Id == bodyId);
        if (body is null)
        {
            return OpenDataProblems.NotFound("Er is geen orgaan met het kenmerk {0} dat iets openbaar maakt.", bodyId);
        }

        var meetings = (await catalog.MeetingsAsync(body.Id, cancellationToken))
            .Where(m => inYear is null || m.Date.Year == inYear)
            .Where(m => start is null || m.Date >= start)
            .Where(m => end is null || m.Date <= end)
            .ToList();
        var pages = Math.Max(1, (meetings.Count + size - 1) / size);
        var items = meetings.Skip((int)Math.Min(int.MaxValue, ((long)number - 1) * size)).Take(size).Select(m => OpenDataMapping.Summary(m, links)).ToList();
        return TypedResults.Ok(new OpenDataMeetingPage(body.Id, body.Name, items, number, size, meetings.Count, pages,
            number < pages ? PageAddress(links, body.Id, year, from, to, number + 1, size) : null,
            number > 1 ? PageAddress(links, body.Id, year, from, to, Math.Min(number - 1, pages), size) : null));
    }

    /// <summary>The same list with the same filters, at another page.</summary>
    private static string PageAddress(OpenDataLinks links, string bodyId, string? year, string? from, string? to, int page, int size)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add(nameof(year), year);
        Add(nameof(from), from);
        Add(nameof(to), to);
        Add(nameof(page), page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", size.ToString(CultureInfo.InvariantCulture));
        return links.Meetings(bodyId) + "?" + string.Join("&", query);
    }
}
