using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>Two hundred members answering at the same moment, each through their own link.</summary>
public sealed class ConcurrentLinkTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const int Members = 200;

    [Fact]
    public async Task Two_hundred_simultaneous_posts_on_two_hundred_links_are_all_recorded_and_the_step_decides_once()
    {
        // A body of 200 members (fictional), added to the stored governance model.
        var model = Seed(seed =>
        {
            seed["bodies"]!.AsArray().Add(new JsonObject { ["id"] = "panel", ["name"] = "Proefpanel", ["kind"] = "Bac" });
            for (var i = 0; i < Members; i++)
            {
                seed["members"]!.AsArray().Add(new JsonObject
                {
                    ["id"] = $"p{i:000}", ["name"] = $"Panellid {i:000}", ["email"] = $"panellid{i:000}@example.org", ["body"] = "panel",
                    ["role"] = "Lid", ["weight"] = 1, ["from"] = "2026-01-01",
                });
            }
        });
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceModelAsync(model, "test"));
        var definitionId = Definitions.UniqueId("panel");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "panel", "wijze": "schriftelijk", "termijn": "P2W", "vroegBesluiten": false, "herinneringen": [] }""", type: "Advies"));
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Panelraadpleging" }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var mails = await LinkMail.InFolderAsync(host.MailFolder, Members, m => m.To.StartsWith("panellid", StringComparison.Ordinal));

        // Each member opens the link, then all post at the same moment: 120 positive, 80 negative.
        var members = await Task.WhenAll(mails.Select(async (mail, i) =>
        {
            var client = host.Anonymous();
            var page = await client.GetStringAsync(mail.Path);
            return (Client: client, Mail: mail, Form: new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
                ["formulier"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"formulier\" value=\"([0-9a-f]{32})\"").Groups[1].Value,
                ["keuze"] = i < 120 ? "positief" : "negatief",
            });
        }));
        using var start = new SemaphoreSlim(0);
        var posts = members.Select(async m =>
        {
            await start.WaitAsync();
            using var response = await m.Client.PostAsync(m.Mail.Path, new FormUrlEncodedContent(m.Form));
            return response.StatusCode;
        }).ToList();
        start.Release(Members);
        var statuses = await Task.WhenAll(posts);
        foreach (var m in members)
        {
            m.Client.Dispose();
        }

        statuses.Should().OnlyContain(s => s == HttpStatusCode.Redirect, "every choice is recorded");
        var journal = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id));
        journal.Count(j => j.Kind == "stem").Should().Be(Members);
        journal.Select(j => j.Actor).Where(a => a!.StartsWith("Panellid", StringComparison.Ordinal)).Distinct().Should().HaveCount(Members);
        journal.Should().ContainSingle(j => j.Kind == "uitslag").Which.Outcome.Should().Be("Aangenomen");
        journal.Should().ContainSingle(j => j.Kind == "InstanceFinished");
    }
}
