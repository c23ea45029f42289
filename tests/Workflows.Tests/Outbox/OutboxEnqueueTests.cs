using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Outbox;

/// <summary>The one way into the outbox outside a step (<see cref="IOutbox"/>), and who makes the Message-Ids.</summary>
[Collection(EngineCollection.Name)]
public sealed class OutboxEnqueueTests
{
    private const string Notifying = """
    {
      "definitionId": "melden-buiten-stap",
      "name": "Melden",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "melding", "type": "Test.Notify", "inputs": { "kind": "los-bericht" } },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
          { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task Messages_enqueued_outside_a_step_are_written_together_and_delivered_like_a_steps_messages()
    {
        var handler = new RecordingHandler();
        await using var engine = await EngineHost.StartAsync(configure: s => s.AddSingleton<IOutboxHandler>(handler));
        var outbox = engine.Services.GetRequiredService<IOutbox>();

        var ids = await outbox.EnqueueAsync(
        [
            new OutboxEntry("los-bericht", new JsonObject { ["aan"] = "anna" }),
            new OutboxEntry("los-bericht", new JsonObject { ["aan"] = "bert" }, InstanceId: "voorstel-1"),
        ], CancellationToken.None);

        ids.Should().HaveCount(2).And.OnlyHaveUniqueItems();
        var rows = await engine.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.PayloadJson).ToListAsync());
        rows.Select(r => (r.Kind, r.InstanceId, r.PayloadJson, r.MessageId)).Should().Equal(
            ("los-bericht", null, """{"aan":"anna"}""", ""),
            ("los-bericht", "voorstel-1", """{"aan":"bert"}""", ""));
        rows.Should().OnlyContain(r => r.CreatedAt == engine.Clock.GetUtcNow().UtcDateTime, "the engine's clock stamps them");
        (await EngineHost.EventuallyAsync(() => Task.FromResult(handler.Delivered.Count == 2))).Should().BeTrue();
        handler.Delivered.Select(m => m.Payload["aan"]!.GetValue<string>()).Should().BeEquivalentTo(["anna", "bert"]);
        (await EngineHost.EventuallyAsync(async () => await engine.WithDbAsync(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null)) == 2)).Should().BeTrue();
    }

    [Fact]
    public async Task A_message_with_a_key_is_written_once_however_often_it_is_enqueued()
    {
        var handler = new RecordingHandler();
        await using var engine = await EngineHost.StartAsync(configure: s => s.AddSingleton<IOutboxHandler>(handler));
        var outbox = engine.Services.GetRequiredService<IOutbox>();
        var entry = new OutboxEntry("los-bericht", new JsonObject { ["week"] = "2027-W10" }, Key: "weekoverzicht.2027-W10.secretaris-1");

        var first = await outbox.EnqueueAsync(entry, CancellationToken.None);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => outbox.EnqueueAsync(entry, CancellationToken.None)));
        var otherKey = await outbox.EnqueueAsync(entry with { Key = "weekoverzicht.2027-W10.secretaris-2" }, CancellationToken.None);

        first.Should().BeTrue();
        again.Should().OnlyContain(written => !written);
        otherKey.Should().BeTrue();
        (await engine.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "los-bericht"))).Should().Be(2);
        (await EngineHost.EventuallyAsync(() => Task.FromResult(handler.Delivered.Count == 2))).Should().BeTrue();
        await Task.Delay(300);
        handler.Delivered.Should().HaveCount(2, "a key written before is neither written nor delivered again");
    }

    [Fact]
    public async Task The_message_id_comes_from_the_makers_registered_by_the_host_for_step_and_enqueued_messages_alike()
    {
        await using var engine = await EngineHost.StartAsync(configure: s => s.AddSingleton<IOutboxMessageIds, DomainIds>());
        await engine.SaveAsync(Notifying);
        var instanceId = (await engine.Runtime.StartAsync("melden-buiten-stap", null, new Trigger("test", Channel.Api))).InstanceId;
        var enqueued = (await engine.Services.GetRequiredService<IOutbox>().EnqueueAsync([new OutboxEntry("los-bericht", [])], CancellationToken.None)).Single();

        var rows = await engine.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.InstanceId == instanceId || m.Id == enqueued).ToListAsync());

        rows.Should().HaveCount(2).And.OnlyContain(r => r.MessageId == $"<{r.Id}@post.example.nl>");
    }

    [Fact]
    public async Task Without_a_maker_the_engine_stores_no_message_id_of_its_own()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(Notifying);
        var instanceId = (await engine.Runtime.StartAsync("melden-buiten-stap", null, new Trigger("test", Channel.Api))).InstanceId;

        var row = await engine.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.InstanceId == instanceId));

        row.MessageId.Should().BeEmpty("the engine knows no mail domain");
    }

    private sealed class DomainIds : IOutboxMessageIds
    {
        public string For(string outboxMessageId) => $"<{outboxMessageId}@post.example.nl>";
    }

    private sealed class RecordingHandler : IOutboxHandler
    {
        public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

        public bool CanHandle(string kind) => kind == "los-bericht";

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Delivered.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
