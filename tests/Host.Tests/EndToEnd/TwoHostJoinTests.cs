using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

        // Read back through the other host: what either wrote is in the one database.
        var instance = (await b.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        var journal = instance["journal"]!.AsArray().Select(j => j!.AsObject()).ToList();
        static string? Text(JsonObject line, string name) => line[name]?.GetValue<string>();
        var resumed = journal.Where(j => Text(j, "kind") == "BookmarkResumed").ToList();
        resumed.Should().HaveCount(50);
        resumed.Select(j => Text(j, "activityId")).Distinct().Should().HaveCount(50);
        journal.Count(j => Text(j, "kind") == "ActivityCompleted" && Text(j, "activityId") == "samen" && Text(j, "outcome") == "Done").Should().Be(1);
        instance["bookmarks"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()).Should().Equal(["daarna"], "only the wait after the Join remains");
        journal.Count(j => Text(j, "kind") == "ActivityStarted" && Text(j, "activityId") == "daarna").Should().Be(1);
        output.WriteLine($"hosts {first.BaseAddress} and {second.BaseAddress} shared one file; 50 resumes applied once each");
    }
}
