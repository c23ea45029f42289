using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared.Postgres;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Queries;
using AdviesRoute.Workflows.Tests.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdviesRoute.Workflows.Tests.Attributes;

/// <summary>A real PostgreSQL server for the class; each test has a database of its own.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>
    /// A new database whose default collation is linguistic (ICU en-US, as a production server's often is), so the tests
    /// show the attribute columns compare by code point whatever the database's default.
    /// </summary>
    public async Task<string> CreateLinguisticDatabaseAsync()
    {
        var name = $"attributen_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'";
        await command.ExecuteNonQueryAsync();
        return Server.ConnectionString(name);
    }
}

[Collection(EngineCollection.Name)]
public sealed class PostgresAttributeTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly Trigger Test = new("test", Channel.Api);

    private static Task<EngineHost> StartAsync(string connectionString, TestAttributeSource? source) =>
        EngineHost.StartAsync(
            configure: source is null ? null : s => s.AddSingleton<IInstanceAttributeSource>(source),
            settings: new Dictionary<string, string?> { ["Workflows:Provider"] = "PostgreSql", ["Workflows:ConnectionString"] = connectionString });

    private static JsonObject Input(string title, params string[] labels) =>
        new() { ["titel"] = title, ["labels"] = new JsonArray(labels.Select(l => (JsonNode)l).ToArray()) };

    private static async Task<List<string>> FindAsync(EngineHost engine, params AttributeFilter[] filters) =>
        (await engine.ReadAsync(r => r.PageSummariesAsync(new InstanceQuery { Attributes = filters }, null, IWorkflowReader.MaxPageSize))).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task On_PostgreSQL_attribute_filters_and_keyset_pages_give_what_they_give_on_SQLite()
    {
        await using var engine = await StartAsync(await postgres.CreateLinguisticDatabaseAsync(), new TestAttributeSource());
        await engine.SaveAsync(WorkflowReaderTests.WaitRoute);
        var coevorden = (await engine.Runtime.StartAsync("lijst", Input("Zienswijze Coëvorden", "raad-coevorden"), Test)).InstanceId;
        var assen = (await engine.Runtime.StartAsync("lijst", Input("ZIENSWIJZE ASSEN", "raad-assen", "college-assen"), Test)).InstanceId;
        var other = (await engine.Runtime.StartAsync("lijst", Input("Kadernota 50%_x", "raad.elders", "raadassen"), Test)).InstanceId;
        await engine.Runtime.CancelAsync(other, Test);

        (await FindAsync(engine, TestAttributeSource.Title.Contains("coevorden"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("CoËV"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("50%_"))).Should().Equal(other);
        (await FindAsync(engine, TestAttributeSource.Title.Contains("0%x"))).Should().BeEmpty();
        (await FindAsync(engine, TestAttributeSource.Title.StartsWith("Zienswíjze"))).Should().Equal(assen, coevorden);
        // The prefix is a range in code point order (the columns' collation is C, whatever the database's default).
        (await FindAsync(engine, TestAttributeSource.Label.StartsWith("raad-"))).Should().Equal(assen, coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Is("Zienswijze Coëvorden"))).Should().Equal(coevorden);
        (await FindAsync(engine, TestAttributeSource.Title.Is("zienswijze coëvorden"))).Should().BeEmpty();
        (await FindAsync(engine, TestAttributeSource.Label.IsAnyOf(["college-assen", "raadassen"]))).Should().Equal(other, assen);

        var query = new InstanceQuery { Statuses = [WorkflowStatus.Suspended], Attributes = [TestAttributeSource.Label.StartsWith("raad")] };
        var first = await engine.ReadAsync(r => r.PageInstancesAsync(query, null, 1));
        var second = await engine.ReadAsync(r => r.PageInstancesAsync(query, first.NextCursor, 1));
        first.Items.Select(v => v.Id).Should().Equal(assen);
        second.Items.Select(v => v.Id).Should().Equal(coevorden);
        second.NextCursor.Should().BeNull();
        second.Items[0].AttributeValues(TestAttributeSource.Label).Should().Equal("raad-coevorden");

        var collations = await engine.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT column_name || '=' || coalesce(collation_name, '') AS \"Value\" FROM information_schema.columns WHERE table_name = 'InstanceAttributes' ORDER BY column_name").ToListAsync());
        collations.Should().Equal("Folded=C", "InstanceId=", "Name=C", "Value=C");
    }

    [Fact]
    public async Task On_PostgreSQL_a_rolled_back_burst_leaves_the_previous_attributes_and_stored_instances_are_backfilled()
    {
        var database = await postgres.Server.CreateDatabaseAsync("attributen");
        string id;
        await using (var before = await StartAsync(database, null))
        {
            await before.SaveAsync(WorkflowReaderTests.WaitRoute);
            id = (await before.Runtime.StartAsync("lijst", Input("Eerste titel", "oud"), Test)).InstanceId;
            (await before.WithDbAsync(db => db.InstanceAttributes.CountAsync())).Should().Be(0);
        }

        await using var engine = await StartAsync(database, new TestAttributeSource());
        (await FindAsync(engine, TestAttributeSource.Label.Is("oud"))).Should().Equal(id);

        await engine.Runtime.AmendInputAsync(id, input =>
        {
            input["titel"] = "Tweede titel";
            return null;
        }, new Trigger("test", Channel.Api, RequestId: "wijziging-1"));
        var again = await engine.Runtime.AmendInputAsync(id, input =>
        {
            input["titel"] = "Derde titel";
            return null;
        }, new Trigger("test", Channel.Api, RequestId: "wijziging-1"));

        again.AlreadyApplied.Should().BeTrue();
        (await FindAsync(engine, TestAttributeSource.Title.Is("Tweede titel"))).Should().Equal(id);
        (await FindAsync(engine, TestAttributeSource.Title.Is("Derde titel"))).Should().BeEmpty();
        (await engine.WithDbAsync(db => db.InstanceAttributes.CountAsync(a => a.Name == "titel"))).Should().Be(1);
    }
}
