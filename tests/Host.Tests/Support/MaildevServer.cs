using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>
/// maildev (npm, installed by <c>scripts/test.sh</c> with <c>npm ci</c>) as a real SMTP server on loopback, with its
/// REST API to read what arrived. It keeps its ports across <see cref="StopAsync"/> and <see cref="StartAsync"/>, so
/// a host configured once can see the server go away and come back.
/// </summary>
public sealed class MaildevServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _script;
    private readonly string _mailDirectory = Directory.CreateTempSubdirectory("adviesroute-maildev-").FullName;
    private readonly HttpClient _api;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public MaildevServer()
    {
        var root = RepositoryRoot();
        _script = Path.Combine(root, "node_modules", "maildev", MaildevBin(root));
        if (!File.Exists(_script))
        {
            throw new InvalidOperationException($"maildev is not installed ({_script} is missing): run `npm ci` in {root} (scripts/test.sh does).");
        }

        SmtpPort = FreePort();
        WebPort = FreePort();
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public const string Host = "127.0.0.1";

    public int SmtpPort { get; }

    public int WebPort { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts maildev and returns once both its SMTP port and its REST API answer.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _mailDirectory, // maildev looks for a config file in its working directory and above
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     _script, "--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", Host, "--web-ip", Host,
                     "--mail-directory", _mailDirectory,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"maildev stopped at start (exit code {process.ExitCode}):\n{Output()}");
            }

            if (await SmtpAnswersAsync() && await ApiAnswersAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"maildev did not answer within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    /// <summary>Stops maildev; its ports refuse connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Every mail maildev holds (<c>GET /api/email</c>).</summary>
    public async Task<IReadOnlyList<MaildevMail>> ListAsync() =>
        await _api.GetFromJsonAsync<List<MaildevMail>>("api/email", JsonOptions) ?? [];

    /// <summary>The mail as it arrived, headers and MIME parts (<c>GET /api/email/{id}/source</c>).</summary>
    public async Task<byte[]> SourceAsync(string id) => await _api.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(id)}/source");

    /// <summary>Polls until <paramref name="done"/> holds for the mails held, within a bounded real-time wait.</summary>
    public async Task<IReadOnlyList<MaildevMail>> WaitForAsync(Func<IReadOnlyList<MaildevMail>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mails = await ListAsync();
            if (done(mails) || clock.Elapsed > timeout)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        _api.Dispose();
        try
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans its temp folder
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<bool> ApiAnswersAsync()
    {
        try
        {
            using var response = await _api.GetAsync("api/healthz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    /// <summary>A port nobody listens on now; maildev gets it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The maildev script as its package.json names it (3.x: <c>dist/bin/maildev.js</c>).</summary>
    private static string MaildevBin(string root)
    {
        var manifest = Path.Combine(root, "node_modules", "maildev", "package.json");
        if (!File.Exists(manifest))
        {
            return Path.Combine("dist", "bin", "maildev.js");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var bin = json.RootElement.GetProperty("bin");
        return bin.ValueKind == JsonValueKind.String ? bin.GetString()! : bin.GetProperty("maildev").GetString()!;
    }

    /// <summary>The folder holding AdviesRoute.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AdviesRoute.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AdviesRoute.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A mail as maildev's REST API shows it.</summary>
public sealed record MaildevMail(
    string Id,
    string? Subject,
    string? Html,
    string? Text,
    List<MaildevAddress> From,
    List<MaildevAddress> To,
    Dictionary<string, JsonElement> Headers,
    List<MaildevAttachment>? Attachments)
{
    /// <summary>The Message-Id header, with its angle brackets.</summary>
    [JsonIgnore]
    public string? MessageId => Headers.TryGetValue("message-id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed record MaildevAddress(string Address, string? Name);

public sealed record MaildevAttachment(string FileName, string ContentType, long Size);
