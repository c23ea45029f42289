using AdviesRoute.Host.Data;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Data;

/// <summary>
/// One database for the host and the engine: the operator names it in <c>ConnectionStrings:AdviesRoute</c> (or leaves
/// the default file), and the host hands that same connection string to the engine, which has no default of its own.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DatabaseConnectionTests(HostFixture host) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("adviesroute-database-").FullName;

    [Fact]
    public void Without_a_connection_string_host_and_engine_share_the_default_file_under_the_content_root()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();

        var resolved = DatabaseConnection.ResolveInConfiguration(configuration, _root);

        var expected = $"Data Source={Path.Combine(_root, "data", "adviesroute.db")}";
        resolved.Should().Be(expected);
        configuration["ConnectionStrings:AdviesRoute"].Should().Be(expected);
        configuration["Workflows:ConnectionString"].Should().Be(expected);
    }

    [Fact]
    public void A_relative_file_in_connection_strings_adviesroute_is_made_absolute_for_host_and_engine()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AdviesRoute"] = "Data Source=opslag/route.db",
        }).Build();

        DatabaseConnection.ResolveInConfiguration(configuration, _root);

        configuration["Workflows:ConnectionString"].Should().Be($"Data Source={Path.Combine(_root, "opslag", "route.db")}");
    }

    [Fact]
    public void A_postgresql_connection_string_is_handed_to_the_engine_as_given()
    {
        const string postgres = "Host=db.example;Database=adviesroute;Username=adviesroute";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:Provider"] = "PostgreSql",
            ["ConnectionStrings:AdviesRoute"] = postgres,
        }).Build();

        DatabaseConnection.ResolveInConfiguration(configuration, _root);

        configuration["Workflows:ConnectionString"].Should().Be(postgres);
    }

    [Fact]
    public async Task The_running_engine_stores_its_tables_in_the_file_named_in_connection_strings_adviesroute()
    {
        host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ConnectionString.Should().Be($"Data Source={host.DatabasePath}");

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__WorkflowMigrations\"";
        ((long)(await command.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the engine migrated this file");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
