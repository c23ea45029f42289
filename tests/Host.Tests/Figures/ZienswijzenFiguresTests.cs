using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Figures;

/// <summary>The figures of how the councils kept the zienswijze deadline, and of the proposals that went past a legal deadline.</summary>
public sealed class ZienswijzenFiguresTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>A notification with a legal last day of 2 January (passed on any day after it), then a week for three councils.</summary>
    internal static string Definition(string id) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Proef zienswijzen",
          "inputs": [ { "name": "titel", "type": "string" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "kaders", "type": "Melding", "displayName": "Kaders naar de raden",
                "inputs": { "aan": ["raden"], "onderwerp": "De kaderbrief", "uiterlijkOp": "01-02", "uiterlijkRegel": "vóór 3 januari naar de raden", "artikel": "art. 34b Wgr" } },
              { "id": "ronde", "type": "Zienswijzenronde", "displayName": "Zienswijzen van de raden",
                "inputs": { "raden": ["raad-assen", "raad-emmen", "raad-meppel"], "termijn": "P1W", "herinneringen": [] } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "kaders", "port": "In" } },
              { "source": { "activity": "kaders", "port": "Done" }, "target": { "activity": "ronde", "port": "In" } },
              { "source": { "activity": "ronde", "port": "gereed" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task The_councils_are_counted_in_time_or_without_a_zienswijze_and_a_late_notification_is_listed()
    {
        if (host.Today is { Month: 1, Day: <= 2 })
        {
            host.MoveClockTo(new DateOnly(host.Today.Year, 1, 3), hour: 9);
        }

        var id = Definitions.UniqueId("cijfers");
        (await host.SaveAsync(Definition(id))).Version.Should().Be(1);
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var started = await runtime.StartAsync(id, new JsonObject { ["titel"] = "Kaderbrief; proef" }, new Trigger("test", Channel.Api));
        var year = host.Today.Year;

        // Assen answers with a zienswijze, Emmen says it gives none, Meppel stays silent until the week has passed.
        var instance = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(started.InstanceId));
        string Request(InstanceView view, string council) => view.AllBookmarks().Single(b => b.Name == "Antwoord" && b.Payload!["orgaan"]!.GetValue<string>() == council).Id;
        await runtime.ResumeAsync(started.InstanceId, Request(instance!, "raad-assen"), new JsonObject { ["antwoord"] = "positief", ["tekst"] = "De raad stemt in.", ["namens"] = "per mail van de griffie" }, new Trigger("griffie", Channel.Api));
        await runtime.ResumeAsync(started.InstanceId, Request(instance!, "raad-emmen"), new JsonObject { ["antwoord"] = "geenZienswijze", ["namens"] = "per mail van de griffie" }, new Trigger("griffie", Channel.Api));
        host.MoveClockTo(host.Today.AddDays(10));
        await WaitUntilAsync(async () => (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(started.InstanceId)))!
            .Variables["zienswijzen"]!["raden"]!["raad-meppel"]!["status"]!.GetValue<string>() == "verstreken");

        using var client = await host.SignInAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cijfers?van=1-1-{year}&tot=31-12-{host.Today.Year}"));

        FiguresPeriodTests.Cells(page, "Gemeenteraad Assen").Should().Equal("Gemeenteraad Assen", "1", "0", "0", "0");
        FiguresPeriodTests.Cells(page, "Gemeenteraad Emmen").Should().Equal("Gemeenteraad Emmen", "0", "0", "1", "0");
        FiguresPeriodTests.Cells(page, "Gemeenteraad Meppel").Should().Equal("Gemeenteraad Meppel", "0", "0", "1", "0");
        page.Should().Contain("Voorstellen over een wettelijke termijn (1 voorstel)");
        var late = FiguresPeriodTests.Cells(page, "Kaderbrief; proef");
        late[1].Should().Be("Kaders naar de raden");
        late[2].Should().Be($"uiterlijk 2 januari {year} (art. 34b Wgr: vóór 3 januari naar de raden)");
        late[3].Should().StartWith("De kaderbrief is te laat verzonden, op ");

        using var csv = await client.GetAsync($"/Cijfers?handler=csv&tabel=termijnen&van=1-1-{year}&tot=31-12-{host.Today.Year}");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        lines[0].Should().Be("Voorstel;Stap;Termijn;Wat er gebeurde");
        lines[1].Should().StartWith($"\"Kaderbrief; proef\";Kaders naar de raden;uiterlijk 2 januari {year} (art. 34b Wgr: vóór 3 januari naar de raden);De kaderbrief is te laat verzonden", "a value with a semicolon is quoted");
        using var councils = await client.GetAsync($"/Cijfers?handler=csv&tabel=zienswijzen&van=1-1-{year}&tot=31-12-{host.Today.Year}");
        (await councils.Content.ReadAsStringAsync()).Should().StartWith("Raad;Op tijd;Te laat;Geen zienswijze;Termijn loopt nog\r\nGemeenteraad Assen;1;0;0;0\r\n");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, "the deadline's timer fires within seconds once the clock has passed it");
            await Task.Delay(50);
        }
    }
}
