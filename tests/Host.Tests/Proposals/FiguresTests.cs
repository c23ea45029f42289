using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>The figures page: proposals per step, lead time per step from the journal, and board touches per proposal.</summary>
public sealed class FiguresTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task The_figures_count_the_steps_time_the_preparation_and_count_the_board_touches()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 30, "10:00")), "test"));
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var waiting = await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = "In voorbereiding", ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
        var moved = await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = "Naar het DB", ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));

        // Three days of preparation, then to the DB (one board touch: the DB's meeting).
        host.Services.GetRequiredService<OffsetTimeProvider>().Advance(TimeSpan.FromDays(3));
        await runtime.ResumeAsync(moved.InstanceId, moved.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));

        using var client = await host.SignInAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Cijfers"));

        page.Should().Contain("Over de 2 meest recente voorstellen.");
        page.Should().Contain("<td>Ambtelijke voorbereiding</td><td>1 voorstel</td>").And.Contain("<td>Dagelijks bestuur</td><td>1 voorstel</td>");
        page.Should().Contain("<td>Ambtelijke voorbereiding</td><td>3 dagen (n = 1)</td>");
        page.Should().Contain("gemiddeld 0,5").And.Contain("<td>0 keer</td><td>1 voorstel</td>").And.Contain("<td>1 keer</td><td>1 voorstel</td>");
        page.Should().Contain("<svg class=\"chart\"");
        waiting.Status.Should().Be(WorkflowStatus.Suspended);
    }
}

/// <summary>The figures are kept until the engine's change mark moves (on a host of their own: they count every proposal).</summary>
public sealed class FiguresFollowChangesTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Figures_shown_once_follow_the_next_change_and_not_before()
    {
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        Task<BurstSummary> StartAsync(string title) => runtime.StartAsync("voorstel",
            new JsonObject { ["titel"] = title, ["pijler"] = "ZorgEnVeiligheid", ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
        await StartAsync("Eerste");
        using var client = await host.SignInAsync();
        (await NumberAsync(client, "Over de (\\d+) meest recente voorstellen", "Over het (meest) recente voorstel")).Should().Be(1);

        var second = await StartAsync("Tweede");
        (await NumberAsync(client, "Over de (\\d+) meest recente voorstellen")).Should().Be(2, "a new proposal moves the engine's change mark");
        (await NumberAsync(client, "<td>Ambtelijke voorbereiding</td><td>(\\d+) voorstel")).Should().Be(2);

        // A step of a proposal already counted moves the mark too: it leaves preparation for the DB.
        await runtime.ResumeAsync(second.InstanceId, second.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        (await NumberAsync(client, "<td>Ambtelijke voorbereiding</td><td>(\\d+) voorstel")).Should().Be(1);
    }

    /// <summary>The number the first pattern that matches the figures page captures ("meest" reads as 1).</summary>
    private static async Task<int> NumberAsync(HttpClient client, params string[] patterns)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Cijfers"));
        var match = patterns.Select(p => System.Text.RegularExpressions.Regex.Match(page, p)).First(m => m.Success);
        return match.Groups[1].Value == "meest" ? 1 : int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
