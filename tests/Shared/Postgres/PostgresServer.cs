using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AdviesRoute.Tests.Shared.Postgres;

/// <summary>
/// A real PostgreSQL server (Debian's package; scripts/test.sh installs it when missing) in a temporary folder on a
/// loopback port, for the tests and the benchmark of the PostgreSQL configuration. Run as the <c>postgres</c> user when the tests run as
/// root, since the server refuses to run as root. Each test class asks for its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _server;

    private PostgresServer(string folder, Process server, int port)
    {
        _folder = folder;
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's data folder (its <c>postmaster.pid</c> names the server's process).</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The postmaster's process id, as the server wrote it in <c>postmaster.pid</c> (the server may run under <c>runuser</c>).</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public const string User = "adviesroute";

    public static string? BinFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "postgres")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <param name="settings">Extra server settings (<c>-c name=value</c>), e.g. <c>shared_preload_libraries</c>; none by default.</param>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var bin = BinFolder() ?? throw new InvalidOperationException("PostgreSQL is not installed; scripts/test.sh installs Debian's postgresql.");
        var folder = Directory.CreateTempSubdirectory("adviesroute-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        var port = FreePort();
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(bin, "postgres"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>();
        if (asRoot)
        {
            arguments.AddRange(["-u", "postgres", "--", Path.Combine(bin, "postgres")]);
        }

        // Durable as in production (fsync on), with room for two hosts' connection pools.
        arguments.AddRange(["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", folder,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=128MB"]);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["-c", $"{name}={value}"]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var instance = new PostgresServer(folder, server, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(instance.ConnectionString("postgres"));
                await connection.OpenAsync();
                return instance;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=60";

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "proef")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a child that is going away; the temp folder is cleaned up by the system
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
