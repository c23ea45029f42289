using System.Globalization;
using AdviesRoute.Benchmarks;

// The engine's benchmark: absolute figures and ratios against raw SQLite commits measured in the same run, on the
// same file system with the same settings. `--smoke` runs tiny sizes and judges no target (the test script runs it
// so this program cannot rot). The full run prints PASS/FAIL per target but exits 0: it is a report, not a gate.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var smoke = args.Contains("--smoke");
var keep = args.Contains("--keep");
var sizes = smoke ? Sizes.SmokeSizes : Sizes.Full;
var folder = Directory.CreateTempSubdirectory("adviesroute-bench-").FullName;
try
{
    await new EngineBenchmark(sizes, folder).RunAsync();
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
