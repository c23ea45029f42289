using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// One real host (a process on a loopback port, with the shipped definitions and a calendar whose BAC, DB and AB
/// meetings are a few weeks ahead) and one Chromium for all designer browser tests. An administrator creates a
/// process owner on the accounts page; each test opens its own browser context signed in as that process owner.
/// </summary>
public sealed partial class DesignerBrowserFixture : IAsyncLifetime
{
    public const string ProcessOwnerKey = "ontwerper-proceseigenaar-0123456789abcdef";
    public const string OwnerEmail = "p.jansen@samendrenthe.example.org";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private string _folder = "";
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _ownerState = "";

    public HostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("adviesroute-ontwerper-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "definitions"));
        foreach (var shipped in Directory.GetFiles(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions"), "*.json"))
        {
            File.Copy(shipped, Path.Combine(_folder, "definitions", Path.GetFileName(shipped)));
        }

        _host = await HostProcess.StartAsync(_folder, HostProcess.FreePort(), new Dictionary<string, string>
        {
            ["Security__ApiKeys__1__Name"] = "ontwerper-proceseigenaar",
            ["Security__ApiKeys__1__Key"] = ProcessOwnerKey,
            ["Security__ApiKeys__1__Roles__0"] = "processowner",

            // The Testing clock: a meeting's outcome is recorded on the meeting's day, so a walk moves the clock there.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Security__ApiKeys__2__Name"] = "ontwerper-klok",
            ["Security__ApiKeys__2__Key"] = ClockKey,
            ["Security__ApiKeys__2__Roles__0"] = "admin",
            ["Mail__PickupFolder"] = Path.Combine(_folder, "mail"),
            ["Links__KeyFile"] = Path.Combine(_folder, "link-key"),

            // The designer's bundle and the pages' stylesheet live in the project's wwwroot: serve them as `dotnet run` does.
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(MaildevServer.RepositoryRoot(), "src", "Host"),
        });
        await UseNearMeetingsAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        Assertions.SetDefaultExpectTimeout(Browsers.StepTimeout);
        Directory.CreateDirectory(ScreenshotFolder);
        _ownerState = await CreateProcessOwnerAsync();
    }

    /// <summary>A new browser context signed in as the process owner, wide enough for the designer.</summary>
    public async Task<IBrowserContext> NewOwnerContextAsync()
    {
        return await Browsers.NewContextAsync(Browser, new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
            StorageState = _ownerState,
        });
    }

    /// <summary>The API as the process owner (drafts, versions, calendar).</summary>
    public const string ClockKey = "ontwerper-klok-0123456789abcdef0123";

    /// <summary>Moves the host's Testing clock forward to 20:00 on a Dutch day (never back).</summary>
    public async Task MoveClockToAsync(DateOnly day)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ClockKey);
        var now = (await (await client.PostAsJsonAsync("/api/testing/clock", new { advance = "PT1S" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
        var local = day.ToDateTime(new TimeOnly(20, 0));
        var target = new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
        if (target > now)
        {
            using var moved = await client.PostAsJsonAsync("/api/testing/clock", new { advance = $"PT{(int)Math.Ceiling((target - now).TotalMinutes)}M" });
            moved.IsSuccessStatusCode.Should().BeTrue(await moved.Content.ReadAsStringAsync());
        }
    }

    public HttpClient Owner()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ProcessOwnerKey);
        return client;
    }

    /// <summary>The API as an administrator (the clock's key): the only one who may put JavaScript in a route (ADR 0031).</summary>
    public HttpClient Administrator()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ClockKey);
        return client;
    }

    /// <summary>The API as the secretary (start and resume proposals).</summary>
    public HttpClient Secretary() => Host.CreateClient();

    /// <summary>A published copy of the shipped <c>voorstel</c> route under another id, for a test of its own.</summary>
    public async Task<string> CopyOfVoorstelAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json")))!.AsObject();
        definition["definitionId"] = id;
        definition["name"] = $"Voorstel (kopie {id})";
        using var owner = Owner();
        using var imported = await owner.PostAsync("/api/definitions/import", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        imported.IsSuccessStatusCode.Should().BeTrue(await imported.Content.ReadAsStringAsync());
        using var published = await owner.PostAsync($"/api/definitions/{id}/draft/publish", null);
        published.IsSuccessStatusCode.Should().BeTrue(await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The admin signs in, creates a process owner on the accounts page, and that person signs in.</summary>
    private async Task<string> CreateProcessOwnerAsync()
    {
        await using var admin = await Browsers.NewContextAsync(Browser, new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await admin.NewPageAsync();
        await Browsers.SignInAsync(page, "beheer@example.org", "Beheer-Wachtwoord-2026!");
        await page.GotoAsync("/Beheer/Accounts");
        await page.FillAsync("#Input_Email", OwnerEmail);
        await page.FillAsync("#Input_DisplayName", "Pieter Jansen");
        await page.CheckAsync("#rol-processowner");
        await page.ClickAsync("button:has-text('Account aanmaken')");
        var notice = await page.InnerTextAsync(".account-result");
        notice.Should().Contain($"Het account {OwnerEmail} is aangemaakt.");
        var password = PasswordPattern().Match(notice).Groups[1].Value;
        password.Should().NotBeEmpty();

        await using var owner = await Browsers.NewContextAsync(Browser, new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = "nl-NL" });
        var ownerPage = await owner.NewPageAsync();
        await Browsers.SignInAsync(ownerPage, OwnerEmail, password);

        // A new account chooses its own password at the first sign-in.
        await ownerPage.FillAsync("#Input_Current", password);
        await ownerPage.FillAsync("#Input_New", "Eigen-Wachtwoord-Pieter-2026!");
        await ownerPage.FillAsync("#Input_Repeat", "Eigen-Wachtwoord-Pieter-2026!");
        await ownerPage.ClickAsync("button:has-text('Wachtwoord opslaan en verder')");
        await ownerPage.WaitForURLAsync(url => !url.Contains("/Account/Wachtwoord", StringComparison.Ordinal));
        return await owner.StorageStateAsync();
    }

    /// <summary>
    /// The only BAC, DB and AB meetings: 20, 30 and 45 days ahead, so the route does not depend on today's date and
    /// every documents deadline can still be met.
    /// </summary>
    private async Task UseNearMeetingsAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        // A walk moves the clock to its meetings (a BAC on day 20, then the first DB whose documents are still on time:
        // day 50), and a later walk takes the next ones (a BAC on day 70, a DB on day 100).
        var calendar = NearMeetings(today, ("bac-pg", 20, "14:00"), ("bac-zv", 20, "16:00"), ("db", 30, "10:00"), ("ab", 45, "19:30"),
            ("db", 50, "10:00"), ("bac-pg", 70, "14:00"), ("bac-zv", 70, "16:00"), ("db", 100, "10:00"), ("ab", 120, "19:30"));
        using var owner = Owner();
        using var response = await owner.PutAsync("/api/jaarkalender", new StringContent(calendar, Encoding.UTF8, "application/json"));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the stopped process; the temp folder is cleaned by the OS
        }
    }

    [GeneratedRegex(@"Wachtwoord:\s*(\S+)")]
    private static partial Regex PasswordPattern();
}
