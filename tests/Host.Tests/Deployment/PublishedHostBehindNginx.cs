using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Security;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// The deployment of the README's "Productie", on one machine: the host published once (<c>dotnet publish</c>), started
/// with the <c>ExecStart</c> line of <c>docs/deployment/adviesroute.service</c> and the environment that unit gives it
/// (<see cref="SystemdService"/>), in Production; in front of it nginx (Debian's package, which <c>scripts/test.sh</c>
/// installs) as a foreground process of its own with <c>docs/deployment/nginx-adviesroute.conf</c> on free loopback
/// ports, with a self-signed certificate for the site's name made here (the test's client connects to loopback for
/// that name). Never the system's nginx service.
/// <para>
/// What Production needs and a test cannot have comes from the test's own environment file, in the place of
/// <c>/etc/adviesroute/adviesroute.env</c>: maildev (npm) as the SMTP server, without TLS on loopback; the
/// <see cref="TestIdentityProvider"/> as the OIDC provider, over http on loopback (which the host allows for this machine
/// only); an API key to load the governance model (Production stores no demo data) and then import and publish the
/// route of the test (one written round), which the first start refused for naming a body the model did not have yet.
/// </para>
/// </summary>
public sealed class PublishedHostBehindNginx : IAsyncLifetime
{
    public const string AdminPassword = "Beheer-Wachtwoord-2026!";
    public const string ApiKey = "publicatie-test-sleutel-0123456789abcdef";
    public const string DefinitionId = "schriftelijk-db";

    /// <summary>The files of the publish folder right after <c>dotnet publish</c>.</summary>
    public IReadOnlyList<string> PublishedFiles { get; private set; } = [];

    /// <summary>The publish folder (<c>/opt/adviesroute</c> on a server).</summary>
    public string PublishFolder => Path.Combine(_folder, "opt");

    public static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    private readonly string _folder = Directory.CreateTempSubdirectory("adviesroute-productie-").FullName;
    private readonly StringBuilder _hostOutput = new();
    private readonly StringBuilder _nginxOutput = new();
    private Process? _host;
    private Process? _nginx;

    public MaildevServer Maildev { get; } = new();

    public TestIdentityProvider Provider { get; private set; } = null!;

    /// <summary>The public address: the site's name on nginx's https port.</summary>
    public Uri PublicBaseUrl { get; private set; } = null!;

    /// <summary>The host itself, plain http on loopback, as only nginx should reach it.</summary>
    public Uri HostAddress { get; private set; } = null!;

    /// <summary>The command the host was started with: the unit's <c>ExecStart</c>.</summary>
    public IReadOnlyList<string> HostCommand { get; private set; } = [];

    public string SiteFile => Path.Combine(_folder, "nginx", "adviesroute.conf");

    public string NginxConfiguration => Path.Combine(_folder, "nginx", "nginx.conf");

    public string UnitFile => Path.Combine(_folder, "systemd", "adviesroute.service");

    public X509Certificate2 Certificate { get; private set; } = null!;

    public string HostOutput { get { lock (_hostOutput) { return _hostOutput.ToString(); } } }

    /// <summary>How long each part of the set-up took, for the test's output.</summary>
    public List<string> Timings { get; } = [];

    public string NginxOutput { get { lock (_nginxOutput) { return _nginxOutput.ToString(); } } }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        void Took(string what) => Timings.Add($"{clock.Elapsed.TotalSeconds,5:0.0} s  {what}");
        var publish = PublishAsync(Took);
        await Maildev.StartAsync();
        Provider = await TestIdentityProvider.StartAsync();
        var providerReady = WarmUpAsync(Provider); // while the host starts

        var hostPort = HostProcess.FreePort();
        var httpsPort = HostProcess.FreePort();
        PublicBaseUrl = new Uri($"https://{DeploymentFiles.PublicName}:{httpsPort}");
        HostAddress = new Uri($"http://127.0.0.1:{hostPort}");

        var tls = Directory.CreateDirectory(Path.Combine(_folder, "tls")).FullName;
        Certificate = SelfSigned(DeploymentFiles.PublicName, Path.Combine(tls, "fullchain.pem"), Path.Combine(tls, "privkey.pem"));

        // /etc/adviesroute as the README has the operator make it: the link key, the key ring certificate, the environment file.
        var configuration = Directory.CreateDirectory(Path.Combine(_folder, "etc")).FullName;
        await File.WriteAllTextAsync(Path.Combine(configuration, "link-key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        TestCertificate.In(configuration); // sleutelring.pfx, the name the unit gives
        var definitions = Directory.CreateDirectory(Path.Combine(_folder, "definitions")).FullName;
        await File.WriteAllTextAsync(Path.Combine(definitions, DefinitionId + ".json"), AdviesRoute.Tests.Shared.Governance.WrittenDecision.Definition(
            DefinitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }"""));
        await File.WriteAllLinesAsync(Path.Combine(configuration, "adviesroute.env"),
        [
            "# The test's environment file (in the place of /etc/adviesroute/adviesroute.env).",
            $"Links__PublicBaseUrl={PublicBaseUrl.ToString().TrimEnd('/')}",
            $"DataProtection__CertificatePassword={TestCertificate.Password}",
            $"Mail__Smtp__Host={MaildevServer.Host}",
            $"Mail__Smtp__Port={Maildev.SmtpPort}",
            "Mail__Smtp__Security=None",
            $"Security__Admin__Password={AdminPassword}",
            "Security__ApiKeys__0__Name=publicatietest",
            $"Security__ApiKeys__0__Key={ApiKey}",
            "Security__ApiKeys__0__Roles__0=admin",
            "Security__ApiKeys__0__Roles__1=secretary",
            $"Security__Oidc__Authority={Provider.Authority}",
            $"Security__Oidc__ClientId={TestIdentityProvider.ClientId}",
            $"Security__Oidc__ClientSecret={TestIdentityProvider.ClientSecret}",
            $"Workflows__DefinitionsPath={definitions}",
        ]);

        Took("maildev and the OIDC provider started; certificate and files made");
        var publishFolder = await publish;
        var state = Directory.CreateDirectory(Path.Combine(_folder, "var-lib")).FullName;
        Directory.CreateDirectory(Path.GetDirectoryName(UnitFile)!);
        await File.WriteAllTextAsync(UnitFile, DeploymentFiles.Unit(publishFolder, configuration, state, hostPort));
        StartHost(SystemdService.Parse(await File.ReadAllTextAsync(UnitFile)));

        var logs = Directory.CreateDirectory(Path.Combine(_folder, "nginx", "logs")).FullName;
        await File.WriteAllTextAsync(SiteFile, DeploymentFiles.Site(HostProcess.FreePort(), httpsPort, tls, logs, hostPort));
        await File.WriteAllTextAsync(NginxConfiguration, MainConfiguration());
        // Workers run as nobody when the test runs as root: they must reach their temporary folders.
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(_folder, traversable);
            File.SetUnixFileMode(Path.Combine(_folder, "nginx"), traversable);
        }

        await WaitUntilAsync(HostAddress, "/health/ready", () => _host!.HasExited ? "the host stopped:\n" + HostOutput : null);
        Took("host ready");
        _nginx = Start(Nginx(), ["-c", NginxConfiguration, "-p", Path.Combine(_folder, "nginx"), "-e", "stderr", "-g", "daemon off;"], _nginxOutput);
        await WaitUntilAsync(PublicBaseUrl, "/health/live", () => _nginx.HasExited ? "nginx stopped:\n" + NginxOutput : null);
        Took("nginx answers");

        // Production stores no demo data: the administrator loads the governance model through the API, through nginx.
        using var api = Https();
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        using var governance = await api.PutAsync("/api/governance", new StringContent(DemoGovernance.Json(), Encoding.UTF8, "application/json"));
        governance.IsSuccessStatusCode.Should().BeTrue(await governance.Content.ReadAsStringAsync() + HostOutput);
        Took("governance model loaded");

        // The route names a body of the governance model, so the first start refused it; the administrator imports and
        // publishes it now, as the designer does (a restart would import it too, README "Productie").
        using var imported = await api.PostAsync("/api/definitions/import", new StringContent(await File.ReadAllTextAsync(Path.Combine(definitions, DefinitionId + ".json")), Encoding.UTF8, "application/json"));
        imported.IsSuccessStatusCode.Should().BeTrue(await imported.Content.ReadAsStringAsync());
        using var published = await api.PostAsync($"/api/definitions/{DefinitionId}/draft/publish", null);
        published.IsSuccessStatusCode.Should().BeTrue(await published.Content.ReadAsStringAsync());
        Took("route imported and published");
        await providerReady;
        Took("OIDC provider warmed up");
    }

    /// <summary>
    /// The provider's first answer is its slowest (seconds); the host asks for this document at the first challenge. Only
    /// a head start: a failure here is left to the challenge itself.
    /// </summary>
    private static async Task WarmUpAsync(TestIdentityProvider provider)
    {
        try
        {
            using var discovery = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var _ = await discovery.GetAsync(new Uri(provider.Authority, ".well-known/openid-configuration"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // the challenge asks again
        }
    }

    /// <summary>A client that speaks https to nginx and trusts only the test's certificate; it follows no redirects.</summary>
    public HttpClient Https(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            // The site's name is the server's; here it lives on loopback.
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { Certificate },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        })
        { BaseAddress = PublicBaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Runs <c>nginx -t</c> on the configuration nginx runs with; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> NginxTestAsync() =>
        await RunAsync(Nginx(), ["-t", "-c", NginxConfiguration, "-p", Path.Combine(_folder, "nginx"), "-e", "stderr"]);

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { _nginx, _host })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        await Maildev.DisposeAsync();
        await Provider.DisposeAsync();
        Certificate.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans its temp folder
        }
    }

    /// <summary>
    /// <c>dotnet publish</c> of the host, once per test run (only this class publishes), from the build the tests run
    /// against (no second build), as the README's "Productie" has it done.
    /// </summary>
    private async Task<string> PublishAsync(Action<string> took)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/{Configuration}/net10.0/
        var project = Path.Combine(DeploymentFiles.RepositoryRoot(), "src", "Host", "Host.csproj");
        var clock = Stopwatch.StartNew();
        var (exitCode, log) = await RunAsync("dotnet", ["publish", project, "-c", configuration, "--no-build", "-nologo", "-v", "q", "-o", PublishFolder]);
        exitCode.Should().Be(0, log);
        File.Exists(Path.Combine(PublishFolder, "AdviesRoute.Host.dll")).Should().BeTrue();
        took($"dotnet publish ({clock.Elapsed.TotalSeconds:0.0} s)");
        PublishedFiles = Files(PublishFolder);
        return PublishFolder;
    }

    /// <summary>The host as systemd starts it: the unit's command line, working folder and environment, and nothing of the test's own environment.</summary>
    private void StartHost(SystemdService service)
    {
        HostCommand = service.ExecStart;
        var start = new ProcessStartInfo(service.ExecStart[0])
        {
            WorkingDirectory = service.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in service.ExecStart.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"; // systemd's default
        start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName; // systemd sets the User='s home
        foreach (var (name, value) in service.Environment)
        {
            start.Environment[name] = value;
        }

        _host = Start(start, _hostOutput);
    }

    /// <summary>What <c>/etc/nginx/nginx.conf</c> gives a site on Debian, in the test's folder: pid, logs, temporary files; and the README's site.</summary>
    private string MainConfiguration()
    {
        var prefix = Path.Combine(_folder, "nginx");
        return $$"""
            pid {{prefix}}/nginx.pid;
            error_log stderr;
            worker_processes 1;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{SiteFile}};
            }
            """;
    }

    private static string Nginx() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed; scripts/test.sh installs Debian's nginx.");

    private static Process Start(string file, IEnumerable<string> arguments, StringBuilder output)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Start(start, output);
    }

    private static Process Start(ProcessStartInfo start, StringBuilder output)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAsync(Uri address, string path, Func<string?> stopped)
    {
        using var client = address.Scheme == Uri.UriSchemeHttps ? Https() : new HttpClient { BaseAddress = address };
        client.Timeout = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (stopped() is { } why)
            {
                throw new InvalidOperationException(why);
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{address}{path} did not answer within 90 s.\nHost:\n{HostOutput}\nnginx:\n{NginxOutput}");
    }

    /// <summary>A self-signed certificate for <paramref name="name"/>, written as PEM for nginx; the test's client trusts this one only.</summary>
    private static X509Certificate2 SelfSigned(string name, string certificateFile, string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        return X509CertificateLoader.LoadCertificate(certificate.RawData);
    }
}
