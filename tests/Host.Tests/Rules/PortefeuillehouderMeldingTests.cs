using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Host.Tests.Zienswijzen;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Rules;

/// <summary>The host with a real SMTP server (maildev), one host for the class.</summary>
public sealed class MeldingHost : IAsyncLifetime
{
    private readonly MaildevServer _maildev = new();

    public MaildevServer Maildev => _maildev;

    public ZienswijzenHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _maildev.StartAsync();
        Host = new ZienswijzenHost(_maildev);
        Host.Start();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _maildev.DisposeAsync();
    }
}

/// <summary>
/// A Melding addressed to "portefeuillehouder" reaches the member the proposal names (the seat holder that day), by
/// real mail; a proposal that names none goes on, and its journal says why nobody got the melding.
/// </summary>
public sealed class PortefeuillehouderMeldingTests(MeldingHost fixture) : IClassFixture<MeldingHost>
{
    private static string Route(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Melding aan de portefeuillehouder",
          "inputs": [ { "name": "titel", "type": "string", "required": true, "displayName": "Titel" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "melding", "type": "Melding", "displayName": "Melding aan de portefeuillehouder",
                "inputs": { "aan": [ "portefeuillehouder" ], "soort": "besluitGenomen",
                            "onderwerp": { "template": "Besluit dagelijks bestuur: {input.titel}" },
                            "tekst": "Het dagelijks bestuur heeft over uw voorstel besloten." } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
              { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    private Member Holder()
    {
        var directory = fixture.Host.Services.GetRequiredService<IGovernanceDirectory>();
        var model = directory.Current.Model;
        return model.MembersOf("db", fixture.Host.Today).First(m => m.SubstituteFor is null);
    }

    [Fact]
    public async Task The_melding_to_the_portefeuillehouder_reaches_the_member_the_proposal_names()
    {
        var definitionId = Definitions.UniqueId("melding-ph");
        await fixture.Host.SaveAsync(Route(definitionId));
        var holder = Holder();
        using var client = fixture.Host.Client(HostFixture.SecretaryKey);

        using var started = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances",
            new { input = new { titel = "Preventieakkoord", portefeuillehouder = new { lid = holder.Id, naam = holder.Name } } });

        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var mails = await fixture.Maildev.WaitForAsync(list => list.Any(m => m.Subject?.Contains("Preventieakkoord") == true), TimeSpan.FromSeconds(30));
        var mail = mails.Should().ContainSingle(m => m.Subject!.Contains("Preventieakkoord")).Subject;
        mail.Subject.Should().Contain("Besluit dagelijks bestuur: Preventieakkoord");
        mail.To.Select(t => t.Address).Should().Equal(holder.Email);
    }

    [Fact]
    public async Task A_proposal_without_a_portefeuillehouder_goes_on_and_the_journal_says_why_no_melding_went_out()
    {
        var definitionId = Definitions.UniqueId("melding-geen-ph");
        await fixture.Host.SaveAsync(Route(definitionId));
        using var client = fixture.Host.Client(HostFixture.SecretaryKey);

        using var started = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Zonder portefeuillehouder" } });

        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        var instance = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        instance.GetProperty("status").GetString().Should().Be("Finished");
        instance.GetProperty("incidents").GetArrayLength().Should().Be(0);
        var melding = instance.GetProperty("journal").EnumerateArray().Should().ContainSingle(j => j.GetProperty("kind").GetString() == "melding").Subject;
        melding.GetProperty("data").GetProperty("ontvangers").GetInt32().Should().Be(0);
        melding.GetProperty("data").GetProperty("opmerking").GetString()
            .Should().Be("niet aan de portefeuillehouder verstuurd: het voorstel noemt geen portefeuillehouder");
        (await fixture.Host.QueuedAsync("melding", instanceId)).Should().BeEmpty();
    }
}
