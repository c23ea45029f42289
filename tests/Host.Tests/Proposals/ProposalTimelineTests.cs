using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// The proposal's timeline tells what people did in sentences; the engine's own lines (a step begun or finished, input
/// received) are not in it, and only an administrator finds them, folded away under "Technische details".
/// </summary>
public sealed class ProposalTimelineTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task A_secretary_reads_no_engine_lines_and_an_administrator_finds_them_under_technische_details()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00"), ("ab", 40, "19:30")), "test"));
        var id = await host.WithScopeAsync(async sp =>
        {
            var runtime = sp.GetRequiredService<IWorkflowRuntime>();
            var started = await runtime.StartAsync("voorstel", new JsonObject
            {
                ["titel"] = "Tijdlijn viermaandsrapportage", ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage",
            }, new Trigger("secretaris", Channel.Api));
            var preparation = (await sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(started.InstanceId))!.AllBookmarks().Single();
            await runtime.ResumeAsync(started.InstanceId, preparation.Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("secretaris", Channel.Page));
            return started.InstanceId;
        });
        var meetingDay = today.AddDays(20).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        string[] people =
        [
            "<strong>Voorstel gestart</strong>",
            "<strong>Ambtelijke voorbereiding gereed</strong>",
            $"<strong>Geagendeerd voor de vergadering van Dagelijks bestuur op {meetingDay}; stukken uiterlijk ",
            $"<strong>Op de agenda van de vergadering van Dagelijks bestuur op {meetingDay} om 10:00 in Kantoor SamenDrenthe, Assen</strong>",
        ];
        string[] engine = ["Stap begonnen", "Stap afgerond", "Invoer ontvangen"];

        const string password = "Proef-Wachtwoord-2026!";
        await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var secretary = new HostUser { UserName = "tijdlijn.secretaris@example.org", Email = "tijdlijn.secretaris@example.org", EmailConfirmed = true };
            (await users.CreateAsync(secretary, password)).Succeeded.Should().BeTrue();
            return await users.AddToRoleAsync(secretary, Roles.Secretary);
        });
        using var secretaryClient = await host.SignInAsync("tijdlijn.secretaris@example.org", password);
        var forSecretary = Timeline(WebUtility.HtmlDecode(await secretaryClient.GetStringAsync($"/Voorstellen/{id}")));
        forSecretary.Should().ContainAll(people);
        forSecretary.Should().NotContain("Technische details").And.NotContainAny(engine);

        using var admin = await host.SignInAsync();
        var forAdmin = Timeline(WebUtility.HtmlDecode(await admin.GetStringAsync($"/Voorstellen/{id}")));
        var details = forAdmin.IndexOf("<details class=\"technical\">", StringComparison.Ordinal);
        details.Should().BePositive("an administrator finds the engine's lines folded away under the timeline");
        forAdmin[..details].Should().ContainAll(people).And.NotContainAny(engine);
        forAdmin[details..].Should().Contain("<summary>Technische details</summary>")
            .And.Contain("Stap afgerond bij Ambtelijke voorbereiding: gereed")
            .And.Contain("Invoer ontvangen bij Ambtelijke voorbereiding (voorbereiding)")
            .And.Contain("Stap begonnen bij Agenderen in het DB")
            .And.NotContain("Voorstel gestart");
    }

    /// <summary>The timeline section of a proposal's page: from its heading to the end of the page's content.</summary>
    private static string Timeline(string page)
    {
        var start = page.IndexOf("<h2>Tijdlijn</h2>", StringComparison.Ordinal);
        start.Should().BePositive();
        var end = page.IndexOf("</main>", start, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }
}
