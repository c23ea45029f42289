using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using AdviesRoute.Workflows.Persistence;

namespace AdviesRoute.Benchmarks;

/// <summary>What the figures were measured on: machine, runtime, file system and the SQLite settings read back.</summary>
internal static class BenchEnvironment
{
    public static IEnumerable<(string Name, string Value)> Describe(string folder)
    {
        yield return ("Date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("OS", RuntimeInformation.OSDescription);
        yield return (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})");
        yield return ("Cores (Environment.ProcessorCount)", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("GC", $"{(GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {GCSettings.LatencyMode}");
        yield return ("Hangfire", $"in-memory storage per host, {BenchHost.HangfireWorkers} workers (the default, as the Host)");
        yield return ("Temp folder", folder);
        yield return ("File system (/proc/mounts)", MountOf(folder));
        yield return ("File system (stat -f -c %T)", StatFileSystem(folder));
    }

    /// <summary>The settings as a connection opened the application's way reports them.</summary>
    public static IEnumerable<(string Name, string Value)> SqliteSettings(string connectionString)
    {
        using var connection = SqliteSetup.Open(connectionString);
        string Pragma(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        var synchronous = Pragma("PRAGMA synchronous");
        var name = synchronous switch
        {
            "0" => "OFF",
            "1" => "NORMAL",
            "2" => "FULL",
            "3" => "EXTRA",
            _ => "?",
        };
        yield return ("SQLite version", Pragma("SELECT sqlite_version()"));
        yield return ("PRAGMA journal_mode", Pragma("PRAGMA journal_mode"));
        yield return ("PRAGMA synchronous", $"{synchronous} ({name})");
        yield return ("PRAGMA busy_timeout", Pragma("PRAGMA busy_timeout"));
        yield return ("PRAGMA wal_autocheckpoint", Pragma("PRAGMA wal_autocheckpoint"));
        yield return ("PRAGMA page_size / cache_size", $"{Pragma("PRAGMA page_size")} / {Pragma("PRAGMA cache_size")}");
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string MountOf(string folder)
    {
        try
        {
            return MountEntryOf(folder) is { } parts && parts.Length >= 4
                ? $"{parts[2]} on {parts[1].Replace("\\040", " ", StringComparison.Ordinal)} (device {parts[0]}, options {parts[3]})"
                : "not found";
        }
        catch (IOException ex)
        {
            return $"unknown ({ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"unknown ({ex.Message})";
        }
    }

    /// <summary>The fields of the <c>/proc/mounts</c> line of the deepest mount point holding <paramref name="folder"/>, or null.</summary>
    public static string[]? MountEntryOf(string folder)
    {
        var path = Path.GetFullPath(folder);
        var best = (Point: "", Parts: (string[]?)null);
        foreach (var line in File.ReadAllLines("/proc/mounts"))
        {
            var parts = line.Split(' ');
            if (parts.Length < 4)
            {
                continue;
            }

            var point = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
            var inside = point == "/" || path == point || path.StartsWith(point.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (inside && point.Length > best.Point.Length)
            {
                best = (point, parts);
            }
        }

        return best.Parts;
    }

    private static string StatFileSystem(string folder)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("stat", ["-f", "-c", "%T", folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5_000);
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"unknown ({ex.Message})";
        }
    }
}
