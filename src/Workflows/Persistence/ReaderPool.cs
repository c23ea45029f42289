using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>
/// A few long-lived read connections for the runtime's hot path (load an instance, look up a definition),
/// opened once with the application's pragmas, so a resume does not pay for connection set-up.
/// </summary>
/// <remarks>
/// SQLite reads its file on the calling thread (<see cref="Use{T}"/>): there is nothing to wait for but the disk
/// cache. PostgreSQL is a network round trip: the runtime's reads go through <see cref="UseAsync{T}"/>, which frees
/// the thread while the server answers.
/// </remarks>
internal sealed class ReaderPool(DatabaseDialect dialect) : IDisposable
{
    private readonly ConcurrentBag<DbConnection> _idle = [];

    /// <summary>Whether reads should be awaited rather than run on the calling thread (a database across the network).</summary>
    public bool Asynchronous { get; } = dialect.Provider == DatabaseProvider.PostgreSql;

    /// <summary>Runs a read on an idle connection (or a new one), on the calling thread.</summary>
    public T Use<T>(Func<DbConnection, T> read)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_idle.TryTake(out var connection))
        {
            connection = dialect.Open();
        }

        var healthy = false;
        try
        {
            var result = read(connection);
            healthy = true;
            return result;
        }
        finally
        {
            Return(connection, healthy);
            WorkflowTelemetry.DbCall(write: false, blocking: true, started);
        }
    }

    /// <summary>Runs a read on an idle connection (or a new one) without blocking the calling thread on the server.</summary>
    public async ValueTask<T> UseAsync<T>(Func<DbConnection, ValueTask<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_idle.TryTake(out var connection))
        {
            connection = await dialect.OpenAsync();
        }

        var healthy = false;
        try
        {
            var result = await read(connection);
            healthy = true;
            return result;
        }
        finally
        {
            Return(connection, healthy);
            WorkflowTelemetry.DbCall(write: false, blocking: false, started);
        }
    }

    private void Return(DbConnection connection, bool healthy)
    {
        if (healthy && _idle.Count < 32)
        {
            _idle.Add(connection);
        }
        else
        {
            connection.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

/// <summary>The columns of an instance row the runtime needs to resume it.</summary>
/// <param name="CreatedAt">Read only when asked for (an attribute source shows it the instance's creation).</param>
internal sealed record InstanceRow(string Id, string DefinitionRecordId, string Status, long Revision, string StateJson, DateTime? CreatedAt = null);

internal static class RuntimeQueries
{
    private const string LoadSql = """SELECT "Id", "DefinitionRecordId", "Status", "Revision", "StateJson" FROM "WorkflowInstances" WHERE "Id" = @id""";
    private const string LoadWithCreatedAtSql = """SELECT "Id", "DefinitionRecordId", "Status", "Revision", "StateJson", "CreatedAt" FROM "WorkflowInstances" WHERE "Id" = @id""";
    private const string RequestAppliedSql = """SELECT 1 FROM "Journal" WHERE "InstanceId" = @i AND "RequestId" = @r LIMIT 1""";

    public static InstanceRow? LoadInstance(this ReaderPool pool, string instanceId, bool withCreatedAt = false) => pool.Use(c =>
    {
        using var command = LoadCommand(c, instanceId, withCreatedAt);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader, withCreatedAt) : null;
    });

    /// <summary>As <see cref="LoadInstance"/>; awaited on PostgreSQL, on the calling thread on SQLite.</summary>
    public static ValueTask<InstanceRow?> LoadInstanceAsync(this ReaderPool pool, string instanceId, bool withCreatedAt = false) =>
        !pool.Asynchronous
            ? ValueTask.FromResult(pool.LoadInstance(instanceId, withCreatedAt))
            : pool.UseAsync(async c =>
            {
                await using var command = LoadCommand(c, instanceId, withCreatedAt);
                await using var reader = await command.ExecuteReaderAsync();
                return await reader.ReadAsync() ? ReadRow(reader, withCreatedAt) : null;
            });

    private static DbCommand LoadCommand(DbConnection connection, string instanceId, bool withCreatedAt)
    {
        var command = connection.CreateCommand();
        command.CommandText = withCreatedAt ? LoadWithCreatedAtSql : LoadSql;
        command.With("@id", instanceId);
        return command;
    }

    private static InstanceRow ReadRow(DbDataReader reader, bool withCreatedAt) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), withCreatedAt ? reader.GetDateTime(5) : null);

    public static ValueTask<bool> RequestAppliedAsync(this ReaderPool pool, string instanceId, string requestId) =>
        !pool.Asynchronous
            ? ValueTask.FromResult(pool.Use(c =>
            {
                using var command = RequestAppliedCommand(c, instanceId, requestId);
                return command.ExecuteScalar() is not null;
            }))
            : pool.UseAsync(async c =>
            {
                await using var command = RequestAppliedCommand(c, instanceId, requestId);
                return await command.ExecuteScalarAsync() is not null;
            });

    private static DbCommand RequestAppliedCommand(DbConnection connection, string instanceId, string requestId)
    {
        var command = connection.CreateCommand();
        command.CommandText = RequestAppliedSql;
        command.With("@i", instanceId).With("@r", requestId);
        return command;
    }

    /// <summary>The stored version a start uses: the newest published one, or <paramref name="version"/>.</summary>
    public static ValueTask<string?> FindPublishedDefinitionAsync(this ReaderPool pool, string definitionId, int? version, bool blocking = false) =>
        pool.ScalarAsync(c =>
        {
            var command = c.CreateCommand();
            command.CommandText = version is null
                ? """SELECT "Id" FROM "WorkflowDefinitions" WHERE "DefinitionId" = @d AND "IsPublished" = @published ORDER BY "Version" DESC LIMIT 1"""
                : """SELECT "Id" FROM "WorkflowDefinitions" WHERE "DefinitionId" = @d AND "Version" = @v LIMIT 1""";
            command.With("@d", definitionId);
            if (version is not null)
            {
                command.With("@v", version.Value);
            }
            else
            {
                command.With("@published", true);
            }

            return command;
        }, blocking);

    public static ValueTask<string?> LoadDefinitionJsonAsync(this ReaderPool pool, string recordId, bool blocking = false) =>
        pool.ScalarAsync(c =>
        {
            var command = c.CreateCommand();
            command.CommandText = """SELECT "Json" FROM "WorkflowDefinitions" WHERE "Id" = @id""";
            command.With("@id", recordId);
            return command;
        }, blocking);

    /// <inheritdoc cref="FindPublishedDefinitionAsync"/>
    public static string? FindPublishedDefinition(this ReaderPool pool, string definitionId, int? version) =>
        pool.FindPublishedDefinitionAsync(definitionId, version, blocking: true).Completed();

    public static string? LoadDefinitionJson(this ReaderPool pool, string recordId) =>
        pool.LoadDefinitionJsonAsync(recordId, blocking: true).Completed();

    /// <summary>One text value: awaited on PostgreSQL, on the calling thread on SQLite or when <paramref name="blocking"/>.</summary>
    private static ValueTask<string?> ScalarAsync(this ReaderPool pool, Func<DbConnection, DbCommand> create, bool blocking) =>
        blocking || !pool.Asynchronous
            ? ValueTask.FromResult(pool.Use(c =>
            {
                using var command = create(c);
                return command.ExecuteScalar() as string;
            }))
            : pool.UseAsync(async c =>
            {
                await using var command = create(c);
                return await command.ExecuteScalarAsync() as string;
            });

    /// <summary>The result of a read made with <c>blocking: true</c>, which ran on the calling thread and is complete.</summary>
    internal static T Completed<T>(this ValueTask<T> read) =>
        read.IsCompleted ? read.Result : throw new InvalidOperationException("A blocking read returned before it completed.");
}
