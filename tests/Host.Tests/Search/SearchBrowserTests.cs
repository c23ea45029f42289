using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>
/// The search pages in a real browser (Debian's Chromium): a secretary searches through the menu's "Zoeken" with the
/// keyboard, reads the passages, the count and "vertrouwelijk". Each state as a screenshot at 1366 and 320 CSS px (folder
/// <c>screenshots/zoeken</c>), checked by axe-core and for sideways scrolling at 320 px.
/// </summary>
public sealed class SearchBrowserTests(SearchBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<SearchBrowserFixture>
{
    private static readonly string[] Codes = ["Proposal", "Document", "Pending", "NameOnly", "undefined", "null", "voorstel-", "2026-", "2027-"];

    [Fact]
    public async Task A_secretary_searches_from_the_menu_and_reads_passages_counts_and_vertrouwelijk_on_a_wide_screen_and_a_phone()
    {
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await page.ClickAsync("nav[aria-label=Hoofdmenu] a:text-is('Zoeken')");
        await page.WaitForURLAsync(url => url.EndsWith("/Zoeken", StringComparison.Ordinal));
        await Browsers.ShowAsync(output, page, "zoeken/leeg", Codes, "Zoeken", "Zoek in voorstellen en stukken", "‘maatregel’ vindt ook ‘maatregelen’");

        await page.FillAsync("#q", "hittestressmaatregel");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(url => url.Contains("q=hittestressmaatregel", StringComparison.Ordinal));
        await Browsers.ShowAsync(output, page, "zoeken/resultaat-pdf", Codes, "1 resultaat voor ‘hittestressmaatregel’", SearchStory.HeatTitle,
            "Stuk: Bijlage maatregelen.pdf", "hittestressmaatregelen in wijken waar veel ouderen wonen");
        (await page.InnerTextAsync("mark")).Should().Be("hittestressmaatregelen");

        await page.FillAsync("#q", "aanpak");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(url => url.Contains("q=aanpak", StringComparison.Ordinal));
        await Browsers.ShowAsync(output, page, "zoeken/resultaat-voorstel", Codes, "1 resultaat voor ‘aanpak’", "Gevonden in de titel, de samenvatting of de beslispunten van het voorstel");

        await page.GotoAsync("/Zoeken?q=grondaankopen");
        await Browsers.ShowAsync(output, page, "zoeken/vertrouwelijk", Codes, "1 resultaat voor ‘grondaankopen’", "Notitie grond.pdf", "vertrouwelijk");

        await page.GotoAsync("/Zoeken?q=jaarverslagen");
        await Browsers.ShowAsync(output, page, "zoeken/twee-resultaten", Codes, "2 resultaten voor ‘jaarverslagen’", SearchStory.ReportTitle, "Stuk: Jaarverslag.pdf");

        await page.GotoAsync("/Zoeken?q=x");
        await Browsers.ShowAsync(output, page, "zoeken/te-kort", Codes, "Vul minstens 2 tekens in om te zoeken.");
        (await page.GetAttributeAsync("#q", "aria-invalid")).Should().Be("true");

        await page.GotoAsync("/Zoeken?q=olifantenpaadjes");
        await Browsers.ShowAsync(output, page, "zoeken/niets", Codes, "Geen resultaten voor ‘olifantenpaadjes’.");
        await page.Context.CloseAsync();
    }
}

/// <summary>One host with the search story and one Chromium for <see cref="SearchBrowserTests"/>.</summary>
public sealed class SearchBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost Host { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public SearchStory Story { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = Host.Start();
        Story = await SearchStory.StartAsync(Host);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "zoeken"));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}
