using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A member's address that the mail server refuses for good: the request shows them as not reached and the secretaries are told.</summary>
public sealed class NotReachedTests(RefusingSmtpHostFixture host) : IClassFixture<RefusingSmtpHostFixture>
{
    [Fact]
    public async Task A_refused_address_is_shown_on_the_request_as_not_reached_and_the_secretary_gets_a_mail()
    {
        await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var secretary = new HostUser { UserName = "secretariaat@samendrenthe.example.org", Email = "secretariaat@samendrenthe.example.org", DisplayName = "Bestuurssecretariaat" };
            (await users.CreateAsync(secretary, "Proef-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
            return await users.AddToRoleAsync(secretary, Roles.Secretary);
        });
        var vincent = Member("m066");
        vincent["email"] = RefusingSmtpHostFixture.UnknownAddress;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ChangeMemberAsync("m066", vincent.ToJsonString(), "test"));
        var definitionId = Definitions.UniqueId("onbereikbaar");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Vervoer naar de GGD-locaties" }, new Trigger("secretaris", Channel.Api)))).InstanceId;

        // The secretary is told by mail, through the same server.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!host.Smtp.Messages.Any(m => m.Contains("Niet bezorgd: verzoek aan Vincent Meijer", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var notice = host.Smtp.Messages.Should().ContainSingle(m => m.Contains("Niet bezorgd: verzoek aan Vincent Meijer", StringComparison.Ordinal)).Subject;
        notice.Should().Contain("secretariaat@samendrenthe.example.org").And.Contain("550 5.1.1 user unknown");
        host.Smtp.Recipients.Count(r => r == RefusingSmtpHostFixture.UnknownAddress).Should().Be(1, "a refused address is not tried again");

        // The request of Vincent's seat shows him as not reached.
        using var client = host.Secretary();
        var requests = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/requests");
        var seat = requests.EnumerateArray().Single(r => r.GetProperty("askedOf").GetString() == "Vincent Meijer");
        var notReached = seat.GetProperty("notReached").EnumerateArray().Should().ContainSingle().Subject;
        notReached.GetProperty("email").GetString().Should().Be(RefusingSmtpHostFixture.UnknownAddress);
        notReached.GetProperty("reason").GetString().Should().Be("550 5.1.1 user unknown");
        requests.EnumerateArray().Where(r => r.GetProperty("askedOf").GetString() != "Vincent Meijer")
            .Should().OnlyContain(r => r.GetProperty("notReached").GetArrayLength() == 0);
    }
}
