using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>
/// The host configured for PostgreSQL (<c>Workflows:Provider=PostgreSql</c>) on a real server: its own migrations,
/// the shipped definitions and demo governance, sign-in with the keys kept in the database, the burst writer's
/// idempotency on PostgreSQL's unique index, durable timers, and the overview's search and filters.
/// </summary>
public sealed class PostgresHostTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task The_host_starts_on_postgresql_with_its_migrations_definitions_governance_and_sign_in()
    {
        var provider = await host.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<HostDbContext>().Database.ProviderName));
        provider.Should().Be("Npgsql.EntityFrameworkCore.PostgreSQL");
        (await EngineMigrationsAppliedAsync()).Should().Equal(EnginePostgresMigrations(), "the engine applied every one of its PostgreSQL migrations");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().Database.GetPendingMigrationsAsync())).Should().BeEmpty();
        (await host.ReadAsync(reader => reader.ListDefinitionsAsync(DefinitionListing.LatestPublished)))
            .Should().Contain(d => d.DefinitionId == "voorstel" && d.IsPublished);

        using (var guesser = host.Anonymous())
        using (var failed = await HostFixture.PostLoginFormAsync(guesser, HostFixture.AdminEmail, "fout-wachtwoord"))
        {
            failed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().SignInFailures.CountAsync())).Should().Be(1, "a failed try is kept in the shared database");
        using var admin = await host.SignInAsync();
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().SignInFailures.CountAsync())).Should().Be(0, "signing in clears that address's failures");
        (await admin.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/Cijfers")).StatusCode.Should().Be(HttpStatusCode.OK, "the figures' change mark and journal marks run on PostgreSQL too");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().DataProtectionKeys.CountAsync())).Should().BeGreaterThan(0,
            "the keys that protect cookies and anti-forgery tokens are in the shared database");
        var governance = await admin.GetFromJsonAsync<JsonElement>("/api/governance");
        governance.GetProperty("document").GetProperty("municipalities").GetArrayLength().Should().Be(12);
    }

    [Fact]
    public async Task A_repeated_resume_applies_once_and_the_timer_fires_once_on_postgresql()
    {
        var definitionId = Definitions.UniqueId("termijn");
        await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId));
        using var secretary = host.Secretary();
        var started = await (await secretary.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = started.GetProperty("instanceId").GetString()!;
        var bookmarkId = started.GetProperty("bookmarks")[0].GetProperty("id").GetString()!;

        // Five concurrent copies of one resume (the same Idempotency-Key): one is applied, the others say so.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Definitions.ResumeApprovalAsync(secretary, instanceId, bookmarkId, "akkoord-pg")));
        answers.Count(a => !a.GetProperty("alreadyApplied").GetBoolean()).Should().Be(1);
        var journal = await JournalAsync(instanceId);
        journal.Count(j => j.RequestId == "akkoord-pg").Should().Be(1);

        using var admin = await host.SignInForApiAsync();
        (await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "P12W" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && (await secretary.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}")).GetProperty("status").GetString() != "Finished")
        {
            await Task.Delay(100);
        }

        (await secretary.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}")).GetProperty("status").GetString().Should().Be("Finished");
        (await JournalAsync(instanceId)).Count(j => j.Kind == "BookmarkResumed" && j.Channel == Channel.Timer).Should().Be(1, "the timer advanced the instance once");
        (await host.ScalarAsync("""SELECT COUNT(*) FROM "Timers" WHERE "InstanceId" = @p0""", instanceId)).Should().Be(0);
    }

    [Fact]
    public async Task The_overview_searches_titles_and_filters_pillars_on_postgresql()
    {
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = "Regionale Gezondheidsnota 2027", ["pijler"] = "PubliekeGezondheid", ["soort"] = "beleidsvoorstel" }, new Trigger("test", Channel.Api));
        await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = "Veiligheidsplan", ["pijler"] = "ZorgEnVeiligheid", ["soort"] = "beleidsvoorstel" }, new Trigger("test", Channel.Api));
        using var admin = await host.SignInAsync();

        var found = WebUtility.HtmlDecode(await admin.GetStringAsync("/Voorstellen?zoek=gezondheidsnota"));
        var byPillar = WebUtility.HtmlDecode(await admin.GetStringAsync("/Voorstellen?pijler=ZorgEnVeiligheid"));

        found.Should().Contain("Regionale Gezondheidsnota 2027").And.NotContain("Veiligheidsplan");
        byPillar.Should().Contain("Veiligheidsplan").And.NotContain("Regionale Gezondheidsnota 2027");
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => host.ReadAsync(reader => reader.GetJournalAsync(instanceId));

    /// <summary>The migrations in the engine's history table.</summary>
    private async Task<List<string>> EngineMigrationsAppliedAsync()
    {
        await using var connection = host.NewDatabaseConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__WorkflowMigrations" ORDER BY "MigrationId" """;
        await using var rows = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await rows.ReadAsync())
        {
            applied.Add(rows.GetString(0));
        }

        return applied;
    }

    /// <summary>The PostgreSQL migrations the engine ships, found by the attributes EF Core finds them by.</summary>
    private static List<string> EnginePostgresMigrations() => typeof(IWorkflowReader).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType.Name == "PostgresWorkflowDbContext")
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();
}
