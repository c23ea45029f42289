using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// A process owner tries a branch of <c>voorstel</c> in the designer without typing a code: the kind and the model from
/// their lists, negative advice of the BAC chosen for the advice step; the test run goes back to the preparation. Then
/// "alle paden" lists the paths and the warnings, and a warning leads to its step. Screenshots at 1366 and 320 px.
/// </summary>
public sealed class DesignerTestRunBrowserTests(DesignerBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<DesignerBrowserFixture>
{
    [Fact]
    public async Task A_test_run_with_negative_BAC_advice_goes_back_to_preparation_and_alle_paden_lists_the_paths_with_warnings()
    {
        var id = await fixture.CopyOfVoorstelAsync("testrun");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync($"/Ontwerper/{id}");
        await page.Locator("[data-testid='rf__node-start']").WaitForAsync();

        var run = page.GetByTestId("testrun");
        await run.GetByTestId("testrun-titel").FillAsync("Nota publieke gezondheid 2028");
        await run.GetByTestId("testrun-soort").SelectOptionAsync(new SelectOptionValue { Label = "Beleidsvoorstel" });
        await run.GetByTestId("testrun-pijler").SelectOptionAsync(new SelectOptionValue { Label = "Publieke Gezondheid" });

        // Written advice: the fixture's calendar has BAC meetings for one pass, and the advice is asked twice.
        await run.GetByTestId("testrun-wijzeBac").SelectOptionAsync(new SelectOptionValue { Label = "Schriftelijk" });
        (await run.GetByTestId("testrun-uitkomst-advies").InputValueAsync()).Should().Be("positief", "the expected outcome is the default");
        await run.GetByTestId("testrun-uitkomst-advies").SelectOptionAsync(new SelectOptionValue { Label = "Negatief advies" });
        await run.GetByTestId("testrun-starten").ClickAsync();

        var result = run.GetByTestId("testrun-resultaat");
        await Expect(result).ToBeVisibleAsync();
        var titles = await result.GetByTestId("testrun-stap-titel").AllInnerTextsAsync();
        titles.Should().ContainInOrder("Ambtelijke voorbereiding", "Advies van de BAC", "Ambtelijke voorbereiding", "Advies van de BAC", "Dagelijks bestuur", "Algemeen bestuur");
        var text = await result.InnerTextAsync();
        text.Should().Contain("uitgang Negatief advies").And.Contain("uitgang Positief advies").And.NotContain("negatief ");
        await ShotsAsync(page, run, "ontwerper-testrun-negatief");

        // A required input left empty: the server says which, and nothing runs.
        await run.GetByTestId("testrun-soort").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await run.GetByTestId("testrun-soort").EvaluateAsync("e => e.removeAttribute('required')");
        await run.GetByTestId("testrun-starten").ClickAsync();
        await Expect(run.GetByTestId("testrun-fout")).ToContainTextAsync("‘Soort voorstel’ is verplicht; vul het in.");

        var paths = page.GetByTestId("alle-paden");
        await paths.GetByTestId("alle-paden-tonen").ClickAsync();
        await Expect(paths.GetByTestId("alle-paden-resultaat")).ToBeVisibleAsync();
        (await paths.GetByTestId("alle-paden-samenvatting").InnerTextAsync()).Should().MatchRegex(@"^[\d.]+ paden: [\d.]+ paden met de verwachte uitkomsten en [\d.]+ paden waarin een of meer stappen een andere uitkomst hebben\.$");
        (await paths.GetByTestId("alle-paden-samenvatting").InnerTextAsync()).Should().StartWith("2.024 paden: 26 paden met de verwachte uitkomsten", "every combination of outcomes is listed, the count written the Dutch way");
        (await paths.GetByTestId("alle-paden-onbereikt").InnerTextAsync()).Should().Be("Stappen die geen pad bereikt: geen.");
        var expected = await paths.Locator("[data-testid='pad'][data-expected='ja']").AllInnerTextsAsync();
        expected.Should().Contain(p => p.Contains("Soort voorstel: Beleidsvoorstel", StringComparison.Ordinal) && p.Contains("Advies van de BAC (Positief advies", StringComparison.Ordinal));
        expected.Should().Contain(p => p.Contains("Bestuursmodel: Zonder BAC's", StringComparison.Ordinal));
        var warning = paths.GetByTestId("waarschuwing").Filter(new() { HasText = "De schriftelijke ronde ‘Advies van de BAC’ heeft geen eigen termijn" });
        await Expect(warning).ToHaveCountAsync(1);
        await ShotsAsync(page, paths, "ontwerper-alle-paden");

        // Every combination of outcomes, folded by how many steps take another one.
        var groups = await paths.GetByTestId("alle-paden-andere").Locator("summary").AllInnerTextsAsync();
        groups[0].Should().StartWith("Met 1 afwijkende uitkomst (");
        groups.Should().Contain(g => g.StartsWith("Met 2 afwijkende uitkomsten (", StringComparison.Ordinal));
        var one = paths.Locator("[data-testid='alle-paden-andere'][data-afwijkingen='1']");
        await one.Locator("> summary").ClickAsync();
        await Expect(one.GetByTestId("pad-uitkomsten").First).ToBeVisibleAsync(); // a group's list is drawn once it is opened
        (await paths.GetByTestId("pad-uitkomsten").AllInnerTextsAsync()).Should().Contain("Uitkomsten: Advies van de BAC: Negatief advies");
        var two = paths.Locator("[data-testid='alle-paden-andere'][data-afwijkingen='2']");
        await two.Locator("> summary").ClickAsync();
        await Expect(two.GetByTestId("pad-uitkomsten").First).ToBeVisibleAsync();
        (await paths.GetByTestId("pad-uitkomsten").AllInnerTextsAsync()).Should()
            .Contain("Uitkomsten: Advies van de BAC: Negatief advies; Dagelijks bestuur: Teruggestuurd (terug naar de voorbereiding)");
        var negative = paths.Locator("[data-testid='pad'][data-expected='nee']").Filter(new() { HasText = "Uitkomsten: Advies van de BAC: Negatief advies" }).First;
        foreach (var width in new[] { 1366, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await negative.ScrollIntoViewIfNeededAsync();
            await negative.ScreenshotAsync(new() { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, $"ontwerper-pad-negatief-{width}.png") });
        }

        await page.SetViewportSizeAsync(1366, 900);
        await warning.GetByRole(AriaRole.Button, new() { Name = "Naar ‘Advies van de BAC’" }).ClickAsync();
        await Expect(page.Locator(".react-flow__node.selected")).ToHaveAttributeAsync("data-id", "advies");
    }

    private static async Task ShotsAsync(IPage page, ILocator section, string name)
    {
        foreach (var width in new[] { 1366, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await section.ScrollIntoViewIfNeededAsync();
            await section.ScreenshotAsync(new() { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, $"{name}-{width}.png") });
        }
    }
}
