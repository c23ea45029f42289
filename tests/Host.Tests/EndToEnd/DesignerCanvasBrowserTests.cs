using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The designer as a process owner who does not program meets it (issue 16): it opens at a zoom where a step's title
/// is drawn at least 12 px high with the route's start in view, "Alles in beeld" shows everything, a step added after
/// a selected one is connected, an error leads to its step and field, the route's inputs are edited and renamed in the
/// panel "Gegevens van de route" with the rules following, and a new route is made as a copy in one step.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DesignerCanvasBrowserTests(DesignerBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<DesignerBrowserFixture>
{
    private const string Steps = "[...document.querySelectorAll('.react-flow__node')]";

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    public async Task Voorstel_opens_with_the_canvas_in_view_readable_text_and_the_start_near_the_left_and_Alles_in_beeld_shows_every_step(int width, int height)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, "voorstel", width, height);

        var view = await page.EvaluateAsync<JsonElement>("""
            () => {
              const canvas = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              const title = document.querySelector('[data-testid="rf__node-start"] .ontwerper-node__title');
              const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
              const start = document.querySelector('[data-testid="rf__node-start"]').getBoundingClientRect();
              return { top: canvas.top, bottom: canvas.bottom, left: canvas.left, right: canvas.right, height: canvas.height,
                       scrollY: window.scrollY, innerHeight: window.innerHeight, font: parseFloat(getComputedStyle(title).fontSize), zoom,
                       startLeft: start.left, startRight: start.right, startTop: start.top, startBottom: start.bottom };
            }
            """);
        double Get(string name) => view.GetProperty(name).GetDouble();
        output.WriteLine($"{width}×{height}: canvas {Get("top"):0}–{Get("bottom"):0} of {Get("innerHeight"):0}, title {Get("font"):0.0} px × zoom {Get("zoom"):0.000} = {Get("font") * Get("zoom"):0.0} px, start at {Get("startLeft") - Get("left"):0} px from the canvas' left edge");
        Get("scrollY").Should().Be(0);
        Get("top").Should().BeGreaterThanOrEqualTo(0);
        Get("bottom").Should().BeLessThanOrEqualTo(Get("innerHeight"), "the whole canvas is in view without scrolling the page");
        Get("height").Should().BeGreaterThanOrEqualTo(300, "the canvas has room to work in");
        (Get("font") * Get("zoom")).Should().BeGreaterThanOrEqualTo(11.99, "a step's title is drawn at least 12 px high");
        Get("startLeft").Should().BeGreaterThanOrEqualTo(Get("left"));
        (Get("startLeft") - Get("left")).Should().BeLessThan((Get("right") - Get("left")) * 0.1, "the start is near the left edge");
        Get("startTop").Should().BeGreaterThanOrEqualTo(Get("top"));
        Get("startBottom").Should().BeLessThanOrEqualTo(Get("bottom"));
        if (width == 1366)
        {
            await page.ScreenshotAsync(new() { Path = Shot("ontwerper-opent-1366") });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles in beeld" }).ClickAsync();
        await page.WaitForFunctionAsync($$"""
            () => {
              const pane = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              return {{Steps}}.every(n => { const r = n.getBoundingClientRect(); return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom; });
            }
            """);
        if (width == 1366)
        {
            await page.ScreenshotAsync(new() { Path = Shot("ontwerper-alles-in-beeld-1366") });
        }
    }

    [Theory]
    [InlineData("voorstel")]
    [InlineData("zvhd-jaarplan")]
    [InlineData("wijziging-regeling")]
    [InlineData("netwerktafel-thema")]
    [InlineData("voorbeeld-termijn")]
    public async Task A_shipped_route_is_drawn_with_clear_space_between_every_two_steps(string definitionId)
    {
        // The unit test ShippedDefinitionLayoutTests estimates the steps' sizes from the route; this one measures them as drawn.
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, definitionId, 1366, 768);
        // Every connection is drawn: an svg that the page's stylesheet squeezes to 0 px wide draws nothing.
        var connections = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.react-flow__edge-path.ontwerper-edge')].map(p => p.ownerSVGElement.getBoundingClientRect().width)
            """);
        connections.GetArrayLength().Should().BeGreaterThan(0);
        connections.EnumerateArray().Should().OnlyContain(w => w.GetDouble() > 0, "the layer that draws a connection has room to draw it");

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles in beeld" }).ClickAsync();
        await page.WaitForFunctionAsync($$"""
            () => {
              const pane = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              return {{Steps}}.every(n => { const r = n.getBoundingClientRect(); return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom; });
            }
            """);
        await page.ScreenshotAsync(new() { Path = Shot($"ontwerper-route-{definitionId}-1366") });

        // In the route's own units (the drawn size divided by the zoom), as the designer lays the steps out.
        var steps = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
              return {{Steps}}.map(n => { const r = n.getBoundingClientRect();
                return { id: n.dataset.id, x: r.left / zoom, y: r.top / zoom, width: r.width / zoom, height: r.height / zoom }; });
            }
            """);
        var rects = steps.EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetString()!, X: s.GetProperty("x").GetDouble(), Y: s.GetProperty("y").GetDouble(), Width: s.GetProperty("width").GetDouble(), Height: s.GetProperty("height").GetDouble()))
            .ToList();

        foreach (var r in rects)
        {
            output.WriteLine($"{r.Id}: {r.Width:0} × {r.Height:0}");
        }

        const double Gap = 40;
        var crowded = (from a in rects
                       from b in rects
                       where string.CompareOrdinal(a.Id, b.Id) < 0
                       where a.X < b.X + b.Width + Gap && b.X < a.X + a.Width + Gap && a.Y < b.Y + b.Height + Gap && b.Y < a.Y + a.Height + Gap
                       select $"{a.Id} and {b.Id}").ToList();
        crowded.Should().BeEmpty("every two steps of {0} are drawn at least {1} px apart", definitionId, Gap);
    }

    [Fact]
    public async Task At_320_px_the_panels_stack_the_canvas_has_a_usable_height_and_nothing_overflows_sideways()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, "voorstel", 320, 640);
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const canvas = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              const palette = document.querySelector('[data-testid="palet"]').getBoundingClientRect();
              return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, canvasWidth: canvas.width, canvasHeight: canvas.height,
                       paletteBottom: palette.bottom, canvasTop: canvas.top };
            }
            """);
        output.WriteLine(layout.ToString());
        output.WriteLine(await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.react-flow__viewport'))
              .slice(0, 15).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent || '').slice(0, 60)}`).join('\n')
            """));
        layout.GetProperty("scrollWidth").GetDouble().Should().BeLessThanOrEqualTo(layout.GetProperty("width").GetDouble(), "nothing overflows horizontally");
        layout.GetProperty("canvasHeight").GetDouble().Should().BeGreaterThanOrEqualTo(320);
        layout.GetProperty("canvasWidth").GetDouble().Should().BeGreaterThanOrEqualTo(260);
        layout.GetProperty("paletteBottom").GetDouble().Should().BeLessThanOrEqualTo(layout.GetProperty("canvasTop").GetDouble(), "the panels stack");
        await page.ScreenshotAsync(new() { Path = Shot("ontwerper-320"), FullPage = true });
    }

    [Fact]
    public async Task A_step_added_after_a_selected_step_goes_into_its_connection_and_one_undo_takes_it_out_again()
    {
        var id = await fixture.CopyOfVoorstelAsync("canvas-invoegen");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, id, 1366, 768);
        var initial = await ExportAsync(page);

        // "Besluit bekendmaken" has one exit, to the end "Vastgesteld": a Melding added after it goes in between.
        await page.GetByTestId("stap-kiezen").SelectOptionAsync("besluitBekend");
        await page.GetByTestId("palet-Melding").ClickAsync();
        await page.GetByTestId("eigenschappen-melding").WaitForAsync();
        var added = JsonNode.Parse(await ExportChangedFromAsync(page, initial))!;
        var connections = Connections(added);
        connections.Should().Contain(("besluitBekend", "Done", "melding")).And.Contain(("melding", "Done", "vastgesteld")).And.NotContain(("besluitBekend", "Done", "vastgesteld"));
        await Expect(page.Locator("[data-testid='rf__edge-besluitBekend:Done->melding']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='rf__edge-melding:Done->vastgesteld']")).ToHaveCountAsync(1);
        (await page.GetByTestId("aankondiging").InnerTextAsync()).Should().Contain("tussen “Besluit bekendmaken” en “Vastgesteld” gezet");
        await Expect(page.GetByTestId("stap-bericht")).ToHaveCountAsync(0);
        var melding = Activity(added, "melding")["designer"]!;
        melding["x"]!.GetValue<int>().Should().BeGreaterThan(Activity(added, "besluitBekend")["designer"]!["x"]!.GetValue<int>(), "beside the selected step, to its right");

        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync("Control+z");
        await page.WaitForFunctionAsync("(expected) => window.__ontwerper.exportJson() === expected", initial);

        // After a switch with every exit taken it is not clear where the step goes: it is left unconnected, and said so.
        await page.GetByTestId("stap-kiezen").SelectOptionAsync("naDb");
        await page.GetByTestId("palet-Melding").ClickAsync();
        await page.GetByTestId("eigenschappen-melding").WaitForAsync();
        (await page.GetByTestId("stap-bericht").InnerTextAsync()).Should().StartWith("Nog niet verbonden");
        Connections(JsonNode.Parse(await ExportAsync(page))!).Should().NotContain(c => c.From == "melding" || c.To == "melding");
    }

    [Fact]
    public async Task An_error_names_the_step_and_field_in_words_and_a_click_selects_the_step_centres_it_and_focuses_the_field()
    {
        var id = await fixture.CopyOfVoorstelAsync("canvas-fout");
        using var owner = fixture.Owner();
        var draft = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!["definition"]!.AsObject();
        Activity(draft, "besluitDb")["inputs"]!.AsObject().Remove("orgaan");
        using (var saved = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 0, definition = draft }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, id, 1366, 768);
        var list = page.GetByTestId("foutenlijst");
        var error = list.Locator("[data-testid='fout'][data-node-id='besluitDb']");
        await Expect(error).ToHaveCountAsync(1);
        var text = await error.InnerTextAsync();
        output.WriteLine(text);
        text.Should().StartWith("Stap ‘Dagelijks bestuur’, veld ‘Orgaan’: ");
        (await list.InnerTextAsync()).Should().NotContain("$.").And.NotContain("besluitDb").And.NotContain("MissingInput");
        await list.ScrollIntoViewIfNeededAsync();
        await list.ScreenshotAsync(new() { Path = Shot("ontwerper-fouten-1366") });

        await error.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("[data-testid='rf__node-besluitDb'].selected").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('[data-testid=\"invoer-orgaan\"]') !== null");
        await page.WaitForFunctionAsync("""
            () => {
              const pane = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              const r = document.querySelector('[data-testid="rf__node-besluitDb"]').getBoundingClientRect();
              return Math.abs((r.left + r.right) / 2 - (pane.left + pane.right) / 2) < 30 && Math.abs((r.top + r.bottom) / 2 - (pane.top + pane.bottom) / 2) < 30;
            }
            """);

        await page.SetViewportSizeAsync(320, 640);
        await list.ScrollIntoViewIfNeededAsync();
        await list.ScreenshotAsync(new() { Path = Shot("ontwerper-fouten-320") });
    }

    [Fact]
    public async Task A_route_input_with_two_values_is_added_and_renamed_in_the_panel_and_the_rule_and_text_that_use_it_follow()
    {
        var id = await fixture.CopyOfVoorstelAsync("canvas-gegevens");
        using var owner = fixture.Owner();
        var draft = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!["definition"]!.AsObject();
        // A rule and a text that name an input the route does not have yet: "Soort zaak".
        draft["root"]!["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "soortBepalen",
            ["type"] = "Decision",
            ["displayName"] = "Subsidie of niet",
            ["inputs"] = new JsonObject { ["condition"] = new JsonObject { ["subject"] = "input.soortZaak", ["op"] = "is", ["value"] = "subsidie" } },
            ["designer"] = new JsonObject { ["x"] = 180, ["y"] = 460 },
        });
        Activity(draft, "besluitBekend")["inputs"]!["tekst"] = new JsonObject { ["template"] = "Het besluit over {input.soortZaak} is genomen." };
        // An administrator's JavaScript that reads the title (the shipped route has none).
        Activity(draft, "besluitBekend")["inputs"]!["onderwerp"] = new JsonObject { ["expression"] = "'Besluit algemeen bestuur: ' + input.titel" };
        using var administrator = fixture.Administrator();
        using (var saved = await administrator.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 0, definition = draft }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenAsync(context, id, 1366, 768);
        var panel = page.GetByTestId("gegevens");
        await page.GetByTestId("naar-gegevens").ClickAsync();

        await panel.GetByTestId("invoer-toevoegen-naam").FillAsync("Soort zaak");
        await panel.GetByTestId("invoer-toevoegen-soort").SelectOptionAsync("choice");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Invoer toevoegen" }).ClickAsync();
        var item = panel.GetByTestId("gegevens-invoer-soortZaak");
        await item.GetByTestId("gegevens-invoer-soortZaak-nieuwe-waarde").FillAsync("Subsidie");
        await item.GetByRole(AriaRole.Button, new() { Name = "Waarde toevoegen" }).ClickAsync();
        await item.GetByTestId("gegevens-invoer-soortZaak-nieuwe-waarde").FillAsync("Inkoop");
        await item.GetByRole(AriaRole.Button, new() { Name = "Waarde toevoegen" }).ClickAsync();
        await item.GetByTestId("gegevens-invoer-soortZaak-verplicht").CheckAsync();
        await item.GetByTestId("gegevens-invoer-soortZaak-uitleg").FillAsync("Waar het voorstel over gaat.");
        (await item.InnerTextAsync()).Should().Contain("Gebruikt in de stappen ‘Besluit bekendmaken’ en ‘Subsidie of niet’.");
        var declared = JsonNode.Parse(await ExportAsync(page))!["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "soortZaak")!;
        declared.ToJsonString().Should().Be("""{"name":"soortZaak","type":"choice","required":true,"displayName":"Soort zaak","choices":[{"value":"subsidie","label":"Subsidie"},{"value":"inkoop","label":"Inkoop"}],"description":"Waar het voorstel over gaat."}""");
        await item.ScreenshotAsync(new() { Path = Shot("ontwerper-gegevens-1366") });

        // The technical name changes; the rule and the text follow.
        await item.GetByTestId("gegevens-invoer-soortZaak-technisch").FillAsync("zaaksoort");
        await item.GetByTestId("gegevens-invoer-soortZaak-hernoemen").ClickAsync();
        await panel.GetByTestId("gegevens-invoer-zaaksoort").WaitForAsync();
        var renamed = JsonNode.Parse(await ExportAsync(page))!.AsObject();
        Activity(renamed, "soortBepalen")["inputs"]!["condition"]!["subject"]!.GetValue<string>().Should().Be("input.zaaksoort");
        Activity(renamed, "besluitBekend")["inputs"]!["tekst"]!["template"]!.GetValue<string>().Should().Be("Het besluit over {input.zaaksoort} is genomen.");

        // "Titel" is used by JavaScript in "Besluit bekendmaken": renaming it is refused, naming that step.
        var titel = panel.GetByTestId("gegevens-invoer-titel");
        await titel.Locator("summary").ClickAsync();
        await titel.GetByTestId("gegevens-invoer-titel-technisch").FillAsync("onderwerp");
        await titel.GetByTestId("gegevens-invoer-titel-hernoemen").ClickAsync();
        (await titel.GetByTestId("gegevens-invoer-titel-melding").InnerTextAsync()).Should().Contain("‘Besluit bekendmaken’").And.Contain("niet hernoemd");
        // And a used input is not removed.
        await panel.GetByTestId("gegevens-invoer-zaaksoort-verwijderen").ClickAsync();
        (await panel.GetByTestId("gegevens-invoer-zaaksoort-melding").InnerTextAsync()).Should().Contain("is niet verwijderd");
        JsonNode.Parse(await ExportAsync(page))!["inputs"]!.AsArray().Should().Contain(i => i!["name"]!.GetValue<string>() == "zaaksoort");

        await page.SetViewportSizeAsync(320, 640);
        await panel.GetByTestId("gegevens-invoer-zaaksoort").ScreenshotAsync(new() { Path = Shot("ontwerper-gegevens-320") });
        (await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(320);
    }

    [Fact]
    public async Task A_new_route_is_made_as_a_copy_in_one_step_and_opens_in_the_designer_and_an_existing_id_is_never_overwritten()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/Ontwerper");
        await page.GetByTestId("nieuwe-route").ScreenshotAsync(new() { Path = Shot("ontwerper-nieuwe-route-leeg-1366") });

        // Without a name: a Dutch message on the page, nothing made.
        await page.GetByTestId("nieuw-kopie").CheckAsync();
        await page.GetByTestId("nieuw-naam").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByTestId("nieuw-maken").ClickAsync();
        (await page.GetByTestId("nieuwe-route-fouten").InnerTextAsync()).Should().Contain("Geef de nieuwe route een naam.").And.Contain("Kies de route die u wilt kopiëren.");
        await page.GetByTestId("nieuwe-route").ScreenshotAsync(new() { Path = Shot("ontwerper-nieuwe-route-fout-1366") });

        var name = $"Jaarplan Zorg en Veiligheid {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByTestId("nieuw-naam").FillAsync(name);
        await page.GetByTestId("nieuw-omschrijving").FillAsync("Het jaarplan, naar het voorbeeld van het beleidsvoorstel.");
        await page.GetByTestId("nieuw-kopie").CheckAsync();
        await page.GetByTestId("nieuw-kopie-van").SelectOptionAsync("voorstel");
        await page.GetByTestId("nieuwe-route").ScreenshotAsync(new() { Path = Shot("ontwerper-nieuwe-route-1366") });
        await page.SetViewportSizeAsync(320, 640);
        await page.GetByTestId("nieuwe-route").ScreenshotAsync(new() { Path = Shot("ontwerper-nieuwe-route-320") });
        (await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(320);
        await page.SetViewportSizeAsync(1366, 768);
        await page.GetByTestId("nieuw-maken").ClickAsync();

        var id = name.ToLowerInvariant().Replace(' ', '-');
        await page.WaitForURLAsync($"**/Ontwerper/{id}");
        await page.Locator("[data-testid='rf__node-start']").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.__ontwerper && window.__ontwerper.exportJson() !== ''");
        var copy = JsonNode.Parse(await ExportAsync(page))!.AsObject();
        using var reader = fixture.Owner();
        var voorstel = JsonNode.Parse(await reader.GetStringAsync("/api/definitions/voorstel/draft"))!["definition"]!.AsObject();
        copy["definitionId"]!.GetValue<string>().Should().Be(id);
        copy["name"]!.GetValue<string>().Should().Be(name);
        copy["description"]!.GetValue<string>().Should().Be("Het jaarplan, naar het voorbeeld van het beleidsvoorstel.");
        JsonNode.DeepEquals(copy["root"], voorstel["root"]).Should().BeTrue("the copy keeps the steps and connections");
        JsonNode.DeepEquals(copy["inputs"], voorstel["inputs"]).Should().BeTrue("the copy keeps the inputs");
        JsonNode.DeepEquals(copy["variables"], voorstel["variables"]).Should().BeTrue("the copy keeps the variables");

        // Through the API: an empty route is a start connected to an end; a taken id is refused in Dutch and nothing changes.
        using var owner = fixture.Owner();
        using var empty = await owner.PostAsJsonAsync("/api/definitions/new", new { name = "Lege route", definitionId = $"leeg-{id}"[..30] });
        empty.StatusCode.Should().Be(HttpStatusCode.Created, await empty.Content.ReadAsStringAsync());
        var emptyDraft = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Connections(JsonNode.Parse(emptyDraft.GetProperty("definition").GetRawText())!).Should().Equal(("start", "Done", "einde"));
        emptyDraft.GetProperty("errors").GetArrayLength().Should().Be(0);
        var before = await owner.GetStringAsync($"/api/definitions/{id}/draft");
        using var taken = await owner.PostAsJsonAsync("/api/definitions/new", new { name = "Iets anders", definitionId = id });
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be($"Er is al een route ‘{id}’; er is niets overschreven. Kies een andere naam.");
        (await owner.GetStringAsync($"/api/definitions/{id}/draft")).Should().Be(before);
        using var nameless = await owner.PostAsJsonAsync("/api/definitions/new", new { name = " " });
        nameless.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nameless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("Geef de nieuwe route een naam.");
        // The same name again gets a numbered id.
        using var again = await owner.PostAsJsonAsync("/api/definitions/new", new { name, copyOf = "voorstel" });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definitionId").GetString().Should().Be($"{id}-2");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private async Task<IPage> OpenAsync(IBrowserContext context, string definitionId, int width, int height)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync($"/Ontwerper/{definitionId}");
        await page.Locator("[data-testid='rf__node-start']").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.__ontwerper && window.__ontwerper.exportJson() !== ''");
        await page.WaitForFunctionAsync($"() => {Steps}.length === JSON.parse(window.__ontwerper.exportJson()).root.activities.length && {Steps}.every(n => getComputedStyle(n).visibility !== 'hidden' && n.getBoundingClientRect().width > 0)");
        // The opening view is set once the steps are measured.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=\"canvas\"]').dataset.geopend === 'ja'");
        return page;
    }

    private static Task<string> ExportAsync(IPage page) => page.EvaluateAsync<string>("() => window.__ontwerper.exportJson()");

    private static async Task<string> ExportChangedFromAsync(IPage page, string before)
    {
        await page.WaitForFunctionAsync("(before) => window.__ontwerper.exportJson() !== before", before);
        return await ExportAsync(page);
    }

    private static JsonObject Activity(JsonNode definition, string id) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    private static List<(string From, string Port, string To)> Connections(JsonNode definition) =>
        definition["root"]!["connections"]!.AsArray()
            .Select(c => (c!["source"]!["activity"]!.GetValue<string>(), c["source"]!["port"]!.GetValue<string>(), c["target"]!["activity"]!.GetValue<string>()))
            .ToList();

    private static string Shot(string name) => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, name + ".png");
}
