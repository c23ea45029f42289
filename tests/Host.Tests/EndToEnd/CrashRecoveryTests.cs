using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The real Host, killed with SIGKILL twenty times while resumes arrive over HTTP. Nothing acknowledged may be
/// lost or applied twice; no instance may be left half-way; timers set before a kill fire after the restart.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int Workers = 8;
    private const int BurstLength = 60;

    [Fact]
    public async Task Twenty_kills_during_resumes_lose_no_acknowledged_resume_and_leave_no_instance_half_way()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-crash-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "crash-lus.json"), Definitions.CrashLoop(BurstLength, "PT3S"));
        var database = $"Data Source={Path.Combine(folder, "adviesroute.db")};Pooling=False";
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");

        var acknowledged = new ConcurrentBag<(string Instance, string Request)>();
        var sent = 0;
        var failedInFlight = 0;
        var instances = new ConcurrentBag<string>();
        HttpClient? current = null;
        using var stop = new CancellationTokenSource();

        async Task<string> StartInstanceAsync(HttpClient client)
        {
            var response = await client.PostAsJsonAsync("/api/definitions/crash-lus/instances", new { input = new { } });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
            instances.Add(id);
            return id;
        }

        async Task WorkAsync(string instanceId)
        {
            string? bookmark = null;
            while (!stop.IsCancellationRequested)
            {
                var client = Volatile.Read(ref current);
                if (client is null)
                {
                    await Task.Delay(20);
                    continue;
                }

                bookmark ??= CurrentBookmark(database, instanceId);
                if (bookmark is null)
                {
                    await Task.Delay(20);
                    continue;
                }

                var request = Guid.NewGuid().ToString("N");
                try
                {
                    Interlocked.Increment(ref sent);
                    var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmark}/resume", new { input = new { }, requestId = request });
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add((instanceId, request));
                        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
                        bookmark = body!["bookmarks"]!.AsArray().Select(b => b!.AsObject()).FirstOrDefault(b => b["name"]!.GetValue<string>() == "stap")?["id"]!.GetValue<string>();
                    }
                    else
                    {
                        bookmark = null;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref failedInFlight);
                    bookmark = null;
                    await Task.Delay(20);
                }
            }
        }

        var workers = new List<Task>();
        for (var kill = 0; kill <= Kills; kill++)
        {
            var host = await HostProcess.StartAsync(folder);
            var client = host.CreateClient();
            if (kill == 0)
            {
                for (var w = 0; w < Workers; w++)
                {
                    var id = await StartInstanceAsync(client);
                    workers.Add(Task.Run(() => WorkAsync(id)));
                }
            }

            // A new timer before every kill; many fall due while the Host is down.
            await StartInstanceAsync(client);
            Volatile.Write(ref current, client);
            if (kill == Kills)
            {
                await stop.CancelAsync();
                await Task.WhenAll(workers);
                (await Eventually(() => Scalar(database, "SELECT COUNT(*) FROM Timers") == 0, TimeSpan.FromSeconds(30)))
                    .Should().BeTrue("every timer set before a kill fires after a restart");
                await host.DisposeAsync();
                break;
            }

            await Task.Delay(random.Next(300, 1500));
            Volatile.Write(ref current, null);
            host.Kill();
            await host.DisposeAsync();
        }

        output.WriteLine($"{sent} resumes sent, {acknowledged.Count} acknowledged, {failedInFlight} cut off by a kill, {instances.Count} instances");
        acknowledged.Count.Should().BeGreaterThan(100, "the test must put real load on the Host");

        await using var db = new SqliteConnection(database);
        await db.OpenAsync();
        foreach (var (instance, request) in acknowledged)
        {
            Scalar(db, "SELECT COUNT(*) FROM Journal WHERE InstanceId = $a AND RequestId = $b", instance, request).Should().Be(1, $"resume {request} was acknowledged");
        }

        Scalar(db, "SELECT COUNT(*) FROM WorkflowInstances WHERE Status NOT IN ('Suspended', 'Finished')").Should().Be(0, "no instance is left Running or Faulted");
        foreach (var instance in instances)
        {
            var state = JsonNode.Parse(ScalarText(db, "SELECT StateJson FROM WorkflowInstances WHERE Id = $a", instance))!;
            state["tokens"]!.AsArray().Should().OnlyContain(t => t!["bookmarks"]!.AsArray().Count > 0, "a suspended instance waits on a bookmark on every path");
        }

        foreach (var instance in instances)
        {
            var resumes = Scalar(db, "SELECT COUNT(*) FROM Journal WHERE InstanceId = $a AND Kind = 'BookmarkResumed' AND ActivityId = 'wacht'", instance);
            var state = JsonNode.Parse(ScalarText(db, "SELECT StateJson FROM WorkflowInstances WHERE Id = $a", instance))!;
            state["variables"]!["n"]!.GetValue<long>().Should().Be(resumes, "each applied resume ran its whole burst exactly once");
            Scalar(db, "SELECT COUNT(*) FROM Journal WHERE InstanceId = $a AND Kind = 'BookmarkResumed' AND Channel = 'Timer'", instance).Should().Be(1, "the timer fired exactly once");
            Scalar(db, "SELECT MAX(Sequence) - COUNT(*) FROM Journal WHERE InstanceId = $a", instance).Should().Be(0, "the journal has no gaps");
            Scalar(db, "SELECT COUNT(*) FROM Journal WHERE InstanceId = $a AND Kind = 'ActivityCompleted' AND ActivityId = 'zet1'", instance)
                .Should().Be(Scalar(db, "SELECT COUNT(*) FROM Journal WHERE InstanceId = $a AND Kind = 'ActivityCompleted' AND ActivityId = 'zet" + BurstLength + "'", instance), "no burst was half-written");
        }
    }

    /// <summary>The bookmark of the "stap" wait, from the instance's stored state.</summary>
    private static string? CurrentBookmark(string database, string instanceId)
    {
        using var db = new SqliteConnection(database);
        db.Open();
        var state = JsonNode.Parse(ScalarText(db, "SELECT StateJson FROM WorkflowInstances WHERE Id = $a", instanceId))!;
        return state["tokens"]!.AsArray()
            .SelectMany(t => t!["bookmarks"]!.AsArray())
            .FirstOrDefault(b => b!["name"]!.GetValue<string>() == "stap")?["id"]!.GetValue<string>();
    }

    private static long Scalar(string database, string sql)
    {
        using var db = new SqliteConnection(database);
        db.Open();
        return Scalar(db, sql);
    }

    private static long Scalar(SqliteConnection db, string sql, params string[] args) => Convert.ToInt64(Run(db, sql, args), System.Globalization.CultureInfo.InvariantCulture);

    private static string ScalarText(SqliteConnection db, string sql, params string[] args) => (string)Run(db, sql, args)!;

    private static object? Run(SqliteConnection db, string sql, string[] args)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters.AddWithValue(i == 0 ? "$a" : "$b", args[i]);
        }

        return command.ExecuteScalar();
    }

    internal static async Task<bool> Eventually(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    /// <summary>Tests that run Host processes; one at a time, so they do not compete for the two cores.</summary>
    public const string Name = "EndToEnd";
}
