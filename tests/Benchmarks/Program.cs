using System.Globalization;
using AdviesRoute.Benchmarks.Pages;

namespace AdviesRoute.Benchmarks;

// The benchmarks: the engine's (absolute figures and ratios against raw SQLite commits measured in the same run, on the
// same file system with the same settings) and the pages' (the secretary's pages on years of seeded work, against plain
// SQL queries of comparable size on the same file). `--engine` or `--pages` runs one of them; without either, both.
// `--postgres` runs only the engine's PostgreSQL part (which the engine benchmark runs too). `--postgres-host <connection
// string>` is not for people: it makes this program one engine host process that the PostgreSQL part drives.
// `--smoke` runs tiny sizes and judges no target (the test script runs it so this program cannot rot). The full run
// prints PASS/FAIL per target but exits 0: it is a report, not a gate.
/// <summary>The entry point; in a namespace of its own, so it is not taken for the Host's <c>Program</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        if (args.Length == 2 && args[0] == "--postgres-host")
        {
            return await PostgresHostProcess.RunAsync(args[1]);
        }

        var smoke = args.Contains("--smoke");
        var postgres = args.Contains("--postgres");
        var keep = args.Contains("--keep");
        var engine = args.Contains("--engine") || !args.Contains("--pages");
        var pages = args.Contains("--pages") || !args.Contains("--engine");
        var folder = Directory.CreateTempSubdirectory("adviesroute-bench-").FullName;
        try
        {
            if (postgres)
            {
                await RunPostgresAsync(smoke ? Sizes.SmokeSizes : Sizes.Full, folder);
                return 0;
            }

            if (engine)
            {
                await new EngineBenchmark(smoke ? Sizes.SmokeSizes : Sizes.Full, folder).RunAsync();
            }

            if (pages)
            {
                var pagesFolder = Directory.CreateDirectory(Path.Combine(folder, "pages")).FullName;
                await new PagesBenchmark(smoke ? PagesSizes.SmokeSizes : PagesSizes.Full, pagesFolder).RunAsync();
            }

            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Benchmark crashed: {ex}");
            return 1;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // a file still open; the temp folder is cleaned by the system
                }
            }
        }
    }

    private static async Task RunPostgresAsync(Sizes sizes, string folder)
    {
        var report = new Report(sizes.Smoke);
        Report.Line($"# AdviesRoute engine benchmark, PostgreSQL part{(sizes.Smoke ? " (smoke mode: tiny sizes, no thresholds)" : "")}");
        Report.Heading("Environment");
        var environment = BenchEnvironment.Describe(folder).ToList();
        var load = BenchEnvironment.LoadAverage();
        environment.Add(("Load average (1/5/15 min) at the start", load));
        Report.Table(["", ""], environment.Select(e => new[] { e.Name, e.Value }));
        await new PostgresBenchmark(sizes, report).RunAsync();
        report.WriteSummary();
        Report.Line();
        Report.Line($"Load average at the start / end: {load} / {BenchEnvironment.LoadAverage()}");
    }
}
