using System.Collections.Concurrent;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Runtime;

[Collection(EngineCollection.Name)]
public sealed class ActivityVersionAndOutboxTests
{
    private static string Versioned(string id, string pin, string port) => $$"""
    {
      "definitionId": "{{id}}",
      "name": "Versies",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "stap", "type": "Test.Versioned"{{pin}} },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "{{port}}" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "stap", "port": "In" } },
          { "source": { "activity": "stap", "port": "{{port}}" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task A_definition_saved_under_an_older_activity_version_still_runs_that_version()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(Versioned("oud", ", \"typeVersion\": 1", "Oud"));
        await engine.SaveAsync(Versioned("nieuw", "", "Nieuw"));

        var old = await engine.Runtime.StartAsync("oud", null, new Trigger("test", Channel.Api));
        var current = await engine.Runtime.StartAsync("nieuw", null, new Trigger("test", Channel.Api));

        old.Bookmarks.Single().Name.Should().Be("Oud");
        current.Bookmarks.Single().Name.Should().Be("Nieuw");
    }

    private const string Notifying = """
    {
      "definitionId": "melden",
      "name": "Melden",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "melding", "type": "Test.Notify", "inputs": { "kind": "test-bericht" } },
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
    public async Task An_unsent_outbox_message_is_requeued_at_start_up_and_delivered_with_its_message_id()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-outbox-").FullName;
        var down = new RecordingHandler(fail: true);
        string instanceId;
        await using (var first = await EngineHost.StartAsync(folder, s => s.AddSingleton<IOutboxHandler>(down)))
        {
            await first.SaveAsync(Notifying);
            instanceId = (await first.Runtime.StartAsync("melden", null, new Trigger("test", Channel.Api))).InstanceId;
            (await EngineHost.EventuallyAsync(() => Task.FromResult(!down.Attempts.IsEmpty))).Should().BeTrue();
        }

        var stored = await ReadOutboxAsync(folder, instanceId);
        stored.SentAt.Should().BeNull("the server refused it");
        stored.LastError.Should().Be("SMTP-server niet bereikbaar");

        var up = new RecordingHandler(fail: false);
        await using var second = await EngineHost.StartAsync(folder, s => s.AddSingleton<IOutboxHandler>(up));

        (await EngineHost.EventuallyAsync(async () => (await ReadOutboxAsync(folder, instanceId)).SentAt is not null)).Should().BeTrue();
        up.Delivered.Should().ContainSingle().Which.MessageId.Should().Be(stored.MessageId);
    }

    private static async Task<OutboxMessageRecord> ReadOutboxAsync(string folder, string instanceId)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "engine.db")}").Options;
        await using var db = new WorkflowDbContext(options);
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.InstanceId == instanceId);
    }

    [Fact]
    public async Task An_online_backup_while_instances_are_written_is_a_sound_copy_that_can_be_restored()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(Notifying);
        var writers = Enumerable.Range(0, 200).Select(_ => engine.Runtime.StartAsync("melden", null, new Trigger("test", Channel.Api))).ToList();
        var backupFile = Path.Combine(engine.Folder, "backup", "kopie.db");

        var check = DatabaseBackup.Create(engine.ConnectionString, backupFile);
        await Task.WhenAll(writers);

        check.Should().Be("ok");
        await using var restored = new SqliteConnection($"Data Source={backupFile};Mode=ReadOnly;Pooling=False");
        await restored.OpenAsync();
        await using var command = restored.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM WorkflowDefinitions WHERE DefinitionId = 'melden'";
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(1);
        command.CommandText = "SELECT COUNT(*) FROM WorkflowInstances i WHERE NOT EXISTS (SELECT 1 FROM Journal j WHERE j.InstanceId = i.Id AND j.Kind = 'ActivityStarted' AND j.ActivityId = 'wacht')";
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(0, "every instance in the copy is whole: its journal came with it");
    }

    private sealed class RecordingHandler(bool fail) : IOutboxHandler
    {
        public ConcurrentQueue<OutboxMessage> Attempts { get; } = new();
        public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

        public bool CanHandle(string kind) => kind == "test-bericht";

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(message);
            if (fail)
            {
                throw new InvalidOperationException("SMTP-server niet bereikbaar");
            }

            Delivered.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
