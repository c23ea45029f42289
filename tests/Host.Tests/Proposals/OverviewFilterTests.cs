using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// The overview's search, filters and paging: each filter leaves exactly the proposals that match, newest first, and
/// "Volgende pagina" continues where the page ended.
/// </summary>
public sealed partial class OverviewFilterTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>Start → one step of <paramref name="type"/> → an End for each of its outcomes.</summary>
    private static string OneStep(string definitionId, string type, string inputs, params string[] ports) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Eén stap ({{type}})",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "stap", "type": "{{type}}", "inputs": {{inputs}} },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "stap", "port": "In" } },
              {{string.Join(",\n      ", ports.Select(p => $$"""{ "source": { "activity": "stap", "port": "{{p}}" }, "target": { "activity": "einde", "port": "In" } }"""))}}
            ]
          }
        }
        """;

    private async Task<string> StartAsync(string definitionId, string title) =>
        (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title }, new Trigger("secretaris", Channel.Api)))).InstanceId;

    /// <summary>The titles the overview lists, in their order, and the link to the next page if there is one.</summary>
    private static async Task<(List<string> Titles, string? Next)> OverviewAsync(HttpClient client, string query)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Voorstellen?" + query));
        var titles = ProposalLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var next = NextLink().Match(page);
        return (titles, next.Success ? next.Groups[1].Value : null);
    }

    [Fact]
    public async Task The_body_filter_finds_what_waits_on_one_body_or_on_any_council_or_college_and_the_status_filter_the_finished()
    {
        var marker = "Filtertoets-" + Guid.NewGuid().ToString("N")[..8];
        var councils = Definitions.UniqueId("raden");
        var colleges = Definitions.UniqueId("colleges");
        var board = Definitions.UniqueId("db");
        var straight = Definitions.UniqueId("klaar");
        await host.SaveAsync(OneStep(councils, "Zienswijzenronde", """{ "raden": ["raad-assen"] }""", "gereed"));
        await host.SaveAsync(OneStep(colleges, "TerugkoppelingColleges", """{ "colleges": ["college-emmen"] }""", "instemming", "bedenkingen"));
        await host.SaveAsync(WrittenDecision.Definition(board, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        await host.SaveAsync(Definitions.RequiresTitle(straight));
        await StartAsync(councils, $"{marker} zienswijze Assen");
        await StartAsync(colleges, $"{marker} terugkoppeling Emmen");
        await StartAsync(board, $"{marker} besluit DB");
        await StartAsync(straight, $"{marker} afgerond");
        using var secretary = await host.SignInAsync();

        (await OverviewAsync(secretary, $"zoek={marker}")).Titles.Should()
            .Equal($"{marker} afgerond", $"{marker} besluit DB", $"{marker} terugkoppeling Emmen", $"{marker} zienswijze Assen");
        (await OverviewAsync(secretary, $"zoek={marker}&orgaan=raden")).Titles.Should().Equal($"{marker} zienswijze Assen");
        (await OverviewAsync(secretary, $"zoek={marker}&orgaan=raad-assen")).Titles.Should().Equal($"{marker} zienswijze Assen");
        (await OverviewAsync(secretary, $"zoek={marker}&orgaan=colleges")).Titles.Should().Equal($"{marker} terugkoppeling Emmen");
        (await OverviewAsync(secretary, $"zoek={marker}&orgaan=db")).Titles.Should().Equal($"{marker} besluit DB");
        (await OverviewAsync(secretary, $"zoek={marker}&orgaan=ab")).Titles.Should().BeEmpty();
        (await OverviewAsync(secretary, $"zoek={marker}&status=Finished")).Titles.Should().Equal($"{marker} afgerond");
        (await OverviewAsync(secretary, $"zoek={marker}&status=Suspended&orgaan=raden")).Titles.Should().Equal($"{marker} zienswijze Assen");
        (await OverviewAsync(secretary, $"zoek={marker}&status=Finished&orgaan=raden")).Titles.Should().BeEmpty();
        var unknown = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/Voorstellen?zoek={marker}&status=Onbekend"));
        unknown.Should().Contain("Er zijn geen voorstellen die hierbij passen.");
    }

    [Fact]
    public async Task The_title_search_ignores_case_and_accents()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var definition = Definitions.UniqueId("zoeken");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definition));
        await StartAsync(definition, $"Zienswijze Coëvorden {marker}");
        await StartAsync(definition, $"Zienswijze Emmen {marker}");
        using var secretary = await host.SignInAsync();

        (await OverviewAsync(secretary, $"zoek={Uri.EscapeDataString($"COEVORDEN {marker.ToUpperInvariant()}")}")).Titles.Should().Equal($"Zienswijze Coëvorden {marker}");
        (await OverviewAsync(secretary, $"zoek={Uri.EscapeDataString($"  zienswijze coëvorden {marker} ")}")).Titles.Should().Equal($"Zienswijze Coëvorden {marker}");
        (await OverviewAsync(secretary, $"zoek={marker}")).Titles.Should().Equal($"Zienswijze Emmen {marker}", $"Zienswijze Coëvorden {marker}");
    }

    [Fact]
    public async Task The_next_page_continues_after_the_last_proposal_shown_and_an_unknown_cursor_shows_the_first_page()
    {
        var marker = "Paginatoets-" + Guid.NewGuid().ToString("N")[..8];
        var definition = Definitions.UniqueId("pagina");
        await host.SaveAsync(Definitions.ApprovalThenEnd(definition));
        for (var i = 1; i <= 27; i++)
        {
            await StartAsync(definition, $"{marker} {i:00}");
        }

        using var secretary = await host.SignInAsync();

        var (first, next) = await OverviewAsync(secretary, $"zoek={marker}");
        first.Should().Equal(Enumerable.Range(3, 25).Reverse().Select(i => $"{marker} {i:00}"));
        next.Should().NotBeNull().And.Contain($"zoek={marker}");
        var (second, after) = await OverviewAsync(secretary, next![1..]);
        second.Should().Equal($"{marker} 02", $"{marker} 01");
        after.Should().BeNull();

        (await OverviewAsync(secretary, $"zoek={marker}&na=geen-cursor")).Titles.Should().Equal(first);
    }

    [GeneratedRegex("<td[^>]*><a href=\"/Voorstellen/[^\"]+\">([^<]*)</a><br><small>")]
    private static partial Regex ProposalLink();

    [GeneratedRegex("<a href=\"([^\"]*)\">Volgende pagina</a>")]
    private static partial Regex NextLink();
}
