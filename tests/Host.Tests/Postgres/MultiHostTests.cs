using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>
/// Two Host processes on one PostgreSQL database and one Hangfire storage, with maildev as the SMTP server: 1,000
/// approvals spread over both hosts, 1,000 timers falling due, and one host killed (SIGKILL) halfway. Afterwards every
/// approval is recorded once, every timer advanced its instance once, every outbox mail arrived, and the survivor
/// finished what the dead host left within 30 seconds.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MultiHostTests(ITestOutputHelper output)
{
    private const int Count = 1000;

    /// <summary>Per instance: an approval and a timer in parallel; the approval sends a melding (one mail).</summary>
    private const string Route = """
    { "definitionId": "meerhost", "name": "Goedkeuring en termijn op twee hosts",
      "inputs": [ { "name": "titel", "type": "string" }, { "name": "due", "type": "string", "required": true } ],
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "splits", "type": "Fork", "inputs": { "branches": ["goedkeuring", "termijn"] } },
          { "id": "goedkeuring", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring" } },
          { "id": "melding", "type": "Melding", "inputs": { "aan": ["m001"], "onderwerp": "Goedgekeurd", "tekst": "Het voorstel is goedgekeurd." } },
          { "id": "termijn", "type": "Timer", "inputs": { "at": { "expression": "input.due" } } },
          { "id": "samen", "type": "Join", "inputs": { "mode": "all" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "splits", "port": "In" } },
          { "source": { "activity": "splits", "port": "goedkeuring" }, "target": { "activity": "goedkeuring", "port": "In" } },
          { "source": { "activity": "goedkeuring", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
          { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },
          { "source": { "activity": "splits", "port": "termijn" }, "target": { "activity": "termijn", "port": "In" } },
          { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },
          { "source": { "activity": "samen", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    [Fact]
    public async Task Two_hosts_share_approvals_timers_and_mail_and_the_survivor_finishes_what_a_killed_host_left()
    {
        var server = await PostgresHostFixture.ServerAsync();
        var connectionString = await server.CreateDatabaseAsync("meerhost");
        var folder = Directory.CreateTempSubdirectory("adviesroute-meerhost-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "meerhost.json"), Route);
        await using var maildev = new MaildevServer();
        await maildev.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Workflows__Provider"] = "PostgreSql",
            ["ConnectionStrings__AdviesRoute"] = connectionString,
            ["Mail__Smtp__Host"] = MaildevServer.Host,
            ["Mail__Smtp__Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Links__KeyFile"] = Path.Combine(folder, "link-key"),
        };
        await using var first = await HostProcess.StartAsync(folder, settings: settings);
        await using var second = await HostProcess.StartAsync(folder, settings: settings);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        // 1,000 instances, started through both hosts; each timer falls due 15 s after its start (spread over the run).
        var clock = Stopwatch.StartNew();
        var instances = new string[Count];
        var bookmarks = new string[Count];
        var lastDue = DateTimeOffset.MinValue;
        var dueLock = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(15);
            lock (dueLock)
            {
                lastDue = dueAt > lastDue ? dueAt : lastDue;
            }

            var due = dueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            using var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/definitions/meerhost/instances", new { input = new { titel = $"Voorstel {i}", due } }, token);
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(token));
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
            instances[i] = body["instanceId"]!.GetValue<string>();
            bookmarks[i] = body["bookmarks"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == "goedkeuring")!["id"]!.GetValue<string>();
        });
        output.WriteLine($"{Count} instances started in {clock.Elapsed.TotalSeconds:0.0} s");

        // 1,000 approvals over both hosts; the first host is killed once half of them were acknowledged. An approval
        // that got no answer is sent again, with the same Idempotency-Key, to the survivor.
        var acknowledged = 0;
        var retried = new ConcurrentBag<int>();
        DateTimeOffset? killedAt = null;
        var killLock = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var client = i % 2 == 0 && killedAt is null ? a : b;
            if (!await ApproveAsync(client, instances[i], bookmarks[i], $"goed-{i}"))
            {
                retried.Add(i);
                (await ApproveAsync(b, instances[i], bookmarks[i], $"goed-{i}")).Should().BeTrue($"approval {i} is accepted by the surviving host");
            }

            if (Interlocked.Increment(ref acknowledged) == Count / 2)
            {
                lock (killLock)
                {
                    first.Kill();
                    killedAt = DateTimeOffset.UtcNow;
                }
            }
        });
        output.WriteLine($"Approvals acknowledged by {clock.Elapsed.TotalSeconds:0.0} s; first host killed at {killedAt:HH:mm:ss.fff}; {retried.Count} sent again to the survivor");

        // Everything finishes on the survivor.
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && (await ScalarAsync(db, """SELECT COUNT(*) FROM "WorkflowInstances" WHERE "Status" = 'Finished'""") < Count
            || await ScalarAsync(db, """SELECT COUNT(*) FROM "Outbox" WHERE "SentAt" IS NULL""") > 0))
        {
            await Task.Delay(250);
        }

        (await ScalarAsync(db, """SELECT COUNT(*) FROM "WorkflowInstances" WHERE "Status" = 'Finished'""")).Should().Be(Count);
        // Every approval recorded exactly once, every timer advanced its instance exactly once.
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Journal" WHERE "Kind" = 'BookmarkResumed' AND "RequestId" LIKE 'goed-%'""")).Should().Be(Count);
        (await ScalarAsync(db, """SELECT COUNT(DISTINCT "InstanceId") FROM "Journal" WHERE "Kind" = 'BookmarkResumed' AND "RequestId" LIKE 'goed-%'""")).Should().Be(Count);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Journal" WHERE "Kind" = 'BookmarkResumed' AND "Channel" = 'Timer'""")).Should().Be(Count);
        (await ScalarAsync(db, """SELECT COUNT(DISTINCT "InstanceId") FROM "Journal" WHERE "Kind" = 'BookmarkResumed' AND "Channel" = 'Timer'""")).Should().Be(Count);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Journal" WHERE "Kind" = 'InstanceFinished'""")).Should().Be(Count);

        // Every outbox mail arrived at the SMTP server; copies (at least once) share the Message-Id and are counted.
        var messageIds = new List<string>();
        await using (var command = new NpgsqlCommand("""SELECT "MessageId" FROM "Outbox" """, db))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                messageIds.Add(reader.GetString(0));
            }
        }

        messageIds.Should().HaveCount(Count);
        var mails = await maildev.WaitForAsync(m => messageIds.All(id => m.Any(x => x.MessageId == id)), TimeSpan.FromSeconds(60));
        var arrived = mails.GroupBy(m => m.MessageId).ToDictionary(g => g.Key ?? "", g => g.Count());
        messageIds.Where(id => !arrived.ContainsKey(id)).Should().BeEmpty("every outbox message arrived at the SMTP server");
        var copies = messageIds.Sum(id => arrived[id] - 1);
        output.WriteLine($"Mails: {mails.Count} received for {Count} outbox messages; {copies} copies with an earlier Message-Id");

        // The survivor finished what the dead host left: every timer due and every mail written before the kill.
        var killed = killedAt!.Value.UtcDateTime;
        var lastTimer = await MomentAsync(db, """SELECT MAX("At") FROM "Journal" WHERE "Kind" = 'BookmarkResumed' AND "Channel" = 'Timer'""");
        var lastMailOfKill = await MomentAsync(db, $"""SELECT MAX("SentAt") FROM "Outbox" WHERE "CreatedAt" <= '{killed:O}'""");
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Timers" """)).Should().Be(0, "no timer is left");
        output.WriteLine($"After the kill: last mail written before it sent {(lastMailOfKill - killed)?.TotalSeconds:0.0} s later; last timer fired at +{(lastTimer - killed)?.TotalSeconds:0.0} s");
        (lastMailOfKill - killed).Should().BeLessThan(TimeSpan.FromSeconds(30), "the survivor delivers the mail the dead host had queued within 30 seconds");
        var timersFrom = killed > lastDue.UtcDateTime ? killed : lastDue.UtcDateTime;
        (lastTimer - timersFrom).Should().BeLessThan(TimeSpan.FromSeconds(30), "every timer has advanced its instance within 30 seconds of the kill or of falling due");
        second.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task A_login_and_a_form_from_one_host_hold_on_the_other_and_simultaneous_resumes_of_one_instance_all_count()
    {
        var server = await PostgresHostFixture.ServerAsync();
        var settings = new Dictionary<string, string>
        {
            ["Workflows__Provider"] = "PostgreSql",
            ["ConnectionStrings__AdviesRoute"] = await server.CreateDatabaseAsync("tweehosts"),
        };
        var folder = Directory.CreateTempSubdirectory("adviesroute-tweehosts-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "definitions"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definitions", "breed.json"), EndToEnd.Definitions.WideJoin(50));
        settings["Links__KeyFile"] = Path.Combine(folder, "link-key");
        await using var first = await HostProcess.StartAsync(folder, settings: settings);
        await using var second = await HostProcess.StartAsync(folder, settings: settings);

        // Both answer the load balancer's health check.
        using (var health = new HttpClient())
        {
            (await health.GetAsync(new Uri(first.BaseAddress, "/health"))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await health.GetAsync(new Uri(second.BaseAddress, "/health"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Signed in on the first host; the session cookie (a cookie is not bound to a port) holds on the second, and a form
        // opened on the first is accepted when posted to the second: the data-protection keys are in the database.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var login = await browser.GetStringAsync(new Uri(first.BaseAddress, "/Account/Login"));
        using var signedIn = await browser.PostAsync(new Uri(first.BaseAddress, "/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "beheer@example.org",
            ["Input.Password"] = "Beheer-Wachtwoord-2026!",
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(login),
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetAsync(new Uri(second.BaseAddress, "/Voorstellen"))).StatusCode.Should().Be(HttpStatusCode.OK, "the login holds on the other host");
        var form = await browser.GetStringAsync(new Uri(first.BaseAddress, "/Voorstellen/Taken"));
        using var posted = await browser.PostAsync(new Uri(second.BaseAddress, "/Voorstellen/Taken?handler=scope"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(form),
            ["pijler"] = "PubliekeGezondheid",
        }));
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()).Should().Contain("Uw werkgebied is opgeslagen.");

        // 50 simultaneous resumes of one instance through both hosts: all applied, one after another; the Join goes on once.
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        using var started = await a.PostAsJsonAsync("/api/definitions/breed/instances", new { input = new { } });
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var instanceId = body["instanceId"]!.GetValue<string>();
        var branches = body["bookmarks"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
        using var gate = new SemaphoreSlim(0);
        var resumes = branches.Select((bookmark, i) => Task.Run(async () =>
        {
            await gate.WaitAsync();
            using var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmark}/resume", new { input = new { tak = i } });
            return response.StatusCode;
        })).ToList();
        gate.Release(branches.Count);
        (await Task.WhenAll(resumes)).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await using var db = new NpgsqlConnection(settings["ConnectionStrings__AdviesRoute"]);
        await db.OpenAsync();
        (await ScalarAsync(db, $"""SELECT COUNT(DISTINCT "ActivityId") FROM "Journal" WHERE "InstanceId" = '{instanceId}' AND "Kind" = 'BookmarkResumed'""")).Should().Be(50);
        (await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Journal" WHERE "InstanceId" = '{instanceId}' AND "Kind" = 'ActivityStarted' AND "ActivityId" = 'daarna'""")).Should().Be(1);
    }

    private static async Task<bool> ApproveAsync(HttpClient client, string instanceId, string bookmarkId, string key)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume")
            {
                Content = JsonContent.Create(new { input = new { keuze = "akkoord" } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // the host died with the request in flight: no answer, so not acknowledged
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DateTime?> MomentAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync() is DateTime moment ? moment.ToUniversalTime() : null;
    }
}
