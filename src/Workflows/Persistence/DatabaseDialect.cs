using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>The application database: an embedded SQLite file (the default) or a shared PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// What differs between the two databases for the engine's own ADO.NET work (the burst writer, the hot-path reads,
/// the timer sweep): how a connection is opened, how a write transaction begins, and how a unique-key violation
/// looks. The SQL itself is written once, with quoted identifiers and <c>@name</c> parameters, which both accept.
/// </summary>
public abstract class DatabaseDialect
{
    public abstract DatabaseProvider Provider { get; }

    public abstract DbConnection Open();

    /// <summary>Opens a connection without blocking the calling thread on PostgreSQL (SQLite opens its file in place).</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>A transaction that writes: SQLite takes the write lock at once (<c>BEGIN IMMEDIATE</c>).</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Whether <paramref name="exception"/> is a unique-key violation of the index whose name contains <paramref name="indexPart"/>.</summary>
    public abstract bool IsUniqueViolation(Exception exception, string? indexPart = null);

    /// <summary>Whether <paramref name="exception"/> is any constraint violation.</summary>
    public abstract bool IsConstraintViolation(Exception exception);

    public static DatabaseDialect For(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgresDialect(connectionString),
        _ => new SqliteDialect(connectionString),
    };
}

internal sealed class SqliteDialect(string connectionString) : DatabaseDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override DbConnection Open() => SqliteSetup.Open(connectionString);

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<DbConnection>(Open());

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // SQLite names the columns, not the index, in its message: "UNIQUE constraint failed: Journal.InstanceId, Journal.RequestId".
    public override bool IsUniqueViolation(Exception exception, string? indexPart = null) =>
        exception is SqliteException { SqliteErrorCode: 19 } ex && ex.Message.Contains("UNIQUE", StringComparison.Ordinal)
            && (indexPart is null || ex.Message.Contains(indexPart, StringComparison.Ordinal));

    public override bool IsConstraintViolation(Exception exception) => exception is SqliteException { SqliteErrorCode: 19 };
}

internal sealed class PostgresDialect(string connectionString) : DatabaseDialect, IDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(EngineConnectionString(connectionString));

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override DbConnection Open() => _source.OpenConnection();

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _source.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// The engine sends the same few statements over and over: unless the connection string says otherwise, Npgsql
    /// prepares a statement on its connection from its second use, so the server parses and plans it once per connection.
    /// A failed statement of a batch is named on its exception: the group commit needs it to know whose burst failed.
    /// </summary>
    internal static string EngineConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeFailedBatchedCommand = true };
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    public override bool IsUniqueViolation(Exception exception, string? indexPart = null) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } ex
            && (indexPart is null || (ex.ConstraintName ?? "").Contains(indexPart, StringComparison.Ordinal));

    public override bool IsConstraintViolation(Exception exception) =>
        exception is PostgresException ex && ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    /// <summary>A deadlock or serialisation failure: the transaction was undone and may simply be run again.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public void Dispose() => _source.Dispose();
}

/// <summary>Parameters the same way on every provider.</summary>
internal static class CommandParameters
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
