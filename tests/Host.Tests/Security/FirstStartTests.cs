using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

public sealed partial class FirstStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adviesroute-first-start-").FullName;

    [Fact]
    public async Task Without_a_configured_password_the_first_start_logs_a_generated_one_once_and_it_signs_in()
    {
        string password;
        await using (var first = HostFixture.OnFolder(_folder, adminPassword: null))
        {
            using var client = first.Anonymous(); // starts the host

            var lines = first.Logs.Entries.Where(e => e.Message.Contains("wachtwoord / password:", StringComparison.Ordinal)).ToList();

            lines.Should().ContainSingle();
            password = GeneratedPassword().Match(lines[0].Message).Groups["password"].Value;
            password.Should().HaveLength(24);
            first.Logs.Entries.Count(e => e.Message.Contains(password, StringComparison.Ordinal)).Should().Be(1);
            using var signedIn = await first.SignInAsync(HostFixture.AdminEmail, password);
            using var start = await signedIn.GetAsync("/");
            start.StatusCode.Should().Be(HttpStatusCode.Redirect, "a generated password has been in the log: its owner chooses their own first");
            start.Headers.Location!.ToString().Should().StartWith("/Account/Wachtwoord");
        }

        await using var second = HostFixture.OnFolder(_folder, adminPassword: null);
        using var again = second.Anonymous();

        second.Logs.Entries.Should().NotContain(e => e.Message.Contains("wachtwoord / password:", StringComparison.Ordinal), "the account exists now");
        second.Logs.Entries.Should().NotContain(e => e.Message.Contains(password, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"wachtwoord / password: (?<password>\S+) ")]
    private static partial Regex GeneratedPassword();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
