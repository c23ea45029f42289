using System.Text.Json;
using System.Collections.Concurrent;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using System.Data.Common;
using Microsoft.Extensions.Logging;
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
}

/// <summary>
/// Writes step bursts. Concurrent bursts are committed together in one transaction (group commit), each in
/// its own savepoint so one conflicting instance does not undo the others. With <c>synchronous=FULL</c> every
/// commit is an fsync; sharing it is what lets 8 callers go faster than one.
/// </summary>
/// <remarks>
/// Leader/follower: the caller that finds no commit under way writes everything queued on its own thread (no
/// hand-off to a writer thread, which costs more than the burst itself); callers that arrive meanwhile queue up
/// and are written by the next batch. A leader stops once its own burst is written and passes the rest on.
/// </remarks>
internal sealed class GroupCommitWriter : IDisposable
{
    private readonly ConcurrentQueue<CommitRequest> _queue = new();
    private readonly DatabaseDialect _dialect;
    private readonly int _maxBatch;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly List<CommitRequest> _batch = [];
    private int _leading;
    private bool _disposed;
    private DbConnection? _connection;
    private Statements? _statements;

    public GroupCommitWriter(IOptions<WorkflowOptions> options, DatabaseDialect dialect, ILogger<GroupCommitWriter> logger)
    {
        _dialect = dialect;
        _maxBatch = options.Value.MaxCommitBatch;
        _logger = logger;
    }

    public Task<CommitOutcome> CommitAsync(CommitRequest request)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        _queue.Enqueue(request);
        Lead(request);
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

    private bool Drain()
    {
        _batch.Clear();
        while (_batch.Count < _maxBatch && _queue.TryDequeue(out var request))
        {
            _batch.Add(request);
        }

        return _batch.Count > 0;
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
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            WriteBatch(_batch);
            WorkflowTelemetry.CommitBatchSize.Record(_batch.Count);
            WorkflowTelemetry.CommitDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
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

    private void WriteBatch(List<CommitRequest> batch)
    {
        _connection ??= _dialect.Open();
        _statements ??= new Statements(_connection);
        var outcomes = new CommitOutcome?[batch.Count];
        var failures = new Exception?[batch.Count];
        var single = batch.Count == 1;
        using (var transaction = _dialect.BeginWrite(_connection))
        {
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
                    outcomes[i] = Apply(batch[i]);
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

            if (single && outcomes[0] != CommitOutcome.Committed)
            {
                transaction.Rollback();
            }
            else
            {
                transaction.Commit();
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i]!.Value);
            }
        }
    }

    private CommitOutcome Apply(CommitRequest request)
    {
        var s = _statements!;
        var burst = request.Burst;
        var now = request.Now.UtcDateTime;
        var stateJson = JsonSerializer.Serialize(burst.State, WorkflowJson.Options);
        var status = burst.Status.ToString();
        DateTime? finishedAt = burst.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled ? now : null;
        if (request.ExpectedRevision is null)
        {
            s.InsertInstance.Run(burst.InstanceId, request.Definition.DefinitionId, request.Definition.Version, request.Definition.RecordId, status, 1L, stateJson, now, now, finishedAt);
        }
        else if (s.UpdateInstance.Run(status, stateJson, now, finishedAt, burst.InstanceId, request.ExpectedRevision.Value,
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
            s.DeleteTimer.Run(id);
        }

        foreach (var added in burst.AddedBookmarks)
        {
            var b = added.Bookmark;
            long? due = b.DueAt?.ToUnixTimeMilliseconds();
            if (due is not null)
            {
                s.InsertTimer.Run(b.Id, burst.InstanceId, due.Value, now);
            }
        }

        foreach (var entry in burst.Journal)
        {
            s.InsertJournal.Run(burst.InstanceId, entry.Sequence, entry.At.UtcDateTime, entry.Kind, entry.ActivityId, entry.ActivityType, entry.Outcome, entry.Actor, entry.Channel.ToString(), entry.RequestId, entry.Data?.ToJsonString());
        }

        foreach (var incident in burst.NewIncidents)
        {
            s.InsertIncident.Run(incident.Id, burst.InstanceId, incident.ActivityId, incident.ActivityType, incident.TokenId, incident.Message, incident.ExceptionType, incident.At.UtcDateTime);
        }

        foreach (var id in burst.ResolvedIncidentIds)
        {
            s.ResolveIncident.Run(now, id);
        }

        foreach (var message in burst.Outbox)
        {
            s.InsertOutbox.Run(message.Id, message.InstanceId, message.Kind, message.Payload.ToJsonString(), message.MessageId, message.CreatedAt.UtcDateTime);
        }

        return CommitOutcome.Committed;
    }

    private static void WriteAttributes(Statements s, string instanceId, Attributes.AttributeChanges changes)
    {
        var a = s.AttributeWrites;
        if (changes.ReplaceAll)
        {
            a.DeleteAll.Run(instanceId);
        }

        foreach (var (name, value) in changes.Removed)
        {
            a.Delete.Run(instanceId, name, value);
        }

        foreach (var (name, value, folded) in changes.Added)
        {
            a.Insert.Run(instanceId, name, value, folded);
        }
    }

    /// <summary>Prepared statements on the writer's connection.</summary>
    private sealed class Statements(DbConnection connection) : IDisposable
    {
        private readonly List<Statement> _all = [];
        private bool _listed;
        private DbTransaction? _transaction;

        public Statement InsertInstance { get; } = Add(connection, """ INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionRecordId", "Status", "Revision", "StateJson", "CreatedAt", "UpdatedAt", "FinishedAt") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)""", 10);
        public Statement UpdateInstance { get; } = Add(connection, """ UPDATE "WorkflowInstances" SET "Status" = @p0, "Revision" = "Revision" + 1, "StateJson" = @p1, "UpdatedAt" = @p2, "FinishedAt" = @p3, "DefinitionId" = @p6, "DefinitionVersion" = @p7, "DefinitionRecordId" = @p8 WHERE "Id" = @p4 AND "Revision" = @p5""", 9);
        public Statement DeleteTimer { get; } = Add(connection, """ DELETE FROM "Timers" WHERE "Id" = @p0""", 1);
        public Statement InsertTimer { get; } = Add(connection, """ INSERT INTO "Timers" ("Id", "InstanceId", "DueAtMs", "CreatedAt") VALUES (@p0, @p1, @p2, @p3)""", 4);
        public Statement InsertJournal { get; } = Add(connection, """ INSERT INTO "Journal" ("InstanceId", "Sequence", "At", "Kind", "ActivityId", "ActivityType", "Outcome", "Actor", "Channel", "RequestId", "DataJson") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)""", 11);
        public Statement InsertIncident { get; } = Add(connection, """ INSERT INTO "Incidents" ("Id", "InstanceId", "ActivityId", "ActivityType", "TokenId", "Message", "ExceptionType", "At", "ResolvedAt") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, NULL)""", 8);
        public Statement ResolveIncident { get; } = Add(connection, """ UPDATE "Incidents" SET "ResolvedAt" = @p0 WHERE "Id" = @p1""", 2);
        public Statement InsertOutbox { get; } = Add(connection, """ INSERT INTO "Outbox" ("Id", "InstanceId", "Kind", "PayloadJson", "MessageId", "CreatedAt", "SentAt", "Attempts", "LastError") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, 0, NULL)""", 6);
        private Statement Plain { get; } = new(connection.CreateCommand(), 0);
        private AttributeStatements? _attributeWrites;

        /// <summary>Made on first use, so a writer without an attribute source binds no more commands per batch than before.</summary>
        public AttributeStatements AttributeWrites
        {
            get
            {
                if (_attributeWrites is null)
                {
                    _attributeWrites = new AttributeStatements(
                        Add(connection, """ INSERT INTO "InstanceAttributes" ("InstanceId", "Name", "Value", "Folded") VALUES (@p0, @p1, @p2, @p3)""", 4),
                        Add(connection, """ DELETE FROM "InstanceAttributes" WHERE "InstanceId" = @p0 AND "Name" = @p1 AND "Value" = @p2""", 3),
                        Add(connection, """ DELETE FROM "InstanceAttributes" WHERE "InstanceId" = @p0""", 1));
                    foreach (var statement in new[] { _attributeWrites.Insert, _attributeWrites.Delete, _attributeWrites.DeleteAll })
                    {
                        statement.Command.Transaction = _transaction;
                        _all.Add(statement);
                    }
                }

                return _attributeWrites;
            }
        }

        private static Statement Add(DbConnection connection, string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql.Trim();
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }

            return new Statement(command, parameters);
        }

        public void Bind(DbTransaction transaction)
        {
            _transaction = transaction;
            if (!_listed)
            {
                _listed = true;
                _all.AddRange([InsertInstance, UpdateInstance, DeleteTimer, InsertTimer, InsertJournal, InsertIncident, ResolveIncident, InsertOutbox, Plain]);
            }

            foreach (var statement in _all)
            {
                statement.Command.Transaction = transaction;
            }
        }

        public void Exec(string sql)
        {
            Plain.Command.CommandText = sql;
            Plain.Command.Transaction = _transaction;
            Plain.Command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            foreach (var statement in _all)
            {
                statement.Command.Dispose();
            }
        }
    }

    private sealed record AttributeStatements(Statement Insert, Statement Delete, Statement DeleteAll);

    private sealed class Statement(DbCommand command, int parameters)
    {
        public DbCommand Command { get; } = command;

        public int Run(params object?[] values)
        {
            for (var i = 0; i < parameters; i++)
            {
                Command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return Command.ExecuteNonQuery();
        }
    }
}
