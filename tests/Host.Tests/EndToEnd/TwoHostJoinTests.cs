using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>Two Host processes on one database file: the guard against lost or double resumes is in the database.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoHostJoinTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fifty_simultaneous_resumes_through_two_hosts_into_a_fifty_branch_join_are_all_recorded_and_the_join_continues_once()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-twohosts-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "breed.json"), Definitions.WideJoin(50));
        await using var first = await HostProcess.StartAsync(folder);
        await using var second = await HostProcess.StartAsync(folder);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        var started = await a.PostAsJsonAsync("/api/definitions/breed/instances", new { input = new { } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var instanceId = body["instanceId"]!.GetValue<string>();
        var bookmarks = body["bookmarks"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
        bookmarks.Should().HaveCount(50);

        using var gate = new SemaphoreSlim(0);
        var resumes = bookmarks.Select((bookmark, i) => Task.Run(async () =>
        {
            await gate.WaitAsync();
            var client = i % 2 == 0 ? a : b;
            return await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmark}/resume", new { input = new { tak = i } });
        })).ToList();
        gate.Release(bookmarks.Count);
        var responses = await Task.WhenAll(resumes);

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "adviesroute.db")};Pooling=False");
        await db.OpenAsync();
        long Count(string sql)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$i", instanceId);
            return (long)command.ExecuteScalar()!;
        }

        Count("SELECT COUNT(*) FROM Journal WHERE InstanceId = $i AND Kind = 'BookmarkResumed'").Should().Be(50);
        Count("SELECT COUNT(DISTINCT ActivityId) FROM Journal WHERE InstanceId = $i AND Kind = 'BookmarkResumed'").Should().Be(50);
        Count("SELECT COUNT(*) FROM Journal WHERE InstanceId = $i AND Kind = 'ActivityCompleted' AND ActivityId = 'samen' AND Outcome = 'Done'").Should().Be(1);
        await using (var state = db.CreateCommand())
        {
            state.CommandText = "SELECT StateJson FROM WorkflowInstances WHERE Id = $i";
            state.Parameters.AddWithValue("$i", instanceId);
            var tokens = JsonNode.Parse((string)(await state.ExecuteScalarAsync())!)!["tokens"]!.AsArray();
            tokens.SelectMany(t => t!["bookmarks"]!.AsArray()).Select(b => b!["name"]!.GetValue<string>())
                .Should().Equal(["daarna"], "only the wait after the Join remains");
        }

        Count("SELECT COUNT(*) FROM Journal WHERE InstanceId = $i AND Kind = 'ActivityStarted' AND ActivityId = 'daarna'").Should().Be(1);
        output.WriteLine($"hosts {first.BaseAddress} and {second.BaseAddress} shared one file; 50 resumes applied once each");
    }
}
