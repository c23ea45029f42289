using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Language;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.Playwright;

namespace AdviesRoute.Host.Tests.Look;

/// <summary>Who visits: a role with its account, or nobody signed in.</summary>
public sealed record Visitor(string Role, string? Email, string? Password);

/// <summary>
/// One page as a role saw it: at 1366 px whether it opened, then at 320 px how wide the document was, what axe-core
/// found and which controls had no class of the design system.
/// </summary>
/// <param name="Refused">The role was sent to the login or access-denied page: nothing else was measured.</param>
/// <param name="Overflowing">At 320 px: the elements that reach past the viewport's right edge.</param>
/// <param name="Unstyled">At 320 px: each button, field, select, text area or table without a <c>utrecht-</c> class.</param>
public sealed record PageVisit(string Role, string Template, string Path, string FinalPath, int? Status, bool Refused, int ScrollWidth, int ViewportWidth,
    IReadOnlyList<string> Overflowing, IReadOnlyList<AxeViolation> Violations, IReadOnlyList<string> Unstyled, string Shots);

/// <summary>
/// One host (Testing environment, real Kestrel port) and one Debian Chromium for <see cref="PageLookBrowserTests"/>.
/// It makes a little data through the API (a proposal in a written BAC round with twelve personal links, a begroting
/// on the DB's agenda), then opens every page route of the host's endpoint list as the administrator, a secretary, a
/// process owner and (where a page allows it) without an account, the four in parallel pages of the one browser. Each
/// page is photographed at 1366 and at 320 CSS px (<c>screenshots/opmaak/</c>) and measured at 320 px.
/// </summary>
public sealed partial class PageLookCrawl : IAsyncLifetime
{
    public const string Password = "Opmaak-Proef-Wachtwoord-2027!";
    public const int Narrow = 320;
    public const int Wide = 1366;

    public static readonly Visitor Administrator = new("administrator", HostFixture.AdminEmail, HostFixture.AdminPassword);
    public static readonly Visitor Secretary = new("secretary", "s.dekker@samendrenthe.example.org", Password);
    public static readonly Visitor ProcessOwner = new("process owner", "p.jansen@samendrenthe.example.org", Password);
    public static readonly Visitor NoAccount = new("no account", null, null);

    /// <summary>
    /// Page routes the crawl does not open, each with the reason. (The Hangfire dashboard is no page route of the host:
    /// it is <c>/hangfire/{**path}</c>, a third-party tool for administrators, in English by design, with its own look.)
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/Ontwerper/{definitionId}"] =
            "The designer's canvas: a React application drawn for a wide screen with a mouse (nodes, handles, a minimap); "
            + "its own browser tests (EndToEnd/DesignerBrowserTests) check it with axe-core. Its list of routes (/Ontwerper) is checked here.",
        ["/Voorstellen/{id}/Zienswijzennota/{formaat}"] =
            "A download: the zienswijzennota as a PDF or DOCX file, not a page; Zienswijzen/BegrotingZienswijzenBrowserTests reads it back.",
        ["/openbaar/stukken/{id}/{name}"] =
            "A download: a public stuk as a file (its 410 page for a withdrawn stuk is checked with axe-core and at 320 px by Portal/PortalBrowserTests).",
        ["/openbaar/vergaderingen/{meetingId}/{soort}.pdf"] =
            "A download: the public agenda or besluitenlijst as PDF; Portal/PortalBrowserTests reads them.",
    };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LanguageHost Host { get; } = new();

    public IReadOnlyList<PageRoute> Pages { get; private set; } = [];

    /// <summary>Page routes neither opened nor excluded, with why.</summary>
    public List<string> NotCovered { get; } = [];

    public List<PageVisit> Visits { get; } = [];

    /// <summary>The proposal in its written round, with its twelve personal links.</summary>
    public string ProposalId { get; private set; } = "";

    public TimeSpan Took { get; private set; }

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "opmaak");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Host.Start();
        await CreateAccountAsync(Secretary, "Sanne Dekker", Roles.Secretary);
        await CreateAccountAsync(ProcessOwner, "Pieter Jansen", Roles.ProcessOwner);
        var paths = await MakeDataAsync();
        Pages = PageRoutes.Pages(Host.Services);

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        var visits = await Task.WhenAll(new[] { Administrator, Secretary, ProcessOwner, NoAccount }.Select(v => CrawlAsync(v, paths)));
        Visits.AddRange(visits.SelectMany(v => v));
        foreach (var route in Pages.Select(p => LanguageCrawl.Normalized(p.Template)))
        {
            if (!Excluded.ContainsKey(route) && !Visits.Any(v => v.Template == route && !v.Refused))
            {
                NotCovered.Add(paths.ContainsKey(route) || !route.Contains('{', StringComparison.Ordinal)
                    ? $"{route}: no role could open it"
                    : $"{route}: the crawl has no value for its parameters (give it one in {nameof(PageLookCrawl)}.{nameof(MakeDataAsync)}, or exclude it with a reason)");
            }
        }

        Took = clock.Elapsed;
    }

    /// <summary>A new context on the host, in Dutch, at the given width.</summary>
    public Task<IBrowserContext> NewContextAsync(int width) => Browsers.NewContextAsync(Browser, new BrowserNewContextOptions
    {
        BaseURL = Host.Address.ToString(),
        Locale = "nl-NL",
        TimezoneId = "Europe/Amsterdam",
        ViewportSize = new ViewportSize { Width = width, Height = 900 },
    });

    /// <summary>A page signed in as the visitor (through the login page), at the given width.</summary>
    public async Task<IPage> SignedInPageAsync(Visitor visitor, int width)
    {
        var context = await NewContextAsync(width);
        var page = await context.NewPageAsync();
        if (visitor.Email is not null)
        {
            await Browsers.SignInAsync(page, visitor.Email, visitor.Password!);
        }

        return page;
    }

    /// <summary>
    /// The data the pages show, made through the API, and a value for each route parameter: a proposal in a written BAC
    /// round (the test-only route of the language crawl) whose twelve members got a personal link, and a begroting waiting
    /// for the DB's meeting. The long words and address in their texts test wrapping at 320 px.
    /// </summary>
    private async Task<Dictionary<string, string>> MakeDataAsync()
    {
        await LanguageStory.PublishWrittenAdviceRouteAsync(Host);
        using var api = Host.Client(HostFixture.SecretaryKey);
        ProposalId = await StartReadyAsync(api, LanguageStory.WrittenAdviceRoute, "Regionale aanpak hitte en gezondheid", "beleidsvoorstel",
            "Een gezamenlijk hitteplan voor de twaalf gemeenten; achtergrond op https://www.samendrenthe.example.org/publicaties/gezondheid/regionale-aanpak-hitte-en-gezondheid-2027-uitvoeringsprogramma.pdf");
        await StartReadyAsync(api, "voorstel", "Ontwerpbegroting 2028 met gemeentelijkebijdragenverdeelsleutelherziening", "begroting",
            "De ontwerpbegroting 2028 met de meerjarenraming.");

        var links = await EventuallyAsync(() => RequestMail.In(Host.MailFolder) is { Count: >= 12 } mails ? mails : null, "the twelve BAC members' request mails");
        using var admin = Host.Client();
        (await HostFixture.PostLoginFormAsync(admin, HostFixture.AdminEmail, HostFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var meeting = MeetingLink().Match(await admin.GetStringAsync("/Vergaderingen"));
        meeting.Success.Should().BeTrue("the meetings page lists the meetings of the jaarkalender");
        var mail = MailboxLink().Match(await admin.GetStringAsync("/Mailbox"));
        mail.Success.Should().BeTrue("the local mailbox lists the mails sent");
        // One open request of the BAC's written round, for the page that records an answer on a member's behalf.
        var request = HostPages.Bookmarks(await HostPages.InstanceAsync(api, ProposalId)).First(b => b.Name is "Antwoord" or "Stem");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/Voorstellen/{id}"] = $"/Voorstellen/{Uri.EscapeDataString(ProposalId)}",
            ["/Voorstellen/{id}/Stuk"] = $"/Voorstellen/{Uri.EscapeDataString(ProposalId)}/Stuk",
            ["/Voorstellen/{id}/Beslispunten"] = $"/Voorstellen/{Uri.EscapeDataString(ProposalId)}/Beslispunten",
            ["/Vergaderingen/{id}"] = $"/Vergaderingen/{meeting.Groups["id"].Value}",
            ["/Vergaderingen/{id}/Convocatie"] = $"/Vergaderingen/{meeting.Groups["id"].Value}/Convocatie",
            ["/Vergaderingen/{id}/{soort}"] = $"/Vergaderingen/{meeting.Groups["id"].Value}/Agenda",
            ["/Mailbox/Message/{id}"] = WebUtility.HtmlDecode(mail.Groups["path"].Value),
            ["/Voorstellen/{id}/Namens/{bookmarkId}"] = $"/Voorstellen/{Uri.EscapeDataString(ProposalId)}/Namens/{Uri.EscapeDataString(request.Id)}",
            [LanguageCrawl.LinkTemplate] = links[0].LinkPath,
            ["/openbaar/organen/{bodyId}"] = "/openbaar/organen/ab",
            ["/openbaar/vergaderingen/{meetingId}"] = "/openbaar/vergaderingen/ab-2027-04-14",
        };
    }

    /// <summary>Starts a proposal through the API and reports its preparation done.</summary>
    private static async Task<string> StartReadyAsync(HttpClient api, string route, string title, string kind, string summary)
    {
        using var started = await api.PostAsJsonAsync($"/api/definitions/{route}/instances",
            new { input = new { titel = title, pijler = "PubliekeGezondheid", soort = kind, samenvatting = summary, bestuursmodel = "metBacs" } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instance = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = instance.GetProperty("instanceId").GetString()!;
        var preparation = instance.GetProperty("bookmarks").EnumerateArray().Single().GetProperty("id").GetString()!;
        using var ready = await api.PostAsJsonAsync($"/api/instances/{Uri.EscapeDataString(id)}/bookmarks/{preparation}/resume", new { input = new { uitkomst = "gereed" } });
        ready.IsSuccessStatusCode.Should().BeTrue(await ready.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Every page route as one visitor, in one page of the shared browser.</summary>
    private async Task<IReadOnlyList<PageVisit>> CrawlAsync(Visitor visitor, IReadOnlyDictionary<string, string> paths)
    {
        var visits = new List<PageVisit>();
        var page = await SignedInPageAsync(visitor, Wide);
        try
        {
            // The account pages last: the crawl must not be signed out on its way.
            foreach (var route in Pages.OrderBy(p => p.Template.StartsWith("/Account/", StringComparison.Ordinal)).ThenBy(p => p.Template, StringComparer.Ordinal))
            {
                var template = LanguageCrawl.Normalized(route.Template);
                var forThisVisitor = visitor.Email is null ? route.AllowsAnonymous : !route.AllowsAnonymous;
                if (Excluded.ContainsKey(template) || !forThisVisitor)
                {
                    continue;
                }

                var path = template.Contains('{', StringComparison.Ordinal) ? paths.GetValueOrDefault(template) : template;
                if (path is not null)
                {
                    visits.Add(await VisitAsync(page, visitor, template, path));
                }
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        return visits;
    }

    private static async Task<PageVisit> VisitAsync(IPage page, Visitor visitor, string template, string path)
    {
        await page.SetViewportSizeAsync(Wide, 900);
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var finalPath = new Uri(page.Url).AbsolutePath;
        var refused = finalPath != template && (finalPath.StartsWith("/Account/", StringComparison.Ordinal) || response?.Status == (int)HttpStatusCode.Forbidden);
        var shot = $"{Slug(visitor.Role)}-{Slug(template)}";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{shot}-{Wide}.png"), FullPage = true });
        if (refused)
        {
            return new PageVisit(visitor.Role, template, path, finalPath, response?.Status, true, 0, 0, [], [], [], shot);
        }

        await page.SetViewportSizeAsync(Narrow, 800);
        var measured = await page.EvaluateAsync<JsonElement>(MeasureScript);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{shot}-{Narrow}.png"), FullPage = true });
        var violations = await Browsers.AxeViolationsAsync(page);
        return new PageVisit(visitor.Role, template, path, finalPath, response?.Status, false,
            measured.GetProperty("scrollWidth").GetInt32(), measured.GetProperty("viewportWidth").GetInt32(),
            Strings(measured.GetProperty("overflowing")), violations, Strings(measured.GetProperty("unstyled")), shot);
    }

    /// <summary>
    /// The document's width against the viewport's, the elements reaching past its right edge (innermost first, at most
    /// ten), and the controls and tables without a class of the design system (hidden fields are no control).
    /// </summary>
    private const string MeasureScript = """
        () => {
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
            + (e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : '');
          const width = window.innerWidth;
          const overflowing = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 0.5))
            .slice(0, 10).map(describe);
          const unstyled = [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, table')]
            .filter(e => ![...e.classList].some(c => c.startsWith('utrecht-'))).map(describe);
          return { scrollWidth: document.documentElement.scrollWidth, viewportWidth: width, overflowing, unstyled };
        }
        """;

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited a minute for {what}.");
    }

    private Task CreateAccountAsync(Visitor visitor, string name, string role) => Host.AddAccountAsync(visitor.Email!, name, role, Password);

    public static string Slug(string text) => SlugPattern().Replace(text.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug ? slug : "start";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }

    [GeneratedRegex("href=\"/Vergaderingen/(?<id>[^\"/?]+)\"")]
    private static partial Regex MeetingLink();

    [GeneratedRegex("href=\"(?<path>/Mailbox/Message/[^\"]+)\"")]
    private static partial Regex MailboxLink();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
