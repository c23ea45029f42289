using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Security.TwoFactor;

/// <summary>
/// Tweestapsverificatie in a real browser (Debian's Chromium): the administrator requires it for secretaries, a
/// secretary is sent to set it up, scans nothing but types the key's code (computed here as an app would), keeps the
/// recovery codes, signs out and in again with a code. Each page kept as a screenshot at 1366 and 320 CSS px (folder
/// <c>screenshots/tweestap</c>), checked by axe-core and for sideways scrolling at 320 px.
/// </summary>
public sealed class TwoFactorBrowserTests(TwoFactorBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<TwoFactorBrowserFixture>
{
    private static readonly string[] Codes = ["secretary", "processowner", "TwoFactor", "otpauth", "undefined", "Authenticator token"];

    [Fact]
    public async Task An_administrator_requires_it_and_a_secretary_sets_it_up_and_signs_in_with_a_code_on_a_wide_screen_and_a_phone()
    {
        const string email = "m.jansen@samendrenthe.example.org";
        const string password = "Sterk-Wachtwoord-2026!";
        await fixture.Host.AddAccountAsync(email, "Marleen Jansen", Roles.Secretary, password);

        var admin = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await Browsers.SignInAsync(admin, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await admin.GotoAsync("/Beheer/Tweestapsverificatie");
        await admin.CheckAsync("input[name=roles][value=secretary]");
        await Browsers.SubmitAsync(admin, "button:has-text('Opslaan')");
        await Browsers.ShowAsync(output, admin, "tweestap/beheer", Codes, "Tweestapsverificatie per rol", "Opgeslagen. Tweestapsverificatie is verplicht voor: Secretaris.",
            "Verplicht sinds", "0 van de 1 account heeft het ingesteld", "krijgt deze vraag niet", "API-sleutel", "Telefoon en herstelcodes kwijt?");

        // The secretary signs in and lands on setting up, whatever page they asked for.
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await Browsers.SignInAsync(page, email, password);
        page.Url.Should().Contain("/Account/Tweestapsverificatie/Instellen");
        (await page.Locator("nav.site-menu").CountAsync()).Should().Be(0, "no menu leads elsewhere before it is set up");
        await Browsers.ShowAsync(output, page, "tweestap/instellen", Codes, "Tweestapsverificatie instellen", "Voor uw rol is tweestapsverificatie verplicht",
            "Installeer een app op uw telefoon", "Scan deze QR-code met de app", "Lukt scannen niet?", "Vul de code uit de app in");
        (await page.Locator(".tweestap-qr svg").BoundingBoxAsync())!.Width.Should().BeGreaterThan(150, "the QR code is large enough to scan");
        var key = Totp.KeyFromPage(await page.InnerTextAsync(".tweestap-sleutel code"));

        await page.FillAsync("#Code", "123 456");
        await Browsers.SubmitAsync(page, "button:has-text('Code controleren en inschakelen')");
        await Browsers.ShowAsync(output, page, "tweestap/instellen-fout", Codes, "Nog niet ingesteld", "Deze code klopt niet.");

        await page.FillAsync("#Code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await Browsers.SubmitAsync(page, "button:has-text('Code controleren en inschakelen')");
        await Browsers.ShowAsync(output, page, "tweestap/herstelcodes", Codes, "Tweestapsverificatie staat aan", "Uw herstelcodes", "U ziet deze codes alleen nu.",
            "Opslaan als tekstbestand", "Afdrukken", "Ik heb de codes bewaard, verder");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Opslaan als tekstbestand')"));
        download.SuggestedFilename.Should().Be("herstelcodes-adviesroute.txt");
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        saved.Should().Contain(await page.InnerTextAsync(".tweestap-codes li:first-child code"));
        await page.ClickAsync("text=Ik heb de codes bewaard, verder");
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        (await page.Locator("nav.site-menu").CountAsync()).Should().Be(1, "the menu is back once set up");

        // Out and in again: after the password, the code page.
        await Browsers.SubmitAsync(page, "header button:has-text('Uitloggen')");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", email);
        await page.FillAsync("#Input_Password", password);
        await Browsers.SubmitAsync(page, "button:has-text('Inloggen')");
        page.Url.Should().Contain("/Account/Inlogcode");
        await Browsers.ShowAsync(output, page, "tweestap/inlogcode", Codes, "Code uit uw app", "Uw wachtwoord klopt.", "Gebruik een herstelcode");
        await page.ClickAsync("text=Gebruik een herstelcode");
        await Browsers.ShowAsync(output, page, "tweestap/herstelcode", Codes, "Inloggen met een herstelcode", "Elke herstelcode werkt maar één keer.");
        await page.ClickAsync("text=Gebruik de code uit de app");
        await page.FillAsync("#Code", Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)));
        await Browsers.SubmitAsync(page, "button:has-text('Inloggen')");
        page.Url.Should().NotContain("/Account/", "signed in, the secretary lands on their own work");
        (await page.Locator("header button:has-text('Uitloggen')").CountAsync()).Should().Be(1);

        await page.GotoAsync("/Account/Tweestapsverificatie");
        await Browsers.ShowAsync(output, page, "tweestap/overzicht", Codes, "Tweestapsverificatie staat aan.", "U hebt nog 10 herstelcodes",
            "Andere telefoon koppelen", "U kunt tweestapsverificatie niet uitschakelen: voor uw rol (Secretaris) is het verplicht.");
    }
}

/// <summary>One host and one Chromium for <see cref="TwoFactorBrowserTests"/>.</summary>
public sealed class TwoFactorBrowserFixture : IAsyncLifetime
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
        Directory.CreateDirectory(Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "tweestap"));
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
