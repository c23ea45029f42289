using System.Collections.Concurrent;
using System.Data.Common;

namespace AdviesRoute.Workflows.Persistence;

/// <summary>
/// A few long-lived read connections for the runtime's hot path (load an instance, look up a definition),
/// opened once with the application's pragmas, so a resume does not pay for connection set-up.
/// </summary>
internal sealed class ReaderPool(DatabaseDialect dialect) : IDisposable
{
    private readonly ConcurrentBag<DbConnection> _idle = [];

    /// <summary>Runs a read on an idle connection (or a new one).</summary>
    public T Use<T>(Func<DbConnection, T> read)
    {
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
            if (healthy && _idle.Count < 32)
            {
                _idle.Add(connection);
            }
            else
            {
                connection.Dispose();
            }
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
    public static InstanceRow? LoadInstance(this ReaderPool pool, string instanceId, bool withCreatedAt = false) => pool.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = withCreatedAt
            ? """SELECT "Id", "DefinitionRecordId", "Status", "Revision", "StateJson", "CreatedAt" FROM "WorkflowInstances" WHERE "Id" = @id"""
            : """SELECT "Id", "DefinitionRecordId", "Status", "Revision", "StateJson" FROM "WorkflowInstances" WHERE "Id" = @id""";
        command.With("@id", instanceId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new InstanceRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), withCreatedAt ? reader.GetDateTime(5) : null)
            : null;
    });

    public static bool RequestApplied(this ReaderPool pool, string instanceId, string requestId) => pool.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = """SELECT 1 FROM "Journal" WHERE "InstanceId" = @i AND "RequestId" = @r LIMIT 1""";
        command.With("@i", instanceId).With("@r", requestId);
        return command.ExecuteScalar() is not null;
    });

    public static string? FindPublishedDefinition(this ReaderPool pool, string definitionId, int? version) => pool.Use(c =>
    {
        using var command = c.CreateCommand();
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

        return command.ExecuteScalar() as string;
    });

    public static string? LoadDefinitionJson(this ReaderPool pool, string recordId) => pool.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = """SELECT "Json" FROM "WorkflowDefinitions" WHERE "Id" = @id""";
        command.With("@id", recordId);
        return command.ExecuteScalar() as string;
    });
}
