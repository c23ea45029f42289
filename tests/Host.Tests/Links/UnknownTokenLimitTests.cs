using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>Guessing tokens is limited per address; members with real links on the same address are not held back.</summary>
public sealed class UnknownTokenLimitTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_twenty_first_unknown_token_from_one_address_within_a_minute_gets_429_but_a_real_link_still_opens()
    {
        var definitionId = Definitions.UniqueId("raden");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Raadgeving" }, new Trigger("secretaris", Channel.Api)));
        var mail = (await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith("Raadgeving", StringComparison.Ordinal)))[0];
        using var client = host.Anonymous();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var guess = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            using var response = await client.GetAsync("/verzoek/" + guess);
            statuses.Add(response.StatusCode);
        }

        statuses.Take(20).Should().OnlyContain(s => s == HttpStatusCode.NotFound);
        statuses[20].Should().Be(HttpStatusCode.TooManyRequests);
        (await client.GetAsync(mail.Path)).StatusCode.Should().Be(HttpStatusCode.OK, "a real link has its own limit");
    }
}
