using System.Diagnostics;
using System.Globalization;

namespace AdviesRoute.Benchmarks;

/// <summary>
/// CPU and disk readings from Linux's <c>/proc</c>, for the PostgreSQL part: a process's own CPU time, the database
/// server's (the postmaster and its children), the whole machine's busy and idle time, and a disk's busy time. Off
/// Linux (or when a file cannot be read) a reading is null and the report says "n/a".
/// </summary>
internal static class ProcStats
{
    /// <summary>Clock ticks per second of the times in <c>/proc</c> (<c>getconf CLK_TCK</c>, read once; 100 when that fails).</summary>
    public static long TicksPerSecond { get; } = ReadTicksPerSecond();

    /// <summary>Whether the tick rate was read from <c>getconf</c> rather than assumed.</summary>
    public static bool TicksRead { get; private set; }

    /// <summary>utime + stime of a process (all its threads), in ticks; with <paramref name="withReapedChildren"/> also cutime + cstime.</summary>
    public static long? ProcessTicks(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        // After the ")" that ends the command name: field 3 (state) is index 0, so field n is index n - 3.
        var ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        if (withReapedChildren)
        {
            ticks += long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture);
        }

        return ticks;
    }

    public static long? SelfTicks() => ProcessTicks(Environment.ProcessId);

    /// <summary>
    /// The database server's CPU so far: the postmaster's own and its reaped children's time, plus the time of every
    /// live child (backends, WAL writer, checkpointer, …). A child that exits between two readings moves from the
    /// second sum to the first, so the difference of two readings stays right.
    /// </summary>
    public static long? ServerTicks(int postmasterPid)
    {
        var total = ProcessTicks(postmasterPid, withReapedChildren: true);
        if (total is null)
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == postmasterPid)
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && fields[4 - 3] == postmasterPid.ToString(CultureInfo.InvariantCulture))
            {
                total += long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>The machine's CPU time so far (first line of <c>/proc/stat</c>): busy and idle (idle + iowait) ticks over all cores.</summary>
    public static MachineTicks? Machine()
    {
        try
        {
            var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = parts.Skip(1).Take(8).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
            var idle = values[3] + values[4];
            return new MachineTicks(values.Sum() - idle, idle, values[0] + values[1], values[2], values[5] + values[6], values[7]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The block device a folder lives on (its name in <c>/proc/diskstats</c>, e.g. "vda"), or null.</summary>
    public static string? DeviceOf(string folder)
    {
        try
        {
            var device = BenchEnvironment.MountEntryOf(folder)?[0] ?? "";
            if (!device.StartsWith("/dev/", StringComparison.Ordinal))
            {
                return null;
            }

            var name = Path.GetFileName(device);
            var known = DiskNames();
            if (known.Contains(name))
            {
                // A partition counts its own I/O; the whole disk is where the queue is, so take that when it exists.
                var disk = known.Where(d => name.StartsWith(d, StringComparison.Ordinal) && d != name).OrderByDescending(d => d.Length).FirstOrDefault();
                return disk ?? name;
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A device's I/O counters so far: milliseconds it was busy (field 13) and writes completed (field 8).</summary>
    public static (long BusyMs, long Writes)? DiskCounters(string? device)
    {
        if (device is null)
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines("/proc/diskstats"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 13 && parts[2] == device)
                {
                    return (long.Parse(parts[12], CultureInfo.InvariantCulture), long.Parse(parts[7], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }

    private static HashSet<string> DiskNames()
    {
        try
        {
            return File.ReadLines("/proc/diskstats").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 2).Select(p => p[2]).ToHashSet();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> after the command name (which may hold spaces and parentheses).</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var end = text.LastIndexOf(')');
            return end < 0 ? null : text[(end + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long ReadTicksPerSecond()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("getconf", ["CLK_TCK"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5_000);
            if (long.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
            {
                TicksRead = true;
                return ticks;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no getconf: Linux's USER_HZ is 100 on every common platform
        }

        return 100;
    }
}

/// <summary>The machine's CPU ticks over all cores: busy (user + nice + system + irq + softirq + steal) and idle (idle + iowait).</summary>
internal readonly record struct MachineTicks(long Busy, long Idle, long User, long System, long Interrupts, long Steal);

/// <summary>
/// One reading of everything the PostgreSQL part measures around a window; two readings give the window's figures.
/// </summary>
internal sealed record ResourceReading(long Timestamp, long? ServerTicks, MachineTicks? Machine, (long BusyMs, long Writes)? Disk, long? OwnTicks)
{
    public static ResourceReading Take(int postmasterPid, string? device) =>
        new(Stopwatch.GetTimestamp(), ProcStats.ServerTicks(postmasterPid), ProcStats.Machine(), ProcStats.DiskCounters(device), ProcStats.SelfTicks());
}

/// <summary>What ran out, or did not, during one window.</summary>
internal sealed record ResourceUse(double Seconds, double? ServerCores, double? MachineBusyPercent, double? DiskBusyPercent, double? DiskWritesPerSecond, double? ParentCores)
{
    /// <summary>The machine's busy time by kind, in percent of all cores' time: user, system, irq + softirq, steal (taken by the hypervisor).</summary>
    public (double User, double System, double Interrupts, double Steal)? MachineSplit { get; init; }

    public static ResourceUse Between(ResourceReading a, ResourceReading b)
    {
        var seconds = Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp).TotalSeconds;
        double? Cores(long? x, long? y) => x is null || y is null ? null : (y.Value - x.Value) / (double)ProcStats.TicksPerSecond / seconds;
        double? machine = null;
        (double, double, double, double)? split = null;
        if (a.Machine is { } m0 && b.Machine is { } m1)
        {
            var busy = m1.Busy - m0.Busy;
            double all = busy + (m1.Idle - m0.Idle);
            if (all > 0)
            {
                machine = 100.0 * busy / all;
                split = (100 * (m1.User - m0.User) / all, 100 * (m1.System - m0.System) / all, 100 * (m1.Interrupts - m0.Interrupts) / all, 100 * (m1.Steal - m0.Steal) / all);
            }
        }

        double? disk = null;
        double? writes = null;
        if (a.Disk is { } d0 && b.Disk is { } d1)
        {
            disk = Math.Min(100, 100.0 * (d1.BusyMs - d0.BusyMs) / (seconds * 1000));
            writes = (d1.Writes - d0.Writes) / seconds;
        }

        return new ResourceUse(seconds, Cores(a.ServerTicks, b.ServerTicks), machine, disk, writes, Cores(a.OwnTicks, b.OwnTicks)) { MachineSplit = split };
    }
}
