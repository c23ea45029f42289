using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Archive;

/// <summary>
/// The archive as a secretary uses it in the browser: the closed proposals of a period with whether each can go to the
/// archive (and why not), a dossier downloaded from the page and from the proposal's own page, a refusal with its reason,
/// at 1366 and 320 px with axe-core.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class ArchivePageBrowserTests(ArchiveFixture fixture, ITestOutputHelper output)
{
    /// <summary>What a bestuurssecretaris must never read on these pages: engine words, codes, ISO dates.</summary>
    private static readonly string[] Forbidden = ["Finished", "Cancelled", "Suspended", "beleidsvoorstel:", "fmt/", "T00:", "2027-0", "undefined", "null"];

    [Fact]
    public async Task A_secretary_sees_the_closed_proposals_of_a_period_downloads_a_dossier_and_reads_why_another_cannot_go_to_the_archive()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.NewPageAsync(browser, fixture.Host.Address);
        await Browsers.SignInAsync(page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await page.GotoAsync("/Beheer/Archief?van=1-1-2027&tot=31-12-2027");
        await Browsers.ShowAsync(output, page, "archief-periode", Forbidden,
            "Archief", "3 voorstellen afgesloten van 1 januari 2027 tot en met 31 december 2027; 2 kunnen niet naar het archief.",
            ArchiveFixture.Title, "afgerond op", "Kaderbrief 2029", "niet in de selectielijst", "Tarieven reizigersvaccinatie", "controlegetallen verschillen",
            "Het dossier van deze periode downloaden", "Selectielijst", "Blijvend te bewaren", "Te vernietigen na 10 jaar", "voorbeeldwaarden");

        var row = page.Locator("tr", new PageLocatorOptions { HasText = ArchiveFixture.Title });
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByText("Dossier downloaden").ClickAsync());
        download.SuggestedFilename.Should().EndWith($"{ArchiveFixture.Title}.zip").And.StartWith("Archief ");

        var period = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Het dossier van deze periode downloaden").ClickAsync());
        period.SuggestedFilename.Should().Be("Archief 1 januari 2027 tot en met 31 december 2027.zip");

        // On the begroting's own page, once it is closed.
        await page.GotoAsync($"/Voorstellen/{fixture.BegrotingId}");
        await Browsers.ShowAsync(output, page, "archief-voorstel", Forbidden, "Afgerond", "Archief", "Exporteren voor het archief");
        var fromProposal = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Exporteren voor het archief").ClickAsync());
        fromProposal.SuggestedFilename.Should().Be(download.SuggestedFilename);

        // A refused export stays on the page with the reason; nothing is downloaded.
        var response = await page.GotoAsync($"/Beheer/Archief?handler=dossier&id={fixture.KaderbriefId}");
        response!.Status.Should().Be(422);
        await Browsers.ShowAsync(output, page, "archief-geweigerd", Forbidden,
            "Niet geëxporteerd", "‘Kaderbrief 2029’ is niet geëxporteerd: de soort ‘Kaderbrief’ staat niet in de selectielijst; de beheerder kan haar toevoegen.");

        // A period the wrong way round is named, not run.
        await page.GotoAsync("/Beheer/Archief?van=31-12-2027&tot=1-1-2027");
        await Browsers.ShowAsync(output, page, "archief-periode-fout", Forbidden, "De voorstellen zijn niet getoond", "ligt vóór de begindatum");
    }
}
