using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Look;

/// <summary>
/// The administrator's overview (<c>/Beheer</c>) on a host of its own, so what it counts is what this test made: the
/// accounts, a message the outbox cannot deliver, a request the mail server refused, and a proposal held up by an incident.
/// </summary>
public sealed class AdministratorOverviewTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_overview_shows_waiting_mail_a_refused_address_and_a_proposal_held_up_by_an_incident()
    {
        var definitionId = Definitions.UniqueId("storing");
        await host.SaveAsync(Definitions.ApprovalBesideFailingCheck(definitionId));
        using var secretary = host.Secretary();
        using var started = await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostDbContext>();
            db.MailLinks.Add(new MailLink
            {
                TokenHash = new string('a', 64), InstanceId = instanceId, ActivityId = "wacht", TargetKind = "lid", TargetId = "assen", MemberId = "roos",
                MemberName = "Roos Zijlstra", Email = "roos@onbekend.example.org", Kind = "verzoek", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14),
                NotReachedAt = DateTime.UtcNow, NotReachedReason = "550 5.1.1 Mailbox unavailable",
            });
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxEntry("proef.onbekend", new JsonObject()), CancellationToken.None);
        });
        await WaitUntilFailedOnceAsync();
        using var admin = await host.SignInAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Beheer"));

        html.Should().MatchRegex(@"\d accounts?; per rol:\s+secretaris \d, proceseigenaar 0 en beheerder 1\.")
            .And.Contain("1 bericht wacht op verzending, waarvan 1 na een mislukte poging")
            .And.Contain("<code>proef.onbekend</code>")
            .And.Contain("De mailserver weigerde 1 verzoek voorgoed.")
            .And.Contain("Roos Zijlstra").And.Contain("roos@onbekend.example.org").And.Contain("550 5.1.1 Mailbox unavailable")
            .And.Contain("Deze voorstellen staan stil door een storing.")
            .And.Contain($"href=\"/Voorstellen/{instanceId}\">(zonder titel)</a>")
            .And.Contain("href=\"/hangfire\"").And.Contain("href=\"/Mailbox\"");
    }

    [Fact]
    public async Task Only_an_administrator_opens_the_overview()
    {
        await host.AddAccountAsync("secretaris.beheer@example.org", "Sam Secretaris", AdviesRoute.Host.Security.Roles.Secretary, "Beheer-Proef-Wachtwoord-1!");
        using var secretary = await host.SignInAsync("secretaris.beheer@example.org", "Beheer-Proef-Wachtwoord-1!");

        using var response = await secretary.GetAsync("/Beheer");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
    }

    private async Task WaitUntilFailedOnceAsync()
    {
        for (var tries = 0; tries < 300; tries++)
        {
            var backlog = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetOutboxBacklogAsync(5));
            if (backlog.Failing > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox never tried the message of an unknown kind.");
    }
}
