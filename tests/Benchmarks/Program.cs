using System.Globalization;
using AdviesRoute.Benchmarks.Pages;

namespace AdviesRoute.Benchmarks;

// The benchmarks: the engine's (absolute figures and ratios against raw SQLite commits measured in the same run, on the
// same file system with the same settings) and the pages' (the secretary's pages on years of seeded work, against plain
// SQL queries of comparable size on the same file). `--engine` or `--pages` runs one of them; without either, both.
// `--smoke` runs tiny sizes and judges no target (the test script runs it so this program cannot rot). The full run
// prints PASS/FAIL per target but exits 0: it is a report, not a gate.
/// <summary>The entry point; in a namespace of its own, so it is not taken for the Host's <c>Program</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var smoke = args.Contains("--smoke");
        var keep = args.Contains("--keep");
        var engine = args.Contains("--engine") || !args.Contains("--pages");
        var pages = args.Contains("--pages") || !args.Contains("--engine");
        var folder = Directory.CreateTempSubdirectory("adviesroute-bench-").FullName;
        try
        {
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
}
