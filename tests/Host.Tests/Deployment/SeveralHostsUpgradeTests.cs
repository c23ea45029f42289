using System.Diagnostics;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Postgres;
using Npgsql;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// An upgrade with several hosts on one PostgreSQL database: the hosts start together on the new version, one applies the
/// migrations and the others wait (<see cref="MigrationLock"/>), and the log says which did what.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SeveralHostsUpgradeTests
{
    private const string Applies = "migrations of the host's tables, then the engine's and the governance's";
    private const string NothingToApply = "the host's tables are at the latest migration";
    private const string Waits = "Another host is applying the database migrations";

    [Fact]
    public async Task A_host_waits_while_another_holds_the_migration_lock_and_touches_no_table_until_it_is_released()
    {
        var (connectionString, settings, folder) = await FreshDatabaseAsync("wacht");
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await ExecuteAsync(other, $"SELECT pg_advisory_lock({MigrationLock.Key})");

        var starting = HostProcess.StartAsync(folder, settings: settings);
        await UntilAsync(async () => await ScalarAsync(other, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 1,
            "the host asks for the migration lock and waits");

        (await ScalarAsync(other, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"))
            .Should().Be(0, "a waiting host migrates nothing");
        starting.IsCompleted.Should().BeFalse("the host does not serve before the migrations are done");

        await ExecuteAsync(other, $"SELECT pg_advisory_unlock({MigrationLock.Key})");
        await using var host = await starting;

        host.Output.Should().Contain(Waits).And.Contain("The other host finished its migrations after").And.Contain(Applies);
        foreach (var history in new[] { "__HostMigrations", "__WorkflowMigrations", "__GovernanceMigrations" })
        {
            (await ScalarAsync(other, $"""SELECT COUNT(*) FROM "{history}" """)).Should().BePositive($"{history} is filled once the lock is free");
        }
    }

    [Fact]
    public async Task Two_hosts_started_together_on_a_fresh_database_one_applies_the_migrations_and_the_other_finds_nothing_to_do()
    {
        var (_, settings, folder) = await FreshDatabaseAsync("samen");

        var hosts = await Task.WhenAll(HostProcess.StartAsync(folder, settings: settings), HostProcess.StartAsync(folder, settings: settings));
        try
        {
            hosts.Count(h => h.Output.Contains(Applies, StringComparison.Ordinal)).Should().Be(1, string.Join("\n----\n", hosts.Select(h => h.Output)));
            hosts.Count(h => h.Output.Contains(NothingToApply, StringComparison.Ordinal)).Should().Be(1);
            hosts.Should().OnlyContain(h => !h.HasExited);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<(string ConnectionString, Dictionary<string, string> Settings, string Folder)> FreshDatabaseAsync(string prefix)
    {
        var server = await PostgresHostFixture.ServerAsync();
        var connectionString = await server.CreateDatabaseAsync(prefix);
        var folder = Directory.CreateTempSubdirectory("adviesroute-upgrade-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        return (connectionString, new Dictionary<string, string>
        {
            ["Workflows__Provider"] = "PostgreSql",
            ["ConnectionStrings__AdviesRoute"] = connectionString,
            ["Links__KeyFile"] = Path.Combine(folder, "link-key"),
            ["Logging__LogLevel__AdviesRoute.Host.Data.MigrationLock"] = "Information",
        }, folder);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), because);
            await Task.Delay(50);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
