using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// The page <c>/openbaar/open-data</c> in Debian's Chromium, without signing in, on a host where an AB meeting's
/// convocation went out: it explains the API for a resident, a journalist and a developer, names the Woo category of
/// each body and the licence the GR configured, shows a live example, and its links to the OpenAPI document and to the
/// example meeting answer JSON. Screenshots at 1366 and 320 CSS px (folder <c>screenshots/open-data</c>), axe-core, and
/// no sideways scrolling at 320 px.
/// </summary>
public sealed class OpenDataPageBrowserTests(OpenDataPageBrowserTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<OpenDataPageBrowserTests.Fixture>
{
    private static readonly string[] Forbidden = ["undefined", "NaN", "Exception", "localhost:5080", "Licence", "OpenData:"];

    [Fact]
    public async Task A_resident_journalist_or_developer_reads_how_to_get_the_data_on_a_wide_screen_and_a_phone()
    {
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await page.GotoAsync("/openbaar/open-data");
        await Browsers.ShowAsync(output, page, "open-data/pagina", Forbidden,
            "Open data", "U hoeft zich niet aan te melden en het is gratis.", "Wilt u alleen lezen wat er besloten wordt?", "Voor journalisten en onderzoekers",
            "Informatiecategorieën van de Woo", "vergaderstukken decentrale overheden", "agenda's en besluitenlijsten bestuurscolleges",
            "Voor ontwikkelaars", fixture.BaseAddress + "api/openbaar/v1/organen",
            $"de vergadering van het algemeen bestuur van {DutchFormat.Day(fixture.MeetingDay)}",
            "120 verzoeken per minuut", "OpenAPI-document van de API",
            "stelt deze gegevens beschikbaar onder de licentie CC0 1.0. Die licentie heeft de Gemeenschappelijke regeling SamenDrenthe zelf gekozen");
        (await page.GetAttributeAsync("nav[aria-label=Portaalmenu] a:text-is('Open data')", "aria-current")).Should().Be("page");
        (await page.GetAttributeAsync("a:text-is('CC0 1.0')", "href")).Should().Be("https://creativecommons.org/publicdomain/zero/1.0/deed.nl");

        // The example meeting's address answers with that meeting, and the OpenAPI link with the document, for anyone.
        var meeting = JsonNode.Parse(await TextOfLinkAsync(page, $"a:has(code:text-is('{fixture.BaseAddress}api/openbaar/v1/vergaderingen/{fixture.Meeting}'))"))!;
        ((string?)meeting["id"], (string?)meeting["bodyName"]).Should().Be((fixture.Meeting, "Algemeen bestuur"));
        meeting["agenda"]!.AsArray().Select(i => (string?)i!["title"]).Should().Contain(Fixture.Title);
        var document = JsonNode.Parse(await TextOfLinkAsync(page, "a:text-is('OpenAPI-document van de API')"))!;
        ((string?)document["openapi"]).Should().StartWith("3.1");
        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain("/api/openbaar/v1/vergaderingen/{meetingId}");
        await page.Context.CloseAsync();
    }

    /// <summary>Follows a link in the page's context (no sign-in, the page's own cookies: none) and returns the answer's text.</summary>
    private static async Task<string> TextOfLinkAsync(IPage page, string selector)
    {
        var href = await page.GetAttributeAsync(selector, "href") ?? throw new InvalidOperationException($"No link {selector}.");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        response.Status.Should().Be(200, "{0} answers", href);
        response.Headers["content-type"].Should().StartWith("application/json");
        return await response.TextAsync();
    }

    /// <summary>A host on a socket where the AB's convocation went out (with one public stuk), and one Chromium.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const string Title = "Regionale aanpak hitte en gezondheid";

        private IPlaywright? _playwright;
        private IBrowser? _browser;

        /// <summary>With the shipped limit, as a resident reads it.</summary>
        public OpenDataHost Host { get; } = new() { RequestsPerMinute = 120 };

        public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

        public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

        public string Meeting { get; private set; } = "";

        public DateOnly MeetingDay { get; private set; }

        public async Task InitializeAsync()
        {
            BaseAddress = Host.Start();
            var today = Host.Today;
            await Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00"), ("ab", 45, "19:30")), "test"));
            var runtime = Host.Services.GetRequiredService<IWorkflowRuntime>();
            var started = await runtime.StartAsync("voorstel", new JsonObject { ["titel"] = Title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" },
                new Trigger("test", Channel.Api));
            await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
            await Host.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<AddProposalDocument>().AddAsync(started.InstanceId,
                    new NewDocument("Plan hitte en gezondheid.pdf", DocumentKind.Pdf, Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), Confidential: false),
                    new Trigger(HostFixture.AdminEmail, Channel.Page), null, CancellationToken.None);
                return true;
            });

            using var api = Host.Client(HostFixture.SecretaryKey);
            var db = await WaitingAsync(api, started.InstanceId, "besluitDb", "Vergadering");
            Host.MoveClockTo(today.AddDays(20));
            await runtime.ResumeAsync(started.InstanceId, db.Id, new JsonObject { ["uitkomst"] = "vastgesteld" }, new Trigger(HostFixture.AdminEmail, Channel.Page));
            Meeting = MeetingOf(await WaitingAsync(api, started.InstanceId, "besluitAb", "Vergadering"))!;
            MeetingDay = today.AddDays(45);
            await Host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().SendAsync(sp.GetRequiredService<MeetingAgenda>().Find(Meeting)!, HostFixture.AdminEmail,
                CancellationToken.None));

            _playwright = await Playwright.CreateAsync();
            _browser = await Browsers.LaunchChromiumAsync(_playwright);
            Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "open-data"));
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
}
