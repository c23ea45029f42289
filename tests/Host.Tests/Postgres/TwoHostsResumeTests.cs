using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.EndToEnd;
using Npgsql;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>
/// Two Host processes on one PostgreSQL database resume 500 different instances at once through the API, each with a
/// request id; three in four are sent to both hosts at the same moment with the same request id (as a load balancer
/// that retries on the other host). Every call is answered 200 (no conflict, error or "try again" reaches a caller),
/// each resume is recorded and committed once, the copy that lost says it was already applied, both hosts keep running,
/// and neither their logs nor PostgreSQL's statistics show a deadlock.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoHostsResumeTests(ITestOutputHelper output)
{
    private const int Count = 500;

    /// <summary>Instances resumed at the same time; a duplicated one makes two calls, so about 1.75x this many calls are in flight.</summary>
    private const int Parallelism = 48;

    /// <summary>Start, one wait, end: a resume finishes the instance in one burst; no mail, no timer.</summary>
    private const string Route = """
    { "definitionId": "hervatten", "name": "Eén goedkeuring op twee hosts",
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "goedkeuring", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "goedkeuring", "port": "In" } },
          { "source": { "activity": "goedkeuring", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    private sealed record Answer(int Instance, string Host, HttpStatusCode? Status, bool? AlreadyApplied, string? InstanceStatus, string Detail);

    [Fact]
    public async Task Two_hosts_resume_500_instances_at_once_and_every_resume_is_recorded_once_without_deadlock_or_error()
    {
        var server = await PostgresHostFixture.ServerAsync();
        var connectionString = await server.CreateDatabaseAsync("hervatten");
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var deadlocksBefore = await DeadlocksAsync(db);

        var folder = Directory.CreateTempSubdirectory("adviesroute-hervatten-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "hervatten.json"), Route);
        var settings = new Dictionary<string, string>
        {
            ["Workflows__Provider"] = "PostgreSql",
            // A deadlock's detail (which transactions waited for which) in the hosts' logs, should one occur.
            ["ConnectionStrings__AdviesRoute"] = connectionString + ";Include Error Detail=true",
            ["Links__KeyFile"] = Path.Combine(folder, "link-key"),
        };
        var clock = Stopwatch.StartNew();
        await using var first = await HostProcess.StartAsync(folder, settings: settings);
        await using var second = await HostProcess.StartAsync(folder, settings: settings);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        var hosts = new[] { (Name: "eerste", Client: a), (Name: "tweede", Client: b) };
        output.WriteLine($"Hosts up after {clock.Elapsed.TotalSeconds:0.0} s");

        // 500 instances, started through both hosts.
        clock.Restart();
        var instances = new string[Count];
        var bookmarks = new string[Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            using var response = await hosts[i % 2].Client.PostAsJsonAsync("/api/definitions/hervatten/instances", new { input = new { } }, token);
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(token));
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
            instances[i] = body["instanceId"]!.GetValue<string>();
            bookmarks[i] = body["bookmarks"]!.AsArray().Single()!["id"]!.GetValue<string>();
        });
        output.WriteLine($"{Count} instances started in {clock.Elapsed.TotalSeconds:0.0} s");

        // All 500 resumed at once in a shuffled order; most through both hosts at the same moment with the same request id,
        // which host is asked first chosen at random; the others through one host, alternately.
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var order = Enumerable.Range(0, Count).ToArray();
        random.Shuffle(order);
        var firstHostOfPair = order.ToDictionary(i => i, _ => random.Next(2));
        var answers = new ConcurrentBag<Answer>();
        clock.Restart();
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var requestId = RequestId(i);
            if (SentToBoth(i))
            {
                var one = firstHostOfPair[i];
                var both = await Task.WhenAll(
                    ResumeAsync(hosts[one].Name, hosts[one].Client, i, instances[i], bookmarks[i], requestId),
                    ResumeAsync(hosts[1 - one].Name, hosts[1 - one].Client, i, instances[i], bookmarks[i], requestId));
                foreach (var answer in both)
                {
                    answers.Add(answer);
                }
            }
            else
            {
                var host = hosts[(i / 4) % 2];
                answers.Add(await ResumeAsync(host.Name, host.Client, i, instances[i], bookmarks[i], requestId));
            }
        });
        var resumeSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{answers.Count} resume calls for {Count} instances answered in {resumeSeconds:0.0} s ({Count / resumeSeconds:0} resumes/s)");
        var running = (First: !first.HasExited, Second: !second.HasExited);
        var logs = new[] { (Name: "eerste", Text: first.Output), (Name: "tweede", Text: second.Output) };

        // The hosts stop here, so their connections close and report their statistics (a backend reports its counts when
        // it goes idle, at most once a second, or when it ends); everything is gathered before the first assertion, so a
        // failing run tells how often each thing went wrong.
        first.Kill();
        second.Kill();
        var closed = Stopwatch.StartNew();
        while (closed.Elapsed < TimeSpan.FromSeconds(15) && await ScalarAsync(db,
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()") > 0)
        {
            await Task.Delay(100);
        }

        var deadlocks = await DeadlocksAsync(db) - deadlocksBefore;
        var rows = (await RowsAsync(db, """SELECT "Id", "Status", "Revision" FROM "WorkflowInstances" WHERE "DefinitionId" = 'hervatten'"""))
            .ToDictionary(r => (string)r[0], r => (Status: (string)r[1], Revision: Convert.ToInt64(r[2], CultureInfo.InvariantCulture)));
        var resumed = (await RowsAsync(db, """SELECT "InstanceId", "RequestId" FROM "Journal" WHERE "Kind" = 'BookmarkResumed'"""))
            .GroupBy(r => (string)r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1] as string).ToList());
        var ended = (await RowsAsync(db, """SELECT "InstanceId" FROM "Journal" WHERE "Kind" = 'InstanceFinished'"""))
            .GroupBy(r => (string)r[0]).ToDictionary(g => g.Key, g => g.Count());
        var requestIdsRecorded = await ScalarAsync(db, """SELECT COUNT(*) FROM "Journal" WHERE "RequestId" LIKE 'hervat-%'""");

        var failed = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        foreach (var group in failed.GroupBy(a => a.Status?.ToString() ?? "no answer"))
        {
            output.WriteLine($"{group.Count()} calls answered {group.Key}, e.g. instance {group.First().Instance} on the {group.First().Host} host: {group.First().Detail}");
        }

        var wrongAnswers = answers.Where(a => a.Status == HttpStatusCode.OK).GroupBy(a => a.Instance)
            .Where(g => g.Count(a => a.AlreadyApplied == false) != 1 || g.Any(a => a.AlreadyApplied is null) || g.Any(a => a.InstanceStatus != "Finished"))
            .Select(g => $"instance {g.Key}: " + string.Join(", ", g.Select(a => $"{a.Host} alreadyApplied={a.AlreadyApplied} status={a.InstanceStatus}")))
            .ToList();
        var notFinished = Enumerable.Range(0, Count).Where(i => !rows.TryGetValue(instances[i], out var row) || row.Status != "Finished").ToList();
        var notOneCommit = Enumerable.Range(0, Count).Where(i => rows.TryGetValue(instances[i], out var row) && row.Revision != 2).ToList();
        var notOneResume = Enumerable.Range(0, Count)
            .Where(i => resumed.GetValueOrDefault(instances[i]) is not { Count: 1 } list || list[0] != RequestId(i)).ToList();
        var notOneEnd = Enumerable.Range(0, Count).Where(i => ended.GetValueOrDefault(instances[i]) != 1).ToList();
        var deadlockErrors = logs.Select(l => (l.Name, Count: l.Text.Split('\n').Count(line => line.Contains("40P01: deadlock detected", StringComparison.Ordinal)))).ToList();
        var deadlockLines = logs.Select(l => (l.Name, Lines: l.Text.Split('\n')
            .Where(line => line.Contains("40P01", StringComparison.Ordinal) || line.Contains("deadlock", StringComparison.OrdinalIgnoreCase)).ToList())).ToList();
        output.WriteLine($"Failed calls: {failed.Count} of {answers.Count}; instances whose answers are not one applied and the rest already applied, "
            + $"all Finished: {wrongAnswers.Count}; not Finished: {notFinished.Count}; revision not 2: {notOneCommit.Count}; "
            + $"not exactly one recorded resume with its request id: {notOneResume.Count}; not finished once: {notOneEnd.Count}; "
            + $"journal entries with a request id: {requestIdsRecorded}; deadlocks counted by PostgreSQL: {deadlocks}; "
            + $"deadlock errors in the logs: {string.Join(", ", deadlockErrors.Select(d => $"{d.Name} {d.Count}"))}; hosts running: {running}");
        foreach (var line in wrongAnswers.Take(5))
        {
            output.WriteLine(line);
        }

        // What the hosts logged as warnings and errors, each kind once with its count.
        foreach (var (name, text) in logs)
        {
            var lines = text.Split('\n');
            var entries = lines.Select((line, n) => (line, n)).Where(x => x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("warn:", StringComparison.Ordinal))
                .Select(x => $"{x.line.Trim()} {(x.n + 1 < lines.Length ? lines[x.n + 1].Trim() : "")}");
            foreach (var kind in entries.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(8))
            {
                output.WriteLine($"{name} logged {kind.Count()}x: {kind.Key}");
            }

            // The first deadlock's detail: which transactions waited for which, and on what.
            var deadlock = Array.FindIndex(lines, line => line.Contains("40P01: deadlock detected", StringComparison.Ordinal));
            if (deadlock >= 0)
            {
                output.WriteLine($"{name}, first deadlock: {string.Join(" | ", lines.Skip(deadlock).Take(6).Select(line => line.Trim()).TakeWhile(line => !line.StartsWith("at ", StringComparison.Ordinal)).Where(line => line.Length > 0))}");
            }
        }

        // Every call answered 200: no conflict, error or "try again" reached a caller.
        failed.Select(a => $"instance {a.Instance} on the {a.Host} host: {a.Status?.ToString() ?? a.Detail}").Should()
            .BeEmpty("every resume is answered 200 on either host, without a retry surfacing to the caller");
        answers.Should().HaveCount(Count + Enumerable.Range(0, Count).Count(SentToBoth));
        wrongAnswers.Should().BeEmpty("per instance exactly one call applied the resume, the copy on the other host says it was already applied, and each answer shows the instance finished");
        running.Should().Be((true, true), "both hosts are still running");

        // The database: each instance finished once, with exactly one recorded resume, that of its request id, and one
        // commit for it (revision 1 at the start, 2 after the resume: the copy that lost committed nothing).
        rows.Should().HaveCount(Count);
        notFinished.Should().BeEmpty("every instance was resumed to its end");
        notOneCommit.Should().BeEmpty("each instance was committed once by its start and once by its resume");
        notOneResume.Should().BeEmpty("each instance has exactly one recorded resume, with its request id");
        notOneEnd.Should().BeEmpty("each instance finished once");
        requestIdsRecorded.Should().Be(Count, "no request id is recorded twice");

        // No deadlock: none in either host's log, and none counted by the database.
        deadlockLines.Should().AllSatisfy(d => d.Lines.Should().BeEmpty($"the {d.Name} host met no deadlock (40P01)"));
        deadlocks.Should().Be(0, "PostgreSQL detected no deadlock between the two hosts' transactions");
        resumeSeconds.Should().BeLessThan(30, "500 resumes over two hosts take seconds, not a lock wait per resume");
    }

    /// <summary>Three in four instances are resumed through both hosts at once; the fourth through one host.</summary>
    private static bool SentToBoth(int instance) => instance % 4 != 3;

    private static string RequestId(int instance) => $"hervat-{instance.ToString(CultureInfo.InvariantCulture)}";

    private static async Task<Answer> ResumeAsync(string hostName, HttpClient client, int index, string instanceId, string bookmarkId, string requestId)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume")
            {
                Content = JsonContent.Create(new { input = new { keuze = "akkoord" } }),
            };
            request.Headers.Add("Idempotency-Key", requestId);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new Answer(index, hostName, response.StatusCode, null, null, text);
            }

            var body = JsonNode.Parse(text)!;
            return new Answer(index, hostName, response.StatusCode, body["alreadyApplied"]?.GetValue<bool>(), body["status"]?.GetValue<string>(), text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Answer(index, hostName, null, null, null, ex.Message);
        }
    }

    private static async Task<long> DeadlocksAsync(NpgsqlConnection db) =>
        await ScalarAsync(db, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<object[]>> RowsAsync(NpgsqlConnection db, string sql)
    {
        var rows = new List<object[]>();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
