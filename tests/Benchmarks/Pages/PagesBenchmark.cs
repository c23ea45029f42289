using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Benchmarks.Measure;

namespace AdviesRoute.Benchmarks.Pages;

/// <summary>
/// The secretary's pages on years of seeded work: the real host in process on a SQLite file, a signed-in secretary's
/// cookie, each page asked many times one after the other. Per page it prints the server time (p50, p95: from the
/// request entering the host to its response written, timed by a middleware put first in the pipeline), the time the
/// client saw, and beside it a plain SQL query of comparable size (Microsoft.Data.Sqlite on the same file, in the same
/// run), so the ratio means something on a noisy machine. Target: p95 of the server time at most 100 ms for every page.
/// </summary>
internal sealed class PagesBenchmark(PagesSizes sizes, string folder)
{
    private const double TargetMs = 100;

    private readonly Report _report = new(sizes.Smoke);

    public async Task RunAsync()
    {
        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the current
        // directory (a test runner starts in the output folder; `dotnet run` starts wherever it was called).
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Report.Line($"# AdviesRoute page benchmark{(sizes.Smoke ? " (smoke mode: tiny sizes, no thresholds)" : "")}");
        Report.Heading("Environment");
        var environment = BenchEnvironment.Describe(folder).Where(e => !e.Name.StartsWith("Hangfire", StringComparison.Ordinal)).ToList();
        environment.Add(("Load average (1/5/15 min) at the start", BenchEnvironment.LoadAverage()));
        Report.Table(["", ""], environment.Select(e => new[] { e.Name, e.Value }));

        var facts = await SeededAsync();
        Report.Heading("Seeded data (counted in the database)");
        Report.Table(["", ""],
        [
            ["Seed version", facts.Version],
            ["Years simulated on the Testing clock", $"{sizes.FirstYear} – {facts.EndsAt:yyyy-MM-dd} (the host's clock stands there while measuring)"],
            ["Proposals (shipped definition 'voorstel', through the engine)", $"{N(facts.Proposals)} ({N(facts.Finished)} finished, {N(facts.Open)} open)"],
            ["with a 12-council zienswijzen round / a 12-college round", $"{N(facts.CouncilRounds)} / {N(facts.CollegeRounds)}"],
            ["Journal lines (all written by the engine)", N(facts.JournalLines)],
            ["Meetings in the seeded years", N(facts.Meetings)],
            ["Answers recorded through the engine (refused)", $"{N(facts.Resumes)} ({N(facts.Refused)})"],
            ["Seeding took", facts.Took == TimeSpan.Zero ? "read from the cache" : $"{facts.Took.TotalMinutes:N1} min"],
            ["Database file", Measure.Mb(new FileInfo(Path.Combine(folder, "adviesroute.db")).Length)],
            ["Mails left undelivered by the seed (not sent while measuring)", N(Convert.ToInt64(PagesHost.ScalarIn($"Data Source={Path.Combine(folder, "adviesroute.db")}", """SELECT COUNT(*) FROM "Outbox" WHERE "SentAt" IS NULL"""), CultureInfo.InvariantCulture))],
        ]);

        await using var host = new PagesHost(folder, facts.EndsAt, runJobs: false);
        _ = host.Server;
        using var secretary = await host.SignInAsync();
        var targets = await TargetsAsync(host);
        var rows = new List<string[]>();
        foreach (var page in Pages(targets, () => StartProposalAsync(host)))
        {
            Report.Progress($"pages: {page.Name}");
            var server = new List<double>();
            var client = new List<double>();
            var bytes = 0L;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < sizes.Warmup + sizes.Requests && (i < sizes.Warmup + 3 || stopwatch.Elapsed < sizes.MaxPerPage); i++)
            {
                if (page.Before is not null)
                {
                    await page.Before();
                }

                var probe = $"{page.Name}#{i}";
                using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
                request.Headers.Add(PagesHost.ProbeHeader, probe);
                var started = Stopwatch.GetTimestamp();
                using var response = await secretary.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var ms = Ms(started);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{page.Path} answered {(int)response.StatusCode}.");
                }

                if (i >= sizes.Warmup)
                {
                    client.Add(ms);
                    server.Add(host.ServerTimes[probe]);
                    bytes = body.Length;
                }
            }

            var raw = RawTimes(host.ConnectionString, page.Baseline, server.Count);
            var (s50, s95, c95, r50, r95) = (P(server, 0.5), P(server, 0.95), P(client, 0.95), P(raw, 0.5), P(raw, 0.95));
            rows.Add([page.Name, $"`{page.Path}`", N(server.Count), N(s50, 1), N(s95, 1), N(c95, 1), N(bytes / 1024.0, 0) + " kB", page.Baseline.What, N(r50, 2), N(r95, 2), Ratio(s95, r95)]);
            _report.Figure($"{page.Name}: server p95", $"{N(s95, 1)} ms", $"{Ratio(s95, r95)} raw query p95 ({N(r95, 2)} ms)");
            _report.Target($"{page.Name}: server p95 ≤ {TargetMs:N0} ms", $"{N(s95, 1)} ms", s95 <= TargetMs);
        }

        Report.Heading("Pages (server time in ms; one signed-in secretary, requests one after the other)");
        Report.Table(["Page", "Request", "n", "p50", "p95", "client p95", "page size", "Raw query of comparable size (same file, same run)", "raw p50", "raw p95", "p95 / raw p95"], rows);
        Report.Line();
        Report.Line("Server time: from the request entering the host (a middleware put first in the pipeline) to its response written. "
            + "Client p95: the same request timed by the caller on the in-process test server (no socket), body read whole.");
        _report.WriteSummary();
        Report.Line();
        Report.Line($"Load average at the end: {BenchEnvironment.LoadAverage()}");
    }

    // ---------------------------------------------------------------- the seeded database

    /// <summary>The seeded database in the benchmark's folder: copied from the cache when it holds this seed version, else seeded now.</summary>
    private async Task<SeedFacts> SeededAsync()
    {
        var cache = Path.Combine(CacheRoot(), sizes.SeedVersion);
        var factsFile = Path.Combine(cache, "seed.json");
        if (sizes.UseCache && File.Exists(factsFile) && Environment.GetEnvironmentVariable("ADVIESROUTE_BENCH_RESEED") != "1")
        {
            Report.Progress($"pages: seeded database from the cache {cache}");
            foreach (var file in new[] { "adviesroute.db", "link-key" })
            {
                File.Copy(Path.Combine(cache, file), Path.Combine(folder, file), overwrite: true);
            }

            return JsonSerializer.Deserialize<SeedFacts>(await File.ReadAllTextAsync(factsFile))! with { Took = TimeSpan.Zero };
        }

        SeedFacts facts;
        await using (var host = new PagesHost(folder, VolumeSeed.At(new DateOnly(sizes.FirstYear, 1, 4), 8), runJobs: true))
        {
            _ = host.Server;
            facts = await new VolumeSeed(host, sizes).RunAsync(Report.Progress);
        }

        // The host is gone: fold the write-ahead log into the file, so the one file is the whole database.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "adviesroute.db")}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        if (sizes.UseCache)
        {
            Directory.CreateDirectory(cache);
            foreach (var file in new[] { "adviesroute.db", "link-key" })
            {
                File.Copy(Path.Combine(folder, file), Path.Combine(cache, file), overwrite: true);
            }

            await File.WriteAllTextAsync(factsFile, JsonSerializer.Serialize(facts));
            Report.Progress($"pages: seeded database kept in {cache}");
        }

        return facts;
    }

    /// <summary>Where seeded databases are kept: ADVIESROUTE_BENCH_CACHE, else ~/.cache/adviesroute-benchmarks.</summary>
    private static string CacheRoot() => Environment.GetEnvironmentVariable("ADVIESROUTE_BENCH_CACHE") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "adviesroute-benchmarks");

    // ---------------------------------------------------------------- what is asked

    private sealed record Targets(string DeepCursor, string DeepFirstId, string RoundProposal, string Meeting, string SearchWord, string SimulationStart);

    private sealed record Baseline(string What, string Sql, params (string Name, string Value)[] Parameters);

    /// <param name="Before">Runs before each request, untimed: e.g. a change the page must see.</param>
    private sealed record PageRequest(string Name, string Path, Baseline Baseline, Func<Task>? Before = null);

    private async Task<Targets> TargetsAsync(PagesHost host)
    {
        // The deep page's cursor as the overview's own "volgende pagina" makes it, page after page.
        string? cursor = null;
        var firstId = "";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reader = scope.ServiceProvider.GetRequiredService<ProposalReader>();
            for (var i = 0; i < sizes.DeepPage; i++)
            {
                var page = await reader.PageAsync(new ProposalFilter(), cursor, CancellationToken.None);
                if (page.NextCursor is null)
                {
                    break;
                }

                cursor = page.NextCursor;
            }

            var deep = (await reader.PageAsync(new ProposalFilter(), cursor, CancellationToken.None)).Items;
            firstId = deep.Count > 0 ? deep[0].Id : "";
        }

        // A proposal in a round of the 12 councils (or colleges) now, the one with the longest journal; else the longest journal.
        var round = Text(host, """
            SELECT j."InstanceId" FROM "Journal" j
            WHERE j."InstanceId" IN (SELECT a."InstanceId" FROM "InstanceAttributes" a WHERE a."Name" = 'wachtOp' AND (a."Value" LIKE 'raad-%' OR a."Value" LIKE 'college-%'))
            GROUP BY j."InstanceId" ORDER BY COUNT(*) DESC LIMIT 1
            """) ?? Text(host, """SELECT "InstanceId" FROM "Journal" GROUP BY "InstanceId" ORDER BY COUNT(*) DESC LIMIT 1""")!;

        // The meeting with the most proposals on it.
        var meeting = Text(host, """SELECT "Value" FROM "InstanceAttributes" WHERE "Name" = 'vergadering' GROUP BY "Value" ORDER BY COUNT(*) DESC, "Value" LIMIT 1""")!;
        var today = Activities.Calendar.DutchTime.Today(host.Now);
        return new Targets(cursor ?? "", firstId, round, meeting, "begrotingswijziging", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string? Text(PagesHost host, string sql) => PagesHost.ScalarIn(host.ConnectionString, sql) as string;

    /// <summary>A change as a secretary makes it: a new proposal, started through the engine.</summary>
    private static async Task StartProposalAsync(PagesHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdviesRoute.Workflows.Runtime.IWorkflowRuntime>().StartAsync("voorstel", new System.Text.Json.Nodes.JsonObject
        {
            ["titel"] = "Nieuw voorstel tijdens de meting", ["pijler"] = "PubliekeGezondheid", ["soort"] = "beleidsvoorstel",
        }, new AdviesRoute.Workflows.Runtime.Trigger(PagesHost.AdminEmail, AdviesRoute.Workflows.Runtime.Channel.Page));
    }

    private IEnumerable<PageRequest> Pages(Targets t, Func<Task> change)
    {
        const string OnePage = """SELECT * FROM "WorkflowInstances" WHERE "DefinitionId" = 'voorstel' ORDER BY "Id" DESC LIMIT 26""";
        yield return new("Overview, first page", "/Voorstellen", new("26 instance rows, newest first", OnePage));
        yield return new($"Overview, page {sizes.DeepPage + 1}", $"/Voorstellen?na={Uri.EscapeDataString(t.DeepCursor)}",
            new("26 instance rows after a key", """SELECT * FROM "WorkflowInstances" WHERE "DefinitionId" = 'voorstel' AND "Id" <= $id ORDER BY "Id" DESC LIMIT 26""", ("$id", t.DeepFirstId)));
        yield return new("Overview, search", $"/Voorstellen?zoek={t.SearchWord}",
            new("26 instance rows whose title contains the word", """
                SELECT * FROM "WorkflowInstances" WHERE "Id" IN (SELECT "InstanceId" FROM "InstanceAttributes" WHERE "Name" = 'titel' AND "Folded" LIKE '%' || $word || '%')
                ORDER BY "Id" DESC LIMIT 26
                """, ("$word", t.SearchWord)));
        yield return new("Proposal in a 12-council round", $"/Voorstellen/{t.RoundProposal}",
            new("its instance row and all its journal lines", """
                SELECT * FROM "WorkflowInstances" WHERE "Id" = $id;
                SELECT * FROM "Journal" WHERE "InstanceId" = $id ORDER BY "Sequence"
                """, ("$id", t.RoundProposal)));
        yield return new("Meeting (most proposals)", $"/Vergaderingen/{t.Meeting}",
            new("the rows of the proposals on it", """
                SELECT * FROM "WorkflowInstances" WHERE "Id" IN (SELECT "InstanceId" FROM "InstanceAttributes" WHERE "Name" = 'vergadering' AND "Value" = $id)
                """, ("$id", t.Meeting)));
        yield return new("Meetings list", "/Vergaderingen",
            new("the meeting of every proposal ever put on one", """SELECT "InstanceId", "Value" FROM "InstanceAttributes" WHERE "Name" = 'vergadering'"""));
        yield return new("Mijn taken", "/Voorstellen/Taken",
            new("every open instance row", """SELECT * FROM "WorkflowInstances" WHERE "Status" = 'Suspended'"""));
        var figures = new Baseline("every instance's status and the journal lines of steps started/completed and board touches", """
            SELECT "Id", "Status", "DefinitionRecordId" FROM "WorkflowInstances";
            SELECT "InstanceId", "Kind", "ActivityId", "At" FROM "Journal" WHERE "Kind" IN ('ActivityStarted', 'ActivityCompleted', 'inVergadering', 'schriftelijkeRonde')
            """);
        yield return new("Cijfers", "/Cijfers", figures);
        yield return new("Cijfers, each time after a new proposal", "/Cijfers", figures with { What = "as above" }, change);
        yield return new("Jaarkalender", "/Jaarkalender",
            new("the calendar's stored version", """SELECT * FROM "GovernanceVersions" WHERE "Kind" = 'jaarkalender' ORDER BY "Version" DESC LIMIT 1"""));
        yield return new("Jaarkalender, route simulated", $"/Jaarkalender?soort=begroting&pijler=PubliekeGezondheid&start={t.SimulationStart}",
            new("the calendar's stored version and the published definition", """
                SELECT * FROM "GovernanceVersions" WHERE "Kind" = 'jaarkalender' ORDER BY "Version" DESC LIMIT 1;
                SELECT * FROM "WorkflowDefinitions" WHERE "DefinitionId" = 'voorstel' AND "IsPublished" = 1 ORDER BY "Version" DESC LIMIT 1
                """));
    }

    /// <summary>Runs the baseline's SQL <paramref name="count"/> times (after a warm-up) on a pooled connection, reading every value.</summary>
    private List<double> RawTimes(string connectionString, Baseline baseline, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < sizes.Warmup + Math.Max(count, 1); i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var connection = SqliteSetup.Open(connectionString))
            using (var command = connection.CreateCommand())
            {
                command.CommandText = baseline.Sql;
                foreach (var (name, value) in baseline.Parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                using var reader = command.ExecuteReader();
                do
                {
                    var values = new object[reader.FieldCount];
                    while (reader.Read())
                    {
                        reader.GetValues(values);
                    }
                }
                while (reader.NextResult());
            }

            if (i >= sizes.Warmup)
            {
                times.Add(Ms(started));
            }
        }

        return times;
    }

    private static string Ratio(double value, double baseline)
    {
        var ratio = value / Math.Max(baseline, 0.001);
        return N(ratio, ratio < 10 ? 2 : 0) + "x";
    }

    private static double P(List<double> samples, double p) => samples.Count == 0 ? double.NaN : Latencies.Percentile([.. samples.Order()], p);
}
