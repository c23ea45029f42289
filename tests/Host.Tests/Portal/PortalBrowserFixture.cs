using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.Documents;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Language;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Portal;

/// <summary>
/// One host (clock from Monday 4 January 2027, the seeded jaarkalender) and one Chromium for <see cref="PortalBrowserTests"/>.
/// A beleidsstuk goes through the DB of 20 January to the AB of 14 April 2027 with a public stuk, a second public stuk and a
/// vertrouwelijk stuk. Secretary Ingrid de Vries sends the AB's convocation in the browser; a resident (another browser
/// context, not signed in) reads the portal; after the meeting the AB of 23 June adopts the besluitenlijst; then every way
/// to the vertrouwelijk stuk is probed, every portal page is checked (axe-core, 320 px) and photographed, and Ingrid takes
/// a stuk and then the agenda off the portal. Each part runs once; a failed part stops the walk and is kept with its error.
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    public const string Title = "Regionale aanpak gezondheidsachterstanden";
    public const string PublicName = "Nota gezondheidsachterstanden.pdf";
    public const string SecondName = "Bijlage adressenlijst.pdf";
    public const string ConfidentialName = "Financiele onderbouwing vertrouwelijk.pdf";
    public const string Secretary = "Ingrid de Vries";
    public const string SecretaryEmail = "ingrid.devries@samendrenthe.example.org";
    public const string DocumentReason = "Er stonden namen en adressen van inwoners in.";
    public const string AgendaReason = "De vergadering is naar een andere datum verplaatst.";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _secretary;
    private IPage? _resident;
    private HttpClient? _api;
    private HttpClient? _clock;
    private HttpClient? _anonymous;
    private WalkParts? _parts;

    public LanguageHost Host { get; } = new();

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "portaal");

    public string ProposalId { get; private set; } = "";

    public string Meeting { get; private set; } = "";

    public string PublicId { get; private set; } = "";

    public string SecondId { get; private set; } = "";

    public string ConfidentialId { get; private set; } = "";

    /// <summary>The convocation page before sending (text): it says the agenda goes on the portal too.</summary>
    public string ConvocationPage { get; private set; } = "";

    /// <summary>The portal's meeting page after the convocation went out (text), and the download's answer.</summary>
    public string AfterConvocation { get; private set; } = "";

    public (HttpStatusCode Status, string? Disposition, string? NoSniff, byte[] Content) Download { get; private set; }

    public string AfterAdoption { get; private set; } = "";

    public XDocument? FeedAfterAdoption { get; private set; }

    public XDocument? FeedAgain { get; private set; }

    /// <summary>Every probe of the vertrouwelijk stuk: what was asked, the status, and whether its name or id was in the answer.</summary>
    public List<(string Probe, HttpStatusCode Status, bool Mentions)> Probes { get; } = [];

    /// <summary>The sitemap and robots.txt as answered.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per portal page: axe's serious or critical findings and the widths at 320 px.</summary>
    public List<(string Page, IReadOnlyList<string> Serious, int ScrollWidth, int ClientWidth)> Checks { get; } = [];

    /// <summary>The withdrawal of a stuk without a reason: status, message, and whether the stuk still downloads.</summary>
    public (int Status, string Message, HttpStatusCode StillThere)? Refusal { get; private set; }

    public (HttpStatusCode Status, string Page) Gone { get; private set; }

    /// <summary>The internal meeting page right after the stuk was withdrawn (text).</summary>
    public string InternalAfterWithdrawal { get; private set; } = "";

    public string FeedAfterWithdrawal { get; private set; } = "";

    public string MeetingAfterWithdrawal { get; private set; } = "";

    public (HttpStatusCode Status, string Page) MeetingGone { get; private set; }

    public string Timeline { get; private set; } = "";

    public void Reached(string part) => Parts.Reached(part);

    public async Task InitializeAsync()
    {
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        await Host.AddAccountAsync(SecretaryEmail, Secretary, AdviesRoute.Host.Security.Roles.Secretary, HostFixture.AdminPassword);
        _api = Host.Client(HostFixture.SecretaryKey);
        _clock = Host.Client(LanguageHost.AdminKey);
        _anonymous = Host.Client();
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        _secretary = await Browsers.NewPageAsync(_browser, Host.Address);
        _resident = await Browsers.NewPageAsync(_browser, Host.Address);
        await Browsers.SignInAsync(_secretary, SecretaryEmail, HostFixture.AdminPassword);

        await Parts.PartAsync("convocation", ConvocationAsync);
        await Parts.PartAsync("besluitenlijst", BesluitenlijstAsync);
        await Parts.PartAsync("probes", ProbesAsync);
        await Parts.PartAsync("pages", PagesAsync);
        await Parts.PartAsync("withdrawal", WithdrawalAsync);
    }

    private WalkParts Parts => _parts ??= new WalkParts(n => ShotAsync(_resident, "fout-" + n));

    /// <summary>To the AB through the DB; Ingrid sends the AB's convocation; the resident opens the meeting on the portal.</summary>
    private async Task ConvocationAsync()
    {
        using var started = await _api!.PostAsJsonAsync("/api/definitions/voorstel/instances", new
        {
            input = new JsonObject
            {
                ["titel"] = Title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage",
                ["beslispunten"] = new JsonArray(new JsonObject { ["nummer"] = 1, ["tekst"] = "De regionale aanpak van gezondheidsachterstanden vast te stellen." }),
            },
        });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        ProposalId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await ResumeAsync(Bookmarks(await InstanceAsync(_api!, ProposalId)).Single().Id, new JsonObject { ["uitkomst"] = "gereed" });
        PublicId = await AddDocumentAsync(PublicName, confidential: false);
        SecondId = await AddDocumentAsync(SecondName, confidential: false);
        ConfidentialId = await AddDocumentAsync(ConfidentialName, confidential: true);

        var db = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitDb", "Vergadering"))!;
        await AdvanceToAsync(db);
        await ResumeAsync((await WaitingAsync(_api!, ProposalId, "besluitDb", "Vergadering")).Id, new JsonObject { ["uitkomst"] = "vastgesteld" });
        Meeting = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitAb", "Vergadering"))!;

        await _secretary!.GotoAsync($"/Vergaderingen/{Meeting}/Convocatie");
        ConvocationPage = await _secretary.InnerTextAsync("main");
        await ShotBothAsync(_secretary, "convocatie-met-portaal");
        await _secretary.CheckAsync("#convocatie-zeker");
        await Browsers.SubmitAsync(_secretary, "button:has-text('Convocatie versturen')");
        await _secretary.GotoAsync($"/Vergaderingen/{Meeting}");
        await ShotBothAsync(_secretary, "vergadering-intern-gepubliceerd");

        await _resident!.GotoAsync($"/openbaar/vergaderingen/{Meeting}");
        AfterConvocation = await _resident.InnerTextAsync("main");
        var href = await _resident.GetAttributeAsync($"a:has-text('{PublicName}')", "href");
        using var file = await _anonymous!.GetAsync(href);
        Download = (file.StatusCode, file.Content.Headers.ContentDisposition?.ToString(), file.Headers.TryGetValues("X-Content-Type-Options", out var v) ? v.First() : null,
            await file.Content.ReadAsByteArrayAsync());
    }

    /// <summary>On 14 April the AB adopts the proposal; on 23 June the next AB meeting adopts the besluitenlijst in the browser.</summary>
    private async Task BesluitenlijstAsync()
    {
        await AdvanceToAsync(Meeting);
        await ResumeAsync((await WaitingAsync(_api!, ProposalId, "besluitAb", "Vergadering")).Id, new JsonObject { ["uitkomst"] = "vastgesteld" });
        var next = NextAbMeeting();
        await AdvanceToAsync(next);
        await _secretary!.GotoAsync($"/Vergaderingen/{next}");
        await Browsers.SubmitAsync(_secretary, "button:has-text('vastgesteld')");

        await _resident!.GotoAsync($"/openbaar/vergaderingen/{Meeting}");
        AfterAdoption = await _resident.InnerTextAsync("main");
        FeedAfterAdoption = XDocument.Parse(await _anonymous!.GetStringAsync("/openbaar/feed.atom"));
        FeedAgain = XDocument.Parse(await _anonymous.GetStringAsync("/openbaar/feed.atom"));
    }

    /// <summary>Every portal address a resident could try for the vertrouwelijk stuk, by its id and by its name.</summary>
    private async Task ProbesAsync()
    {
        var addresses = new List<string>
        {
            $"/openbaar/stukken/{ConfidentialId}/{Uri.EscapeDataString(ConfidentialName)}",
            $"/openbaar/stukken/{ConfidentialId}/{Uri.EscapeDataString(PublicName)}",
            $"/openbaar/stukken/{ConfidentialId}/stuk.pdf",
            $"/openbaar/stukken/{PublicId}/{Uri.EscapeDataString(ConfidentialName)}",
            $"/openbaar/stukken/{Uri.EscapeDataString(ConfidentialName)}/{Uri.EscapeDataString(ConfidentialName)}",
            $"/openbaar/vergaderingen/{Meeting}",
            $"/openbaar/vergaderingen/{Meeting}/agenda.pdf",
            $"/openbaar/vergaderingen/{Meeting}/besluitenlijst.pdf",
            "/openbaar", "/openbaar/organen/ab", "/openbaar/jaarkalender", "/openbaar/feed.atom", "/sitemap.xml", "/robots.txt",
            $"/documenten/{ConfidentialId}",
            // The public search, by each word of its name (a secretary finds it by them: see below); an id is no word to search by.
            "/openbaar/zoeken?q=onderbouwing", "/openbaar/zoeken?q=financiele", "/openbaar/zoeken?q=vertrouwelijk",
        };
        foreach (var address in addresses)
        {
            using var answer = await _anonymous!.GetAsync(address);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            var text = answer.Content.Headers.ContentType?.MediaType == "application/pdf" ? PdfText.Read(bytes) : Encoding.UTF8.GetString(bytes);
            var mentions = text.Contains(ConfidentialId, StringComparison.Ordinal) || text.Contains("Financiele onderbouwing", StringComparison.OrdinalIgnoreCase)
                || (answer.StatusCode == HttpStatusCode.OK && bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ConfidentialName)) >= 0);
            Probes.Add((address, answer.StatusCode, mentions));
            if (address is "/sitemap.xml" or "/robots.txt")
            {
                Texts[address] = text;
            }
        }

        // The same words find the stuk for the secretary, so the public search leaves it out, not merely misses it.
        await _secretary!.GotoAsync("/Zoeken?q=onderbouwing");
        Texts["/Zoeken?q=onderbouwing"] = await _secretary.InnerTextAsync("main");
    }

    /// <summary>Every portal page: axe-core, reflow at 320 px, screenshots at 1366 and 320 px.</summary>
    private async Task PagesAsync()
    {
        foreach (var (name, path) in new[]
        {
            ("home", "/openbaar"), ("orgaan-ab", "/openbaar/organen/ab"), ("orgaan-db", "/openbaar/organen/db"), ("vergadering", $"/openbaar/vergaderingen/{Meeting}"),
            ("vergadering-komend", $"/openbaar/vergaderingen/{NextAbMeeting(2)}"), ("jaarkalender", "/openbaar/jaarkalender"), ("toegankelijkheid", "/openbaar/toegankelijkheid"),
        })
        {
            await CheckPageAsync(name, path);
        }
    }

    /// <summary>
    /// Ingrid takes the second stuk off: first without a reason (refused, nothing stored), then with one; the resident then
    /// gets 410 with the reason. Then she takes the agenda off: the feed drops it.
    /// </summary>
    private async Task WithdrawalAsync()
    {
        await _secretary!.GotoAsync($"/Vergaderingen/{Meeting}");
        var form = _secretary.Locator("details.revoke", new PageLocatorOptions { HasText = SecondName });
        await form.Locator("summary").ClickAsync();
        await form.Locator("input[name='bevestigd']").CheckAsync();
        var refused = await Browsers.SubmitAsync(_secretary, $"details.revoke:has-text('{SecondName}') button[type='submit']");
        using (var still = await _anonymous!.GetAsync($"/openbaar/stukken/{SecondId}/{Uri.EscapeDataString(SecondName)}"))
        {
            Refusal = (refused.Status, await _secretary.InnerTextAsync(".utrecht-alert--error"), still.StatusCode);
        }

        await ShotBothAsync(_secretary, "intrekken-zonder-reden");
        form = _secretary.Locator("details.revoke", new PageLocatorOptions { HasText = SecondName });
        await form.Locator("textarea[name='reden']").FillAsync(DocumentReason);
        await form.Locator("input[name='bevestigd']").CheckAsync();
        await Browsers.SubmitAsync(_secretary, $"details.revoke:has-text('{SecondName}') button[type='submit']");
        await ShotBothAsync(_secretary, "stuk-ingetrokken-intern");
        InternalAfterWithdrawal = await _secretary.InnerTextAsync("main");

        using (var gone = await _anonymous.GetAsync($"/openbaar/stukken/{SecondId}/{Uri.EscapeDataString(SecondName)}"))
        {
            Gone = (gone.StatusCode, WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync()));
        }

        await _resident!.GotoAsync($"/openbaar/stukken/{SecondId}/{Uri.EscapeDataString(SecondName)}");
        await CheckPageAsync("stuk-teruggetrokken", null);

        form = _secretary.Locator("details.revoke", new PageLocatorOptions { HasText = "Agenda en openbare stukken van het portaal halen" });
        await form.Locator("summary").ClickAsync();
        await form.Locator("textarea[name='reden']").FillAsync(AgendaReason);
        await form.Locator("input[name='bevestigd']").CheckAsync();
        await Browsers.SubmitAsync(_secretary, "details.revoke:has-text('Agenda en openbare stukken van het portaal halen') button[type='submit']");
        FeedAfterWithdrawal = await _anonymous.GetStringAsync("/openbaar/feed.atom");
        await _resident.GotoAsync($"/openbaar/vergaderingen/{Meeting}");
        MeetingAfterWithdrawal = await _resident.InnerTextAsync("main");
        await CheckPageAsync("vergadering-agenda-teruggetrokken", null);

        // With the besluitenlijst taken off too, nothing of the meeting stands: 410.
        form = _secretary.Locator("details.revoke", new PageLocatorOptions { HasText = "Besluitenlijst van het portaal halen" });
        await form.Locator("summary").ClickAsync();
        await form.Locator("textarea[name='reden']").FillAsync(AgendaReason);
        await form.Locator("input[name='bevestigd']").CheckAsync();
        await Browsers.SubmitAsync(_secretary, "details.revoke:has-text('Besluitenlijst van het portaal halen') button[type='submit']");
        using (var meeting = await _anonymous.GetAsync($"/openbaar/vergaderingen/{Meeting}"))
        {
            MeetingGone = (meeting.StatusCode, WebUtility.HtmlDecode(await meeting.Content.ReadAsStringAsync()));
        }

        await _secretary.GotoAsync($"/Voorstellen/{ProposalId}");
        Timeline = await _secretary.InnerTextAsync("main");
    }

    private async Task CheckPageAsync(string name, string? path)
    {
        var page = _resident!;
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        await page.SetViewportSizeAsync(1366, 900);
        var serious = (await Browsers.AxeViolationsAsync(page)).Where(v => v.IsSeriousOrCritical).Select(v => v.ToString()).ToList();
        await ShotAsync(page, name + "-1366");
        await page.SetViewportSizeAsync(320, 640);
        serious.AddRange((await Browsers.AxeViolationsAsync(page)).Where(v => v.IsSeriousOrCritical).Select(v => "320 px: " + v));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        await ShotAsync(page, name + "-320");
        await page.SetViewportSizeAsync(1366, 900);
        CspWatch.ShouldBeNone(page.Context);
        Checks.Add((name, serious, widths[0], widths[1]));
    }

    private string NextAbMeeting(int after = 1)
    {
        var calendar = Host.Services.GetRequiredService<AdviesRoute.Activities.Governance.Directory.IGovernanceDirectory>().Current.Calendar;
        var day = calendar.Meetings.Single(m => m.Id == Meeting).Date;
        return calendar.MeetingsOf("ab").Where(m => m.Date > day).Skip(after - 1).First().Id;
    }

    private async Task AdvanceToAsync(string meeting)
    {
        var date = Host.Services.GetRequiredService<AdviesRoute.Activities.Governance.Directory.IGovernanceDirectory>().Current.Calendar.Meetings.Single(m => m.Id == meeting).Date;
        var local = new DateTime(date.Year, date.Month, date.Day, 16, 0, 0, DateTimeKind.Unspecified);
        await AdvanceClockToAsync(_clock!, new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local)));
        await Browsers.SignInAsync(_secretary!, SecretaryEmail, HostFixture.AdminPassword);
    }

    private async Task ResumeAsync(string bookmark, JsonObject input)
    {
        using var response = await _api!.PostAsJsonAsync($"/api/instances/{ProposalId}/bookmarks/{bookmark}/resume", new { input });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<string> AddDocumentAsync(string name, bool confidential) => Host.WithScopeAsync(async sp =>
    {
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await sp.GetRequiredService<AddProposalDocument>().AddAsync(ProposalId, new NewDocument(name, DocumentKind.Pdf, content, confidential),
            new Trigger(SecretaryEmail, Channel.Page), null, CancellationToken.None);
        return sp.GetRequiredService<AdviesRoute.Host.Data.HostDbContext>().ProposalDocuments.Single(d => d.InstanceId == ProposalId && d.FileName == name).Id;
    });

    private async Task ShotBothAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1366, 900);
        await ShotAsync(page, name + "-1366");
        await page.SetViewportSizeAsync(320, 640);
        await ShotAsync(page, name + "-320");
        await page.SetViewportSizeAsync(1366, 900);
    }

    private static Task ShotAsync(IPage? page, string name) => page is null
        ? Task.CompletedTask
        : page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        _clock?.Dispose();
        _anonymous?.Dispose();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
