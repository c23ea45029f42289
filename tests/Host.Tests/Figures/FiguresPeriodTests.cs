using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Figures;

/// <summary>The figures page over a period: proposals started in one year are not counted in another; median days per step and body; CSV.</summary>
public sealed class FiguresPeriodTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_period_filter_counts_only_the_proposals_started_in_it_and_an_empty_period_says_why()
    {
        var first = host.Today;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(first, ("db", 500, "10:00")), "test"));
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        await StartAsync(runtime, "Eerste jaar");

        // Into the next year: three proposals, prepared in 1, 2 and 6 days.
        var next = new DateOnly(first.Year + 1, 2, 1);
        host.MoveClockTo(next, hour: 9);
        var started = new List<BurstSummary>();
        foreach (var title in new[] { "Tweede jaar A", "Tweede jaar B", "Tweede jaar C" })
        {
            started.Add(await StartAsync(runtime, title));
        }

        foreach (var (proposal, day) in started.Zip([1, 2, 6]))
        {
            host.MoveClockTo(next.AddDays(day), hour: 9);
            await runtime.ResumeAsync(proposal.InstanceId, proposal.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        }

        using var client = await host.SignInAsync();
        var firstYear = await PageAsync(client, $"/Cijfers?van=1-1-{first.Year}&tot=31-12-{first.Year}");
        var nextYear = await PageAsync(client, $"/Cijfers?van=1-1-{next.Year}&tot=31-12-{next.Year}");
        var byDefault = await PageAsync(client, "/Cijfers");
        var empty = await PageAsync(client, "/Cijfers?van=1-1-2030&tot=31-12-2030");

        firstYear.Should().Contain($"1 voorstel gestart van 1 januari {first.Year} tot en met 31 december {first.Year}.")
            .And.Contain("Nog geen stap van deze voorstellen is afgerond.");
        Cells(firstYear, "Ambtelijke voorbereiding").Should().Equal("Ambtelijke voorbereiding", "1 voorstel");
        nextYear.Should().Contain($"3 voorstellen gestart van 1 januari {next.Year}");
        Cells(nextYear, "Dagelijks bestuur").Should().Equal("Dagelijks bestuur", "3 voorstellen");
        Cells(nextYear[nextYear.IndexOf("id=\"tabel-doorlooptijd\"", StringComparison.Ordinal)..], "Ambtelijke voorbereiding").Should().Equal("Ambtelijke voorbereiding", "Ambtelijke voorbereidingsgroep Publieke Gezondheid", "2", "3", "3 keer");
        byDefault.Should().Contain($"3 voorstellen gestart van 1 januari {next.Year} tot en met 31 december {next.Year}.", "the page opens on the current year");
        empty.Should().Contain("Geen voorstellen gestart van 1 januari 2030").And.Contain(AdviesRoute.Host.Proposals.Figures.ProposalFigures.NoProposals)
            .And.NotContain("<table");

        // The same table as a file for Dutch Excel.
        using var response = await client.GetAsync($"/Cijfers?handler=csv&tabel=stappen&van=1-1-{next.Year}&tot=31-12-{next.Year}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"cijfers-stappen-{next.Year}-01-01-tot-en-met-{next.Year}-12-31.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark makes Excel read UTF-8");
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be("Stap;Voorstellen\r\nDagelijks bestuur;3\r\n");
        using var leadTimes = await client.GetAsync($"/Cijfers?handler=csv&tabel=doorlooptijd&van=1-1-{next.Year}&tot=31-12-{next.Year}");
        (await leadTimes.Content.ReadAsStringAsync()).Should().Be("Stap;Orgaan;Mediaan (dagen);Gemiddeld (dagen);Aantal keer\r\n" +
            "Ambtelijke voorbereiding;Ambtelijke voorbereidingsgroep Publieke Gezondheid;2;3;3\r\n", "the reader strips the byte order mark");
        using var unknown = await client.GetAsync($"/Cijfers?handler=csv&tabel=bestaat-niet&van=1-1-{next.Year}&tot=31-12-{next.Year}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).Should().Contain("Deze tabel bestaat niet.");
    }

    [Fact]
    public async Task A_bad_date_is_refused_in_Dutch_and_what_was_typed_stays()
    {
        using var client = await host.SignInAsync();

        var impossible = await PageAsync(client, "/Cijfers?van=31-2-2026&tot=31-12-2026");
        var reversed = await PageAsync(client, "/Cijfers?van=1-6-2026&tot=1-1-2026");

        impossible.Should().Contain("De cijfers zijn niet getoond").And.Contain("De begindatum '31-2-2026' is geen bestaande datum. Schrijf de datum als dag-maand-jaar")
            .And.Contain("value=\"31-2-2026\"").And.NotContain("gestart van");
        reversed.Should().Contain("De einddatum (1-1-2026) ligt vóór de begindatum (1-6-2026).").And.Contain("value=\"1-6-2026\"");
    }

    private static Task<BurstSummary> StartAsync(IWorkflowRuntime runtime, string title) =>
        runtime.StartAsync("voorstel", new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>The texts of the cells of the first row that starts with <paramref name="first"/>.</summary>
    internal static string[] Cells(string page, string first)
    {
        var row = System.Text.RegularExpressions.Regex.Matches(page, "<tr class=\"utrecht-table__row\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(c => c.Groups[1].Value).ToArray())
            .First(cells => cells.Length > 0 && cells[0] == first);
        return row;
    }
}
