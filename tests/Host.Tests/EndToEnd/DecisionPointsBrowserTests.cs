using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The beslispunten in a real browser (Debian's Chromium): the start form's fieldset "Besluit en gegevens" with a refusal,
/// the section on the proposal page with its form to change them, the form of the DB meeting's outcome with the amended
/// text, the request mail and the personal link page that show them. Each kept
/// as a screenshot at 1366 and 320 CSS px (folder <c>screenshots/beslispunten</c>), checked by axe-core and for sideways
/// scrolling at 320 px.
/// </summary>
public sealed class DecisionPointsBrowserTests(DecisionPointsBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<DecisionPointsBrowserFixture>
{
    private static readonly string[] Codes = ["zienswijzenVrijgesteld", "gewijzigdVastgesteld", "openbaarheid", "undefined", "Besluit.Beslispunten"];

    [Fact]
    public async Task The_start_form_the_proposal_page_and_the_link_page_show_the_beslispunten_readably_on_a_wide_screen_and_a_phone()
    {
        // The DB meets 20 days from now, the AB 40 days.
        var today = fixture.Host.Today;
        await fixture.Host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>()
            .ReplaceCalendarAsync(GovernanceDocuments.NearMeetings(today, ("db", 20, "10:00"), ("ab", 40, "19:30")), "test"));
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        // The start form, refused: a beleidsvoorstel marked "zienswijzen vrijgesteld".
        await page.GotoAsync("/Voorstellen/Nieuw");
        await page.FillAsync("#Input_Titel", "Preventieakkoord Drenthe 2027-2030");
        await page.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await page.SelectOptionAsync("#Input_Soort", "beleidsvoorstel");
        await page.FillAsync("#Input_Samenvatting", "Het vervolg op het preventieakkoord, met de gemeenten en de zorgverzekeraar.");
        await page.FillAsync("#Besluit_Beslispunten",
            "1. kennis te nemen van de evaluatie van het preventieakkoord 2023-2026;\n2. in te stemmen met het preventieakkoord Drenthe 2027-2030;\n3. de portefeuillehouder te machtigen het akkoord namens SamenDrenthe te ondertekenen.");
        await page.FillAsync("#Besluit_Kenmerk", "Z-2026-04127");
        await page.FillAsync("#Besluit_Steller", "Anne Bakker, beleidsadviseur gezondheidsbevordering");
        await page.CheckAsync("#Besluit_Openbaarheid_openbaar");
        await page.CheckAsync("#Besluit_ZienswijzenVrijgesteld");
        await page.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await page.CheckAsync("#Input_Bestuursmodel_zonderBacs");
        var refused = await Browsers.SubmitAsync(page, "button:has-text('Voorstel starten')");
        refused.Status.Should().Be(200);
        await Browsers.ShowAsync(output, page, "beslispunten/start-geweigerd", Codes, "Het voorstel is nog niet gestart", "Besluit en gegevens",
            "‘Zienswijzen vrijgesteld’ geldt alleen voor een begrotingswijziging", "één beslispunt per regel", "Openbaar of besloten");
        (await page.InputValueAsync("#Besluit_Beslispunten")).Should().Contain("3. de portefeuillehouder te machtigen", "what was typed stays");

        // Started without the box: the proposal page shows the points, and the form to change them.
        await page.UncheckAsync("#Besluit_ZienswijzenVrijgesteld");
        await Browsers.SubmitAsync(page, "button:has-text('Voorstel starten')");
        page.Url.Should().MatchRegex("/Voorstellen/[0-9a-f]+$");
        await page.ClickAsync("summary:has-text('Beslispunten wijzigen')");
        await Browsers.ShowAsync(output, page, "beslispunten/voorstel", Codes, "Beslispunten", "Voorgesteld besluit:",
            "in te stemmen met het preventieakkoord Drenthe 2027-2030;", "Kenmerk", "Z-2026-04127", "Nummer in AdviesRoute", "Steller", "Openbaarheid", "Beslispunten opslaan");

        // Changed: the timeline says what changed.
        await page.FillAsync("#beslispunten-tekst",
            "kennis te nemen van de evaluatie van het preventieakkoord 2023-2026;\nin te stemmen met het preventieakkoord Drenthe 2027-2030, met een tussenevaluatie in 2028;\nde portefeuillehouder te machtigen het akkoord namens SamenDrenthe te ondertekenen.");
        await Browsers.SubmitAsync(page, "button:has-text('Beslispunten opslaan')");
        await Browsers.ShowAsync(output, page, "beslispunten/voorstel-gewijzigd", Codes, "De beslispunten zijn gewijzigd.",
            "Beslispunten gewijzigd: beslispunt 2 ‘in te stemmen met het preventieakkoord Drenthe 2027-2030;’ werd ‘in te stemmen met het preventieakkoord Drenthe 2027-2030, met een tussenevaluatie in 2028;’");

        // Preparation done; on the DB's day the outcome's form lists the points and takes the amended text.
        var proposal = new Uri(page.Url).AbsolutePath;
        await page.CheckAsync("input[name='invoer.uitkomst'][value='gereed']");
        await Browsers.SubmitAsync(page, "form:has(input[value='gereed']) button[type=submit]");
        fixture.Host.MoveClockTo(today.AddDays(20));
        var atDb = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await Browsers.SignInAsync(atDb, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await atDb.GotoAsync(proposal);
        await atDb.ClickAsync("summary:has-text('Tekst zoals vastgesteld')");
        await Browsers.ShowAsync(output, atDb, "beslispunten/stapformulier", Codes, "Uitkomst van de vergadering", "Gewijzigd vastgesteld",
            "Tekst zoals vastgesteld (alleen bij ‘Gewijzigd vastgesteld’)", "Pas alleen de tekst aan van de beslispunten die de vergadering wijzigde", "Beslispunt 3");
        await atDb.CheckAsync("input[name='invoer.uitkomst'][value='gewijzigdVastgesteld']");
        await atDb.FillAsync("textarea[name='beslispunt.3']", "de voorzitter te machtigen het akkoord namens SamenDrenthe te ondertekenen.");
        await Browsers.SubmitAsync(atDb, "form:has(input[value='gewijzigdVastgesteld']) button[type=submit]");
        await Browsers.ShowAsync(output, atDb, "beslispunten/gewijzigd-vastgesteld", Codes, "Vastgelegd.",
            "de voorzitter te machtigen het akkoord namens SamenDrenthe te ondertekenen.",
            $"Gewijzigd vastgesteld door Dagelijks bestuur in de vergadering van {AdviesRoute.Activities.Texts.DutchFormat.Day(today.AddDays(20))}: beslispunt 3.",
            "gewijzigd vastgesteld; beslispunt 3 luidt nu ‘de voorzitter te machtigen het akkoord namens SamenDrenthe te ondertekenen.’",
            "Het dagelijks bestuur heeft besloten (gewijzigd vastgesteld,");

        // A member's personal link for a written DB round shows what they vote on.
        var definitionId = Support.Definitions.UniqueId("beslispunten-link");
        await fixture.Host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }"""));
        const string title = "Inkoop griepvaccins 2027";
        await fixture.Host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new ProposalInput
        {
            Title = title,
            Summary = "De regionale inkoop van griepvaccins voor de kwetsbare groepen.",
            DecisionPoints = [new(1, "in te stemmen met de gezamenlijke inkoop van griepvaccins voor 2027;"), new(2, "daarvoor € 240.000 uit de reserve gezondheid te onttrekken.")],
        }.ToJson(), new Trigger("secretaris", Channel.Api)));
        var mail = (await LinkMail.InFolderAsync(fixture.Host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal)))[0];
        // The mail as a mail program shows it, wide and on a phone.
        var inbox = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await inbox.SetContentAsync(mail.Html);
        (await inbox.InnerTextAsync("body")).Should().Contain("Voorgesteld besluit").And.Contain("daarvoor € 240.000 uit de reserve gezondheid te onttrekken.");
        await Browsers.ShotAsync(inbox, "beslispunten/mail-1366");
        await inbox.SetViewportSizeAsync(320, 640);
        await Browsers.ShotAsync(inbox, "beslispunten/mail-320");
        await Browsers.FitsWithoutSidewaysScrollingAsync(inbox, "the request mail");

        var member = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await member.GotoAsync(mail.Path);
        await Browsers.ShowAsync(output, member, "beslispunten/link", Codes, "Voorgesteld besluit", "in te stemmen met de gezamenlijke inkoop van griepvaccins voor 2027;",
            "daarvoor € 240.000 uit de reserve gezondheid te onttrekken.", "Uw keuze");
    }
}

/// <summary>One host and one Chromium for <see cref="DecisionPointsBrowserTests"/>.</summary>
public sealed class DecisionPointsBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost Host { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        BaseAddress = Host.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "beslispunten"));
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
