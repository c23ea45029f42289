using System.Diagnostics.Metrics;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Attributes;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdviesRoute.Workflows.Tests.Persistence;

/// <summary>
/// On PostgreSQL a group commit is one batch in one round trip. A burst the database refuses, or one whose instance
/// another host changed first, must still fail alone: the bursts that shared its batch are committed, exactly once.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PostgresGroupCommitTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Route = """
    { "definitionId": "akkoord", "name": "Akkoord",
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "akkoord", "type": "WaitForSignal", "inputs": { "signal": "akkoord" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "akkoord", "port": "In" } },
          { "source": { "activity": "akkoord", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    private const int Others = 24;

    /// <summary>
    /// A host with one writer lane: while its group commit waits for a held row, everything resumed meanwhile queues for
    /// the next batch, so the batches these tests build are the ones they mean. (With two lanes the second would take
    /// part of the queue; the two-host process test runs the default.)
    /// </summary>
    private static Task<EngineHost> StartAsync(string connectionString) =>
        EngineHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Workflows:Provider"] = "PostgreSql",
            ["Workflows:ConnectionString"] = connectionString,
            ["Workflows:PostgresWriterConnections"] = "1",
        });

    [Fact]
    public async Task On_PostgreSQL_a_burst_the_database_refuses_fails_alone_and_the_bursts_of_its_group_commit_are_stored()
    {
        var database = await postgres.Server.CreateDatabaseAsync("groep");
        await using var engine = await StartAsync(database);
        await engine.SaveAsync(Route);
        var blocker = await engine.Runtime.StartAsync("akkoord", null, Trigger("start"));
        var refused = await engine.Runtime.StartAsync("akkoord", null, Trigger("start"));
        var others = new List<BurstSummary>();
        for (var i = 0; i < Others; i++)
        {
            others.Add(await engine.Runtime.StartAsync("akkoord", null, Trigger("start")));
        }

        // The database refuses journal lines of one instance, as a check constraint would.
        await ExecuteAsync(database, $"""
            CREATE FUNCTION weiger() RETURNS trigger AS $$ BEGIN
              IF NEW."InstanceId" = '{refused.InstanceId}' THEN RAISE EXCEPTION 'geweigerd door de proef' USING ERRCODE = 'check_violation'; END IF;
              RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER weiger BEFORE INSERT ON "Journal" FOR EACH ROW EXECUTE FUNCTION weiger();
            """);

        using var meters = new EngineMeters();
        await using (var held = await HoldRowAsync(database, blocker.InstanceId))
        {
            // The blocker's commit waits for the held row; everything resumed meanwhile queues for the next batch.
            var first = engine.Runtime.ResumeAsync(blocker.InstanceId, blocker.Bookmarks[0].Id, null, Trigger("blokkeer"));
            await meters.LoadedAsync(1);
            var failing = engine.Runtime.ResumeAsync(refused.InstanceId, refused.Bookmarks[0].Id, null, Trigger("geweigerd"));
            var rest = others.Select((o, i) => engine.Runtime.ResumeAsync(o.InstanceId, o.Bookmarks[0].Id, null, Trigger($"hervat-{i}"))).ToList();
            await meters.LoadedAsync(2 + Others);
            await held.RollbackAsync();

            (await first).Status.Should().Be(WorkflowStatus.Finished);
            (await failing.Invoking(t => t).Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Be("geweigerd door de proef");
            (await Task.WhenAll(rest)).Should().OnlyContain(s => s.Status == WorkflowStatus.Finished && !s.AlreadyApplied);
        }

        meters.LargestBatch.Should().BeGreaterThanOrEqualTo(Others, "the refused burst and the others were queued behind the blocked commit and written together");
        var stored = await engine.InstanceAsync(refused.InstanceId);
        stored.Revision.Should().Be(1, "nothing of the refused burst was stored");
        stored.Status.Should().Be(nameof(WorkflowStatus.Suspended));
        (await engine.JournalAsync(refused.InstanceId)).Should().NotContain(j => j.Kind == JournalKinds.BookmarkResumed);
        for (var i = 0; i < Others; i++)
        {
            (await engine.InstanceAsync(others[i].InstanceId)).Revision.Should().Be(2);
            var journal = await engine.JournalAsync(others[i].InstanceId);
            journal.Should().ContainSingle(j => j.Kind == JournalKinds.BookmarkResumed).Which.RequestId.Should().Be($"hervat-{i}");
            journal.Select(j => j.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }

        await ExecuteAsync(database, """DROP TRIGGER weiger ON "Journal" """);
        (await engine.Runtime.ResumeAsync(refused.InstanceId, refused.Bookmarks[0].Id, null, Trigger("geweigerd"))).AlreadyApplied.Should().BeFalse();
        (await engine.JournalAsync(refused.InstanceId)).Should().ContainSingle(j => j.Kind == JournalKinds.BookmarkResumed && j.RequestId == "geweigerd");
    }

    [Fact]
    public async Task On_PostgreSQL_two_hosts_resuming_the_same_instances_in_full_batches_record_each_once_without_deadlock()
    {
        var database = await postgres.Server.CreateDatabaseAsync("twee");
        var a = await StartAsync(database);
        var b = await StartAsync(database);
        long deadlocksBefore;
        try
        {
            await a.SaveAsync(Route);
            var blocker = await a.Runtime.StartAsync("akkoord", null, Trigger("start"));
            var instances = new List<BurstSummary>();
            for (var i = 0; i < Others; i++)
            {
                instances.Add(await (i % 2 == 0 ? a : b).Runtime.StartAsync("akkoord", null, Trigger("start")));
            }

            deadlocksBefore = await DeadlocksAsync(database);
            using var meters = new EngineMeters();
            Task<BurstSummary[]> viaA, viaB;
            Task<BurstSummary> blockerA, blockerB;
            // The instance in the middle of the id order is held too, so both hosts' next batches are under way at once:
            // each takes rows up to it and waits there.
            var middle = instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal).ElementAt(Others / 2);
            await using var heldMiddle = await HoldRowAsync(database, middle);
            await using (var held = await HoldRowAsync(database, blocker.InstanceId))
            {
                // Both writers wait for the held row; meanwhile both hosts are asked for the same resumes (same request
                // ids), one host in the opposite order: their next batches hold the same rows, and only the writer's
                // own ordering keeps the two transactions from each waiting for a row the other holds.
                blockerA = a.Runtime.ResumeAsync(blocker.InstanceId, blocker.Bookmarks[0].Id, null, Trigger("blokkeer"));
                blockerB = b.Runtime.ResumeAsync(blocker.InstanceId, blocker.Bookmarks[0].Id, null, Trigger("blokkeer"));
                await meters.LoadedAsync(2);
                viaA = Task.WhenAll(instances.Select((o, i) => a.Runtime.ResumeAsync(o.InstanceId, o.Bookmarks[0].Id, null, Trigger($"hervat-{i}"))));
                viaB = Task.WhenAll(instances.Select((o, i) => (o, i)).Reverse()
                    .Select(x => b.Runtime.ResumeAsync(x.o.InstanceId, x.o.Bookmarks[0].Id, null, Trigger($"hervat-{x.i}"))));
                await meters.LoadedAsync(2 + 2 * Others);
                await held.RollbackAsync();
            }

            await WaitersAsync(database, 2);
            await heldMiddle.RollbackAsync();

            new[] { await blockerA, await blockerB }.Count(s => s.AlreadyApplied).Should().Be(1);
            var answersA = await viaA;
            var answersB = (await viaB).Reverse().ToArray();
            for (var i = 0; i < Others; i++)
            {
                new[] { answersA[i], answersB[i] }.Should().OnlyContain(s => s.Status == WorkflowStatus.Finished);
                new[] { answersA[i], answersB[i] }.Count(s => s.AlreadyApplied).Should().Be(1, "one host applied resume {0}; the other found it applied", i);
                (await a.InstanceAsync(instances[i].InstanceId)).Revision.Should().Be(2);
                (await a.JournalAsync(instances[i].InstanceId)).Should().ContainSingle(j => j.Kind == JournalKinds.BookmarkResumed)
                    .Which.RequestId.Should().Be($"hervat-{i}");
            }
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }

        // A connection reports its counts when it ends.
        NpgsqlConnection.ClearAllPools();
        (await DeadlocksAsync(database)).Should().Be(deadlocksBefore);
    }

    private static Trigger Trigger(string requestId) => new("test", Channel.Api, requestId);

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Locks an instance row in a transaction of its own until it is rolled back.</summary>
    private static async Task<HeldRow> HoldRowAsync(string database, string instanceId)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""SELECT 1 FROM "WorkflowInstances" WHERE "Id" = @id FOR UPDATE""", connection, transaction);
        command.Parameters.AddWithValue("id", instanceId);
        (await command.ExecuteScalarAsync()).Should().Be(1);
        return new HeldRow(connection, transaction);
    }

    /// <summary>Waits (at most 30 s) until <paramref name="count"/> sessions of the database wait for a lock.</summary>
    private static async Task WaitersAsync(string database, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long waiting;
        while ((waiting = (long)(await command.ExecuteScalarAsync())!) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        waiting.Should().BeGreaterThanOrEqualTo(count, "both hosts' batches are under way and wait for a held row");
    }

    private static async Task<long> DeadlocksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task RollbackAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>What the engine reports while this listens: its largest group commit, and how many instances it read.</summary>
    private sealed class EngineMeters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _largestBatch;
        private int _loads;

        public EngineMeters()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WorkflowTelemetry.Name && instrument.Name is "workflow.commit.batch_size" or "workflow.instance.load.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
            {
                int seen;
                while (size > (seen = Volatile.Read(ref _largestBatch)) && Interlocked.CompareExchange(ref _largestBatch, size, seen) != seen)
                {
                }
            });
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _loads));
            _listener.Start();
        }

        public int LargestBatch => Volatile.Read(ref _largestBatch);

        /// <summary>
        /// Waits (at most 30 s) until the engine has read <paramref name="count"/> instances, then a moment more for their
        /// bursts, which run in memory, to reach the writer's queue.
        /// </summary>
        public async Task LoadedAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref _loads) < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Volatile.Read(ref _loads).Should().BeGreaterThanOrEqualTo(count, "every resume read its instance");
            await Task.Delay(200);
        }

        public void Dispose() => _listener.Dispose();
    }
}
