using System.Diagnostics;
using Npgsql;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// Samples <c>pg_stat_activity</c> about every 10 ms while a window runs: the state and wait event of every client
/// backend of one database except the sampler's own, counted per (state, wait). "idle in transaction" waiting on
/// ClientRead is the server waiting for the next statement of an open transaction: a round trip to the client.
/// The sampler connects to another database than the one it watches, so its own queries stay out of that database's
/// counters and statements.
/// </summary>
internal sealed class ActivitySampler : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _counts = [];
    private Task? _loop;

    private readonly string _database;

    private ActivitySampler(NpgsqlConnection connection, string database)
    {
        _connection = connection;
        _database = database;
    }

    /// <summary>Number of sampling queries made.</summary>
    public long Samples { get; private set; }

    public static async Task<ActivitySampler> StartAsync(string connectionString, string database)
    {
        // Its own connection outside the pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var sampler = new ActivitySampler(connection, database);
        sampler._loop = sampler.LoopAsync();
        return sampler;
    }

    /// <summary>Stops sampling; the counts per (state, wait) of the backends seen.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        return _counts;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(state, '?'), coalesce(wait_event_type, ''), coalesce(wait_event, '')
            FROM pg_stat_activity
            WHERE datname = @database AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """, _connection);
        command.Parameters.AddWithValue("database", _database);
        await command.PrepareAsync();
        var next = Stopwatch.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var state = reader.GetString(0);
                    var type = reader.GetString(1);
                    var wait = type.Length == 0 ? "no wait event" : $"{type}: {reader.GetString(2)}";
                    var key = $"{state}; {wait}";
                    _counts[key] = _counts.GetValueOrDefault(key) + 1;
                }
            }

            Samples++;
            next += Stopwatch.Frequency / 100;
            var delay = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _stop.Token);
                }
                else
                {
                    next = Stopwatch.GetTimestamp();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>The cumulative statistics the server keeps, read before and after a window (one database's and the WAL's).</summary>
internal sealed record ServerCounters(long Commits, long Rollbacks, long Deadlocks, double BlockWriteMs, long WalRecords, long WalBytes, long WalWrites, long WalSyncs, double WalSyncMs)
{
    public static async Task<ServerCounters> ReadAsync(NpgsqlConnection connection)
    {
        // Statistics are cached per transaction; a fresh snapshot for each reading.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT d.xact_commit, d.xact_rollback, d.deadlocks, d.blk_write_time,
                   w.wal_records, w.wal_bytes::bigint, w.wal_write, w.wal_sync, w.wal_sync_time
            FROM pg_stat_database d, pg_stat_wal w
            WHERE d.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ServerCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetDouble(8));
    }

    public ServerCounters Minus(ServerCounters o) => new(Commits - o.Commits, Rollbacks - o.Rollbacks, Deadlocks - o.Deadlocks, BlockWriteMs - o.BlockWriteMs,
        WalRecords - o.WalRecords, WalBytes - o.WalBytes, WalWrites - o.WalWrites, WalSyncs - o.WalSyncs, WalSyncMs - o.WalSyncMs);
}

/// <summary>One statement's line of <c>pg_stat_statements</c>.</summary>
internal sealed record StatementStats(string Query, long Calls, double TotalMs, double MeanMs, double RowsPerCall);

internal static class PostgresDiagnostics
{
    /// <summary>The server settings the PostgreSQL part starts its server with (on top of <c>PostgresServer</c>'s own).</summary>
    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.track"] = "all",
        ["track_io_timing"] = "on",
        ["track_wal_io_timing"] = "on",
    };

    public static async Task CreateStatementsExtensionAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ResetStatementsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statements of this database by total execution time, the biggest first.</summary>
    public static async Task<List<StatementStats>> TopStatementsAsync(NpgsqlConnection connection, int count)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT query, calls, total_exec_time, mean_exec_time, rows::float8 / greatest(calls, 1)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%pg_stat_%'
            ORDER BY total_exec_time DESC
            LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("count", count);
        var result = new List<StatementStats>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(new StatementStats(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }

        return result;
    }

    /// <summary>Calls of all statements of this database (each one a round trip, unless the client batched them).</summary>
    public static async Task<long> TotalCallsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_%'
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The server's settings that decide a commit's cost, read back.</summary>
    public static async Task<List<(string Name, string Value)>> SettingsAsync(NpgsqlConnection connection)
    {
        var names = new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay", "shared_buffers", "max_wal_size", "max_connections", "shared_preload_libraries", "track_io_timing", "track_wal_io_timing" };
        var result = new List<(string, string)>();
        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            result.Add((name, (string)(await command.ExecuteScalarAsync())!));
        }

        return result;
    }

    /// <summary>
    /// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of the engine's hot statements, as the group-commit writer and the reader pool
    /// send them, on the populated database; the writes run in a transaction that is rolled back.
    /// </summary>
    public static async Task<List<(string Title, string Plan)>> HotPlansAsync(NpgsqlConnection connection)
    {
        string id;
        await using (var pick = new NpgsqlCommand("""SELECT "Id" FROM "WorkflowInstances" ORDER BY "CreatedAt" DESC LIMIT 1""", connection))
        {
            id = (string)(await pick.ExecuteScalarAsync())!;
        }

        var now = DateTime.UtcNow;
        var result = new List<(string, string)>
        {
            ("Instance load by id (reader pool)", await ExplainAsync(connection, null,
                """SELECT "Id", "DefinitionRecordId", "Status", "Revision", "StateJson" FROM "WorkflowInstances" WHERE "Id" = @id""", ("id", id))),
        };

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            long revision;
            string state;
            string definitionId;
            int version;
            string recordId;
            await using (var read = new NpgsqlCommand("""SELECT "Revision", "StateJson", "DefinitionId", "DefinitionVersion", "DefinitionRecordId" FROM "WorkflowInstances" WHERE "Id" = @id""", connection, transaction))
            {
                read.Parameters.AddWithValue("id", id);
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
                (revision, state, definitionId, version, recordId) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4));
            }

            result.Add(("Revision-checked update of the instance row (group-commit writer; rolled back)", await ExplainAsync(connection, transaction,
                """UPDATE "WorkflowInstances" SET "Status" = @p0, "Revision" = "Revision" + 1, "StateJson" = @p1, "UpdatedAt" = @p2, "FinishedAt" = @p3, "DefinitionId" = @p6, "DefinitionVersion" = @p7, "DefinitionRecordId" = @p8 WHERE "Id" = @p4 AND "Revision" = @p5""",
                ("p0", "Finished"), ("p1", state), ("p2", now), ("p3", now), ("p4", id), ("p5", revision), ("p6", definitionId), ("p7", version), ("p8", recordId))));
            result.Add(("Journal line insert (group-commit writer; rolled back)", await ExplainAsync(connection, transaction,
                """INSERT INTO "Journal" ("InstanceId", "Sequence", "At", "Kind", "ActivityId", "ActivityType", "Outcome", "Actor", "Channel", "RequestId", "DataJson") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)""",
                ("p0", id), ("p1", 1_000_000L), ("p2", now), ("p3", "BookmarkResumed"), ("p4", "wait"), ("p5", "WaitForSignal"), ("p6", DBNull.Value), ("p7", "benchmark"),
                ("p8", "Api"), ("p9", Guid.NewGuid().ToString("N")), ("p10", """{"bookmark":"x","name":"go","input":{"ok":true}}"""))));
            await transaction.RollbackAsync();
        }

        return result;
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
