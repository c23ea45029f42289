using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A term that ends while a request is open: the old link says so and the successor gets a link of their own.</summary>
public sealed class SeatHandoverTests(HostFixture host) : IClassFixture<HostFixture>
{

    [Fact]
    public async Task The_successor_receives_the_open_request_and_the_old_link_says_it_passed_on()
    {
        var definitionId = Definitions.UniqueId("overdracht");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "vroegBesluiten": false }"""));
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Overdracht van de zetel" }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith("Overdracht van de zetel", StringComparison.Ordinal));
        var wilma = mails.Single(m => m.To == "wilma.veenstra@tynaarlo.example.org");

        await TynaarloSeat.HandOverAsync(host);

        // The change itself starts the handover: Henk gets his own link without waiting for the quarter-hour schedule,
        // and only once, however often the handover runs.
        var henk = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == "henk.devries@tynaarlo.example.org")).Single();
        // The job stores the link just after the mail is sent; once it is stored, another run sends nothing.
        var stored = DateTime.UtcNow.AddSeconds(30);
        while (!await host.WithScopeAsync(sp => sp.GetRequiredService<AdviesRoute.Host.Data.HostDbContext>().MailLinks.AnyAsync(l => l.InstanceId == id && l.MemberId == "m950"))
            && DateTime.UtcNow < stored)
        {
            await Task.Delay(50);
        }

        (await host.WithScopeAsync(sp => sp.GetRequiredService<SeatHandoverJob>().RunAsync(CancellationToken.None))).Should().Be(0);
        (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == "henk.devries@tynaarlo.example.org")).Should().ContainSingle();
        henk.Text.Should().Contain("Beste Henk de Vries,").And.Contain("als opvolger van Wilma Veenstra");

        // Wilma's link says the request has passed on, and takes no choice.
        using var client = host.Anonymous();
        var old = WebUtility.HtmlDecode(await client.GetStringAsync(wilma.Path));
        old.Should().Contain("Uw zittingstermijn is geëindigd.").And.Contain("overgegaan naar Henk de Vries").And.NotContain("value=\"voor\"");

        // Henk votes through his link on the Tynaarlo seat; the journal names him.
        var (response, _, _) = await henk.ChooseAsync(client, "voor");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var vote = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id, ["stem"]))).Should().ContainSingle().Subject;
        vote.Actor.Should().Be("Henk de Vries");
        vote.Channel.Should().Be(Channel.Link);
        vote.Data!["zetel"]!.GetValue<string>().Should().Be("m067");
    }
}
