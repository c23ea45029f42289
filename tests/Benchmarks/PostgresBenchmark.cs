using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared.Postgres;
using AdviesRoute.Workflows.Runtime;
using Npgsql;
using static AdviesRoute.Benchmarks.Measure;
using WorkflowChannel = AdviesRoute.Workflows.Runtime.Channel;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// The engine on PostgreSQL with one host and with two hosts sharing one database (two engine hosts in this process,
/// each with its own writer, readers and Hangfire server, as two processes would have), against raw PostgreSQL commits
/// on the same server measured in the same run.
/// </summary>
internal sealed class PostgresBenchmark(Sizes sizes, Report report)
{
    private const int CallersPerHost = 8;

    public async Task RunAsync()
    {
        if (PostgresServer.BinFolder() is null)
        {
            Report.Heading("PostgreSQL");
            Report.Line("Skipped: PostgreSQL is not installed here (scripts/test.sh installs Debian's postgresql).");
            return;
        }

        Report.Progress("PostgreSQL: starting a server");
        await using var server = await PostgresServer.StartAsync();
        var baseline = await BaselineAsync(await server.CreateDatabaseAsync("basis"));
        var rows = new List<string[]>();
        foreach (var hosts in new[] { 1, 2 })
        {
            var database = await server.CreateDatabaseAsync($"hosts{hosts}");
            var engines = new List<BenchHost>();
            try
            {
                for (var i = 0; i < hosts; i++)
                {
                    engines.Add(await BenchHost.StartOnPostgresAsync(database));
                }

                await engines[0].SaveAsync(Definitions.Wait());
                var (starts, resumes) = await MeasureAsync(engines);
                rows.Add([N(hosts), N(hosts * CallersPerHost), N(starts.PerSecond), N(resumes.PerSecond), $"{N(starts.PerSecond / baseline, 2)}x", $"{N(resumes.PerSecond / baseline, 2)}x"]);
                report.Figure($"PostgreSQL, {hosts} host{(hosts == 1 ? "" : "s")}: starts / resumes", $"{N(starts.PerSecond)} /s / {N(resumes.PerSecond)} /s",
                    $"{N(starts.PerSecond / baseline, 2)}x / {N(resumes.PerSecond / baseline, 2)}x PostgreSQL baseline");
            }
            finally
            {
                foreach (var engine in engines)
                {
                    await engine.DisposeAsync();
                }

                NpgsqlConnection.ClearAllPools();
            }
        }

        Report.Heading("PostgreSQL: throughput per host count");
        Report.Line($"A local PostgreSQL server (Debian's package, fsync on, started in a temporary folder). Baseline: one connection, one INSERT of a 200-byte row per transaction: {N(baseline)} commits/s.");
        Report.Line($"Each host is a full engine host with its own writer and readers; {CallersPerHost} concurrent callers per host; starts of Start -> WaitForSignal -> End, then resumes of those instances (with a request id).");
        Report.Line("Both hosts run in this one process on this machine's cores, so the figure shows the cost of sharing one database, not the gain of more machines.");
        Report.Line();
        Report.Table(["Hosts", "Callers", "Starts/s", "Resumes/s", "Starts to baseline", "Resumes to baseline"], rows);
        report.Figure("PostgreSQL baseline: raw commits/s (1 connection)", $"{N(baseline)} /s");
    }

    private async Task<double> BaselineAsync(string connectionString)
    {
        Report.Progress("PostgreSQL: baseline commits");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE rows (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, payload text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var text = new string('x', 200);
        async Task CommitAsync()
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO rows (created_at, payload) VALUES (@at, @payload)", connection, transaction);
            insert.Parameters.AddWithValue("at", DateTime.UtcNow);
            insert.Parameters.AddWithValue("payload", text);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        for (var i = 0; i < sizes.Warmup; i++)
        {
            await CommitAsync();
        }

        var result = await SequentialAsync(sizes.BaselineMaxCommits, sizes.BaselineDuration, CommitAsync);
        return result.PerSecond;
    }

    private async Task<(Throughput Starts, Throughput Resumes)> MeasureAsync(IReadOnlyList<BenchHost> engines)
    {
        var trigger = new Trigger("benchmark", WorkflowChannel.Api);
        var waiting = new ConcurrentQueue<(BenchHost Host, string Instance, string Bookmark)>();
        var callers = engines.Count * CallersPerHost;
        Report.Progress($"PostgreSQL, {engines.Count} host(s): starts");
        var starts = await ConcurrentAsync(callers, sizes.MaxStarts, sizes.ThroughputDuration, async n =>
        {
            var engine = engines[(int)(n % engines.Count)];
            var summary = await engine.Runtime.StartAsync(Definitions.WaitId, null, trigger);
            if (summary.Status != WorkflowStatus.Suspended)
            {
                throw new InvalidOperationException($"Start ended as {summary.Status}.");
            }

            // Resumed later through the other host when there are two: the instance moves between hosts.
            waiting.Enqueue((engines[(int)((n + 1) % engines.Count)], summary.InstanceId, summary.Bookmarks[0].Id));
            return true;
        });
        Report.Progress($"PostgreSQL, {engines.Count} host(s): resumes");
        var resumes = await ConcurrentAsync(callers, sizes.MaxResumes, sizes.ThroughputDuration, async _ =>
        {
            if (!waiting.TryDequeue(out var item))
            {
                return false;
            }

            var summary = await item.Host.Runtime.ResumeAsync(item.Instance, item.Bookmark, new JsonObject { ["ok"] = true },
                new Trigger("benchmark", WorkflowChannel.Api, Guid.NewGuid().ToString("N")));
            return summary.Status == WorkflowStatus.Finished ? true : throw new InvalidOperationException($"Resume ended as {summary.Status}.");
        });
        return (starts, resumes);
    }
}
