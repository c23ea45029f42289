using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Rules;

/// <summary>
/// The figures name the body of a step from the definition version an instance runs on: a version that chose the
/// preparation group with JavaScript (as every version before the rules did) and one that chooses it per pillar.
/// </summary>
public sealed class FiguresAcrossRuleVersionsTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Lead_times_name_the_body_on_a_javascript_version_and_on_a_per_value_version()
    {
        var shipped = File.ReadAllText(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json"));
        var old = JsonNode.Parse(shipped)!.AsObject();
        var preparation = old["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "voorbereiding")!;
        preparation["inputs"]!["groep"] = new JsonObject { ["expression"] = "input.pijler === 'ZorgEnVeiligheid' ? 'vg-zv' : 'vg-pg'" };

        var today = host.Today;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 500, "10:00")), "test"));
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var oldVersion = await host.SaveAsync(old.ToJsonString());
        var onOld = await StartAsync(runtime, "Op de oude versie", "ZorgEnVeiligheid");
        var newVersion = await host.SaveAsync(shipped);
        var onNew = await StartAsync(runtime, "Op de nieuwe versie", "PubliekeGezondheid");
        newVersion.Version.Should().BeGreaterThan(oldVersion.Version);

        host.MoveClockTo(today.AddDays(2), hour: 9);
        foreach (var proposal in new[] { onOld, onNew })
        {
            await runtime.ResumeAsync(proposal.InstanceId, proposal.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        }

        using var client = await host.SignInAsync();
        using var csv = await client.GetAsync($"/Cijfers?handler=csv&tabel=doorlooptijd&van=1-1-{today.Year}&tot=31-12-{today.AddDays(2).Year}");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        rows.Should().Contain(r => r.StartsWith("Ambtelijke voorbereiding;Ambtelijke voorbereidingsgroep Zorg en Veiligheid;", StringComparison.Ordinal), "the JavaScript version still resolves");
        rows.Should().Contain(r => r.StartsWith("Ambtelijke voorbereiding;Ambtelijke voorbereidingsgroep Publieke Gezondheid;", StringComparison.Ordinal), "the per-value version resolves");
        rows.Should().NotContain(r => r.Contains("Secretariaat", StringComparison.Ordinal));
    }

    private static Task<BurstSummary> StartAsync(IWorkflowRuntime runtime, string title, string pillar) =>
        runtime.StartAsync("voorstel", new JsonObject { ["titel"] = title, ["pijler"] = pillar, ["soort"] = "viermaandsrapportage" }, new Trigger("test", Channel.Api));
}
