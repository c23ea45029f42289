using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Jaarkalender;

/// <summary>A running begroting on the jaarkalender: its own planning beside the legal dates of its year, with a warning when late.</summary>
public sealed class JaarkalenderBegrotingTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_begroting_whose_AB_comes_after_the_legal_date_shows_the_warning_with_the_article()
    {
        // DB meetings soon, after the councils' twelve weeks (it sends the draft) and after the zienswijzen (it adopts the
        // reactions); the only AB meeting after 14 September of next year.
        var today = host.Today;
        var ab = new DateOnly(today.Year + 1, 10, 6);
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(
            NearMeetings(today, ("db", 20, "10:00"), ("db", 130, "10:00"), ("db", 240, "10:00"), ("ab", ab.DayNumber - today.DayNumber, "19:30")), "test"));
        await host.Services.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel",
            new JsonObject { ["titel"] = $"Begroting {ab.Year + 1}", ["pijler"] = "PubliekeGezondheid", ["soort"] = "begroting" }, new Trigger("test", Channel.Api));
        using var client = await host.SignInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Jaarkalender?jaar={ab.Year}"));
        var other = WebUtility.HtmlDecode(await client.GetStringAsync($"/Jaarkalender?jaar={today.Year}"));

        page.Should().Contain($"Begroting {ab.Year + 1}</a></h3>")
            .And.Contain("Let op: de planning haalt de wettelijke termijn niet")
            .And.Contain($"Het algemeen bestuur stelt deze begroting volgens de planning pas op 6 oktober {ab.Year} vast, later dan de wettelijke datum 14 september {ab.Year} (art. 34 lid 2 Wgr: vóór 15 september naar Gedeputeerde Staten).")
            .And.Contain($"uiterlijk 14 september {ab.Year} (art. 34 lid 2 Wgr: vaststellen op tijd om vóór 15 september naar Gedeputeerde Staten te sturen)")
            .And.Contain($"6 oktober {ab.Year}: te laat")
            .And.Contain("(art. 35 lid 1 Wgr: 12 weken vóór behandeling in het algemeen bestuur naar de raden)")
            .And.Contain("(art. 35 lid 3 Wgr: 12 weken na verzending").And.Contain("volgt uit de verzending op ")
            .And.Contain("verwacht volgens de route");
        if (today.Year != ab.Year)
        {
            other.Should().Contain($"Begroting {ab.Year + 1} (vaststelling in {ab.Year})").And.NotContain("Let op: de planning haalt");
        }
    }
}
