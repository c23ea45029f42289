using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Testing;
using AdviesRoute.Workflows.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdviesRoute.Benchmarks.Pages;

/// <summary>
/// The real host in process (WebApplicationFactory, as the host tests run it): environment Testing (for its movable
/// clock), a SQLite file in <see cref="Folder"/>, mail to a pickup folder, warnings and errors only on standard error.
/// A middleware put first in the pipeline times each request on the server: from the moment the request enters the
/// host until its response is written; the benchmark reads that time per request (<see cref="ServerTimes"/>).
/// </summary>
/// <param name="runJobs">
/// False while measuring: the host runs without its Hangfire server, so no background job (above all the mail the seed
/// left undelivered, which every start queues again) runs beside the measured requests.
/// </param>
internal sealed partial class PagesHost(string folder, DateTimeOffset startsAt, bool runJobs) : WebApplicationFactory<global::Program>
{
    public const string AdminEmail = "beheer@example.org";
    public const string AdminPassword = "Bench-Wachtwoord-2026!";

    /// <summary>The request header that names a measured request; the middleware keeps its server time under it.</summary>
    public const string ProbeHeader = "X-Bench-Probe";

    public string Folder { get; } = folder;

    public string DatabasePath => Path.Combine(Folder, "adviesroute.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Server time in milliseconds of each request that carried <see cref="ProbeHeader"/>, by its value.</summary>
    public ConcurrentDictionary<string, double> ServerTimes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(TestingClock.EnvironmentName);
        builder.UseSetting("ConnectionStrings:AdviesRoute", ConnectionString);
        builder.UseSetting("Security:Admin:Email", AdminEmail);
        builder.UseSetting("Security:Admin:Password", AdminPassword);
        builder.UseSetting(TestingClock.NowSetting, startsAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Workflows:TimerPollMilliseconds", "50");
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Folder, "mail"));
        builder.UseSetting("Links:KeyFile", Path.Combine(Folder, "link-key"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Hangfire", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        });
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new TimingFilter(ServerTimes));
            if (!runJobs)
            {
                // Hangfire registers its server as a hosted service made by a factory that returns the server's type.
                foreach (var server in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationFactory?.Method.ReturnType.Name == "BackgroundJobServerHostedService").ToList())
                {
                    services.Remove(server);
                }
            }
        });
    }

    /// <summary>Moves the Testing clock forward to <paramref name="target"/> (never back) and wakes the timer sweep.</summary>
    public void MoveClockTo(DateTimeOffset target)
    {
        var clock = Services.GetRequiredService<OffsetTimeProvider>();
        if (target > clock.GetUtcNow())
        {
            clock.Advance(target - clock.GetUtcNow());
        }

        Services.GetRequiredService<TimerSignal>().Notify();
    }

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Waits until no timer due by the clock's present moment is left (they fire on the host's own Hangfire server).</summary>
    public async Task SettleTimersAsync(TimeSpan limit)
    {
        var now = Now.ToUnixTimeMilliseconds();
        var stopwatch = Stopwatch.StartNew();
        while (Scalar($"SELECT COUNT(*) FROM \"Timers\" WHERE \"DueAtMs\" <= {now}") > 0)
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Timers due by {Now:u} did not fire within {limit.TotalSeconds:N0} s.");
            }

            Services.GetRequiredService<TimerSignal>().Notify();
            await Task.Delay(20);
        }
    }

    public long Scalar(string sql) => Convert.ToInt64(ScalarIn(ConnectionString, sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One value of a plain SQL query on a fresh connection (the benchmark's own reads, never the host's).</summary>
    public static object? ScalarIn(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Signs in through the login form as a browser does; the client keeps the session cookie.</summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups["token"].Value);
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as the secretary failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Puts the timing middleware in front of everything the host adds.</summary>
    private sealed class TimingFilter(ConcurrentDictionary<string, double> times) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextStep) =>
            {
                var started = Stopwatch.GetTimestamp();
                await nextStep(context);
                if (context.Request.Headers.TryGetValue(ProbeHeader, out var probe))
                {
                    times[probe.ToString()] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            });
            next(app);
        };
    }
}
