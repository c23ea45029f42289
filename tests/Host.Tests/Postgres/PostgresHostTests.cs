using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>
/// The host configured for PostgreSQL (<c>Workflows:Provider=PostgreSql</c>) on a real server: its own migrations,
/// the shipped definitions and demo governance, sign-in with the keys kept in the database, the burst writer's
/// idempotency on PostgreSQL's unique index, durable timers, and the overview's search in the stored JSON.
/// </summary>
public sealed class PostgresHostTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task The_host_starts_on_postgresql_with_its_migrations_definitions_governance_and_sign_in()
    {
        var provider = await host.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<WorkflowDbContext>().Database.ProviderName));
        provider.Should().Be("Npgsql.EntityFrameworkCore.PostgreSQL");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Database.GetPendingMigrationsAsync())).Should().BeEmpty();
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().Database.GetPendingMigrationsAsync())).Should().BeEmpty();
        (await host.WithScopeAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Definitions.AnyAsync(d => d.DefinitionId == "voorstel" && d.IsPublished)))
            .Should().BeTrue();

        using (var guesser = host.Anonymous())
        using (var failed = await HostFixture.PostLoginFormAsync(guesser, HostFixture.AdminEmail, "fout-wachtwoord"))
        {
            failed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().SignInFailures.CountAsync())).Should().Be(1, "a failed try is kept in the shared database");
        using var admin = await host.SignInAsync();
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().SignInFailures.CountAsync())).Should().Be(0, "signing in clears that address's failures");
        (await admin.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK);
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
        (await JournalAsync(instanceId)).Count(j => j.Kind == "BookmarkResumed" && j.Channel == "Timer").Should().Be(1, "the timer advanced the instance once");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Timers.CountAsync(t => t.InstanceId == instanceId))).Should().Be(0);
    }

    [Fact]
    public async Task The_overview_searches_titles_in_the_stored_json_on_postgresql()
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

    private Task<List<JournalEntryRecord>> JournalAsync(string instanceId) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).ToListAsync());
}
