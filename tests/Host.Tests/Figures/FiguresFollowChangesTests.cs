using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Proposals.Figures;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Figures;

/// <summary>
/// The figures are kept per period until the engine's change mark moves (on a host of their own: they count every
/// proposal of the year).
/// </summary>
public sealed class FiguresFollowChangesTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Figures_shown_once_follow_the_next_change_and_not_before()
    {
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(host.Today, ("db", 30, "10:00")), "test"));
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        Task<BurstSummary> StartAsync(string title) => runtime.StartAsync("voorstel",
            new JsonObject { ["titel"] = title, ["pijler"] = "ZorgEnVeiligheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
        await StartAsync("Eerste");
        using var client = await host.SignInAsync();
        (await StartedAsync(client)).Should().Be(1);

        // Asked again while nothing changed: the figures kept are given, not computed again.
        var period = new FiguresPeriod(new DateOnly(host.Today.Year, 1, 1), new DateOnly(host.Today.Year, 12, 31));
        var once = await FiguresAsync(period);
        (await FiguresAsync(period)).Should().BeSameAs(once, "nothing moved the engine's change mark");

        var second = await StartAsync("Tweede");
        (await StartedAsync(client)).Should().Be(2, "a new proposal moves the engine's change mark");
        (await PreparingAsync(client)).Should().Be("2 voorstellen");
        (await FiguresAsync(period)).Should().NotBeSameAs(once);

        // A step of a proposal already counted moves the mark too: it leaves preparation for the DB.
        await runtime.ResumeAsync(second.InstanceId, second.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        (await PreparingAsync(client)).Should().Be("1 voorstel");
        (await StartedAsync(client)).Should().Be(2);
    }

    private Task<AdviesRoute.Host.Proposals.Figures.Figures> FiguresAsync(FiguresPeriod period) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<ProposalFigures>().ComputeAsync(period, CancellationToken.None));

    /// <summary>How many proposals the page of the current year says were started in it.</summary>
    private static async Task<int> StartedAsync(HttpClient client)
    {
        var match = Regex.Match(await PageAsync(client), @"(\d+) voorstel(?:len)? gestart van 1 januari");
        match.Success.Should().BeTrue("the page says how many proposals the figures are about");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The count in the row "Ambtelijke voorbereiding" of the table of running proposals per step.</summary>
    private static async Task<string> PreparingAsync(HttpClient client) => FiguresPeriodTests.Cells(await PageAsync(client), "Ambtelijke voorbereiding")[1];

    private static async Task<string> PageAsync(HttpClient client) => WebUtility.HtmlDecode(await client.GetStringAsync("/Cijfers"));
}
