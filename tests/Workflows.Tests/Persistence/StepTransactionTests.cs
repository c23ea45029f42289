using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Persistence;

/// <summary>
/// What a step writes is one transaction: the instance, its bookmarks and timers, its journal and its outbox messages
/// are stored together or not at all, on the writer's own connection with the durable settings.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class StepTransactionTests
{
    /// <summary>A resume of "akkoord" writes an outbox message and then waits on "verder".</summary>
    private const string Notifying = """
    {
      "definitionId": "melden-na-akkoord",
      "name": "Melden na akkoord",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "akkoord", "type": "WaitForSignal", "inputs": { "signal": "akkoord" } },
          { "id": "melding", "type": "Test.Notify", "inputs": { "kind": "test-bericht" } },
          { "id": "verder", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "akkoord", "port": "In" } },
          { "source": { "activity": "akkoord", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
          { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "verder", "port": "In" } },
          { "source": { "activity": "verder", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    private const string RefusedMessage = "outbox refused by the test";

    [Fact]
    public async Task A_step_whose_outbox_message_cannot_be_written_is_not_stored_at_all_and_applies_whole_once_it_can()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(Notifying);
        var started = await engine.Runtime.StartAsync("melden-na-akkoord", null, new Trigger("test", Channel.Api));
        var akkoord = started.Bookmarks.Single();
        var before = await engine.InstanceAsync(started.InstanceId);
        var journalBefore = await engine.JournalAsync(started.InstanceId);
        var trigger = new Trigger("lid", Channel.Api, RequestId: "akkoord-1");

        // The database itself refuses outbox rows: only a writer that stores the outbox in the step's own
        // transaction loses the step with it; one that commits the step first and the outbox afterwards keeps it.
        await ExecuteAsync(engine, $"""CREATE TRIGGER "OutboxRefused" BEFORE INSERT ON "Outbox" BEGIN SELECT RAISE(ABORT, '{RefusedMessage}'); END""");
        var refused = () => engine.Runtime.ResumeAsync(started.InstanceId, akkoord.Id, null, trigger);

        (await refused.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain(RefusedMessage);
        var after = await engine.InstanceAsync(started.InstanceId);
        after.Revision.Should().Be(before.Revision);
        after.Status.Should().Be(nameof(WorkflowStatus.Suspended));
        after.StateJson.Should().Be(before.StateJson, "the state, with its bookmark, is as before the step");
        after.UpdatedAt.Should().Be(before.UpdatedAt);
        (await engine.BookmarksAsync(started.InstanceId)).Should().Equal(new WaitingBookmark(akkoord.Id, "akkoord", "akkoord"));
        (await engine.JournalAsync(started.InstanceId)).Select(j => (j.Sequence, j.Kind, j.ActivityId, j.RequestId))
            .Should().Equal(journalBefore.Select(j => (j.Sequence, j.Kind, j.ActivityId, j.RequestId)));
        (await engine.WithDbAsync(db => db.Outbox.CountAsync(m => m.InstanceId == started.InstanceId))).Should().Be(0);

        await ExecuteAsync(engine, """DROP TRIGGER "OutboxRefused" """);
        var applied = await engine.Runtime.ResumeAsync(started.InstanceId, akkoord.Id, null, trigger);

        applied.AlreadyApplied.Should().BeFalse("the refused attempt stored nothing, its request id included");
        applied.Status.Should().Be(WorkflowStatus.Suspended);
        applied.Bookmarks.Should().ContainSingle().Which.ActivityId.Should().Be("verder");
        (await engine.InstanceAsync(started.InstanceId)).Revision.Should().Be(before.Revision + 1);
        var journal = await engine.JournalAsync(started.InstanceId);
        journal.Where(j => j.RequestId == "akkoord-1").Should().ContainSingle().Which.Kind.Should().Be(JournalKinds.BookmarkResumed);
        journal.Should().ContainSingle(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "melding");
        (await engine.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.InstanceId == started.InstanceId).Select(m => m.Kind).ToListAsync()))
            .Should().Equal("test-bericht");
    }

    [Fact]
    public async Task The_writer_commits_on_a_connection_in_wal_mode_with_synchronous_full()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(Notifying);
        // A step first: the writer opens its connection the way it does for a commit, not the way a test would.
        await engine.Runtime.StartAsync("melden-na-akkoord", null, new Trigger("test", Channel.Api));

        var (journalMode, synchronous) = engine.Services.GetRequiredService<GroupCommitWriter>().ReadOnOwnConnection(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)command.ExecuteScalar()!;
            command.CommandText = "PRAGMA synchronous";
            return (mode, (long)command.ExecuteScalar()!);
        });

        journalMode.Should().Be("wal");
        synchronous.Should().Be(2, "2 is FULL: an acknowledged step survives a power cut, not only a crash of the process");
    }

    private static async Task ExecuteAsync(EngineHost engine, string sql)
    {
        await using var connection = new SqliteConnection(engine.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
