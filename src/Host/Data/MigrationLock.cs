using System.Diagnostics;
using AdviesRoute.Workflows.Persistence;
using Npgsql;

namespace AdviesRoute.Host.Data;

/// <summary>
/// Several hosts on one PostgreSQL database, started together after an upgrade: one applies the migrations (the host's,
/// the engine's and the governance's) and runs the start-up tasks, the others wait until it is done and then find
/// nothing left to do. The lock is a PostgreSQL session advisory lock, taken before the host's migrations
/// (<see cref="HostExtensions.InitializeAdviesRouteAsync"/>) and released once every hosted service has started (the
/// engine's and the governance's migrations run there), or when the process ends, since the lock belongs to the
/// connection. On SQLite, one file for one host, it does nothing.
/// </summary>
internal sealed class MigrationLock(DatabaseProvider provider, string connectionString, ILogger<MigrationLock> logger)
    : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>The advisory lock's key ("AdvRoute" in ASCII), the same for every host and version.</summary>
    public const long Key = 0x416476526F757465;

    private readonly Stopwatch _held = new();
    private NpgsqlConnection? _connection;

    /// <summary>Takes the lock, waiting as long as another host holds it; says in the log that it waits and for how long it waited.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken = default)
    {
        if (provider != DatabaseProvider.PostgreSql || _connection is not null)
        {
            return;
        }

        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await ExecuteAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken))
        {
            logger.LogWarning(
                "Another host is applying the database migrations (PostgreSQL advisory lock {Key}); this host waits until it is done before it starts.",
                Key);
            var waiting = Stopwatch.StartNew();
            await ExecuteAsync<object>(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            logger.LogWarning("The other host finished its migrations after {Seconds:0.0} s; this host goes on.", waiting.Elapsed.TotalSeconds);
        }

        _connection = connection;
        _held.Start();
    }

    /// <summary>Logs, while this host holds the lock, how many migrations of the host's own tables it applies.</summary>
    public void Applying(int pendingHostMigrations)
    {
        if (_connection is null)
        {
            return;
        }

        // The engine's and the governance's migration sets are theirs; the host knows only how far its own tables are.
        if (pendingHostMigrations > 0)
        {
            logger.LogInformation("This host holds the migration lock and applies {Count} migrations of the host's tables, then the engine's and the governance's, if any; other hosts wait.", pendingHostMigrations);
        }
        else
        {
            logger.LogInformation("This host holds the migration lock; the host's tables are at the latest migration, and the engine and the governance apply theirs, if any.");
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => ReleaseAsync();

    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private async Task ReleaseAsync()
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        try
        {
            await ExecuteAsync<bool>(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
        finally
        {
            // Closing the session releases the lock as well.
            await connection.DisposeAsync();
        }

        logger.LogInformation("Migrations and start-up tasks done; the migration lock was held {Seconds:0.0} s.", _held.Elapsed.TotalSeconds);
    }

    private static async Task<T> ExecuteAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }; // waiting is the point: no timeout
        command.Parameters.AddWithValue("key", Key);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => ReleaseAsync();
}
