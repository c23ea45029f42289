using System.Text.RegularExpressions;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// The unit file and the nginx site of the README (<c>docs/deployment/</c>), read as they are and changed only where a
/// test machine differs from a server: ports, paths and the certificate. The replacements (also listed in the README's
/// "Productie"):
/// <list type="bullet">
/// <item>site: <c>listen 80</c> / <c>listen 443</c> → a free loopback port each; <c>/etc/ssl/adviesroute/</c> → the
/// folder of the test's self-signed certificate for the site's name; <c>/var/log/nginx/</c> → a log folder of the test;
/// <c>127.0.0.1:5080</c> → the host's free port. The name stays: the test's client connects to loopback for it.</item>
/// <item>unit: <c>/opt/adviesroute</c> → the publish folder; <c>/etc/adviesroute</c> → the test's configuration
/// folder (link key, key ring certificate, environment file); <c>/var/lib/adviesroute</c> → its state folder;
/// <c>127.0.0.1:5080</c> → the host's free port; <c>/usr/bin/dotnet</c> → the running <c>dotnet</c> when a machine has
/// none at that path.</item>
/// </list>
/// </summary>
public static partial class DeploymentFiles
{
    public const string PublicName = "adviesroute.samendrenthe.example";

    public static string Folder => Path.Combine(RepositoryRoot(), "docs", "deployment");

    public static string UnitText => File.ReadAllText(Path.Combine(Folder, "adviesroute.service"));

    public static string SiteText => File.ReadAllText(Path.Combine(Folder, "nginx-adviesroute.conf"));

    public static string Site(int httpPort, int httpsPort, string certificateFolder, string logFolder, int hostPort)
    {
        var text = Listen().Replace(SiteText, m => $"listen 127.0.0.1:{(m.Groups["port"].Value == "80" ? httpPort : httpsPort)}");
        return Replace(text,
            ("/etc/ssl/adviesroute/", Slash(certificateFolder)),
            ("/var/log/nginx/", Slash(logFolder)),
            ("127.0.0.1:5080", $"127.0.0.1:{hostPort}"));
    }

    public static string Unit(string publishFolder, string configurationFolder, string stateFolder, int hostPort)
    {
        var dotnet = File.Exists("/usr/bin/dotnet") ? "/usr/bin/dotnet" : Environment.ProcessPath ?? "dotnet";
        return Replace(UnitText,
            ("/opt/adviesroute", publishFolder),
            ("/etc/adviesroute", configurationFolder),
            ("/var/lib/adviesroute", stateFolder),
            ("127.0.0.1:5080", $"127.0.0.1:{hostPort}"),
            ("/usr/bin/dotnet", dotnet));
    }

    private static string Replace(string text, params (string From, string To)[] replacements)
    {
        foreach (var (from, to) in replacements)
        {
            text.Should().Contain(from, "the README's file still has what the test replaces");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Slash(string folder) => folder.TrimEnd('/') + "/";

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdviesRoute.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (AdviesRoute.sln) was not found.");
    }

    [GeneratedRegex(@"listen (?<port>80|443)\b")]
    private static partial Regex Listen();
}

/// <summary>
/// What systemd does with the <c>[Service]</c> section of a unit, as far as a test can: the <c>ExecStart</c> line split
/// into the program and its arguments, <c>WorkingDirectory</c>, and the environment from <c>Environment=</c> lines and
/// then <c>EnvironmentFile=</c> (whose settings win, as in systemd).
/// </summary>
public sealed record SystemdService(IReadOnlyList<string> ExecStart, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    public static SystemdService Parse(string unit)
    {
        var lines = unit.Split('\n').Select(l => l.Trim()).ToList();
        var service = lines.SkipWhile(l => l != "[Service]").Skip(1).TakeWhile(l => !l.StartsWith('[')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        string Single(string key) => service.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Should().ContainSingle().Subject[(key.Length + 1)..];
        var environment = new Dictionary<string, string>();
        foreach (var line in service.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
        {
            Assign(environment, line["Environment=".Length..]);
        }

        foreach (var file in service.Where(l => l.StartsWith("EnvironmentFile=", StringComparison.Ordinal)).Select(l => l["EnvironmentFile=".Length..]))
        {
            foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                Assign(environment, line);
            }
        }

        return new SystemdService(Single("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries), Single("WorkingDirectory"), environment);
    }

    private static void Assign(Dictionary<string, string> environment, string assignment)
    {
        if (assignment.Length >= 2 && assignment[0] == '"' && assignment[^1] == '"')
        {
            assignment = assignment[1..^1];
        }

        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        equals.Should().BePositive($"'{assignment}' is NAME=VALUE");
        environment[assignment[..equals]] = assignment[(equals + 1)..];
    }
}
