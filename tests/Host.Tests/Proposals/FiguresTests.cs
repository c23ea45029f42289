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

        page.Should().Contain($"2 voorstellen gestart van 1 januari {today.Year}");
        AdviesRoute.Host.Tests.Figures.FiguresPeriodTests.Cells(page, "Ambtelijke voorbereiding").Should().Equal("Ambtelijke voorbereiding", "1 voorstel");
        AdviesRoute.Host.Tests.Figures.FiguresPeriodTests.Cells(page, "Dagelijks bestuur").Should().Equal("Dagelijks bestuur", "1 voorstel");
        page.Should().Contain(">Ambtelijke voorbereidingsgroep Publieke Gezondheid</td>").And.Contain("3 dagen");
        page.Should().Contain("Gemiddeld 0,5 keer per voorstel");
        AdviesRoute.Host.Tests.Figures.FiguresPeriodTests.Cells(page, "geen keer").Should().Equal("geen keer", "1 voorstel");
        AdviesRoute.Host.Tests.Figures.FiguresPeriodTests.Cells(page, "1 keer").Should().Equal("1 keer", "1 voorstel");
        page.Should().Contain("<svg class=\"chart\"");
        waiting.Status.Should().Be(WorkflowStatus.Suspended);
    }
}
