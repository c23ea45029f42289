using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared.Postgres;
using Npgsql;
using static AdviesRoute.Benchmarks.Measure;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// The engine on PostgreSQL with one host and with two hosts sharing one database, each host a process of its own
/// (this program with <c>--postgres-host</c>, <see cref="PostgresHostProcess"/>), against raw PostgreSQL commits on the
/// same server in the same run (1, 8 and 16 connections). Around every measured window: each host's CPU, the database
/// server's CPU, the machine's CPU and the data disk (from <c>/proc</c>), the server's own counters, the engine's meters
/// read in the hosts, the server backends' waits (pg_stat_activity sampled every 10 ms) and its statements
/// (pg_stat_statements); at the end the plans of the engine's hot statements on the populated database.
/// </summary>
internal sealed class PostgresBenchmark(Sizes sizes, Report report)
{
    private const int CallersPerHost = PostgresHostProcess.Callers;
    private static readonly int[] BaselineConnections = [1, CallersPerHost, 2 * CallersPerHost];

    private TimeSpan BaselineDuration => TimeSpan.FromSeconds(sizes.Smoke ? 1 : 8);
    private double WindowSeconds => sizes.Smoke ? 2 : 10;
    private long MaxOperations => sizes.Smoke ? 400 : 1_000_000;
    private int Warmup => sizes.Smoke ? 5 : 50;

    /// <summary>
    /// A backend hands its statistics (commits, WAL syncs) to the server's counters at most once a second, when idle;
    /// waiting this long before each counter reading puts every commit in the window it happened in.
    /// </summary>
    private TimeSpan StatisticsSettle => TimeSpan.FromMilliseconds(sizes.Smoke ? 0 : 1_200);

    private int _postmaster;
    private string? _device;

    public async Task RunAsync()
    {
        if (PostgresServer.BinFolder() is null)
        {
            Report.Heading("PostgreSQL");
            Report.Line("Skipped: PostgreSQL is not installed here (scripts/test.sh installs Debian's postgresql).");
            return;
        }

        Report.Progress("PostgreSQL: starting a server");
        await using var server = await PostgresServer.StartAsync(PostgresDiagnostics.ServerSettings);
        _postmaster = server.PostmasterPid;
        _device = ProcStats.DeviceOf(server.DataFolder);
        var files = Directory.CreateTempSubdirectory("adviesroute-bench-pg-").FullName;
        try
        {
            List<(string Name, string Value)> settings;
            await using (var postgres = new NpgsqlConnection(server.ConnectionString("postgres")))
            {
                await postgres.OpenAsync();
                settings = await PostgresDiagnostics.SettingsAsync(postgres);
            }

            var baselines = new List<BaselineResult>();
            var basis = await server.CreateDatabaseAsync("basis");
            foreach (var connections in BaselineConnections)
            {
                baselines.Add(await RawCommitsAsync(basis, connections));
            }

            var windows = new List<WindowResult>();
            var plans = new List<(string Title, string Plan)>();
            foreach (var hosts in new[] { 1, 2 })
            {
                windows.AddRange(await HostsAsync(server, hosts, files, hosts == 2 ? plans : null));
                NpgsqlConnection.ClearAllPools();
            }

            Write(settings, baselines, windows, plans);
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    // ---------------------------------------------------------------- raw commits

    private sealed record BaselineResult(int Connections, long Commits, double PerSecond, ResourceUse Use, ServerCounters Counters);

    private async Task<BaselineResult> RawCommitsAsync(string connectionString, int count)
    {
        Report.Progress($"PostgreSQL: raw commits, {count} connection(s)");
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                connections.Add(connection);
            }

            await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS rows (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, payload text NOT NULL)", connections[0]))
            {
                await create.ExecuteNonQueryAsync();
            }

            var text = new string('x', 200);
            async Task CommitAsync(NpgsqlConnection connection)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO rows (created_at, payload) VALUES (@at, @payload)", connection, transaction);
                insert.Parameters.AddWithValue("at", DateTime.UtcNow);
                insert.Parameters.AddWithValue("payload", text);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            await Task.WhenAll(connections.Select(async c =>
            {
                for (var i = 0; i < Warmup; i++)
                {
                    await CommitAsync(c);
                }
            }));

            await using var admin = await OpenUnpooledAsync(connectionString);
            await Task.Delay(StatisticsSettle);
            var counters = await ServerCounters.ReadAsync(admin);
            var before = ResourceReading.Take(_postmaster, _device);
            long commits = 0;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select(c => Task.Run(async () =>
            {
                while (stopwatch.Elapsed < BaselineDuration)
                {
                    await CommitAsync(c);
                    Interlocked.Increment(ref commits);
                }
            })));
            stopwatch.Stop();
            var use = ResourceUse.Between(before, ResourceReading.Take(_postmaster, _device));
            await Task.Delay(StatisticsSettle);
            var delta = (await ServerCounters.ReadAsync(admin)).Minus(counters);
            return new BaselineResult(count, commits, commits / stopwatch.Elapsed.TotalSeconds, use, delta);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    // ---------------------------------------------------------------- engine hosts

    private sealed record WindowResult(int Hosts, string Operation, long Count, double PerSecond, IReadOnlyList<double?> HostCores, ResourceUse Use,
        ServerCounters Counters, MeterTotals Meters, IReadOnlyDictionary<string, long> Waits, long Samples, IReadOnlyList<StatementStats> Statements, long StatementCalls, long Left)
    {
        public string Name => $"{Hosts} host{(Hosts == 1 ? "" : "s")}, {Operation}";
    }

    private async Task<List<WindowResult>> HostsAsync(PostgresServer server, int hosts, string files, List<(string Title, string Plan)>? plans)
    {
        var connectionString = await server.CreateDatabaseAsync($"hosts{hosts}");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = await OpenUnpooledAsync(connectionString);
        await PostgresDiagnostics.CreateStatementsExtensionAsync(admin);
        var children = new List<HostProcessClient>();
        try
        {
            // One after the other: the first migrates the new database, the second finds it migrated.
            for (var i = 0; i < hosts; i++)
            {
                Report.Progress($"PostgreSQL, {hosts} host(s): starting host process {i + 1}");
                children.Add(await HostProcessClient.StartAsync(connectionString));
            }

            await children[0].AskAsync("save", TimeSpan.FromMinutes(1));
            await AllAsync(children, _ => $"warmup {Warmup}", TimeSpan.FromMinutes(2));
            string File(int i) => Path.Combine(files, $"hosts{hosts}-{i}.txt");

            Report.Progress($"PostgreSQL, {hosts} host(s): starts");
            var starts = await WindowAsync(children, hosts, "starts", i => $"starts {Num(WindowSeconds)} {MaxOperations} {File(i)}", admin, server, database);

            // Enough waiting instances that no host runs out within its resume window (resumes may outrun starts).
            Report.Progress($"PostgreSQL, {hosts} host(s): more instances to resume (unmeasured)");
            var fill = (long)Math.Ceiling(starts.Count / (double)hosts / 2);
            if (!sizes.Smoke && fill > 0)
            {
                await AllAsync(children, i => $"fill {fill} {File(i)}", TimeSpan.FromMinutes(5));
            }

            // With two hosts, each resumes what the other started: the instance moves between hosts.
            Report.Progress($"PostgreSQL, {hosts} host(s): resumes");
            var resumes = await WindowAsync(children, hosts, "resumes", i => $"resumes {Num(WindowSeconds)} {MaxOperations} {File((i + 1) % hosts)}", admin, server, database);

            if (plans is not null)
            {
                Report.Progress("PostgreSQL: plans of the hot statements");
                plans.AddRange(await PostgresDiagnostics.HotPlansAsync(admin));
            }

            return [starts, resumes];
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
        }
    }

    private async Task<WindowResult> WindowAsync(List<HostProcessClient> children, int hosts, string operation, Func<int, string> command,
        NpgsqlConnection admin, PostgresServer server, string database)
    {
        await PostgresDiagnostics.ResetStatementsAsync(admin);
        await Task.Delay(StatisticsSettle);
        var counters = await ServerCounters.ReadAsync(admin);
        // The sampler sits in another database, so its own queries are not in this database's counters or statements.
        await using var sampler = await ActivitySampler.StartAsync(server.ConnectionString("postgres"), database);
        var before = ResourceReading.Take(_postmaster, _device);
        var answers = await AllAsync(children, command, TimeSpan.FromSeconds(WindowSeconds + 300));
        var use = ResourceUse.Between(before, ResourceReading.Take(_postmaster, _device));
        var waits = await sampler.StopAsync();
        await Task.Delay(StatisticsSettle);
        var delta = (await ServerCounters.ReadAsync(admin)).Minus(counters);
        var statements = await PostgresDiagnostics.TopStatementsAsync(admin, 10);
        var calls = await PostgresDiagnostics.TotalCallsAsync(admin);

        var meters = new MeterTotals();
        foreach (var answer in answers)
        {
            meters.Add(answer["meters"]!.AsObject());
        }

        var count = answers.Sum(a => (long)a["count"]!);
        // Counted over the longest host's window, so the sum is never over a shorter time than the hosts really ran.
        var seconds = answers.Max(a => (double)a["seconds"]!);
        var cores = answers.Select(a => a["ticks"] is { } t ? (double?)((long)t / (double)ProcStats.TicksPerSecond / (double)a["seconds"]!) : null).ToList();
        var left = answers.Sum(a => (long?)a["left"] ?? 0);
        return new WindowResult(hosts, operation, count, count / seconds, cores, use, delta, meters, waits, sampler.Samples, statements, calls, left);
    }

    /// <summary>Sends each host its command at once (so the measured windows overlap), then waits for all answers.</summary>
    private static async Task<JsonObject[]> AllAsync(List<HostProcessClient> children, Func<int, string> command, TimeSpan timeout)
    {
        await Task.WhenAll(children.Select((c, i) => c.SendAsync(command(i))));
        return await Task.WhenAll(children.Select(c => c.ReadAnswerAsync(timeout)));
    }

    private static async Task<NpgsqlConnection> OpenUnpooledAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- report

    private void Write(List<(string Name, string Value)> settings, List<BaselineResult> baselines, List<WindowResult> windows, List<(string Title, string Plan)> plans)
    {
        var raw1 = baselines[0].PerSecond;
        Report.Heading("PostgreSQL: server and method");
        Report.Line("A local PostgreSQL server (Debian's package, started by `PostgresServer` in a temporary folder, fsync on) with pg_stat_statements loaded and I/O timing on.");
        Report.Line($"Each engine host is this program in a process of its own (`dotnet AdviesRoute.Benchmarks.dll --postgres-host <connection string>`), a full engine host with its own writer, readers and Hangfire server, driven with {CallersPerHost} concurrent callers.");
        Report.Line("The parent sends every host its command at once, so the measured windows overlap, and sums their counts over the longest host's window.");
        Report.Line("Starts: Start -> WaitForSignal -> End to the bookmark. Resumes: of those instances, with a request id; with two hosts each host resumes what the other started.");
        Report.Line($"CPU from /proc at {ProcStats.TicksPerSecond} ticks/s ({(ProcStats.TicksRead ? "getconf CLK_TCK" : "assumed; getconf not available")}): a host = its process's utime+stime; the server = the postmaster's utime+stime+cutime+cstime plus utime+stime of its live children;");
        Report.Line($"the machine = busy share of all cores' time in /proc/stat ({Environment.ProcessorCount} cores = 100%). Disk = share of the window the data folder's device ({_device ?? "unknown"}) was busy (/proc/diskstats, field 13).");
        Report.Line("CPU ceiling = the operations per second this machine's cores could do at the window's CPU cost per operation (hosts + server), if nothing else ran and nothing waited.");
        Report.Line("Other processes' CPU = the machine's busy cores minus this benchmark's own (hosts, server, parent): what else ran on the machine meanwhile.");
        Report.Line("Transactions/s and WAL syncs/s are deltas of pg_stat_database (this database) and pg_stat_wal (the server).");
        Report.Line();
        Report.Table(["Setting", "Value"], settings.Select(s => new[] { s.Name, s.Value }));

        Report.Heading("PostgreSQL: raw commits (baseline)");
        Report.Line($"One INSERT of a 200-byte row per transaction (BEGIN, INSERT, COMMIT), each connection in a loop, {N(BaselineDuration.TotalSeconds)} s after {Warmup} warm-up commits per connection.");
        Report.Line();
        Report.Table(["Connections", "Commits/s", "To 1 connection", "Client CPU (cores)", "Server CPU (cores)", "Server CPU per commit", "Machine CPU busy", "Other processes' CPU (cores)", "Disk busy", "WAL syncs/s", "WAL sync mean", "Commits per WAL sync"],
            baselines.Select(b => new[]
            {
                N(b.Connections), N(b.PerSecond), $"{N(b.PerSecond / raw1, 2)}x", Cores(b.Use.ParentCores), Cores(b.Use.ServerCores), PerOp(b.Use.ServerCores, b.PerSecond),
                Percent(b.Use.MachineBusyPercent), Cores(Others(b.Use, b.Use.ParentCores)), Percent(b.Use.DiskBusyPercent), N(b.Counters.WalSyncs / b.Use.Seconds), SyncMean(b.Counters), b.Counters.WalSyncs > 0 ? N(b.Counters.Commits / (double)b.Counters.WalSyncs, 1) : "n/a",
            }));
        foreach (var b in baselines)
        {
            report.Figure($"PostgreSQL raw commits/s, {b.Connections} connection{(b.Connections == 1 ? "" : "s")}", $"{N(b.PerSecond)} /s", $"{N(b.PerSecond / raw1, 2)}x 1 connection");
        }

        Report.Heading("PostgreSQL: engine starts and resumes, each host in its own process");
        Report.Table(["Hosts", "Callers", "Operation", "Per second", "To raw, 1 connection", "To raw, as many connections", "Host CPU (cores, each host)", "Host CPU per operation",
            "Server CPU (cores)", "Server CPU per operation", "CPU ceiling", "Machine CPU busy", "Other processes' CPU (cores)", "Disk busy", "Transactions/s (with reads)", "WAL syncs/s", "WAL sync mean", "Deadlocks"],
            windows.Select(w =>
            {
                var same = baselines.First(b => b.Connections == w.Hosts * CallersPerHost).PerSecond;
                var hostCores = w.HostCores.Any(c => c is null) ? null : (double?)w.HostCores.Sum(c => c!.Value);
                return new[]
                {
                    N(w.Hosts), N(w.Hosts * CallersPerHost), w.Operation, N(w.PerSecond), $"{N(w.PerSecond / raw1, 2)}x", $"{N(w.PerSecond / same, 2)}x",
                    string.Join(" / ", w.HostCores.Select(Cores)), PerOp(hostCores, w.PerSecond), Cores(w.Use.ServerCores), PerOp(w.Use.ServerCores, w.PerSecond), Ceiling(hostCores + w.Use.ServerCores, w.PerSecond),
                    Percent(w.Use.MachineBusyPercent), Cores(Others(w.Use, hostCores + w.Use.ParentCores)), Percent(w.Use.DiskBusyPercent), N(w.Counters.Commits / w.Use.Seconds), N(w.Counters.WalSyncs / w.Use.Seconds), SyncMean(w.Counters), N(w.Counters.Deadlocks),
                };
            }));
        Report.Line();
        Report.Line("The machine's busy time by kind (share of all cores' time; steal = taken by the hypervisor for other machines):");
        Report.Line();
        Report.Table(["Window", "User", "System", "IRQ + softirq", "Steal"],
            baselines.Select(b => (Name: $"raw commits, {b.Connections} connection{(b.Connections == 1 ? "" : "s")}", b.Use))
                .Concat(windows.Select(w => (w.Name, w.Use)))
                .Select(x => x.Use.MachineSplit is { } m ? new[] { x.Name, Percent(m.User), Percent(m.System), Percent(m.Interrupts), Percent(m.Steal) } : [x.Name, "n/a", "n/a", "n/a", "n/a"]));
        if (windows.Any(w => w.Operation == "resumes" && w.Left == 0))
        {
            Report.Line();
            Report.Line("Note: a host ran out of waiting instances during a resume window (its window ended early).");
        }

        WriteMeters(windows);
        WriteWaits(windows);
        WriteStatements(windows.Where(w => w.Operation == "resumes").ToList());
        Report.Heading("Where a resume's time goes: plans of the hot statements");
        Report.Line("`EXPLAIN (ANALYZE, BUFFERS)` on the 2-host run's database after its windows, with the engine's SQL and parameters; the writes in a transaction that is rolled back.");
        foreach (var (title, plan) in plans)
        {
            Report.Line();
            Report.Line($"{title}:");
            Report.Line();
            Report.Line("```");
            Report.Line(plan);
            Report.Line("```");
        }

        WriteTargets(raw1, windows);
    }

    private static void WriteMeters(List<WindowResult> windows)
    {
        Report.Heading("Where a resume's time goes: the engine's meters (read in each host process)");
        Report.Line("Meter `AdviesRoute.Workflows`, read with a MeterListener in each host process over its measured window and summed over the hosts. Durations in ms; \"n/a\": the engine has no such instrument (yet) or recorded nothing.");
        Report.Line();
        var rows = new List<string[]>();
        List<string> Seen(string tag, string[] otherwise) =>
            windows.SelectMany(w => w.Meters.TagValues("workflow.db.calls", tag)).Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } seen ? seen : [.. otherwise];
        rows.Add(["Database calls per operation (workflow.db.calls)", .. windows.Select(w => PerOperation(w.Meters.Sum("workflow.db.calls"), w))]);
        foreach (var purpose in Seen("workflow.db.purpose", ["read", "write"]))
        {
            foreach (var block in Seen("workflow.db.blocking", ["true", "false"]))
            {
                rows.Add([$"- {purpose}, blocking={block}", .. windows.Select(w => PerOperation(w.Meters.Sum("workflow.db.calls", $"workflow.db.purpose={purpose}", $"workflow.db.blocking={block}"), w))]);
            }

            rows.Add([$"- {purpose}: call duration mean / p50 (workflow.db.call.duration)", .. windows.Select(w => MeanMedian(w.Meters, "workflow.db.call.duration", $"workflow.db.purpose={purpose}"))]);
        }

        rows.Add(["Burst duration mean / p50 (workflow.burst.duration)", .. windows.Select(w => MeanMedian(w.Meters, "workflow.burst.duration", $"workflow.operation={Singular(w.Operation)}"))]);
        rows.Add(["Instance load mean / p50 (workflow.instance.load.duration)", .. windows.Select(w => MeanMedian(w.Meters, "workflow.instance.load.duration"))]);
        rows.Add(["Commit wait mean / p50 (workflow.commit.wait)", .. windows.Select(w => MeanMedian(w.Meters, "workflow.commit.wait"))]);
        rows.Add(["Group commit mean / p50 (workflow.commit.duration)", .. windows.Select(w => MeanMedian(w.Meters, "workflow.commit.duration"))]);
        rows.Add(["Group commits per operation", .. windows.Select(w => PerOperation(w.Meters.Count("workflow.commit.duration"), w))]);
        rows.Add(["Bursts per group commit, mean (workflow.commit.batch_size)", .. windows.Select(w => w.Meters.Mean("workflow.commit.batch_size") is { } m ? N(m, 2) : "n/a")]);
        Report.Table(["Measure", .. windows.Select(w => w.Name)], rows);
    }

    private static void WriteWaits(List<WindowResult> windows)
    {
        Report.Heading("Where a resume's time goes: what the server's backends were doing (pg_stat_activity)");
        Report.Line("Sampled about every 10 ms during each window: every client backend of the benchmark's database (the sampler's own connection is in another database), as state; wait event.");
        Report.Line("Shares are of the samples of backends at work (in a transaction or running a statement); idle pooled connections are counted apart at the bottom.");
        Report.Line("`idle in transaction; Client: ClientRead` = the server waits for the host's next statement of an open transaction (a round trip); `active; no wait event` = executing on the CPU;");
        Report.Line("`Lock: transactionid`/`tuple` = waiting for another transaction's row lock; `IO: WALSync`/`LWLock: WALWrite` = waiting for the WAL flush (a commit).");
        Report.Line();
        static bool Idle(string key) => key.StartsWith("idle;", StringComparison.Ordinal);
        static double Working(WindowResult w) => w.Waits.Where(x => !Idle(x.Key)).Sum(x => x.Value);
        static double Share(WindowResult w, string key) => Working(w) == 0 ? 0 : w.Waits.GetValueOrDefault(key) / Working(w);
        var keys = windows.SelectMany(w => w.Waits.Keys).Where(k => !Idle(k)).Distinct().OrderByDescending(k => windows.Sum(w => Share(w, k))).ToList();
        var rows = keys.Select(k => new[] { k }.Concat(windows.Select(w => Percent(Share(w, k) * 100))).ToArray()).ToList();
        string PerSample(WindowResult w, Func<string, bool> which) => w.Samples > 0 ? N(w.Waits.Where(x => which(x.Key)).Sum(x => x.Value) / (double)w.Samples, 2) : "n/a";
        rows.Add(["Backends at work per sample (mean)", .. windows.Select(w => PerSample(w, k => !Idle(k)))]);
        rows.Add(["Idle backends per sample (mean)", .. windows.Select(w => PerSample(w, Idle))]);
        rows.Add(["Samples", .. windows.Select(w => N(w.Samples))]);
        Report.Table(["State; wait event (share of backends at work)", .. windows.Select(w => w.Name)], rows);
    }

    private static void WriteStatements(List<WindowResult> windows)
    {
        Report.Heading("Where a resume's time goes: statements (pg_stat_statements, resume windows)");
        Report.Line("Reset before each resume window; the statements of the benchmark's database by total execution time (server-side time only, not the round trip).");
        foreach (var w in windows)
        {
            Report.Line();
            Report.Line($"{w.Name}: {N(w.Count)} resumes; all statements of the database: {N(w.StatementCalls)} calls, {N(w.StatementCalls / (double)Math.Max(1, w.Count), 2)} per resume.");
            Report.Line();
            Report.Table(["Statement", "Calls", "Calls per resume", "Total ms", "Mean ms", "Rows per call"], w.Statements.Select(s => new[]
            {
                "`" + Shorten(s.Query) + "`", N(s.Calls), N(s.Calls / (double)Math.Max(1, w.Count), 2), N(s.TotalMs), N(s.MeanMs, 3), N(s.RowsPerCall, 2),
            }));
        }
    }

    private void WriteTargets(double raw1, List<WindowResult> windows)
    {
        WindowResult Find(int hosts, string operation) => windows.First(w => w.Hosts == hosts && w.Operation == operation);
        foreach (var operation in new[] { "starts", "resumes" })
        {
            var one = Find(1, operation);
            var two = Find(2, operation);
            report.Figure($"PostgreSQL, 1 host: {operation}", $"{N(one.PerSecond)} /s", $"{N(one.PerSecond / raw1, 2)}x raw commits (1 connection)");
            report.Figure($"PostgreSQL, 2 hosts: {operation}", $"{N(two.PerSecond)} /s", $"{N(two.PerSecond / raw1, 2)}x raw commits (1 connection); {N(two.PerSecond / one.PerSecond, 2)}x 1 host");
        }

        foreach (var operation in new[] { "starts", "resumes" })
        {
            var one = Find(1, operation);
            report.Target($"PostgreSQL, 1 host, {CallersPerHost} callers: {operation} >= 1.0x raw commits (1 connection)",
                $"{N(one.PerSecond)} /s = {N(one.PerSecond / raw1, 2)}x ({N(raw1)} /s)", one.PerSecond / raw1 >= 1.0);
        }

        foreach (var operation in new[] { "starts", "resumes" })
        {
            var one = Find(1, operation);
            var two = Find(2, operation);
            var pass = two.PerSecond / one.PerSecond >= 1.6;
            report.Target($"PostgreSQL, 2 hosts >= 1.6x 1 host: {operation}", $"{N(two.PerSecond / one.PerSecond, 2)}x ({N(two.PerSecond)} /s vs {N(one.PerSecond)} /s)", pass,
                pass ? "" : Exhausted(two, 1.6 * one.PerSecond));
        }
    }

    /// <summary>Which resource ran out in a window (at 90% or more of its capacity), with the figures.</summary>
    private static string Exhausted(WindowResult window, double needed)
    {
        var use = window.Use;
        var hosts = window.HostCores.Any(c => c is null) ? null : (double?)window.HostCores.Sum(c => c!.Value);
        var own = hosts + use.ServerCores + use.ParentCores;
        var ceiling = $"at this window's CPU per operation (hosts + server) {Environment.ProcessorCount} cores allow {Ceiling(hosts + use.ServerCores, window.PerSecond)}, the target needs {N(needed)} /s";
        string Verdict(double? percent) => percent is null ? "unknown" : percent >= 90 ? ">= 90%: ran out" : "< 90%";
        var steal = use.MachineSplit is { } m ? $", of which steal {Percent(m.Steal)}" : "";
        var cpu = $"machine CPU busy {Percent(use.MachineBusyPercent)} of {Environment.ProcessorCount} cores{steal} ({Verdict(use.MachineBusyPercent)})";
        var disk = $"disk busy {Percent(use.DiskBusyPercent)} ({Verdict(use.DiskBusyPercent)}), {N(window.Counters.WalSyncs / use.Seconds)} WAL syncs/s of {SyncMean(window.Counters)} each";
        var server = $"this benchmark's processes {Cores(own)} cores (hosts {string.Join(" + ", window.HostCores.Select(Cores))}, server {Cores(use.ServerCores)}), other processes {Cores(Others(use, own - use.ServerCores))} cores";
        return (use.MachineBusyPercent >= 90, use.DiskBusyPercent >= 90) switch
        {
            (true, _) => $"CPU ran out: {cpu}; {server}; {ceiling}; {disk}",
            (false, true) => $"disk ran out: {disk}; {cpu}; {server}; {ceiling}",
            _ => $"no resource at 90%: {cpu}; {disk}; {server}; {ceiling}",
        };
    }

    private static string PerOperation(double? value, WindowResult w) => value is null ? "n/a" : N(value.Value / Math.Max(1, w.Count), 2);

    private static string PerOperation(long? value, WindowResult w) => PerOperation((double?)value, w);

    private static string MeanMedian(MeterTotals meters, string instrument, params string[] tags) =>
        meters.Mean(instrument, tags) is { } mean ? $"{N(mean * 1000, 2)} / {N(meters.Median(instrument, tags)!.Value * 1000, 2)} ms" : "n/a";

    /// <summary>The machine's busy cores minus the server's and <paramref name="clients"/>' (null when a reading is missing).</summary>
    private static double? Others(ResourceUse use, double? clients) =>
        use.MachineBusyPercent is null || use.ServerCores is null || clients is null ? null
            : Math.Max(0, use.MachineBusyPercent.Value / 100 * Environment.ProcessorCount - use.ServerCores.Value - clients.Value);

    private static string Ceiling(double? cores, double perSecond) =>
        cores is null || cores <= 0 ? "n/a" : $"{N(Environment.ProcessorCount * perSecond / cores.Value)} /s";

    private static string SyncMean(ServerCounters c) => c.WalSyncs > 0 ? $"{N(c.WalSyncMs / c.WalSyncs, 2)} ms" : "n/a";

    private static string Singular(string operation) => operation.TrimEnd('s');

    private static string Cores(double? cores) => cores is null ? "n/a" : N(cores.Value, 2);

    private static string PerOp(double? cores, double perSecond) => cores is null || perSecond <= 0 ? "n/a" : $"{N(cores.Value / perSecond * 1_000_000)} us";

    private static string Percent(double? percent) => percent is null ? "n/a" : $"{N(percent.Value)}%";

    private static string Shorten(string query)
    {
        var flat = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return flat.Length <= 110 ? flat : flat[..107] + "...";
    }
}
