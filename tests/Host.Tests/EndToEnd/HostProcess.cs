using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The real Host as a separate process on a loopback port, as it runs on a server, in the Testing environment (whose
/// allowances, plain http on loopback, the pickup folder and demo data, are listed in EnvironmentAllowances): its own
/// SQLite file (or one shared with another process), in-memory Hangfire, an API key for the test. Killed with SIGKILL when asked.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "eind-tot-eind-test-sleutel-0123456789abcdef";
    private readonly Process _process;
    private readonly StringBuilder _output;

    private HostProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>The Host's build output next to this test's (same configuration).</summary>
    public static string HostAssembly
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = dir.Parent!.Name; // …/bin/{Configuration}/net10.0/
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdviesRoute.sln")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir!.FullName, "src", "Host", "bin", configuration, "net10.0", "AdviesRoute.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first; the Host was not found.", path);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<HostProcess> StartAsync(string dataFolder, int? port = null, IDictionary<string, string>? settings = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["ConnectionStrings__AdviesRoute"] = $"Data Source={Path.Combine(dataFolder, "adviesroute.db")}";
        start.Environment["Workflows__DefinitionsPath"] = Path.Combine(dataFolder, "definitions");
        start.Environment["Security__Admin__Password"] = "Beheer-Wachtwoord-2026!";
        start.Environment["Security__ApiKeys__0__Name"] = "eind-tot-eind";
        start.Environment["Security__ApiKeys__0__Key"] = ApiKey;
        start.Environment["Security__ApiKeys__0__Roles__0"] = "secretary";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // Hosts on one folder share one key ring certificate, so a cookie holds on each.
        start.Environment["DataProtection__CertificateFile"] = TestCertificate.In(dataFolder);
        start.Environment["DataProtection__CertificatePassword"] = TestCertificate.Password;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, output, baseAddress);

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Host stopped during start-up (exit {process.ExitCode}):\n{host.Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        host.Kill();
        throw new TimeoutException($"The Host did not become healthy within 90 s:\n{host.Output}");
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, as on a power cut of the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }
}
