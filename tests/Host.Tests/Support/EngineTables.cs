using System.Data.Common;
using AdviesRoute.Workflows.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>An outbox row as stored: what a queued mail carries and how its delivery went.</summary>
public sealed record OutboxRow(string Id, string? InstanceId, string Kind, string PayloadJson, string MessageId, DateTime CreatedAt, DateTime? SentAt,
    int Attempts, string? LastError);

/// <summary>
/// What the tests read of the engine. Instances, journals and definitions are read as the host reads them, through
/// <see cref="IWorkflowReader"/>; the few checks that must see rows the read API does not show (revisions, timers, the
/// outbox, everything a refused request might have left behind) ask the database on a connection of their own.
/// </summary>
public static class EngineTables
{
    /// <summary>Runs <paramref name="read"/> with a reader of its own scope, as a request would.</summary>
    public static Task<T> ReadAsync<T>(this HostFixture host, Func<IWorkflowReader, Task<T>> read) =>
        host.WithScopeAsync(services => read(services.GetRequiredService<IWorkflowReader>()));

    /// <summary>Every instance that matches, as the engine lists them (newest first).</summary>
    public static Task<List<InstanceView>> InstancesAsync(this HostFixture host, InstanceQuery query) => host.ReadAsync(async reader =>
    {
        var instances = new List<InstanceView>();
        await foreach (var instance in reader.StreamInstancesAsync(query))
        {
            instances.Add(instance);
        }

        return instances;
    });

    /// <summary>One number from the database, e.g. <c>SELECT COUNT(*) FROM "Timers"</c> (table and column names quoted, as both databases take them).</summary>
    /// <param name="parameters">Values for <c>@p0</c>, <c>@p1</c>, … in <paramref name="sql"/>.</param>
    public static async Task<long> ScalarAsync(this HostFixture host, string sql, params object[] parameters)
    {
        await using var connection = host.NewDatabaseConnection();
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The outbox rows that match <paramref name="where"/> (a condition on its columns), oldest first.</summary>
    public static async Task<List<OutboxRow>> OutboxAsync(this HostFixture host, string where, params object[] parameters)
    {
        await using var connection = host.NewDatabaseConnection();
        await connection.OpenAsync();
        await using var command = Command(connection,
            $"""SELECT "Id", "InstanceId", "Kind", "PayloadJson", "MessageId", "CreatedAt", "SentAt", "Attempts", "LastError" FROM "Outbox" WHERE {where} ORDER BY "CreatedAt", "Id" """,
            parameters);
        await using var rows = await command.ExecuteReaderAsync();
        var result = new List<OutboxRow>();
        while (await rows.ReadAsync())
        {
            result.Add(new OutboxRow(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.GetString(4),
                Utc(rows.GetDateTime(5)), rows.IsDBNull(6) ? null : Utc(rows.GetDateTime(6)), rows.GetInt32(7), rows.IsDBNull(8) ? null : rows.GetString(8)));
        }

        return result;
    }

    private static DbCommand Command(DbConnection connection, string sql, object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
