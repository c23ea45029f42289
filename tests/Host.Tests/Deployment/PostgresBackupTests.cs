using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Postgres;
using AdviesRoute.Tests.Shared.Postgres;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// The README's PostgreSQL backup: <c>pg_dump --format=custom</c> of the running host's database, and after the server is
/// lost, <c>pg_restore</c> into an empty database on a fresh server. A host on the restored database, with the same link
/// key and key ring certificate (which are not in the database), shows the same proposals and carries a running one to
/// its end.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PostgresBackupTests
{
    /// <summary>Start → wait for the secretary's "akkoord" → End.</summary>
    private const string Route = """
    { "definitionId": "terugzetten", "name": "Voorstel voor de back-up",
      "inputs": [ { "name": "titel", "type": "string", "required": true } ],
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "akkoord", "type": "WaitForSignal", "inputs": { "signal": "akkoord" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "akkoord", "port": "In" } },
          { "source": { "activity": "akkoord", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    [Fact]
    public async Task A_pg_dump_restored_into_a_fresh_server_shows_the_same_proposals_and_carries_a_running_one_to_its_end()
    {
        var server = await PostgresHostFixture.ServerAsync();
        var database = await server.CreateDatabaseAsync("bron");
        var folder = Directory.CreateTempSubdirectory("adviesroute-backup-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "terugzetten.json"), Route);
        var dump = Path.Combine(folder, "adviesroute.dump");

        // Data in: three proposals, one of them finished; the backup is made while the host runs.
        string running;
        string listBefore;
        var detailsBefore = new Dictionary<string, string>();
        await using (var host = await HostProcess.StartAsync(folder, settings: Settings(database, folder)))
        {
            using var api = host.CreateClient();
            var ids = new List<(string Id, string Bookmark)>();
            foreach (var title in new[] { "Begroting 2028", "Kaderbrief 2028", "Jaarrekening 2026" })
            {
                using var started = await api.PostAsJsonAsync("/api/definitions/terugzetten/instances", new { input = new { titel = title } });
                started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
                var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
                ids.Add((body["instanceId"]!.GetValue<string>(), body["bookmarks"]!.AsArray().Single()!["id"]!.GetValue<string>()));
            }

            (await ResumeAsync(api, ids[2].Id, ids[2].Bookmark)).Should().Be(HttpStatusCode.OK);
            running = ids[0].Id;
            listBefore = await api.GetStringAsync("/api/instances");
            foreach (var (id, _) in ids)
            {
                detailsBefore[id] = await api.GetStringAsync($"/api/instances/{id}");
            }

            var (exitCode, output) = await PublishedHostBehindNginx.RunAsync(Tool("pg_dump"),
                ["--format=custom", $"--file={dump}", .. Connection(server), DatabaseName(database)]);
            exitCode.Should().Be(0, output);
        }

        // The server is lost: a fresh one, an empty database, the dump restored into it.
        await using var fresh = await PostgresServer.StartAsync();
        var restored = await fresh.CreateDatabaseAsync("hersteld");
        var (restoreExit, restoreOutput) = await PublishedHostBehindNginx.RunAsync(Tool("pg_restore"),
            ["--exit-on-error", "--no-owner", .. Connection(fresh), $"--dbname={DatabaseName(restored)}", dump]);
        restoreExit.Should().Be(0, restoreOutput);

        // The same folder: the same link key and key ring certificate, kept beside the database backup.
        await using var after = await HostProcess.StartAsync(folder, settings: Settings(restored, folder));
        using var client = after.CreateClient();
        (await client.GetStringAsync("/api/instances")).Should().Be(listBefore);
        foreach (var (id, detail) in detailsBefore)
        {
            (await client.GetStringAsync($"/api/instances/{id}")).Should().Be(detail);
        }

        var bookmark = JsonNode.Parse(detailsBefore[running])!["bookmarks"]!.AsArray().Single()!["id"]!.GetValue<string>();
        (await ResumeAsync(client, running, bookmark)).Should().Be(HttpStatusCode.OK);
        var finished = (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{running}"))!;
        finished["status"]!.GetValue<string>().Should().Be("Finished");
    }

    private static Dictionary<string, string> Settings(string connectionString, string folder) => new()
    {
        ["Workflows__Provider"] = "PostgreSql",
        ["ConnectionStrings__AdviesRoute"] = connectionString,
        ["Links__KeyFile"] = Path.Combine(folder, "link-key"),
    };

    private static async Task<HttpStatusCode> ResumeAsync(HttpClient api, string instanceId, string bookmarkId)
    {
        using var response = await api.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = new { akkoord = true } });
        return response.StatusCode;
    }

    /// <summary>The client tools of the server's own version (pg_dump refuses a newer server).</summary>
    private static string Tool(string name) => Path.Combine(PostgresServer.BinFolder()!, name);

    private static string[] Connection(PostgresServer server) =>
        ["--host=127.0.0.1", $"--port={server.Port}", $"--username={PostgresServer.User}", "--no-password"];

    private static string DatabaseName(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
}
