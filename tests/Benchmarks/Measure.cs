using System.Diagnostics;
using System.Globalization;

namespace AdviesRoute.Benchmarks;

/// <summary>Throughput of a run: operations completed and the wall time they took.</summary>
/// <summary>Throughput of a run: operations completed, the wall time and the process CPU time they took.</summary>
internal readonly record struct Throughput(long Count, TimeSpan Elapsed, TimeSpan Cpu)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Process CPU time (all threads) per operation, in microseconds.</summary>
    public double CpuMicrosecondsPerOperation => Cpu.TotalMilliseconds * 1000 / Math.Max(1, Count);
}

/// <summary>Latency percentiles of a series of timed calls, in milliseconds.</summary>
internal sealed record Latencies(int Count, double Mean, double P50, double P99, double Max)
{
    public static Latencies Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        return new Latencies(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="operation"/> from <paramref name="callers"/> concurrent callers until
    /// <paramref name="maxOperations"/> were started, <paramref name="maxDuration"/> passed, or an operation
    /// returned false (nothing left to do). The argument is the operation's sequence number.
    /// </summary>
    public static async Task<Throughput> ConcurrentAsync(int callers, long maxOperations, TimeSpan maxDuration, Func<long, Task<bool>> operation)
    {
        long issued = 0;
        long completed = 0;
        var cpu = Cpu();
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < maxDuration)
            {
                var n = Interlocked.Increment(ref issued) - 1;
                if (n >= maxOperations)
                {
                    return;
                }

                if (!await operation(n))
                {
                    return;
                }

                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();
        return new Throughput(Interlocked.Read(ref completed), stopwatch.Elapsed, Cpu() - cpu);
    }

    /// <summary>CPU time used by this process so far (user and kernel, all threads).</summary>
    public static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="operation"/> on one caller, sequentially, until the count or the time is reached.</summary>
    public static async Task<Throughput> SequentialAsync(long maxOperations, TimeSpan maxDuration, Func<Task> operation)
    {
        long count = 0;
        var cpu = Cpu();
        var stopwatch = Stopwatch.StartNew();
        while (count < maxOperations && stopwatch.Elapsed < maxDuration)
        {
            await operation();
            count++;
        }

        stopwatch.Stop();
        return new Throughput(count, stopwatch.Elapsed, Cpu() - cpu);
    }

    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    /// <summary>Collects garbage fully (compacting, with finalizers run) before a memory reading.</summary>
    public static void FullCollect()
    {
        for (var i = 0; i < 3; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => N(bytes / (1024.0 * 1024.0), 1) + " MB";
}
