using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;

namespace AdviesRoute.Workflows.Tests.Runtime;

[Collection(EngineCollection.Name)]
public sealed class RuleRoutingTests : IAsyncLifetime
{
    private const string Route = """
    {
      "definitionId": "regelroute",
      "name": "Routering met regels",
      "variables": [ { "name": "advies", "displayName": "Advies", "fields": [ { "name": "keuze", "type": "string", "displayName": "Keuze" } ] },
                     { "name": "team", "displayName": "Team" } ],
      "inputs": [
        { "name": "pijler", "type": "choice", "required": true, "displayName": "Pijler",
          "choices": [ { "value": "PubliekeGezondheid", "label": "Publieke Gezondheid" }, { "value": "ZorgEnVeiligheid", "label": "Zorg en Veiligheid" } ] },
        { "name": "spoed", "type": "boolean", "displayName": "Spoed" },
        { "name": "vanaf", "type": "date", "displayName": "Vanaf" },
        { "name": "bedrag", "type": "number", "displayName": "Bedrag" },
        { "name": "titel", "type": "string", "displayName": "Titel" }
      ],
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "team", "type": "SetVariable", "inputs": { "variable": "team",
            "value": { "perValue": { "subject": "input.pijler", "values": { "PubliekeGezondheid": "team-pg", "ZorgEnVeiligheid": "team-zv" } } } } },
          { "id": "spoed", "type": "Decision", "inputs": { "condition": { "subject": "input.spoed", "op": "is", "value": true } } },
          { "id": "wachtAdvies", "type": "WaitForSignal", "inputs": { "signal": "advies", "resultVariable": "advies" } },
          { "id": "uitkomst", "type": "Switch", "inputs": { "cases": [
            { "name": "positief", "label": "Positief", "condition": { "all": [ { "subject": "variables.advies.keuze", "op": "oneOf", "value": ["positief", "positiefMetKanttekeningen"] },
                                                                               { "subject": "input.bedrag", "op": "before", "value": 1000 } ] } } ] } },
          { "id": "eindePositief", "type": "End", "inputs": { "result": { "template": "Positief voor {input.titel} ({variables.team})" } } },
          { "id": "eindeAnders", "type": "End", "inputs": { "result": { "choose": { "cases": [ { "when": { "subject": "input.spoed", "op": "is", "value": true }, "value": "spoed" } ], "otherwise": "gewoon" } } } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "team", "port": "In" } },
          { "source": { "activity": "team", "port": "Done" }, "target": { "activity": "spoed", "port": "In" } },
          { "source": { "activity": "spoed", "port": "True" }, "target": { "activity": "wachtAdvies", "port": "In" } },
          { "source": { "activity": "spoed", "port": "False" }, "target": { "activity": "eindeAnders", "port": "In" } },
          { "source": { "activity": "wachtAdvies", "port": "Done" }, "target": { "activity": "uitkomst", "port": "In" } },
          { "source": { "activity": "uitkomst", "port": "positief" }, "target": { "activity": "eindePositief", "port": "In" } },
          { "source": { "activity": "uitkomst", "port": "Default" }, "target": { "activity": "eindeAnders", "port": "In" } }
        ]
      }
    }
    """;

    private EngineHost _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHost.StartAsync();
        await _engine.SaveAsync(Route);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<InstanceState> StateAsync(string instanceId) =>
        JsonSerializer.Deserialize<InstanceState>((await _engine.InstanceAsync(instanceId)).StateJson, WorkflowJson.Options)!;

    [Theory]
    [InlineData("positief", 500, "eindePositief", "Positief voor Subsidie (team-zv)")]
    [InlineData("positiefMetKanttekeningen", 999, "eindePositief", "Positief voor Subsidie (team-zv)")]
    [InlineData("positief", 1000, "eindeAnders", "spoed")]
    [InlineData("negatief", 500, "eindeAnders", "spoed")]
    public async Task A_switch_routed_by_a_rule_follows_the_advice_and_the_amount(string keuze, int bedrag, string expectedEnd, string expectedResult)
    {
        var started = await _engine.Runtime.StartAsync("regelroute",
            EngineHost.Json($$"""{ "pijler": "ZorgEnVeiligheid", "spoed": true, "bedrag": {{bedrag}}, "titel": "Subsidie" }"""), new Trigger("secretaris", Channel.Api));
        started.Bookmarks.Should().ContainSingle(b => b.ActivityId == "wachtAdvies");

        var done = await _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, new JsonObject { ["keuze"] = keuze }, new Trigger("lid", Channel.Link));

        done.Status.Should().Be(WorkflowStatus.Finished);
        var state = await StateAsync(started.InstanceId);
        state.EndActivityId.Should().Be(expectedEnd);
        state.Result!.GetValue<string>().Should().Be(expectedResult);
    }

    [Fact]
    public async Task A_decision_on_a_rule_takes_the_false_port_when_its_subject_is_missing()
    {
        var started = await _engine.Runtime.StartAsync("regelroute", EngineHost.Json("""{ "pijler": "PubliekeGezondheid" }"""), new Trigger("secretaris", Channel.Api));

        started.Status.Should().Be(WorkflowStatus.Finished);
        var state = await StateAsync(started.InstanceId);
        state.EndActivityId.Should().Be("eindeAnders");
        state.Result!.GetValue<string>().Should().Be("gewoon");
        state.Variables["team"]!.GetValue<string>().Should().Be("team-pg");
    }

    [Theory]
    [InlineData("""{ "pijler": "Gezondheid" }""", "‘Pijler’ kan alleen ‘Publieke Gezondheid’ of ‘Zorg en Veiligheid’ zijn, niet ‘Gezondheid’.")]
    [InlineData("""{ "spoed": true }""", "‘Pijler’ is verplicht; vul het in.")]
    [InlineData("""{ "pijler": "" }""", "‘Pijler’ is verplicht; vul het in.")]
    [InlineData("""{ "pijler": "ZorgEnVeiligheid", "spoed": "ja" }""", "‘Spoed’ is ja of nee (true of false).")]
    [InlineData("""{ "pijler": "ZorgEnVeiligheid", "vanaf": "6 april 2027" }""", "‘Vanaf’ is een datum, geschreven als jjjj-mm-dd (bijvoorbeeld 2027-04-06).")]
    [InlineData("""{ "pijler": "ZorgEnVeiligheid", "bedrag": "duizend" }""", "‘Bedrag’ is een getal.")]
    public async Task A_start_with_input_that_does_not_fit_its_declaration_is_refused_and_stores_nothing(string input, string expected)
    {
        var before = await _engine.WithDbAsync(db => Task.FromResult(db.Instances.Count()));

        var act = () => _engine.Runtime.StartAsync("regelroute", EngineHost.Json(input), new Trigger("secretaris", Channel.Api));

        (await act.Should().ThrowAsync<WorkflowInputException>()).Which.Problems.Should().Equal(expected);
        (await _engine.WithDbAsync(db => Task.FromResult(db.Instances.Count()))).Should().Be(before);
    }
}
