using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Language;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>
/// One host (on a loopback port, its clock from Monday 4 January 2027 with the seeded jaarkalender) and one Chromium for
/// <see cref="MeetingPagesBrowserTests"/>. It walks a DB meeting as a secretary does: two proposals on its agenda and an
/// own item added in the browser; on the day attendance below quorum and an outcome refused on the proposal page; then
/// attendance with quorum, the outcomes, the besluitenlijst; and the next DB meeting adopting it. Screenshots at 1366
/// and 320 px go to <c>screenshots/vergadering</c>. Each part runs once; a failed part stops the walk and is kept with its error.
/// </summary>
public sealed class MeetingPagesFixture : IAsyncLifetime
{
    public const string OpenTitle = "Rapportage eerste vier maanden 2027";
    public const string ClosedTitle = "Personele reorganisatie";
    public const string OwnItem = "Presentatie GGD-monitor";
    public static readonly string[] Points = ["De rapportage over de eerste vier maanden van 2027 vast te stellen.", "De rapportage ter kennisname te sturen aan de raden."];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private HttpClient? _api;
    private HttpClient? _clock;
    private WalkParts? _parts;

    public LanguageHost Host { get; } = new();

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "vergadering");

    public string Meeting { get; private set; } = "";

    public string NextMeeting { get; private set; } = "";

    /// <summary>The meeting page's text at 1366 px after the own item was added, and whether it fitted 320 px.</summary>
    public string AgendaText { get; private set; } = "";

    public (int ScrollWidth, int Width) AgendaAt320 { get; private set; }

    public string QuorumText { get; private set; } = "";

    /// <summary>The proposal page's answer to an outcome below quorum: status and message.</summary>
    public (int Status, string Message)? Refusal { get; private set; }

    /// <summary>The journal kinds of the proposal after the refusal.</summary>
    public IReadOnlyList<string> JournalAfterRefusal { get; private set; } = [];

    public string BesluitenlijstText { get; private set; } = "";

    public (int ScrollWidth, int Width) BesluitenlijstAt320 { get; private set; }

    public string AdoptedText { get; private set; } = "";

    /// <summary>The DB's seats as the meeting page lists them in the attendance form: member ids.</summary>
    public IReadOnlyList<string> Seats { get; private set; } = [];

    /// <summary>Throws with the error of the part that stopped the walk before <paramref name="part"/> was reached.</summary>
    public void Reached(string part) => Parts.Reached(part);

    public async Task InitializeAsync()
    {
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _api = Host.Client(HostFixture.SecretaryKey);
        _clock = Host.Client(LanguageHost.AdminKey);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        var context = await Browsers.NewContextAsync(_browser, new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        _page = await context.NewPageAsync();
        await Browsers.SignInAsync(_page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await PartAsync("agenda", AgendaAsync);
        await PartAsync("no quorum", NoQuorumAsync);
        await PartAsync("besluitenlijst", BesluitenlijstAsync);
        await PartAsync("adoption", AdoptionAsync);
    }

    private IPage Page => _page!;

    private Task PartAsync(string name, Func<Task> part) => Parts.PartAsync(name, part);

    /// <summary>The walk's parts; a failed part leaves a screenshot named after it.</summary>
    private WalkParts Parts => _parts ??= new WalkParts(n => ShotAsync("fout-" + n.Replace(' ', '-')));

    /// <summary>Two proposals reach the DB's meeting; the secretary adds an own item on the meeting page.</summary>
    private async Task AgendaAsync()
    {
        var open = await ToDbAsync(new JsonObject
        {
            ["titel"] = OpenTitle,
            ["beslispunten"] = new JsonArray(Points.Select((p, i) => (JsonNode)new JsonObject { ["nummer"] = i + 1, ["tekst"] = p }).ToArray()),
        });
        await ToDbAsync(new JsonObject { ["titel"] = ClosedTitle, ["openbaarheid"] = "besloten" });
        Meeting = MeetingOf(await WaitingAsync(_api!, open, "besluitDb", "Vergadering"))!;
        await Page.GotoAsync($"/Vergaderingen/{Meeting}");
        await Page.ClickAsync("summary:has-text('Eigen agendapunt toevoegen')");
        await Page.FillAsync("#agendapunt-titel", OwnItem);
        await Page.FillAsync("#agendapunt-tekst", "Door de afdeling Epidemiologie, twintig minuten.");
        await Browsers.SubmitAsync(Page, "button:has-text('Agendapunt toevoegen')");
        AgendaText = await Page.InnerTextAsync("main");
        await ShotBothAsync("vergadering-agenda");
        AgendaAt320 = await WidthAt320Async();
        await ShotBothAsync("agenda-afdrukken", $"/Vergaderingen/{Meeting}/Agenda");
    }

    /// <summary>On the day, two of five present: the proposal page refuses the outcome and nothing is stored.</summary>
    private async Task NoQuorumAsync()
    {
        await AdvanceToMeetingAsync(Meeting);
        await Page.GotoAsync($"/Vergaderingen/{Meeting}");
        Seats = await Page.Locator("input[type='radio'][value='aanwezig']").EvaluateAllAsync<string[]>("rs => rs.map(r => r.name.substring('aanwezigheid.'.length))");
        await Page.CheckAsync($"input[name='aanwezigheid.{Seats[0]}'][value='aanwezig']");
        await Page.CheckAsync($"input[name='aanwezigheid.{Seats[1]}'][value='aanwezig']");
        await Page.CheckAsync($"input[name='aanwezigheid.{Seats[2]}'][value='kennisgeving']");
        await ShotBothAsync("vergadering-aanwezigheid-invullen");
        await Browsers.SubmitAsync(Page, "button:has-text('Aanwezigheid vastleggen')");
        QuorumText = await Page.InnerTextAsync("p.quorum");
        await ShotBothAsync("vergadering-geen-quorum");

        var open = await ProposalAsync(OpenTitle);
        await Page.GotoAsync($"/Voorstellen/{open}");
        var form = Page.Locator("form.action", new PageLocatorOptions { Has = Page.Locator("input[value='vastgesteld']") });
        await form.Locator("input[value='vastgesteld']").CheckAsync();
        var response = await Page.RunAndWaitForResponseAsync(() => form.Locator("button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");
        await Page.WaitForLoadStateAsync(LoadState.Load);
        Refusal = (response.Status, await Page.Locator(".utrecht-alert--error, [role='alert']").First.InnerTextAsync());
        await ShotBothAsync("voorstel-geen-quorum");
        JournalAfterRefusal = Journal(await InstanceAsync(_api!, open)).Select(j => j.Kind).ToList();
    }

    /// <summary>Four present, one with notice: the outcomes are recorded (one by vote) and the besluitenlijst shows them.</summary>
    private async Task BesluitenlijstAsync()
    {
        await Page.GotoAsync($"/Vergaderingen/{Meeting}");
        await Page.ClickAsync("summary:has-text('Aanwezigheid wijzigen')");
        foreach (var seat in Seats.Take(4))
        {
            await Page.CheckAsync($"input[name='aanwezigheid.{seat}'][value='aanwezig']");
        }

        await Page.CheckAsync($"input[name='aanwezigheid.{Seats[4]}'][value='kennisgeving']");
        await Browsers.SubmitAsync(Page, "button:has-text('Aanwezigheid vastleggen')");
        await ShotBothAsync("vergadering-quorum");

        var open = await ProposalAsync(OpenTitle);
        var votes = new JsonArray(Seats.Take(4).Select((s, i) => (JsonNode)new JsonObject { ["lid"] = s, ["keuze"] = i < 3 ? "voor" : "tegen" }).ToArray());
        await ResumeAsync(open, new JsonObject { ["stemmen"] = votes, ["toelichting"] = "Met dank aan de afdeling." });
        await ResumeAsync(await ProposalAsync(ClosedTitle), new JsonObject { ["uitkomst"] = "vastgesteld" });
        await Page.GotoAsync($"/Vergaderingen/{Meeting}/Besluitenlijst");
        BesluitenlijstText = await Page.InnerTextAsync("main");
        await ShotBothAsync("besluitenlijst");
        BesluitenlijstAt320 = await WidthAt320Async();
        await ShotBothAsync("besluitenlijst-openbaar", $"/Vergaderingen/{Meeting}/Besluitenlijst?openbaar=1");
    }

    /// <summary>The next DB meeting adopts the besluitenlijst as its standard item; the earlier one then says so.</summary>
    private async Task AdoptionAsync()
    {
        var calendar = (await _api!.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!["document"]!["meetings"]!.AsArray();
        var day = MeetingDay(calendar, Meeting);
        NextMeeting = calendar.Where(m => m!["body"]!.GetValue<string>() == "db")
            .Select(m => (Id: m!["id"]!.GetValue<string>(), Day: MeetingDay(calendar, m["id"]!.GetValue<string>())))
            .Where(m => m.Day > day).OrderBy(m => m.Day).First().Id;
        await AdvanceToMeetingAsync(NextMeeting);
        await Page.GotoAsync($"/Vergaderingen/{NextMeeting}");
        await Page.FillAsync("#wijzigingen", "Bij punt 6 de naam van de afdeling verbeterd.");
        await Browsers.SubmitAsync(Page, "button:has-text('vastgesteld')");
        await ShotBothAsync("volgende-vergadering-besluitenlijst-vastgesteld");
        await Page.GotoAsync($"/Vergaderingen/{Meeting}/Besluitenlijst");
        AdoptedText = await Page.InnerTextAsync("main");
        await ShotBothAsync("besluitenlijst-vastgesteld");
    }

    private async Task<string> ToDbAsync(JsonObject input)
    {
        input["pijler"] = "PubliekeGezondheid";
        input["soort"] = "viermaandsrapportage";
        using var started = await _api!.PostAsJsonAsync("/api/definitions/voorstel/instances", new { input });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        var preparation = Bookmarks(await InstanceAsync(_api!, id)).Single();
        await ResumeAsync(id, new JsonObject { ["uitkomst"] = "gereed" }, preparation.Id);
        _ids[input["titel"]!.GetValue<string>()] = id;
        return id;
    }

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    private Task<string> ProposalAsync(string title) => Task.FromResult(_ids[title]);

    private async Task ResumeAsync(string id, JsonObject input, string? bookmark = null)
    {
        bookmark ??= (await WaitingAsync(_api!, id, "besluitDb", "Vergadering")).Id;
        using var response = await _api!.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}/resume", new { input });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static DateOnly MeetingDay(JsonArray calendar, string meeting) => DateOnly.ParseExact(
        calendar.Single(m => m!["id"]!.GetValue<string>() == meeting)!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task AdvanceToMeetingAsync(string meeting)
    {
        var calendar = (await _api!.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!["document"]!["meetings"]!.AsArray();
        var date = MeetingDay(calendar, meeting);
        var local = new DateTime(date.Year, date.Month, date.Day, 16, 0, 0, DateTimeKind.Unspecified);
        await AdvanceClockToAsync(_clock!, new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local)));
        await Browsers.SignInAsync(Page, HostFixture.AdminEmail, HostFixture.AdminPassword);
    }

    private async Task<(int, int)> WidthAt320Async()
    {
        await Page.SetViewportSizeAsync(320, 640);
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        await Page.SetViewportSizeAsync(1366, 900);
        return (widths[0], widths[1]);
    }

    private async Task ShotBothAsync(string name, string? path = null)
    {
        if (path is not null)
        {
            await Page.GotoAsync(path);
        }

        await Page.SetViewportSizeAsync(1366, 900);
        await ShotAsync(name + "-1366");
        await Page.SetViewportSizeAsync(320, 640);
        await ShotAsync(name + "-320");
        await Page.SetViewportSizeAsync(1366, 900);
    }

    private Task ShotAsync(string name) => _page is null
        ? Task.CompletedTask
        : _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        _clock?.Dispose();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
