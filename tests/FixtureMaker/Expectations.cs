using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.FixtureMaker;

/// <summary>
/// What this version shows of the stored data at the fixture's moment, read from a host started on a copy of it
/// exactly as the tests start theirs: each proposal's status and journal, the overview for a set of queries, and
/// the agenda of every meeting that has items.
/// </summary>
internal static partial class Expectations
{
    public static async Task<StoredFixture> ReadAsync(MakerHost host, IReadOnlyList<MadeProposal> made)
    {
        using var secretary = host.Browser();
        await SignInAsync(secretary, MakerHost.AdminEmail, MakerHost.AdminPassword);
        using var api = host.Api();

        var proposals = new List<StoredProposal>();
        foreach (var proposal in made)
        {
            var instance = await InstanceAsync(api, proposal.Id);
            proposals.Add(new StoredProposal(proposal.Role, proposal.Id, proposal.Title, proposal.DefinitionId, proposal.Kind, proposal.Pillar,
                Status(instance), proposal.AnsweredBy, Journal(instance)));
        }

        var overview = new List<OverviewResult>();
        foreach (var query in await QueriesAsync(secretary))
        {
            overview.Add(new OverviewResult(query, await OverviewAsync(secretary, query)));
        }

        var agendas = new List<AgendaResult>();
        foreach (var meeting in await MeetingsAsync(api))
        {
            if (await AgendaAsync(secretary, meeting) is { Count: > 0 } items)
            {
                agendas.Add(new AgendaResult(meeting, items));
            }
        }

        return new StoredFixture(Story.Moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            MakerHost.AdminEmail, MakerHost.AdminPassword, proposals, overview, agendas);
    }

    /// <summary>
    /// The overview's queries: everything; a title search on a whole word, part of a word, another case and nothing;
    /// each pillar; each status; each body the filter offers (its own bodies, all councils, all colleges); combinations.
    /// </summary>
    private static async Task<IReadOnlyList<string>> QueriesAsync(HttpClient secretary)
    {
        var page = await secretary.GetStringAsync("/Voorstellen");
        string Options(string select) => SelectPattern().Matches(page).Single(m => m.Groups["name"].Value == select).Groups["options"].Value;
        IEnumerable<string> Values(string select) => OptionPattern().Matches(Options(select)).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).Where(v => v.Length > 0);

        static string Query(params (string Name, string Value)[] parts) =>
            "?" + string.Join("&", parts.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

        var queries = new List<string>
        {
            "",
            Query(("zoek", "Ontwerpbegroting")),
            Query(("zoek", "begroting")),
            Query(("zoek", "rapport")),
            Query(("zoek", "VEILIG")),
            Query(("zoek", "visie op GEZONDHEID")),
            Query(("zoek", "2027")),
            Query(("zoek", "bestaat niet")),
        };
        queries.AddRange(Values("pijler").Select(v => Query(("pijler", v))));
        queries.AddRange(Values("status").Select(v => Query(("status", v))));
        queries.AddRange(Values("orgaan").Select(v => Query(("orgaan", v))));
        queries.AddRange(
        [
            Query(("zoek", "2027"), ("pijler", "ZorgEnVeiligheid")),
            Query(("pijler", "PubliekeGezondheid"), ("status", "Suspended")),
            Query(("pijler", "ZorgEnVeiligheid"), ("status", "Cancelled")),
            Query(("orgaan", "db"), ("pijler", "ZorgEnVeiligheid")),
            Query(("orgaan", "raden"), ("status", "Suspended")),
            Query(("zoek", "kader"), ("orgaan", "bac-zv"), ("status", "Suspended")),
            Query(("zoek", "e"), ("pijler", "PubliekeGezondheid"), ("orgaan", "bac-pg")),
        ]);
        return queries;
    }

    [GeneratedRegex("<select id=\"(?<name>[a-z]+)\" name=\"[a-z]+\">(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"")]
    private static partial Regex OptionPattern();
}
