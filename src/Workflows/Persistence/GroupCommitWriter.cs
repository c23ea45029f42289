using System.Text.Json;
using System.Collections.Concurrent;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>The result of writing one burst.</summary>
internal enum CommitOutcome
{
    Committed,

    /// <summary>Another writer changed the instance first; reload and run the burst again.</summary>
    Conflict,

    /// <summary>The request id was applied before (by this or another host).</summary>
    DuplicateRequest,
}

/// <summary>One burst to write; <see cref="ExpectedRevision"/> null means a new instance.</summary>
internal sealed class CommitRequest
{
    public required BurstResult Burst { get; init; }
    public required long? ExpectedRevision { get; init; }
    public required CompiledDefinition Definition { get; init; }
    public required DateTimeOffset Now { get; init; }
    public TaskCompletionSource<CommitOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the burst was handed to the writer (for <see cref="WorkflowTelemetry.CommitWait"/>).</summary>
    public long HandedOverAt { get; } = Stopwatch.GetTimestamp();

    public void Complete(CommitOutcome outcome)
    {
        WorkflowTelemetry.CommitWait.Record(Stopwatch.GetElapsedTime(HandedOverAt).TotalSeconds);
        Completion.TrySetResult(outcome);
    }
}

/// <summary>
/// Writes step bursts. Concurrent bursts are committed together in one transaction (group commit), so one commit
/// (one fsync) serves many callers; one conflicting instance never undoes the others.
/// </summary>
/// <remarks>
/// <para>SQLite (an in-process file): leader/follower. The caller that finds no commit under way writes everything
/// queued on its own thread (no hand-off to a writer thread, which costs more than the burst itself), each burst in
/// its own savepoint; callers that arrive meanwhile queue up and are written by the next batch. A leader stops once
/// its own burst is written and passes the rest on.</para>
/// <para>PostgreSQL (a server across the network): the whole batch goes to the server as one Npgsql batch, all its
/// statements in one round trip and one implicit transaction, awaited so no thread waits for the server. The bursts
/// are ordered by instance id, so two hosts' batches lock instance rows in the same order and cannot deadlock each
/// other. The revision check fails its statement (see <see cref="PostgresStatements"/>); when one burst fails, the
/// server undoes the batch and names the failing statement: that burst gets its outcome (conflict, repeated request)
/// and the others are sent again without it.</para>
/// </remarks>
internal sealed class GroupCommitWriter : IDisposable
{
    /// <summary>How often a batch is run again after the server undid it for a deadlock or serialisation failure.</summary>
    private const int MaxTransientRetries = 5;

    private readonly ConcurrentQueue<CommitRequest> _queue = new();
    private readonly DatabaseDialect _dialect;
    private readonly int _maxBatch;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly List<CommitRequest> _batch = [];
    private readonly bool _asynchronous;
    private readonly int _lanes;
    private readonly ConcurrentBag<Lane> _idleLanes = [];
    private int _leading;
    private int _lanesLeading;
    private bool _disposed;
    private DbConnection? _connection;
    private Statements? _statements;

    public GroupCommitWriter(IOptions<WorkflowOptions> options, DatabaseDialect dialect, ILogger<GroupCommitWriter> logger)
    {
        _dialect = dialect;
        _maxBatch = options.Value.MaxCommitBatch;
        _logger = logger;
        _asynchronous = dialect.Provider == DatabaseProvider.PostgreSql;
        _lanes = _asynchronous ? options.Value.PostgresWriterConnections : 1;
    }

    public Task<CommitOutcome> CommitAsync(CommitRequest request)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        _queue.Enqueue(request);
        if (_asynchronous)
        {
            LeadOnAFreeLane();
        }
        else
        {
            Lead(request);
        }

        return request.Completion.Task;
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _leading, 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        // Stop new lanes from starting, then wait for those writing to finish.
        while (Interlocked.CompareExchange(ref _lanesLeading, _lanes + 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        while (_idleLanes.TryTake(out var lane))
        {
            lane.Connection?.Dispose();
        }

        while (_queue.TryDequeue(out var request))
        {
            request.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitWriter)));
        }

        _statements?.Dispose();
        _connection?.Dispose();
    }

    /// <summary>
    /// Runs a read on the connection the bursts are committed on (taking the lead, so no batch is written meanwhile),
    /// to show the settings commits really run under; it never opens one, so the connection seen is the writer's own.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing was committed yet, so there is no connection.</exception>
    internal T ReadOnOwnConnection<T>(Func<DbConnection, T> read)
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _leading, 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        try
        {
            return read(_connection ?? throw new InvalidOperationException("The writer has not committed anything yet, so it has no connection."));
        }
        finally
        {
            Volatile.Write(ref _leading, 0);
        }
    }

    /// <summary>Writes queued bursts while this caller leads; returns once <paramref name="own"/> is written or another leads.</summary>
    private void Lead(CommitRequest? own)
    {
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            try
            {
                while ((own is null || !own.Completion.Task.IsCompleted) && Drain())
                {
                    WriteSafely();
                }
            }
            finally
            {
                Volatile.Write(ref _leading, 0);
            }

            if (own is not null && own.Completion.Task.IsCompleted)
            {
                if (!_queue.IsEmpty)
                {
                    // Others are waiting; let a pool thread lead them so this caller can go on.
                    ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.Lead(null), this, preferLocal: false);
                }

                return;
            }
        }
    }

    /// <summary>
    /// PostgreSQL: while bursts wait and fewer than <see cref="WorkflowOptions.PostgresWriterConnections"/> batches are
    /// under way, starts one more on a lane of its own (its own connection). It runs on the calling thread only until
    /// the batch is sent, then on whichever thread the server's answer arrives.
    /// </summary>
    private void LeadOnAFreeLane()
    {
        while (!_queue.IsEmpty)
        {
            var leading = Volatile.Read(ref _lanesLeading);
            if (leading >= _lanes)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _lanesLeading, leading + 1, leading) == leading)
            {
                _ = LeadAsynchronouslyAsync(_idleLanes.TryTake(out var lane) ? lane : new Lane());
                return;
            }
        }
    }

    private async Task LeadAsynchronouslyAsync(Lane lane)
    {
        while (Drain(lane.Batch))
        {
            await WritePostgresSafelyAsync(lane);
        }

        _idleLanes.Add(lane);
        Interlocked.Decrement(ref _lanesLeading);
        // A caller may have queued after the last drain, while every lane was taken.
        LeadOnAFreeLane();
    }

    private bool Drain() => Drain(_batch);

    private bool Drain(List<CommitRequest> batch)
    {
        batch.Clear();
        while (batch.Count < _maxBatch && _queue.TryDequeue(out var request))
        {
            batch.Add(request);
        }

        return batch.Count > 0;
    }

    private void WriteSafely()
    {
        if (_disposed)
        {
            foreach (var request in _batch)
            {
                request.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitWriter)));
            }

            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            WriteBatch(_batch);
            WorkflowTelemetry.CommitBatchSize.Record(_batch.Count);
            WorkflowTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Group commit of {Count} bursts failed; they are reported as failed to their callers.", _batch.Count);
            foreach (var request in _batch)
            {
                request.Completion.TrySetException(ex);
            }

            _statements?.Dispose();
            _statements = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    private async Task WritePostgresSafelyAsync(Lane lane)
    {
        var batch = lane.Batch;
        if (_disposed)
        {
            FailAll(batch, new ObjectDisposedException(nameof(GroupCommitWriter)));
            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            await WritePostgresBatchAsync(lane);
            WorkflowTelemetry.CommitBatchSize.Record(batch.Count);
            WorkflowTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Group commit of {Count} bursts failed; they are reported as failed to their callers.", batch.Count);
            FailAll(batch, ex);
            if (lane.Connection is not null)
            {
                await lane.Connection.DisposeAsync();
                lane.Connection = null;
            }
        }
    }

    private static void FailAll(List<CommitRequest> batch, Exception exception)
    {
        foreach (var request in batch)
        {
            request.Completion.TrySetException(exception);
        }
    }

    /// <summary>
    /// Sends the batch's bursts in one round trip; when the server undoes it for one burst, settles that burst and sends
    /// the rest again (each round removes one, so it ends). A deadlock or serialisation failure sends the batch again.
    /// Nothing is reported before the server confirmed the commit.
    /// </summary>
    private async Task WritePostgresBatchAsync(Lane lane)
    {
        var batch = lane.Batch;
        // One lock order for every host: instance rows are taken in id order.
        batch.Sort(static (a, b) => string.CompareOrdinal(a.Burst.InstanceId, b.Burst.InstanceId));
        var outcomes = new CommitOutcome?[batch.Count];
        var failures = new Exception?[batch.Count];
        var pending = Enumerable.Range(0, batch.Count).ToList();
        var transient = 0;
        var oneAtATime = false;
        while (pending.Count > 0)
        {
            lane.Connection ??= await _dialect.OpenAsync();
            await using var commands = new NpgsqlBatch((NpgsqlConnection)lane.Connection);
            var sink = new PostgresStatements(commands);
            var sending = oneAtATime ? pending.GetRange(0, 1) : pending;
            foreach (var i in sending)
            {
                sink.Owner = i;
                Apply(batch[i], sink);
            }

            sink.FlushJournal();

            var started = Stopwatch.GetTimestamp();
            try
            {
                await commands.ExecuteNonQueryAsync();
                WorkflowTelemetry.DbCall(write: true, blocking: false, started);
                foreach (var i in sending)
                {
                    outcomes[i] = CommitOutcome.Committed;
                }

                pending.RemoveRange(0, sending.Count);
            }
            catch (PostgresException ex) when (PostgresDialect.IsTransient(ex) && transient < MaxTransientRetries)
            {
                WorkflowTelemetry.DbCall(write: true, blocking: false, started);
                transient++;
                _logger.LogWarning("The database undid a group commit of {Count} bursts ({SqlState}: {Message}); it is sent again ({Attempt} of {Max}).",
                    sending.Count, ex.SqlState, ex.MessageText, transient, MaxTransientRetries);
                await Task.Delay(Random.Shared.Next(1, 5 * transient));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresStatements.RevisionConflict || _dialect.IsConstraintViolation(ex))
            {
                WorkflowTelemetry.DbCall(write: true, blocking: false, started);
                int i;
                if (sending.Count == 1)
                {
                    i = sending[0];
                }
                else if (ex.BatchCommand is { } failed && commands.BatchCommands.IndexOf(failed) is var at and >= 0)
                {
                    i = sink.OwnerOf(at);
                }
                else
                {
                    // The failing statement was not named: find the burst by sending them one by one.
                    oneAtATime = true;
                    continue;
                }

                if (ex.SqlState == PostgresStatements.RevisionConflict)
                {
                    outcomes[i] = CommitOutcome.Conflict;
                }
                else if (_dialect.IsUniqueViolation(ex, "RequestId") && batch[i].Burst.Journal.Any(j => j.RequestId is not null))
                {
                    outcomes[i] = CommitOutcome.DuplicateRequest;
                }
                else
                {
                    failures[i] = ex;
                }

                pending.Remove(i);
            }
        }

        Settle(batch, outcomes, failures);
    }

    private static void Settle(List<CommitRequest> batch, CommitOutcome?[] outcomes, Exception?[] failures)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Complete(outcomes[i]!.Value);
            }
        }
    }

    private void WriteBatch(List<CommitRequest> batch)
    {
        _connection ??= _dialect.Open();
        _statements ??= new Statements(_connection);
        var outcomes = new CommitOutcome?[batch.Count];
        var failures = new Exception?[batch.Count];
        var single = batch.Count == 1;
        var beginning = Stopwatch.GetTimestamp();
        using (var transaction = _dialect.BeginWrite(_connection))
        {
            WorkflowTelemetry.DbCall(write: true, blocking: true, beginning);
            _statements.Bind(transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                // One burst alone needs no savepoint: a conflict rolls back the whole (one-burst) transaction.
                if (!single)
                {
                    _statements.Exec("SAVEPOINT burst");
                }

                try
                {
                    outcomes[i] = Apply(batch[i], _statements);
                }
                catch (DbException ex) when (_dialect.IsUniqueViolation(ex, "RequestId") && batch[i].Burst.Journal.Any(j => j.RequestId is not null))
                {
                    outcomes[i] = CommitOutcome.DuplicateRequest;
                }
                catch (DbException ex) when (_dialect.IsConstraintViolation(ex))
                {
                    failures[i] = ex;
                }

                if (!single)
                {
                    if (outcomes[i] != CommitOutcome.Committed)
                    {
                        _statements.Exec("ROLLBACK TO burst");
                    }

                    _statements.Exec("RELEASE burst");
                }
            }

            var ending = Stopwatch.GetTimestamp();
            if (single && outcomes[0] != CommitOutcome.Committed)
            {
                transaction.Rollback();
            }
            else
            {
                transaction.Commit();
            }

            WorkflowTelemetry.DbCall(write: true, blocking: true, ending);
        }

        Settle(batch, outcomes, failures);
    }

    /// <summary>
    /// Writes (SQLite) or queues (PostgreSQL) a burst's statements. Conflict when SQLite's revision-checked update
    /// changed no row; on PostgreSQL the update's statement itself fails then (see <see cref="PostgresStatements"/>).
    /// </summary>
    private static CommitOutcome Apply(CommitRequest request, StatementSink s)
    {
        var burst = request.Burst;
        var now = request.Now.UtcDateTime;
        var stateJson = JsonSerializer.Serialize(burst.State, WorkflowJson.Options);
        var status = burst.Status.ToString();
        DateTime? finishedAt = burst.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled ? now : null;
        if (request.ExpectedRevision is null)
        {
            s.Run(BurstStatement.InsertInstance, burst.InstanceId, request.Definition.DefinitionId, request.Definition.Version, request.Definition.RecordId, status, 1L, stateJson, now, now, finishedAt);
        }
        else if (s.Run(BurstStatement.UpdateInstance, status, stateJson, now, finishedAt, burst.InstanceId, request.ExpectedRevision.Value,
            request.Definition.DefinitionId, request.Definition.Version, request.Definition.RecordId) == 0)
        {
            return CommitOutcome.Conflict;
        }

        // Right after the instance row, so a later failure of this burst (a repeated request id) rolls them back too.
        if (burst.AttributeChanges is { } attributes)
        {
            WriteAttributes(s, burst.InstanceId, attributes);
        }

        foreach (var id in burst.RemovedBookmarkIds)
        {
            s.Run(BurstStatement.DeleteTimer, id);
        }

        foreach (var added in burst.AddedBookmarks)
        {
            var b = added.Bookmark;
            long? due = b.DueAt?.ToUnixTimeMilliseconds();
            if (due is not null)
            {
                s.Run(BurstStatement.InsertTimer, b.Id, burst.InstanceId, due.Value, now);
            }
        }

        foreach (var entry in burst.Journal)
        {
            s.Run(BurstStatement.InsertJournal, burst.InstanceId, entry.Sequence, entry.At.UtcDateTime, entry.Kind, entry.ActivityId, entry.ActivityType, entry.Outcome, entry.Actor, entry.Channel.ToString(), entry.RequestId, entry.Data?.ToJsonString());
        }

        foreach (var incident in burst.NewIncidents)
        {
            s.Run(BurstStatement.InsertIncident, incident.Id, burst.InstanceId, incident.ActivityId, incident.ActivityType, incident.TokenId, incident.Message, incident.ExceptionType, incident.At.UtcDateTime);
        }

        foreach (var id in burst.ResolvedIncidentIds)
        {
            s.Run(BurstStatement.ResolveIncident, now, id);
        }

        foreach (var message in burst.Outbox)
        {
            s.Run(BurstStatement.InsertOutbox, message.Id, message.InstanceId, message.Kind, message.Payload.ToJsonString(), message.MessageId, message.CreatedAt.UtcDateTime);
        }

        return CommitOutcome.Committed;
    }

    private static void WriteAttributes(StatementSink s, string instanceId, Attributes.AttributeChanges changes)
    {
        if (changes.ReplaceAll)
        {
            s.Run(BurstStatement.DeleteAttributes, instanceId);
        }

        foreach (var (name, value) in changes.Removed)
        {
            s.Run(BurstStatement.DeleteAttribute, instanceId, name, value);
        }

        foreach (var (name, value, folded) in changes.Added)
        {
            s.Run(BurstStatement.InsertAttribute, instanceId, name, value, folded);
        }
    }

    /// <summary>PostgreSQL: one batch under way at a time, on a connection of its own.</summary>
    private sealed class Lane
    {
        public List<CommitRequest> Batch { get; } = [];
        public DbConnection? Connection { get; set; }
    }

    /// <summary>Where a burst's statements go: run at once (SQLite) or added to one batch (PostgreSQL).</summary>
    private abstract class StatementSink
    {
        /// <summary>Runs or queues <paramref name="statement"/>; the rows it changed, or 1 when it was only queued.</summary>
        public abstract int Run(BurstStatement statement, params object?[] values);
    }

    /// <summary>SQLite: prepared statements on the writer's connection, each made on first use and run at once.</summary>
    private sealed class Statements(DbConnection connection) : StatementSink, IDisposable
    {
        private readonly Statement?[] _prepared = new Statement?[BurstSql.Count];
        private readonly DbCommand _plain = connection.CreateCommand();
        private DbTransaction? _transaction;

        public void Bind(DbTransaction transaction) => _transaction = transaction;

        public override int Run(BurstStatement statement, params object?[] values)
        {
            var prepared = _prepared[(int)statement] ??= Statement.Prepare(connection, BurstSql.Text(statement), BurstSql.Parameters(statement));
            prepared.Command.Transaction = _transaction;
            var started = Stopwatch.GetTimestamp();
            var rows = prepared.Run(values);
            WorkflowTelemetry.DbCall(write: true, blocking: true, started);
            return rows;
        }

        public void Exec(string sql)
        {
            var started = Stopwatch.GetTimestamp();
            _plain.CommandText = sql;
            _plain.Transaction = _transaction;
            _plain.ExecuteNonQuery();
            WorkflowTelemetry.DbCall(write: true, blocking: true, started);
        }

        public void Dispose()
        {
            foreach (var statement in _prepared)
            {
                statement?.Command.Dispose();
            }

            _plain.Dispose();
        }
    }

    private sealed class Statement(DbCommand command, int parameters)
    {
        public DbCommand Command { get; } = command;

        public static Statement Prepare(DbConnection connection, string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }

            return new Statement(command, parameters);
        }

        public int Run(object?[] values)
        {
            for (var i = 0; i < parameters; i++)
            {
                Command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return Command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// PostgreSQL: every statement of the batch becomes a command of one <see cref="NpgsqlBatch"/> (positional
    /// parameters), remembering which burst it belongs to. The revision-checked update is wrapped so that it fails with
    /// <see cref="RevisionConflict"/> (a division by zero: the count of rows it changed) when another writer changed the
    /// instance first: the batch must stop there, since the burst's later statements would otherwise be written. A
    /// burst's journal lines go as one statement (array parameters), the most frequent statement otherwise.
    /// </summary>
    private sealed class PostgresStatements(NpgsqlBatch batch) : StatementSink
    {
        /// <summary>The SQLSTATE of a failed revision check (division_by_zero).</summary>
        public const string RevisionConflict = PostgresErrorCodes.DivisionByZero;

        private static readonly string[] Texts = Enum.GetValues<BurstStatement>().Select(s => s == BurstStatement.UpdateInstance
            ? $"WITH updated AS ({Positional(BurstSql.Text(s))} RETURNING 1) SELECT 1 / count(*) FROM updated"
            : Positional(BurstSql.Text(s))).ToArray();

        /// <summary>A burst's journal lines in one statement: one array parameter per column.</summary>
        private const string InsertJournalLines = """
            INSERT INTO "Journal" ("InstanceId", "Sequence", "At", "Kind", "ActivityId", "ActivityType", "Outcome", "Actor", "Channel", "RequestId", "DataJson")
            SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
            """;

        private readonly List<int> _owners = [];
        private readonly List<object?[]> _journal = [];
        private int _owner;

        /// <summary>The burst (its index in the batch) the next statements belong to.</summary>
        public int Owner
        {
            get => _owner;
            set
            {
                FlushJournal();
                _owner = value;
            }
        }

        public int OwnerOf(int commandIndex) => _owners[commandIndex];

        public override int Run(BurstStatement statement, params object?[] values)
        {
            if (statement == BurstStatement.InsertJournal)
            {
                // Kept until the burst's other statements are queued: its lines then go as one statement.
                _journal.Add(values);
                return 1;
            }

            Add(Texts[(int)statement], values);
            return 1;
        }

        /// <summary>Queues the journal lines of the current burst; call before the batch is sent.</summary>
        public void FlushJournal()
        {
            if (_journal.Count == 1)
            {
                Add(Texts[(int)BurstStatement.InsertJournal], _journal[0]);
            }
            else if (_journal.Count > 1)
            {
                // Columns as in BurstSql's journal insert: the instance, then one array per further column.
                var columns = new object?[11];
                columns[0] = _journal[0][0];
                columns[1] = _journal.Select(v => Convert.ToInt64(v[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                columns[2] = _journal.Select(v => (DateTime)v[2]!).ToArray();
                for (var c = 3; c < 11; c++)
                {
                    columns[c] = _journal.Select(v => (string?)v[c]).ToArray();
                }

                Add(InsertJournalLines, columns);
            }

            _journal.Clear();
        }

        private void Add(string sql, object?[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
            _owners.Add(_owner);
        }

        /// <summary><c>@p0</c> becomes <c>$1</c>: Npgsql then sends the text as it is, without rewriting it.</summary>
        private static string Positional(string sql) =>
            System.Text.RegularExpressions.Regex.Replace(sql, @"@p(\d+)", m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The statements a burst writes.</summary>
internal enum BurstStatement
{
    InsertInstance,
    UpdateInstance,
    DeleteTimer,
    InsertTimer,
    InsertJournal,
    InsertIncident,
    ResolveIncident,
    InsertOutbox,
    InsertAttribute,
    DeleteAttribute,
    DeleteAttributes,
}

/// <summary>The SQL of <see cref="BurstStatement"/>, written once for both databases (quoted identifiers, <c>@pN</c> parameters).</summary>
internal static class BurstSql
{
    private static readonly (string Sql, int Parameters)[] All =
    [
        ("""INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionRecordId", "Status", "Revision", "StateJson", "CreatedAt", "UpdatedAt", "FinishedAt") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)""", 10),
        ("""UPDATE "WorkflowInstances" SET "Status" = @p0, "Revision" = "Revision" + 1, "StateJson" = @p1, "UpdatedAt" = @p2, "FinishedAt" = @p3, "DefinitionId" = @p6, "DefinitionVersion" = @p7, "DefinitionRecordId" = @p8 WHERE "Id" = @p4 AND "Revision" = @p5""", 9),
        ("""DELETE FROM "Timers" WHERE "Id" = @p0""", 1),
        ("""INSERT INTO "Timers" ("Id", "InstanceId", "DueAtMs", "CreatedAt") VALUES (@p0, @p1, @p2, @p3)""", 4),
        ("""INSERT INTO "Journal" ("InstanceId", "Sequence", "At", "Kind", "ActivityId", "ActivityType", "Outcome", "Actor", "Channel", "RequestId", "DataJson") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)""", 11),
        ("""INSERT INTO "Incidents" ("Id", "InstanceId", "ActivityId", "ActivityType", "TokenId", "Message", "ExceptionType", "At", "ResolvedAt") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, NULL)""", 8),
        ("""UPDATE "Incidents" SET "ResolvedAt" = @p0 WHERE "Id" = @p1""", 2),
        ("""INSERT INTO "Outbox" ("Id", "InstanceId", "Kind", "PayloadJson", "MessageId", "CreatedAt", "SentAt", "Attempts", "LastError") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, 0, NULL)""", 6),
        ("""INSERT INTO "InstanceAttributes" ("InstanceId", "Name", "Value", "Folded") VALUES (@p0, @p1, @p2, @p3)""", 4),
        ("""DELETE FROM "InstanceAttributes" WHERE "InstanceId" = @p0 AND "Name" = @p1 AND "Value" = @p2""", 3),
        ("""DELETE FROM "InstanceAttributes" WHERE "InstanceId" = @p0""", 1),
    ];

    public static int Count => All.Length;

    public static string Text(BurstStatement statement) => All[(int)statement].Sql;

    public static int Parameters(BurstStatement statement) => All[(int)statement].Parameters;
}
