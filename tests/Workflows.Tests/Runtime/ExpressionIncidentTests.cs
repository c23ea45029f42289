using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Tests.Runtime;

[Collection(EngineCollection.Name)]
public sealed class ExpressionIncidentTests
{
    private static string WithCondition(string id, string condition) => $$"""
    {
      "definitionId": "{{id}}",
      "name": "Kwaadaardige voorwaarde",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "keuze", "type": "Decision", "inputs": { "condition": {{System.Text.Json.JsonSerializer.Serialize(condition)}} } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "keuze", "port": "In" } },
          { "source": { "activity": "keuze", "port": "True" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "keuze", "port": "False" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Theory]
    [InlineData("eindeloos", "while (true) {}", "oneindige lus")]
    [InlineData("gigabyte", "let s = 'x'; while (true) { s = s + s; }", "geheugen")]
    [InlineData("traag", "/(a+)+$/.test('a'.repeat(40) + 'b')", "duurde langer")]
    [InlineData("recursie", "function f(n) { return f(n + 1) + 1; } f(0)", "recursief")]
    [InlineData("dotnet", "System.IO.File.Exists('/etc/passwd')", "System")]
    [InlineData("clr", "importNamespace('System.IO').File.Exists('/etc/passwd')", "importNamespace")]
    public async Task A_hostile_expression_ends_as_an_incident_within_the_limits_and_the_engine_keeps_working(string id, string condition, string messagePart)
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(WithCondition(id, condition));
        await engine.SaveAsync(WithCondition("gewoon", "1 + 1 === 2"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var started = await engine.Runtime.StartAsync(id, null, new Trigger("test", Channel.Api));

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        started.Status.Should().Be(WorkflowStatus.Faulted);
        var incident = await engine.WithDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == started.InstanceId));
        incident.ActivityId.Should().Be("keuze");
        incident.ExceptionType.Should().EndWith("ExpressionException");
        incident.Message.Should().Contain(messagePart);
        (await engine.Runtime.StartAsync("gewoon", null, new Trigger("test", Channel.Api))).Status.Should().Be(WorkflowStatus.Finished);
    }
}
