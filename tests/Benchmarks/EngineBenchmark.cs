using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Benchmarks.Measure;
using WorkflowChannel = AdviesRoute.Workflows.Runtime.Channel;

namespace AdviesRoute.Benchmarks;

/// <summary>Runs every part in order and writes the report.</summary>
internal sealed class EngineBenchmark(Sizes sizes, string folder)
{
    /// <summary>Above this many raw commits per second the ratio targets are not meant to hold.</summary>
    private const double RatioTargetsBaselineLimit = 10_000;

    private static readonly Trigger StartTrigger = new("benchmark", WorkflowChannel.Api);

    private readonly Report _report = new(sizes.Smoke);
    private readonly ConcurrentQueue<(string InstanceId, string BookmarkId)> _waiting = new();
    private double _baseline;
    private double _starts8;
    private double _baselineCpu;
    private double _baselineFrames;
    private Throughput _start1;
    private Throughput _resume1;
    private string _loadStart = "";

    public async Task RunAsync()
    {
        Report.Line($"# AdviesRoute engine benchmark{(sizes.Smoke ? " (smoke mode: tiny sizes, no thresholds)" : "")}");
        Report.Heading("Environment");
        var environment = BenchEnvironment.Describe(folder).ToList();
        _loadStart = BenchEnvironment.LoadAverage();
        environment.Add(("Load average (1/5/15 min) at the start", _loadStart));
        Report.Table(["", ""], environment.Select(e => new[] { e.Name, e.Value }));

        await BaselineAsync();
        await using (var host = await StartHostAsync("engine.db"))
        {
            Report.Heading("SQLite settings of the engine's database (read back from a connection)");
            Report.Table(["", ""], BenchEnvironment.SqliteSettings(host.ConnectionString).Select(e => new[] { e.Name, e.Value }));
            await StartsAndResumesAsync(host);
            await SequenceAsync(host);
            await BreakdownAsync(host);
        }

        // ADVIESROUTE_BENCH_QUICK=1: only the baseline, starts, resumes and the sequence (for tuning the engine).
        if (Environment.GetEnvironmentVariable("ADVIESROUTE_BENCH_QUICK") != "1")
        {
            await MemoryAndLargeListingAsync();
            await SmallListingAsync();
            await SpreadTimersAsync();
            await BurstTimersAsync();
            await new PostgresBenchmark(sizes, _report).RunAsync();
        }

        _report.WriteSummary();
        Report.Line();
        Report.Line($"Load average at the start / end: {_loadStart} / {BenchEnvironment.LoadAverage()}");
        SqliteConnection.ClearAllPools();
    }

    private async Task<BenchHost> StartHostAsync(string database)
    {
        var host = await BenchHost.StartAsync(folder, database);
        await host.SaveAsync(Definitions.Wait());
        await host.SaveAsync(Definitions.Timer());
        return host;
    }

    // ---------------------------------------------------------------- baseline

    private Task BaselineAsync()
    {
        Report.Progress("baseline: raw SQLite commits");
        var connectionString = $"Data Source={Path.Combine(folder, "baseline.db")}";
        var mode = SqliteSetup.EnableWal(connectionString);
        using var connection = SqliteSetup.Open(connectionString);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Rows (Id INTEGER PRIMARY KEY, CreatedAt TEXT NOT NULL, Payload TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Rows (CreatedAt, Payload) VALUES ($at, $payload)";
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var text = new string('x', 200);

        void Commit()
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            at.Value = DateTime.UtcNow;
            payload.Value = text;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        // Warm up past the first WAL checkpoint (1,000 pages), so the WAL file has its steady size and a commit
        // no longer grows it; the engine's database reaches that state within its first seconds too.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < Math.Min(50, sizes.BaselineMaxCommits) || (!sizes.Smoke && warmup.Elapsed < TimeSpan.FromSeconds(3)); i++)
        {
            Commit();
        }

        var latencies = new List<double>();
        var cpu = Cpu();
        var stopwatch = Stopwatch.StartNew();
        while (latencies.Count < sizes.BaselineMaxCommits && stopwatch.Elapsed < sizes.BaselineDuration)
        {
            var t = Stopwatch.GetTimestamp();
            Commit();
            latencies.Add(Ms(t));
        }

        stopwatch.Stop();
        cpu = Cpu() - cpu;
        _baseline = latencies.Count / stopwatch.Elapsed.TotalSeconds;
        _baselineCpu = cpu.TotalMilliseconds * 1000 / latencies.Count;
        _baselineFrames = WalFramesPerCommit(connection, sizes.Smoke ? 50 : 500, Commit);
        var l = Latencies.Of(latencies);
        Report.Heading("Baseline: raw SQLite committed transactions");
        Report.Line("One connection opened with `SqliteSetup.Open` (the engine's pragmas), WAL, one INSERT of a 200-byte row per transaction, one thread,");
        Report.Line(sizes.Smoke ? "after 50 warm-up commits." : "after 3 s of warm-up commits (past the first WAL checkpoint).");
        Report.Line();
        Report.Table(["", ""],
        [
            ["journal_mode set / read back", mode],
            .. BenchEnvironment.SqliteSettings(connectionString).Where(s => s.Name.StartsWith("PRAGMA s", StringComparison.Ordinal)).Select(s => new[] { s.Name, s.Value }),
            ["Commits", N(latencies.Count)],
            ["Elapsed", $"{N(stopwatch.Elapsed.TotalSeconds, 2)} s"],
            ["Commits/s", N(_baseline)],
            ["Commit latency p50 / p99", $"{N(l.P50, 3)} ms / {N(l.P99, 3)} ms"],
            ["Process CPU per commit", $"{N(_baselineCpu, 1)} us"],
            ["WAL frames (4 KB pages) written per commit", N(_baselineFrames, 1)],
        ]);
        _report.Figure("Baseline: raw SQLite commits/s (1 connection, 1 row per transaction)", $"{N(_baseline)} /s", "1.00x");
        return Task.CompletedTask;
    }

    /// <summary>
    /// WAL frames (pages) one commit writes: the WAL is truncated, automatic checkpoints are switched off on this
    /// connection, <paramref name="commits"/> commits are made, and the frames in the WAL are counted.
    /// </summary>
    private static double WalFramesPerCommit(SqliteConnection connection, int commits, Action commit)
    {
        long Frames(string mode)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode})";
            using var reader = command.ExecuteReader();
            return reader.Read() ? reader.GetInt64(1) : -1;
        }

        using (var off = connection.CreateCommand())
        {
            off.CommandText = "PRAGMA wal_autocheckpoint=0";
            off.ExecuteNonQuery();
        }

        try
        {
            Frames("TRUNCATE");
            for (var i = 0; i < commits; i++)
            {
                commit();
            }

            return Frames("PASSIVE") / (double)commits;
        }
        finally
        {
            using var on = connection.CreateCommand();
            on.CommandText = "PRAGMA wal_autocheckpoint=1000";
            on.ExecuteNonQuery();
        }
    }

    private string Ratio(double value) => $"{N(value / _baseline, 2)}x baseline";

    private bool? RatioTarget(double value, double factor) => _baseline >= RatioTargetsBaselineLimit ? null : value / _baseline >= factor;

    private string RatioNote => _baseline >= RatioTargetsBaselineLimit ? "baseline >= 10,000 commits/s: ratio target does not apply" : "";

    // ---------------------------------------------------------------- starts and resumes

    private async Task StartsAndResumesAsync(BenchHost host)
    {
        var runtime = host.Runtime;
        for (var i = 0; i < sizes.Warmup; i++)
        {
            var s = await runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
            await runtime.ResumeAsync(s.InstanceId, s.Bookmarks[0].Id, null, ResumeTrigger());
        }

        async Task<bool> Start(long _)
        {
            var summary = await runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
            if (summary.Status != WorkflowStatus.Suspended || summary.Bookmarks.Count != 1)
            {
                throw new InvalidOperationException($"Start ended as {summary.Status} with {summary.Bookmarks.Count} bookmarks.");
            }

            _waiting.Enqueue((summary.InstanceId, summary.Bookmarks[0].Id));
            return true;
        }

        async Task<bool> Resume(long _)
        {
            if (!_waiting.TryDequeue(out var item))
            {
                return false;
            }

            var summary = await runtime.ResumeAsync(item.InstanceId, item.BookmarkId, new JsonObject { ["ok"] = true }, ResumeTrigger());
            if (summary.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"Resume ended as {summary.Status}.");
            }

            return true;
        }

        using var probe = WriterProbe.TryAttach(host.Services.GetRequiredService<GroupCommitWriter>());
        var perCommit = new Dictionary<string, string>();
        async Task<Throughput> Measured(string name, int callers, long max, Func<long, Task<bool>> operation)
        {
            Report.Progress(name);
            var commits = probe?.Commits ?? 0;
            var result = await ConcurrentAsync(callers, max, sizes.ThroughputDuration, operation);
            commits = (probe?.Commits ?? 0) - commits;
            perCommit[name] = probe is null || commits == 0 ? "n/a" : $"{N(commits)} ({N((double)result.Count / commits, 2)})";
            return result;
        }

        var start1 = await Measured("Starts, 1 caller", 1, sizes.MaxStarts, Start);
        var start8 = await Measured("Starts, 8 callers", 8, sizes.MaxStarts, Start);
        _starts8 = start8.PerSecond;
        _start1 = start1;

        var resume1 = await Measured("Resumes, 1 caller", 1, sizes.MaxResumes, Resume);
        _resume1 = resume1;

        // Enough waiting instances for the 8-caller run to last its full time (started unmeasured).
        var wanted = Math.Min(sizes.MaxResumes, (long)(Math.Max(start8.PerSecond, resume1.PerSecond) * 2 * sizes.ThroughputDuration.TotalSeconds));
        if (_waiting.Count < wanted)
        {
            Report.Progress($"starting {wanted - _waiting.Count} more instances to resume");
            await ConcurrentAsync(8, wanted - _waiting.Count, TimeSpan.FromMinutes(5), Start);
        }

        var resume8 = await Measured("Resumes, 8 callers", 8, sizes.MaxResumes, Resume);

        Report.Heading("Instances started to their first bookmark, and bookmark resumes (real engine)");
        Report.Line("`IWorkflowRuntime.StartAsync` of Start -> WaitForSignal -> End (each start commits the instance row, with its bookmark in the state, and four journal lines);");
        Report.Line("`IWorkflowRuntime.ResumeAsync` of such a waiting instance with a request id (it runs to End and commits). Callers are concurrent tasks.");
        Report.Line();
        Report.Table(["Run", "Operations", "Elapsed", "Per second", "Mean latency", "Process CPU per operation", "Writer transactions (bursts per transaction)", "Ratio to baseline"],
        [
            [.. Row("Starts, 1 caller", start1, 1), perCommit["Starts, 1 caller"], $"{N(start1.PerSecond / _baseline, 2)}x"],
            [.. Row("Starts, 8 callers", start8, 8), perCommit["Starts, 8 callers"], $"{N(start8.PerSecond / _baseline, 2)}x"],
            [.. Row("Resumes, 1 caller", resume1, 1), perCommit["Resumes, 1 caller"], $"{N(resume1.PerSecond / _baseline, 2)}x"],
            [.. Row("Resumes, 8 callers", resume8, 8), perCommit["Resumes, 8 callers"], $"{N(resume8.PerSecond / _baseline, 2)}x"],
        ]);
        Report.Line();
        Report.Line("Writer transactions are counted with a SQLite commit hook on the group-commit writer's connection (diagnostic).");

        _report.Figure("Starts to first bookmark, 1 caller", $"{N(start1.PerSecond)} /s", Ratio(start1.PerSecond));
        _report.Figure("Starts to first bookmark, 8 callers", $"{N(start8.PerSecond)} /s", Ratio(start8.PerSecond));
        _report.Figure("Bookmark resumes, 1 caller", $"{N(resume1.PerSecond)} /s", Ratio(resume1.PerSecond));
        _report.Figure("Bookmark resumes, 8 callers", $"{N(resume8.PerSecond)} /s", Ratio(resume8.PerSecond));
        _report.Target("Starts, 1 caller >= 0.5x baseline", Ratio(start1.PerSecond), RatioTarget(start1.PerSecond, 0.5), RatioNote);
        _report.Target("Starts, 8 callers >= 1.0x baseline", Ratio(start8.PerSecond), RatioTarget(start8.PerSecond, 1.0), RatioNote);
        _report.Target("Resumes, 1 caller >= 0.5x baseline", Ratio(resume1.PerSecond), RatioTarget(resume1.PerSecond, 0.5), RatioNote);
        _report.Target("Resumes, 8 callers >= 1.0x baseline", Ratio(resume8.PerSecond), RatioTarget(resume8.PerSecond, 1.0), RatioNote);
    }

    private string[] Row(string name, Throughput t, int callers) =>
        [name, N(t.Count), $"{N(t.Elapsed.TotalSeconds, 2)} s", N(t.PerSecond), $"{N(callers * 1000.0 / t.PerSecond, 2)} ms", $"{N(t.CpuMicrosecondsPerOperation)} us"];

    private static Trigger ResumeTrigger() => new("benchmark", WorkflowChannel.Api, Guid.NewGuid().ToString("N"));

    // ---------------------------------------------------------------- 10-activity sequence in memory

    private async Task SequenceAsync(BenchHost host)
    {
        var services = host.Services;
        var registry = services.GetRequiredService<ActivityRegistry>();
        var evaluator = services.GetRequiredService<IExpressionEvaluator>();
        var validator = services.GetRequiredService<DefinitionValidator>();

        CompiledDefinition Compile(string json, string recordId)
        {
            var model = DefinitionParser.Parse(json);
            validator.EnsureValid(model);
            model.Version = 1;
            return new CompiledDefinition(recordId, model, registry);
        }

        var withExpressions = Compile(Definitions.Sequence(), Definitions.SequenceId + ":v1");
        var literals = Compile(Definitions.LiteralSequence(), Definitions.LiteralSequenceId + ":v1");

        async Task<(Latencies Latencies, long Runs, long AllocatedPerRun)> Run(CompiledDefinition definition)
        {
            var trigger = new Trigger("benchmark", WorkflowChannel.Api);
            var now = DateTimeOffset.UtcNow;
            async Task Once()
            {
                var burst = new Burst(definition, "0190f0f0f0f07000800000000000bench", new InstanceState(), trigger, now, evaluator, services, 10_000);
                burst.StartAt(definition.StartNodeId);
                await burst.RunAsync();
                var result = burst.Finish();
                if (result.Status != WorkflowStatus.Finished || result.State.Variables.Count != 4 && result.State.Variables.Count != 8)
                {
                    throw new InvalidOperationException($"Sequence ended as {result.Status} with {result.State.Variables.Count} variables.");
                }
            }

            for (var i = 0; i < sizes.SequenceWarmup; i++)
            {
                await Once();
            }

            FullCollect();
            var samples = new List<double>(sizes.SequenceRuns);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            while (samples.Count < sizes.SequenceRuns && stopwatch.Elapsed < sizes.SequenceDuration)
            {
                var t = Stopwatch.GetTimestamp();
                await Once();
                samples.Add(Ms(t) * 1000);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            return (Latencies.Of(samples), samples.Count, allocated / samples.Count);
        }

        Report.Progress("10-activity sequence in memory");
        var expr = await Run(withExpressions);
        var lit = await Run(literals);
        Report.Heading("10-activity sequence in process, no persistence");
        Report.Line("`Burst` run directly on a compiled definition (`StartAt`, `RunAsync`, `Finish`), after a warm-up, one thread.");
        Report.Line("With expressions: Start, SetVariable, Decision, SetVariable (expression), Decision, SetVariable, Decision, SetVariable (expression), Decision, End —");
        Report.Line("six JavaScript evaluations per run. Literals: Start, 8 SetVariable with literal values, End — no JavaScript.");
        Report.Line();
        Report.Table(["Definition", "Runs", "Mean", "p50", "p99", "Allocated per run"],
        [
            ["With expressions (4 Decision + 2 expression SetVariable)", N(expr.Runs), $"{N(expr.Latencies.Mean, 1)} us", $"{N(expr.Latencies.P50, 1)} us", $"{N(expr.Latencies.P99, 1)} us", $"{N(expr.AllocatedPerRun / 1024.0, 1)} KB"],
            ["Literals only (8 SetVariable)", N(lit.Runs), $"{N(lit.Latencies.Mean, 1)} us", $"{N(lit.Latencies.P50, 1)} us", $"{N(lit.Latencies.P99, 1)} us", $"{N(lit.AllocatedPerRun / 1024.0, 1)} KB"],
        ]);
        _report.Figure("10-activity sequence with expressions, mean / p50", $"{N(expr.Latencies.Mean, 1)} us / {N(expr.Latencies.P50, 1)} us");
        _report.Figure("10-activity sequence literals only, mean / p50", $"{N(lit.Latencies.Mean, 1)} us / {N(lit.Latencies.P50, 1)} us");
        _report.Target("10-activity sequence (with expressions) <= 100 us", $"mean {N(expr.Latencies.Mean, 1)} us, p50 {N(expr.Latencies.P50, 1)} us",
            expr.Latencies.Mean <= 100 && expr.Latencies.P50 <= 100, "mean and p50");
        _report.Target("10-activity sequence (literals only) <= 100 us", $"mean {N(lit.Latencies.Mean, 1)} us, p50 {N(lit.Latencies.P50, 1)} us",
            lit.Latencies.Mean <= 100 && lit.Latencies.P50 <= 100, "mean and p50");
    }

    // ---------------------------------------------------------------- where the time of one start/resume goes

    private async Task BreakdownAsync(BenchHost host)
    {
        Report.Progress("breakdown of one start and one resume");
        var services = host.Services;
        var cache = services.GetRequiredService<DefinitionCache>();
        var readers = services.GetRequiredService<ReaderPool>();
        var evaluator = services.GetRequiredService<IExpressionEvaluator>();
        var definition = cache.GetForStart(Definitions.WaitId, null);
        var runs = sizes.Smoke ? 200 : 5_000;

        double Time(Action action)
        {
            for (var i = 0; i < Math.Min(200, runs); i++)
            {
                action();
            }

            var samples = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var t = Stopwatch.GetTimestamp();
                action();
                samples[i] = Ms(t) * 1000;
            }

            Array.Sort(samples);
            return Latencies.Percentile(samples, 0.5);
        }

        BurstResult? last = null;
        var lookup = Time(() => cache.GetForStart(Definitions.WaitId, null));
        var burstUs = Time(() =>
        {
            var burst = new Burst(definition, Guid.CreateVersion7().ToString("N"), new InstanceState(), StartTrigger, DateTimeOffset.UtcNow, evaluator, services, 10_000);
            burst.StartAt(definition.StartNodeId);
            burst.RunAsync().AsTask().GetAwaiter().GetResult();
            last = burst.Finish();
        });
        var stateJson = JsonSerializer.Serialize(last!.State, WorkflowJson.Options);
        var serialize = Time(() => JsonSerializer.Serialize(last.State, WorkflowJson.Options));
        var deserialize = Time(() => JsonSerializer.Deserialize<InstanceState>(stateJson, WorkflowJson.Options));
        var journalJson = Time(() =>
        {
            foreach (var entry in last.Journal)
            {
                _ = entry.Data?.ToJsonString();
            }
        });

        // A waiting instance to load, as a resume does.
        var summary = await host.Runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
        var load = Time(() => readers.LoadInstance(summary.InstanceId));
        var requestApplied = Time(() => readers.RequestAppliedAsync(summary.InstanceId, "no-such-request").AsTask().GetAwaiter().GetResult());
        var commitMs = 1000.0 / _baseline;

        Report.Heading("Pieces of one start and one resume in process (p50)");
        Report.Line("The pieces the runtime does around the commit, timed on their own, against one raw commit from the baseline.");
        Report.Line();
        Report.Table(["Piece", "p50"],
        [
            ["Definition lookup (`DefinitionCache.GetForStart`: the published version, remembered for 2 s)", $"{N(lookup, 1)} us"],
            ["Burst in memory (Start -> WaitForSignal, `Burst` + `Finish`)", $"{N(burstUs, 1)} us"],
            [$"State serialization (`InstanceState`, {N(stateJson.Length)} bytes of JSON)", $"{N(serialize, 1)} us"],
            ["State deserialization (a resume's load)", $"{N(deserialize, 1)} us"],
            ["Journal data to JSON (4 entries)", $"{N(journalJson, 1)} us"],
            ["Instance row load (`ReaderPool.LoadInstance`, a resume)", $"{N(load, 1)} us"],
            ["Request-id check (`ReaderPool.RequestApplied`, a resume with a request id)", $"{N(requestApplied, 1)} us"],
            ["One raw commit (1 / baseline commits/s)", $"{N(commitMs * 1000, 1)} us"],
        ]);

        // The same start written three ways, one caller, to split the time of a start between the rows it writes,
        // the fsync, the group-commit writer, and the runtime around it.
        Report.Progress("breakdown: writing a start's rows directly, through the writer, and through the runtime");
        var writer = services.GetRequiredService<GroupCommitWriter>();
        var max = sizes.Smoke ? 200 : 1_000_000;
        var duration = sizes.Smoke ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);

        BurstResult NewStart(out DateTimeOffset now)
        {
            now = DateTimeOffset.UtcNow;
            var burst = new Burst(definition, Guid.CreateVersion7(now).ToString("N"), new InstanceState(), StartTrigger, now, evaluator, services, 10_000);
            burst.JournalTrigger(AdviesRoute.Workflows.Journal.JournalKinds.InstanceStarted, null, null, new JsonObject { ["definitionId"] = definition.DefinitionId, ["version"] = definition.Version });
            burst.StartAt(definition.StartNodeId);
            burst.RunAsync().AsTask().GetAwaiter().GetResult();
            return burst.Finish();
        }

        Throughput Direct(string synchronous)
        {
            using var connection = SqliteSetup.Open(host.ConnectionString);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA synchronous={synchronous}";
                pragma.ExecuteNonQuery();
            }

            using var rows = new StartRows(connection);
            var cpu = Cpu();
            var stopwatch = Stopwatch.StartNew();
            long count = 0;
            while (count < max && stopwatch.Elapsed < duration)
            {
                rows.Write(NewStart(out var now), definition, now);
                count++;
            }

            return new Throughput(count, stopwatch.Elapsed, Cpu() - cpu);
        }

        var directFull = Direct("FULL");
        var directOff = Direct("OFF");
        double startFrames;
        using (var connection = SqliteSetup.Open(host.ConnectionString))
        {
            using var rows = new StartRows(connection);
            startFrames = WalFramesPerCommit(connection, sizes.Smoke ? 50 : 500, () => rows.Write(NewStart(out var now), definition, now));
        }

        var viaWriter = await SequentialAsync(max, duration, async () =>
        {
            var result = NewStart(out var now);
            var outcome = await writer.CommitAsync(new CommitRequest { Burst = result, ExpectedRevision = null, Definition = definition, Now = now });
            if (outcome != CommitOutcome.Committed)
            {
                throw new InvalidOperationException($"Commit outcome {outcome}.");
            }
        });
        var viaRuntime = await SequentialAsync(max, duration, () => host.Runtime.StartAsync(Definitions.WaitId, null, StartTrigger));

        Report.Heading("Where the time of one start goes: the same start written four ways (1 caller, sequential)");
        Report.Line("Direct = the writer's own SQL for a start (instance row and four journal lines) in one transaction on a");
        Report.Line("connection of this program, no hand-off. Writer = `GroupCommitWriter.CommitAsync` of a prebuilt start burst (the caller leads the commit");
        Report.Line("on its own thread). Runtime = `IWorkflowRuntime.StartAsync` (definition lookup + burst + writer). Same database, same moment.");
        Report.Line();
        string[] Way(string name, Throughput t) =>
            [name, N(t.PerSecond), $"{N(1000.0 / t.PerSecond, 3)} ms", $"{N(t.CpuMicrosecondsPerOperation)} us", $"{N(t.PerSecond / _baseline, 2)}x"];
        Report.Line($"WAL frames (4 KB pages) one commit writes: a start's rows {N(startFrames, 1)}, the baseline's one row {N(_baselineFrames, 1)}");
        Report.Line("(counted on the same connections with automatic checkpoints switched off for the count).");
        Report.Line();
        Report.Table(["Way", "Per second", "Mean latency", "Process CPU per operation", "Ratio to baseline"],
        [
            ["Baseline: raw commit of one 200-byte row", N(_baseline), $"{N(1000.0 / _baseline, 3)} ms", $"{N(_baselineCpu)} us", "1.00x"],
            Way("Direct, synchronous=FULL", directFull),
            Way("Direct, synchronous=OFF (no fsync: the SQL work alone)", directOff),
            Way("Through GroupCommitWriter (synchronous=FULL)", viaWriter),
            Way("Through IWorkflowRuntime.StartAsync", viaRuntime),
            Way("(for comparison) starts, 1 caller, from the run above", _start1),
            Way("(for comparison) resumes, 1 caller, from the run above", _resume1),
        ]);
        _report.Figure("Start's rows written directly, 1 caller (synchronous=FULL / OFF)", $"{N(directFull.PerSecond)} /s / {N(directOff.PerSecond)} /s", $"{N(directFull.PerSecond / _baseline, 2)}x / {N(directOff.PerSecond / _baseline, 2)}x baseline");
        _report.Figure("Start through GroupCommitWriter only, 1 caller", $"{N(viaWriter.PerSecond)} /s", Ratio(viaWriter.PerSecond));
        _report.Figure("WAL frames per commit: a start's rows / the baseline's row", $"{N(startFrames, 1)} / {N(_baselineFrames, 1)}", $"{N(startFrames / _baselineFrames, 1)}x");
    }

    /// <summary>The group-commit writer's statements for a new instance, run on a connection of our own.</summary>
    private sealed class StartRows : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _instance;
        private readonly SqliteCommand _journal;
        private readonly SqliteCommand _plain;

        public StartRows(SqliteConnection connection)
        {
            _connection = connection;
            _instance = Command("INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersion, DefinitionRecordId, Status, Revision, StateJson, CreatedAt, UpdatedAt, FinishedAt) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)", 10);
            _journal = Command("INSERT INTO Journal (InstanceId, Sequence, At, Kind, ActivityId, ActivityType, Outcome, Actor, Channel, RequestId, DataJson) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)", 11);
            _plain = connection.CreateCommand();
        }

        private SqliteCommand Command(string sql, int parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            return command;
        }

        private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
        {
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        private void Exec(string sql, SqliteTransaction transaction)
        {
            _plain.CommandText = sql;
            _plain.Transaction = transaction;
            _plain.ExecuteNonQuery();
        }

        public void Write(BurstResult burst, CompiledDefinition definition, DateTimeOffset at)
        {
            var now = at.UtcDateTime;
            using var transaction = _connection.BeginTransaction(deferred: false);
            var stateJson = JsonSerializer.Serialize(burst.State, WorkflowJson.Options);
            Run(_instance, transaction, burst.InstanceId, definition.DefinitionId, definition.Version, definition.RecordId, burst.Status.ToString(), 1L, stateJson, now, now, null);
            foreach (var entry in burst.Journal)
            {
                Run(_journal, transaction, burst.InstanceId, entry.Sequence, entry.At.UtcDateTime, entry.Kind, entry.ActivityId, entry.ActivityType, entry.Outcome, entry.Actor, entry.Channel.ToString(), entry.RequestId, entry.Data?.ToJsonString());
            }

            transaction.Commit();
        }

        public void Dispose()
        {
            _instance.Dispose();
            _journal.Dispose();
            _plain.Dispose();
        }
    }

    // ---------------------------------------------------------------- memory, and listing at the large size

    private async Task MemoryAndLargeListingAsync()
    {
        await using var host = await StartHostAsync("memory.db");
        FullCollect();
        var before = Process.GetCurrentProcess();
        var workingSetBefore = before.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        Report.Progress($"memory: starting {N(sizes.MemoryInstances)} instances with 8 callers");
        var runtime = host.Runtime;
        var started = await ConcurrentAsync(8, sizes.MemoryInstances, TimeSpan.FromHours(1), async _ =>
        {
            var summary = await runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
            return summary.Status == WorkflowStatus.Suspended ? true : throw new InvalidOperationException($"Start ended as {summary.Status}.");
        });
        var suspended = host.Scalar("SELECT COUNT(*) FROM WorkflowInstances WHERE Status = 'Suspended'");
        FullCollect();
        var after = Process.GetCurrentProcess();
        after.Refresh();
        var workingSet = after.WorkingSet64;
        var peak = after.PeakWorkingSet64;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo();
        var dbSize = new FileInfo(host.DatabasePath).Length + (File.Exists(host.DatabasePath + "-wal") ? new FileInfo(host.DatabasePath + "-wal").Length : 0);

        Report.Heading($"Process memory after {N(sizes.MemoryInstances)} suspended instances");
        Report.Line("Started through `IWorkflowRuntime.StartAsync` by 8 concurrent callers on a fresh host and database; read after a full, compacting GC.");
        Report.Line("The whole process is measured: the engine host, Hangfire, EF Core, the SQLite page caches of the writer and reader connections.");
        Report.Line();
        Report.Table(["", ""],
        [
            ["Instances started / suspended in the database", $"{N(started.Count)} / {N(suspended)}"],
            ["Start rate during this run (8 callers)", $"{N(started.PerSecond)} /s ({Ratio(started.PerSecond)})"],
            ["Working set before / after", $"{Mb(workingSetBefore)} / {Mb(workingSet)}"],
            ["Peak working set (whole run so far)", Mb(peak)],
            ["GC heap (GC.GetTotalMemory after full GC) before / after", $"{Mb(heapBefore)} / {Mb(heap)}"],
            ["GC heap size (GCMemoryInfo.HeapSizeBytes) / committed", $"{Mb(info.HeapSizeBytes)} / {Mb(info.TotalCommittedBytes)}"],
            ["Database file + WAL", Mb(dbSize)],
        ]);
        _report.Figure($"Working set after {N(sizes.MemoryInstances)} suspended instances", Mb(workingSet), $"GC heap {Mb(heap)}");
        _report.Figure($"Starts/s while starting {N(sizes.MemoryInstances)} instances (8 callers)", $"{N(started.PerSecond)} /s", Ratio(started.PerSecond));
        _report.Target($"Memory after {N(sizes.MemoryInstances)} suspended instances < 300 MB", $"working set {Mb(workingSet)}, GC heap {Mb(heap)}",
            workingSet < 300L * 1024 * 1024, "working set");

        if (suspended < sizes.ListLarge)
        {
            Report.Progress($"listing: topping up to {N(sizes.ListLarge)} instances");
            await ConcurrentAsync(8, sizes.ListLarge - suspended, TimeSpan.FromHours(1), async _ =>
            {
                await runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
                return true;
            });
        }

        _listLarge = await ListingAsync(host, sizes.ListLarge);
    }

    private ListingResult? _listLarge;

    private sealed record ListingResult(long Instances, Latencies First, Latencies Deep, long DeepRows);

    // ---------------------------------------------------------------- listing at the small size, and the comparison

    private async Task SmallListingAsync()
    {
        await using var host = await StartHostAsync("list.db");
        Report.Progress($"listing: starting {N(sizes.ListSmall)} instances");
        var runtime = host.Runtime;
        await ConcurrentAsync(8, sizes.ListSmall, TimeSpan.FromHours(1), async _ =>
        {
            await runtime.StartAsync(Definitions.WaitId, null, StartTrigger);
            return true;
        });
        var small = await ListingAsync(host, sizes.ListSmall);
        var large = _listLarge!;

        Report.Heading("Listing a page of instances (`InstanceList.PageAsync`, 50 per page, newest first)");
        Report.Line($"Each call in its own DI scope (a new `WorkflowDbContext`), as a request would; {sizes.ListCalls} calls each after 20 warm-up calls.");
        Report.Line("The deep page is reached by walking the cursor (200 per page) to the middle of the list.");
        Report.Line();
        string[] Line(string name, ListingResult r, Latencies l, bool deep) =>
            [name, N(r.Instances), deep ? N(r.DeepRows) : "0", $"{N(l.P50, 2)} ms", $"{N(l.P99, 2)} ms", $"{N(l.Max, 2)} ms"];
        Report.Table(["Page", "Instances stored", "Rows before the page", "p50", "p99", "max"],
        [
            Line("First page", small, small.First, false),
            Line("First page", large, large.First, false),
            Line("Deep page (cursor)", small, small.Deep, true),
            Line("Deep page (cursor)", large, large.Deep, true),
        ]);

        var worstP99 = new[] { small.First.P99, small.Deep.P99, large.First.P99, large.Deep.P99 }.Max();
        var firstRatio50 = large.First.P50 / small.First.P50;
        var deepRatio50 = large.Deep.P50 / small.Deep.P50;
        var firstRatio99 = large.First.P99 / small.First.P99;
        var deepRatio99 = large.Deep.P99 / small.Deep.P99;
        var label = $"{N(sizes.ListLarge)}/{N(sizes.ListSmall)}";
        _report.Figure($"Page of 50, first page p50 / p99 at {N(sizes.ListSmall)} instances", $"{N(small.First.P50, 2)} ms / {N(small.First.P99, 2)} ms");
        _report.Figure($"Page of 50, first page p50 / p99 at {N(sizes.ListLarge)} instances", $"{N(large.First.P50, 2)} ms / {N(large.First.P99, 2)} ms", $"{label}: p50 {N(firstRatio50, 2)}x, p99 {N(firstRatio99, 2)}x");
        _report.Figure($"Page of 50, deep page p50 / p99 at {N(sizes.ListSmall)} instances", $"{N(small.Deep.P50, 2)} ms / {N(small.Deep.P99, 2)} ms");
        _report.Figure($"Page of 50, deep page p50 / p99 at {N(sizes.ListLarge)} instances", $"{N(large.Deep.P50, 2)} ms / {N(large.Deep.P99, 2)} ms", $"{label}: p50 {N(deepRatio50, 2)}x, p99 {N(deepRatio99, 2)}x");
        _report.Target("Page p99 <= 50 ms (worst of the four)", $"{N(worstP99, 2)} ms", worstP99 <= 50);
        _report.Target($"{label} within 1.5x, p50 (first and deep page)", $"first {N(firstRatio50, 2)}x, deep {N(deepRatio50, 2)}x", firstRatio50 <= 1.5 && deepRatio50 <= 1.5);
        _report.Target($"{label} within 1.5x, p99 (first and deep page)", $"first {N(firstRatio99, 2)}x, deep {N(deepRatio99, 2)}x", firstRatio99 <= 1.5 && deepRatio99 <= 1.5,
            "p99 of a sub-millisecond call is sensitive to single GC pauses");
    }

    private async Task<ListingResult> ListingAsync(BenchHost host, long instances)
    {
        Report.Progress($"listing with {N(instances)} instances");
        var stored = host.Scalar("SELECT COUNT(*) FROM WorkflowInstances");
        var filter = new InstanceFilter();

        // Walk to the middle with the largest page size.
        string? cursor = null;
        long skipped = 0;
        while (skipped < stored / 2)
        {
            var page = await host.WithDbAsync(db => InstanceList.PageAsync(db, filter, cursor, InstanceList.MaxPageSize));
            skipped += page.Items.Count;
            cursor = page.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        async Task<Latencies> Time(string? at)
        {
            for (var i = 0; i < 20; i++)
            {
                await host.WithDbAsync(db => InstanceList.PageAsync(db, filter, at, 50));
            }

            var samples = new List<double>(sizes.ListCalls);
            for (var i = 0; i < sizes.ListCalls; i++)
            {
                var t = Stopwatch.GetTimestamp();
                var page = await host.WithDbAsync(db => InstanceList.PageAsync(db, filter, at, 50));
                samples.Add(Ms(t));
                if (page.Items.Count != 50)
                {
                    throw new InvalidOperationException($"A page had {page.Items.Count} items.");
                }
            }

            return Latencies.Of(samples);
        }

        var first = await Time(null);
        var deep = await Time(cursor);
        return new ListingResult(stored, first, deep, skipped);
    }

    // ---------------------------------------------------------------- timers

    /// <summary>How long before the first due moment the timers are started, so all exist before any falls due.</summary>
    private TimeSpan Lead(int timers) => TimeSpan.FromSeconds(Math.Max(2, timers / Math.Max(1, _starts8) * 2.5 + 1.5));

    private static async Task<Dictionary<string, DateTimeOffset>> StartTimersAsync(BenchHost host, int count, Func<int, DateTimeOffset> due)
    {
        var runtime = host.Runtime;
        var instances = new ConcurrentDictionary<string, DateTimeOffset>();
        await ConcurrentAsync(8, count, TimeSpan.FromHours(1), async n =>
        {
            var at = due((int)n);
            var summary = await runtime.StartAsync(Definitions.TimerId, new JsonObject { ["due"] = at.ToString("O", CultureInfo.InvariantCulture) }, StartTrigger);
            if (summary.Status != WorkflowStatus.Suspended || summary.Bookmarks.Single().DueAt != at)
            {
                throw new InvalidOperationException($"Timer start ended as {summary.Status}, due {(summary.Bookmarks.Count > 0 ? summary.Bookmarks[0].DueAt : null):O} instead of {at:O}.");
            }

            instances[summary.InstanceId] = at;
            return true;
        });
        return new Dictionary<string, DateTimeOffset>(instances);
    }

    /// <summary>When each timer fired: the journal's At of the BookmarkResumed line written through the Timer channel.</summary>
    private static Dictionary<string, DateTimeOffset> FiredAt(BenchHost host) => host.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT InstanceId, At FROM Journal WHERE Kind = 'BookmarkResumed' AND Channel = 'Timer'";
        using var reader = command.ExecuteReader();
        var fired = new Dictionary<string, DateTimeOffset>();
        while (reader.Read())
        {
            fired[reader.GetString(0)] = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        }

        return fired;
    });

    private static async Task<DateTimeOffset?> WaitUntilNoTimersAsync(BenchHost host, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (host.Scalar("SELECT COUNT(*) FROM Timers") == 0)
            {
                return DateTimeOffset.UtcNow;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private async Task SpreadTimersAsync()
    {
        await using var host = await StartHostAsync("timers-spread.db");
        var count = sizes.SpreadTimers;
        var step = sizes.SpreadOver / count;
        var first = DateTimeOffset.UtcNow + Lead(count);
        Report.Progress($"timers: {N(count)} falling due over {sizes.SpreadOver.TotalSeconds} s from {first:HH:mm:ss.fff}");
        var due = await StartTimersAsync(host, count, i => first + step * i);
        var createdBy = DateTimeOffset.UtcNow;
        var lastDue = due.Values.Max();
        var done = await WaitUntilNoTimersAsync(host, lastDue + TimeSpan.FromSeconds(sizes.Smoke ? 20 : 60));
        var fired = FiredAt(host);
        var lateness = due.Where(d => fired.ContainsKey(d.Key)).Select(d => (fired[d.Key] - d.Value).TotalMilliseconds).ToList();
        var early = lateness.Count(l => l < 0);
        var createdLate = due.Count(d => d.Value < createdBy);
        var l = lateness.Count > 0 ? Latencies.Of(lateness) : new Latencies(0, double.NaN, double.NaN, double.NaN, double.NaN);

        Report.Heading($"Timers: {N(count)} falling due spread over {sizes.SpreadOver.TotalSeconds} s (real clock)");
        Report.Line("Start -> Timer (`at` = input.due, one every " + N(step.TotalMilliseconds) + " ms) -> End. Lateness = the journal's At of the");
        Report.Line("`BookmarkResumed` line with channel Timer (when the resume burst ran) minus the due moment. Default sweep poll (250 ms), Hangfire in-memory storage with " + BenchHost.HangfireWorkers + " workers.");
        Report.Line();
        Report.Table(["", ""],
        [
            ["Timers started / fired", $"{N(count)} / {N(fired.Count)}"],
            ["All created before the first fell due", createdLate == 0 ? "yes" : $"no: {createdLate} were due before all were created"],
            ["Fired before due (should be 0)", N(early)],
            ["Lateness p50 / p99 / max", $"{N(l.P50)} ms / {N(l.P99)} ms / {N(l.Max)} ms"],
            ["Last timer fired after the last due moment", done is null ? "not all fired in time" : $"{N((done.Value - lastDue).TotalMilliseconds)} ms (observed by polling every 50 ms)"],
        ]);
        _report.Figure($"Timer lateness p50 / p99 ({N(count)} over {sizes.SpreadOver.TotalSeconds} s)", $"{N(l.P50)} ms / {N(l.P99)} ms");
        _report.Target("Timer lateness p99 <= 2 s", $"{N(l.P99)} ms ({N(fired.Count)} of {N(count)} fired)", fired.Count == count && l.P99 <= 2000 && early == 0);
    }

    private async Task BurstTimersAsync()
    {
        await using var host = await StartHostAsync("timers-burst.db");
        var count = sizes.BurstTimers;
        var due = DateTimeOffset.UtcNow + Lead(count);
        Report.Progress($"timers: {N(count)} falling due at once at {due:HH:mm:ss.fff}");
        var instances = await StartTimersAsync(host, count, _ => due);
        var createdBy = DateTimeOffset.UtcNow;
        var done = await WaitUntilNoTimersAsync(host, due + TimeSpan.FromSeconds(sizes.Smoke ? 30 : 300));
        var fired = FiredAt(host).Where(f => instances.ContainsKey(f.Key)).Select(f => f.Value).ToList();
        var lastFired = fired.Count > 0 ? fired.Max() : due;
        var firstFired = fired.Count > 0 ? fired.Min() : due;
        var drain = lastFired - due;
        var rate = fired.Count / Math.Max(drain.TotalSeconds, 0.001);

        Report.Heading($"Timers: {N(count)} falling due at once (real clock)");
        Report.Line("All started with the same `at`; drain = from the due moment until the last one's resume burst ran (journal At).");
        Report.Line();
        Report.Table(["", ""],
        [
            ["Timers started / fired", $"{N(count)} / {N(fired.Count)}"],
            ["All created before they fell due", createdBy <= due ? "yes" : $"no: creation ended {N((createdBy - due).TotalMilliseconds)} ms after the due moment"],
            ["First fired after due", $"{N((firstFired - due).TotalMilliseconds)} ms"],
            ["Last fired after due (drain time)", $"{N(drain.TotalMilliseconds)} ms"],
            ["Timers table empty (polled every 50 ms)", done is null ? "not within the time limit" : $"{N((done.Value - due).TotalMilliseconds)} ms after due"],
            ["Drain rate", $"{N(rate)} timers/s ({Ratio(rate)})"],
        ]);
        _report.Figure($"Timer drain, {N(count)} due at once", $"{N(rate)} timers/s", Ratio(rate));
        _report.Target("Drain >= 1,000 timers/s", $"{N(rate)} timers/s ({N(fired.Count)} of {N(count)} fired)", fired.Count == count && rate >= 1000 && createdBy <= due);
    }
}
