using System.Globalization;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace AdviesRoute.FixtureMaker;

/// <summary>
/// The host of this version in memory, in the environment Testing, on one folder (database, link key, key-ring
/// certificate, pickup folder) with its clock started at <paramref name="startsAt"/>: set up as the host tests set it
/// up, so the tests can start the same host on a copy of what it leaves behind.
/// </summary>
internal sealed class MakerHost(string folder, DateTimeOffset startsAt) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "beheer@example.org";
    public const string AdminPassword = "Proef-Wachtwoord-2026!";

    /// <summary>An API key with the administrator's role, for the JSON API and the Testing clock.</summary>
    public const string AdminKey = "fixture-beheer-sleutel-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AdviesRoute", $"Data Source={Path.Combine(folder, StoredFixture.DatabaseFile)}");
        builder.UseSetting("Security:Admin:Email", AdminEmail);
        builder.UseSetting("Security:Admin:Password", AdminPassword);
        builder.UseSetting("Security:ApiKeys:0:Name", "fixture");
        builder.UseSetting("Security:ApiKeys:0:Key", AdminKey);
        builder.UseSetting("Security:ApiKeys:0:Roles:0", "admin");
        builder.UseSetting("Workflows:TimerPollMilliseconds", "50");
        builder.UseSetting("Mail:PickupFolder", Path.Combine(folder, StoredFixture.MailFolder));
        builder.UseSetting("Links:KeyFile", Path.Combine(folder, StoredFixture.LinkKeyFile));
        builder.UseSetting("Testing:Now", startsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddSimpleConsole(o => o.SingleLine = true);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client that sends the administrator's API key with every request.</summary>
    public HttpClient Api()
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }
}
