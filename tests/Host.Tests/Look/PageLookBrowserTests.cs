using System.Net;
using AdviesRoute.Host.Look;
using AdviesRoute.Host.Tests.Language;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Look;

/// <summary>
/// The pages' look as the issue asks it (<see cref="PageLookCrawl"/> opens every page route as each role): at 320 CSS px
/// no page is wider than the screen (WCAG 1.4.10), axe-core finds no serious or critical violation, and every button,
/// field, select and table is a component of the NL Design System. Besides: the Dutch pages for 403, 404 and 500, where
/// each role lands, and a menu that shows exactly what the role may open and folds on a phone.
/// </summary>
public sealed class PageLookBrowserTests(PageLookCrawl crawl, ITestOutputHelper output) : IClassFixture<PageLookCrawl>
{
    private IEnumerable<PageVisit> Opened => crawl.Visits.Where(v => !v.Refused);

    [Fact]
    public void Every_page_route_of_the_endpoint_list_is_opened_by_a_role_or_excluded_with_a_reason()
    {
        output.WriteLine($"{crawl.Visits.Count} visits ({Opened.Count()} opened) in {crawl.Took.TotalSeconds:0} s; screenshots in {PageLookCrawl.ScreenshotFolder}");
        foreach (var visit in crawl.Visits)
        {
            output.WriteLine($"  {visit.Role,-14} {visit.Template,-32} {(visit.Refused ? "refused" : $"{visit.ScrollWidth}/{visit.ViewportWidth} px, {visit.Violations.Count} axe")}");
        }

        string.Join("\n", crawl.NotCovered).Should().BeEmpty("every page route is opened by some role, or excluded with a reason");
        crawl.Pages.Should().Contain(p => p.Template == "/Beheer", "the crawl reads the host's own endpoint list");
        Opened.Select(v => v.Role).Distinct().Should().HaveCount(4, "the administrator, a secretary, a process owner and someone without an account each open pages");
    }

    [Fact]
    public void No_page_a_role_can_open_is_wider_than_a_320_px_screen()
    {
        var wide = Opened.Where(v => v.ScrollWidth > v.ViewportWidth)
            .Select(v => $"{v.Role} {v.Path}: {v.ScrollWidth} px wide at {v.ViewportWidth} px ({string.Join(", ", v.Overflowing)}) — {v.Shots}-{PageLookCrawl.Narrow}.png")
            .ToList();

        Opened.Should().OnlyContain(v => v.ViewportWidth == PageLookCrawl.Narrow, "each page is measured at 320 CSS px");
        string.Join("\n", wide).Should().BeEmpty("every page reflows at 320 CSS px without scrolling sideways (WCAG 1.4.10)");
    }

    [Fact]
    public void No_page_a_role_can_open_has_a_serious_or_critical_accessibility_violation_at_320_px()
    {
        foreach (var visit in Opened.Where(v => v.Violations.Count > 0))
        {
            output.WriteLine($"{visit.Role} {visit.Path}: {string.Join("; ", visit.Violations.Select(v => $"{v.Impact} {v}"))}");
        }

        var serious = Opened.SelectMany(v => v.Violations.Where(a => a.IsSeriousOrCritical).Select(a => $"{v.Role} {v.Path}: {a}")).ToList();
        string.Join("\n", serious).Should().BeEmpty("axe-core finds no serious or critical violation of WCAG 2.1 A/AA on any page");
    }

    [Fact]
    public void Every_button_field_select_and_table_carries_a_class_of_the_design_system()
    {
        var unstyled = Opened.Where(v => v.Unstyled.Count > 0).Select(v => $"{v.Role} {v.Path}: {string.Join(", ", v.Unstyled)}").ToList();

        string.Join("\n", unstyled).Should().BeEmpty("no control is the browser's default: each is a component of the NL Design System (utrecht-…)");
    }

    [Fact]
    public async Task The_stylesheets_of_the_design_system_and_the_theme_are_served()
    {
        using var client = crawl.Host.Client();
        var components = await client.GetStringAsync("/lib/utrecht/component-library.css");
        var theme = await client.GetStringAsync("/css/theme.css");

        components.Should().Contain(".utrecht-button--primary-action").And.Contain(".utrecht-textbox").And.Contain(".utrecht-table");
        theme.Should().Contain(".samendrenthe-theme").And.Contain("--utrecht-button-primary-action-background-color");
        (await client.GetAsync("/favicon.svg")).Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
    }

    [Fact]
    public async Task An_unknown_address_gives_the_Dutch_not_found_page_with_status_404()
    {
        var page = await crawl.SignedInPageAsync(PageLookCrawl.Secretary, PageLookCrawl.Wide);

        var response = await page.GotoAsync("/Voorstellen/Bestaat/Niet");

        response!.Status.Should().Be(404);
        (await page.TitleAsync()).Should().Be("Pagina niet gevonden - AdviesRoute");
        (await page.InnerTextAsync("main h1")).Should().Be("Pagina niet gevonden");
        (await page.InnerTextAsync("main")).Should().Contain("Deze pagina bestaat niet (meer).");
        (await page.Locator("header button:has-text('Uitloggen')").IsVisibleAsync()).Should().BeTrue("the page keeps the layout and the way out");
        await ShootAsync(page, "fout-404");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_the_role_may_not_open_gives_the_Dutch_refusal_with_status_403()
    {
        var page = await crawl.SignedInPageAsync(PageLookCrawl.ProcessOwner, PageLookCrawl.Wide);

        var response = await page.GotoAsync("/Beheer/Accounts");

        response!.Status.Should().Be(403);
        new Uri(page.Url).AbsolutePath.Should().Be("/Account/AccessDenied");
        (await page.InnerTextAsync("main h1")).Should().Be("Geen toegang");
        (await page.InnerTextAsync("main")).Should().Contain("uw rol geeft geen toegang tot deze pagina");
        await ShootAsync(page, "fout-403");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_server_error_gives_the_Dutch_error_page_with_status_500_and_no_technical_detail()
    {
        var page = await crawl.SignedInPageAsync(PageLookCrawl.Secretary, PageLookCrawl.Wide);

        var response = await page.GotoAsync(ErrorPages.TestingFailureRoute);

        response!.Status.Should().Be(500);
        (await page.InnerTextAsync("main h1")).Should().Be("Er ging iets mis");
        var text = await page.InnerTextAsync("body");
        text.Should().Contain("Wat al was vastgelegd, blijft bewaard.").And.NotContain("InvalidOperationException").And.NotContain("Een storing op verzoek van een test");
        await ShootAsync(page, "fout-500");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_API_keeps_its_problem_details_for_an_unknown_address()
    {
        using var client = crawl.Host.Client(LanguageHost.AdminKey);

        using var response = await client.GetAsync("/api/bestaat-niet");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("administrator", "/Beheer", "Beheer")]
    [InlineData("secretary", "/Voorstellen/Taken", "Mijn taken")]
    [InlineData("process owner", "/Ontwerper", "Ontwerper")]
    public async Task Each_role_lands_on_the_page_of_its_work_after_logging_in_and_on_the_start_address(string role, string landing, string menuEntry)
    {
        var page = await crawl.SignedInPageAsync(Visitor(role), PageLookCrawl.Wide);

        new Uri(page.Url).AbsolutePath.Should().Be(landing, "logging in leads to the role's own start page");
        await page.GotoAsync("/");
        new Uri(page.Url).AbsolutePath.Should().Be(landing, "the start address leads there too");
        (await page.GetAttributeAsync($"nav[aria-label=Hoofdmenu] a:text-is('{menuEntry}')", "aria-current")).Should().Be("page");
        (await page.Locator("a[href*='openapi']").CountAsync()).Should().Be(0, "no OpenAPI link for people who do not program");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("administrator", new[] { "Mijn taken", "Voorstellen", "Nieuw voorstel", "Vergaderingen", "Jaarkalender", "Zoeken", "Cijfers", "Ontwerper", "Beheer" })]
    [InlineData("secretary", new[] { "Mijn taken", "Voorstellen", "Nieuw voorstel", "Vergaderingen", "Jaarkalender", "Zoeken", "Cijfers" })]
    [InlineData("process owner", new[] { "Voorstellen", "Vergaderingen", "Jaarkalender", "Zoeken", "Cijfers", "Ontwerper" })]
    public async Task The_menu_offers_exactly_the_pages_the_role_may_open(string role, string[] entries)
    {
        var page = await crawl.SignedInPageAsync(Visitor(role), PageLookCrawl.Wide);
        var links = page.Locator("nav[aria-label=Hoofdmenu] a");

        (await links.AllInnerTextsAsync()).Should().Equal(entries);
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var response = await page.GotoAsync(href);
            response!.Status.Should().Be(200, "{0} may open {1}, which the menu offers", role, href);
            new Uri(page.Url).AbsolutePath.Should().NotStartWith("/Account/", "{0} may open {1}, which the menu offers", role, href);
        }

        // The other way round: a page of the menu the role was refused in the crawl is not in its menu.
        var refused = crawl.Visits.Where(v => v.Role == role && v.Refused).Select(v => v.Template).ToHashSet();
        MainMenu.All.Where(i => refused.Contains(i.Href)).Select(i => i.Label).Should().NotIntersectWith(entries);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_320_px_screen_the_menu_folds_behind_one_button_and_Uitloggen_stays_in_reach()
    {
        var page = await crawl.SignedInPageAsync(PageLookCrawl.Secretary, PageLookCrawl.Narrow);
        var menu = page.Locator("nav[aria-label=Hoofdmenu]");
        var logout = page.Locator("header button:has-text('Uitloggen')");

        (await menu.Locator("a").First.IsVisibleAsync()).Should().BeFalse("the menu is folded");
        (await logout.IsVisibleAsync()).Should().BeTrue();
        (await logout.BoundingBoxAsync())!.X.Should().BeLessThan(PageLookCrawl.Narrow - 44, "Uitloggen is on the screen, not beside it");
        await ShootAsync(page, "menu-dicht", PageLookCrawl.Narrow);

        await menu.Locator("summary:has-text('Menu')").ClickAsync();

        foreach (var box in await menu.Locator("a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().right)"))
        {
            box.Should().BeLessThanOrEqualTo(PageLookCrawl.Narrow, "every entry of the unfolded menu fits the screen");
        }

        (await menu.Locator("a:text-is('Mijn taken')").IsVisibleAsync()).Should().BeTrue();
        await ShootAsync(page, "menu-open", PageLookCrawl.Narrow);
        await page.SetViewportSizeAsync(PageLookCrawl.Wide, 900);
        (await menu.Locator("summary").IsVisibleAsync()).Should().BeFalse("on a wide screen the menu is a bar, without the fold");
        await page.Context.CloseAsync();
    }

    private static Visitor Visitor(string role) => new[] { PageLookCrawl.Administrator, PageLookCrawl.Secretary, PageLookCrawl.ProcessOwner }.Single(v => v.Role == role);

    private static Task ShootAsync(IPage page, string name, int width = PageLookCrawl.Wide) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageLookCrawl.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
}
