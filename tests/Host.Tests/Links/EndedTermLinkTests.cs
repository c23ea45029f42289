using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A member whose term ended while the request was open: their old link serves no document and asks for no code.</summary>
public sealed class EndedTermLinkTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task A_link_of_a_member_whose_term_ended_gets_no_document_and_no_code()
    {
        var started = await LinkDocumentAccessTests.StartAsync(host, "Stukken na het einde van de termijn");
        var wilma = started.Mails.Single(m => m.To == "wilma.veenstra@tynaarlo.example.org");
        using var member = host.Anonymous();
        var antiforgery = HostFixture.AntiforgeryToken(await member.GetStringAsync(wilma.Path));

        // Wilma Veenstra's term ended yesterday; Henk de Vries holds the Tynaarlo seat from today.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        var ending = Member("m067");
        ending["to"] = today.AddDays(-1).ToString("yyyy-MM-dd");
        var successor = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "m951", ["name"] = "Henk de Vries", ["email"] = "henk.devries@tynaarlo.example.org", ["body"] = "db",
            ["role"] = "Lid", ["municipality"] = "tynaarlo", ["weight"] = 1, ["from"] = today.ToString("yyyy-MM-dd"),
        };
        await host.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<GovernanceStore>();
            await store.ChangeMemberAsync("m067", ending.ToJsonString(), "test");
            return await store.AddMemberAsync(successor.ToJsonString(), "test");
        });
        await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == "henk.devries@tynaarlo.example.org");

        await LinkDocumentAccessTests.NoDocumentsAndNoCodeAsync(host, started, wilma, antiforgery, "Uw zittingstermijn is geëindigd.");
    }
}
