using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.ApiKeys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>
/// The real host in memory: environment Testing, a fresh SQLite file in a temp folder, a configured administrator
/// password and two API keys (secretary, process owner). Logs are captured instead of written to the console.
/// </summary>
public partial class HostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "beheer@example.org";
    public const string AdminPassword = "Proef-Wachtwoord-2026!";
    public const string SecretaryKeyName = "zaaksysteem";
    public const string SecretaryKey = "secretaris-sleutel-0123456789abcdef0123";
    public const string ProcessOwnerKeyName = "procesontwerp";
    public const string ProcessOwnerKey = "proceseigenaar-sleutel-0123456789abcdef";

    /// <summary>The https address a host outside Testing is given (it is never reached: the tests call the host in memory).</summary>
    public const string ProductionBaseUrl = "https://adviesroute.example.org";

    private readonly string _environment;
    private readonly string? _adminPassword;
    private readonly bool _ownsFolder;
    private bool _running;

    public HostFixture()
        : this(folder: null, environment: "Testing", adminPassword: AdminPassword)
    {
    }

    /// <param name="folder">Where the database lives; a new temp folder (deleted afterwards) when null.</param>
    protected HostFixture(string? folder, string environment, string? adminPassword)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("adviesroute-host-tests-").FullName;
        _environment = environment;
        _adminPassword = adminPassword;
    }

    /// <summary>A host on an existing folder, e.g. to start twice on one database; the folder is left in place.</summary>
    public static HostFixture OnFolder(string folder, string? adminPassword) => new(folder, "Testing", adminPassword);

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "adviesroute.db");

    /// <summary>The pickup folder: every mail the host sends when no SMTP server is configured, as .eml.</summary>
    public string MailFolder => Path.Combine(Folder, "mail");

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:AdviesRoute", $"Data Source={DatabasePath}");
        builder.UseSetting("Security:Admin:Email", AdminEmail);
        if (_adminPassword is not null)
        {
            builder.UseSetting("Security:Admin:Password", _adminPassword);
        }

        builder.UseSetting("Security:ApiKeys:0:Name", SecretaryKeyName);
        builder.UseSetting("Security:ApiKeys:0:Key", SecretaryKey);
        builder.UseSetting("Security:ApiKeys:0:Roles:0", "secretary");
        builder.UseSetting("Security:ApiKeys:1:Name", ProcessOwnerKeyName);
        builder.UseSetting("Security:ApiKeys:1:Key", ProcessOwnerKey);
        builder.UseSetting("Security:ApiKeys:1:Roles:0", "processowner");
        builder.UseSetting("Workflows:TimerPollMilliseconds", "50");

        // Mail without an SMTP server lands in this fixture's own pickup folder; the link key lives beside the database.
        builder.UseSetting("Mail:PickupFolder", MailFolder);
        builder.UseSetting("Links:KeyFile", Path.Combine(Folder, "link-key"));

        // Outside Testing the operator gives the key ring's certificate, an https address and an SMTP server (nothing is
        // sent to it in these tests); Testing makes its own certificate beside the link key and writes mail to a folder.
        if (_environment != "Testing")
        {
            builder.UseSetting("DataProtection:CertificateFile", TestCertificate.In(Folder));
            builder.UseSetting("DataProtection:CertificatePassword", TestCertificate.Password);
            builder.UseSetting("Links:PublicBaseUrl", ProductionBaseUrl);
            builder.UseSetting("Mail:Smtp:Host", "smtp.example.org");
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Information);
        });
    }

    /// <summary>A client without credentials that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        // Outside Testing the host sends plain http to https (as behind its proxy): talk https to it from the start.
        BaseAddress = new Uri(_environment == "Testing" ? "http://localhost" : "https://localhost"),
    });

    /// <summary>A client that sends an API key with every request.</summary>
    public HttpClient WithApiKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    public HttpClient Secretary() => WithApiKey(SecretaryKey);

    public HttpClient ProcessOwner() => WithApiKey(ProcessOwnerKey);

    /// <summary>Signs in through the login form, as a browser would, and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName = AdminEmail, string password = AdminPassword)
    {
        var client = Anonymous();
        var response = await PostLoginFormAsync(client, userName, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password redirects to the start page");
        return client;
    }

    /// <summary>
    /// Signs in and then sends the session's antiforgery token (read from a page, as the designer gets it) with every
    /// request, as a page's script does: changes through <c>/api</c> with the cookie need it.
    /// </summary>
    public async Task<HttpClient> SignInForApiAsync(string userName = AdminEmail, string password = AdminPassword)
    {
        var client = await SignInAsync(userName, password);
        client.DefaultRequestHeaders.Add(ApiRequestGuard.TokenHeader, await SessionTokenAsync(client));
        return client;
    }

    /// <summary>The antiforgery token of a signed-in client's session, from the sign-out form every page carries.</summary>
    public static async Task<string> SessionTokenAsync(HttpClient signedIn) =>
        AntiforgeryToken(await signedIn.GetStringAsync("/Account/Wachtwoord"));

    /// <summary>Fetches the login page for its anti-forgery token and posts the form.</summary>
    public static async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        if (returnUrl is not null)
        {
            form["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        match.Success.Should().BeTrue("every form carries an anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    /// <summary>Today in the Netherlands by the host's clock, which a test may have moved forward.</summary>
    public DateOnly Today => AdviesRoute.Activities.Calendar.DutchTime.Today(Services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>
    /// Moves the host's Testing clock forward to <paramref name="hour"/>:00 on a Dutch day (never back) and wakes the timer
    /// sweep: e.g. to the day of a meeting, when its outcome may be recorded.
    /// </summary>
    public void MoveClockTo(DateOnly day, int hour = 20)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var target = new DateTimeOffset(local, amsterdam.GetUtcOffset(local));
        var clock = Services.GetRequiredService<AdviesRoute.Host.Testing.OffsetTimeProvider>();
        if (target > clock.GetUtcNow())
        {
            clock.Advance(target - clock.GetUtcNow());
        }

        Services.GetRequiredService<AdviesRoute.Workflows.Timers.TimerSignal>().Notify();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Creates a local account with one role, as an administrator would; its user name is the mail address.</summary>
    public Task AddAccountAsync(string email, string displayName, string role, string password) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HostUser>>();
        var user = new HostUser { UserName = email, Email = email, DisplayName = displayName };
        (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return true;
    });

    /// <summary>
    /// The outbox rows of one kind of mail (e.g. <c>mail.code.v1</c>) about an instance: a mail is queued before the
    /// request or job that caused it returns, so this counts exactly what was asked for, whether delivered yet or not.
    /// </summary>
    public Task<List<OutboxRow>> QueuedAsync(string kind, string? instanceId) => instanceId is null
        ? this.OutboxAsync("\"Kind\" = @p0", kind)
        : this.OutboxAsync("\"Kind\" = @p0 AND \"InstanceId\" = @p1", kind, instanceId);

    /// <summary>
    /// A new connection (not yet open) to the database this host uses, for the checks that must see the engine's rows
    /// as stored (see <see cref="EngineTables"/>).
    /// </summary>
    public virtual DbConnection NewDatabaseConnection() => new SqliteConnection($"Data Source={DatabasePath}");

    /// <summary>Runs before the host starts, e.g. to create the database it will use.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await BeforeStartAsync();
        _ = Server; // start the host now, so a failing start-up fails the fixture and not a random test
        _running = true;
    }

    /// <summary>Set by a test that breaks the Content-Security-Policy on purpose: the check at dispose (<see cref="CspWatch"/>) is off.</summary>
    public bool ExpectsCspViolations { get; set; }

    async Task IAsyncLifetime.DisposeAsync()
    {
        var reported = _running ? CspWatch.Reported(Services) : [];
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // a file still held open by a finishing background thread; the temp folder is cleaned by the OS
            }
        }

        CspWatch.ShouldBeNone(this, reported);
    }
}

/// <summary>The tests that share one host.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "Host";
}
