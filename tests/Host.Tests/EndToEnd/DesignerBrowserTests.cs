using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The route designer in a real browser (Playwright on Debian's Chromium) against the real host: a process owner
/// changes the beleidsvoorstel route with the mouse and with the keyboard, undoes and redoes, copies and pastes,
/// exports and imports, is stopped from publishing a broken route, publishes a good one, and moves a running
/// proposal to the new version after a dry run. What the designer did is checked in the definition it exports and
/// in what the host then does with proposals.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DesignerBrowserTests(DesignerBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<DesignerBrowserFixture>
{
    private const string NewStep = "terugkoppelingColleges";

    [Fact]
    public async Task A_college_return_added_between_DB_and_AB_is_published_and_new_and_moved_proposals_wait_there()
    {
        using var secretary = fixture.Secretary();
        using var owner = fixture.Owner();

        // A proposal that starts before the change waits at the preparation, on version 1.
        var before = await StartProposalAsync(secretary, "Preventieakkoord Drenthe (gestart vóór de wijziging)");
        (await InstanceAsync(secretary, before)).GetProperty("definitionVersion").GetInt32().Should().Be(1);
        (await WaitingAtAsync(secretary, before)).Should().Equal("voorbereiding");

        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, "voorstel");
        await Shot(page, "ontwerper-1-voor");
        var initial = Parse(await ExportAsync(page));
        Connections(initial).Should().Contain(("naDb", "Default", "agendeerAb"));
        // The DB's switch names its exits as people read them: each case by its label, the other way by the switch's.
        (await page.GetByTestId("stap-naDb").Locator(".ontwerper-node__port > span").AllInnerTextsAsync())
            .Should().Equal("Zienswijzen van de raden", "Terugkoppeling colleges", "Jaarrekening", "Kaderbrief", "Anders");

        // Drag "Terugkoppeling colleges" onto the canvas, below the space between the DB's switch and the AB:
        // 340 × 310 px of the route from the switch's corner, wherever the route places the switch.
        var naDb = await BoxAsync(page, "rf__node-naDb");
        var naDbAt = Activity(initial, "naDb")["designer"]!;
        var (naDbX, naDbY) = (naDbAt["x"]!.GetValue<int>(), naDbAt["y"]!.GetValue<int>());
        var scale = naDb.Width / 160;
        var canvas = await BoxAsync(page, "canvas");
        var drop = new TargetPosition { X = naDb.X + (340 * scale) - canvas.X, Y = naDb.Y + (310 * scale) - canvas.Y };
        await page.GetByRole(AriaRole.Button, new() { Name = "Terugkoppeling colleges", Exact = true })
            .DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = drop });
        await page.Locator($"[data-testid='rf__node-{NewStep}']").WaitForAsync();

        // Its deadline: four weeks instead of the default six, picked as a number and a unit; stored as the engine reads it.
        var panel = page.GetByTestId($"eigenschappen-{NewStep}");
        (await panel.GetByTestId("invoer-termijn-duur").InnerTextAsync()).Should().Be("Standaard: 6 weken.");
        await panel.GetByTestId("invoer-termijn-eenheid").SelectOptionAsync("W");
        await panel.GetByTestId("invoer-termijn-veld").FillAsync("4");
        (await panel.GetByTestId("invoer-termijn-duur").InnerTextAsync()).Should().Be("Ingesteld: 4 weken.");
        await panel.GetByTestId("invoer-termijn").ScreenshotAsync(new() { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "ontwerper-termijn.png") });

        // Reroute with the mouse: the DB's default exit no longer goes to the AB but to the new step.
        await ClickEdgeAsync(page, "naDb:Default->agendeerAb");
        await page.Keyboard.PressAsync("Delete");
        await page.Locator("[data-testid='rf__edge-naDb:Default->agendeerAb']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ConnectWithMouseAsync(page, "poort-naDb-Default", $"poort-{NewStep}-In");
        await ConnectWithMouseAsync(page, $"poort-{NewStep}-instemming", "poort-agendeerAb-In");
        await ConnectWithMouseAsync(page, $"poort-{NewStep}-bedenkingen", "poort-agendeerDb-In");
        await WaitSavedAsync(page);

        var edited = Parse(await ExportAsync(page));
        var step = Activity(edited, NewStep);
        step["type"]!.GetValue<string>().Should().Be("TerugkoppelingColleges");
        step["inputs"]!.ToJsonString().Should().Be("""{"termijn":"P4W"}""");
        // The designer puts a dropped step 80 px left of and 30 px above the drop point.
        step["designer"]!["x"]!.GetValue<int>().Should().BeCloseTo(naDbX + 340 - 80, 10, "the step lies where it was dropped");
        step["designer"]!["y"]!.GetValue<int>().Should().BeCloseTo(naDbY + 310 - 30, 10);
        Connections(edited).Should().NotContain(("naDb", "Default", "agendeerAb"))
            .And.Contain([("naDb", "Default", NewStep), (NewStep, "instemming", "agendeerAb"), (NewStep, "bedenkingen", "agendeerDb")]);
        Connections(edited).Should().HaveCount(Connections(initial).Count + 2);
        await Expect(page.GetByTestId("geen-fouten")).ToBeVisibleAsync();
        var draft = JsonNode.Parse(await owner.GetStringAsync("/api/definitions/voorstel/draft"))!;
        JsonNode.DeepEquals(draft["definition"], edited).Should().BeTrue("the autosave stored exactly what the designer shows");

        await page.GetByTestId("publiceren").ClickAsync();
        await WaitForNoticeAsync(page, "Versie 2 is gepubliceerd.");
        var versions = await VersionsAsync(owner, "voorstel");
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(2, 1);
        versions[0].GetProperty("createdBy").GetString().Should().Be(DesignerBrowserFixture.OwnerEmail);
        versions[0].GetProperty("source").GetString().Should().Be("ontwerper");
        await Shot(page, "ontwerper-2-na");

        // Editing on after publishing starts a new draft on version 2.
        (await page.GetByTestId("opslagstatus").InnerTextAsync()).Should().Be("Geen wijzigingen sinds de laatste versie");
        await page.GetByTestId("stap-kiezen").SelectOptionAsync(NewStep);
        await page.GetByTestId("stap-naam").FillAsync("Terugkoppeling colleges na het DB");
        await WaitSavedAsync(page);
        await Expect(page.GetByTestId("opslagstatus")).ToHaveAttributeAsync("data-state", "saved");
        var next = JsonNode.Parse(await owner.GetStringAsync("/api/definitions/voorstel/draft"))!;
        (next["basedOnVersion"]!.GetValue<int>(), next["revision"]!.GetValue<int>()).Should().Be((2, 1));
        Activity(next["definition"]!.AsObject(), NewStep)["displayName"]!.GetValue<string>().Should().Be("Terugkoppeling colleges na het DB");

        // The versions panel tells the difference in the property panel's words: the step by its name, what changed by
        // the field's label, never an id or a stored key.
        var compare = page.GetByTestId("vergelijken");
        await compare.GetByTestId("diff-van").SelectOptionAsync("2");
        await compare.GetByTestId("diff-naar").SelectOptionAsync("draft");
        await compare.GetByRole(AriaRole.Button, new() { Name = "Vergelijken" }).ClickAsync();
        var differences = page.GetByTestId("verschillen");
        await Expect(differences.GetByTestId("diff-stap-gewijzigd")).ToBeVisibleAsync();
        var changed = await differences.InnerTextAsync();
        changed.Should().Contain("stap Terugkoppeling colleges na het DB").And.Contain("Naam:").And.Contain("→ ‘Terugkoppeling colleges na het DB’")
            .And.NotContain("displayName").And.NotContain("inputs.").And.NotContain(NewStep);
        foreach (var width in new[] { 1366, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await differences.ScrollIntoViewIfNeededAsync();
            await differences.ScreenshotAsync(new() { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, $"ontwerper-verschillen-{width}.png") });
        }

        await page.SetViewportSizeAsync(1600, 1000); // back to the fixture's size for the rest of the walk

        // A proposal started now follows version 2: past the BAC and the DB it waits for the colleges.
        var after = await StartProposalAsync(secretary, "Gezondheidsnota 2028 (gestart na de wijziging)");
        (await InstanceAsync(secretary, after)).GetProperty("definitionVersion").GetInt32().Should().Be(2);
        await WalkToTheCollegesAsync(secretary, after);

        // The earlier proposal stays on version 1 until it is moved.
        (await InstanceAsync(secretary, before)).GetProperty("definitionVersion").GetInt32().Should().Be(1);
        await page.GetByTestId("meer").ClickAsync();
        await page.GetByTestId("verplaatsen").ClickAsync();
        var dialog = page.GetByTestId("migratie-dialoog");
        (await dialog.GetByTestId("migratie-versie").InputValueAsync()).Should().Be("2");
        await dialog.GetByTestId("migratie-proefrun").ClickAsync();
        var row = dialog.GetByTestId($"migratie-{before}");
        var rowText = await row.InnerTextAsync();
        rowText.Should().Contain("Preventieakkoord Drenthe").And.Contain("Ambtelijke voorbereiding (voorbereiding)").And.Contain("Past");
        (await dialog.GetByTestId($"migratie-{after}").CountAsync()).Should().Be(0, "a proposal already on version 2 has nowhere to move");
        (await row.GetByRole(AriaRole.Checkbox, new() { Name = "Preventieakkoord Drenthe (gestart vóór de wijziging) verplaatsen" }).IsCheckedAsync()).Should().BeTrue();
        await Shot(page, "ontwerper-3-proefrun");
        (await InstanceAsync(secretary, before)).GetProperty("definitionVersion").GetInt32().Should().Be(1, "a dry run moves nothing");

        await dialog.GetByTestId("migratie-toepassen").ClickAsync();
        (await dialog.GetByTestId($"migratie-resultaat-{before}").InnerTextAsync()).Should().Be("Verplaatst");
        (await dialog.GetByTestId("migratie-samenvatting").InnerTextAsync()).Should().Be("1 van 1 voorstellen verplaatst naar versie 2.");
        var moved = await InstanceAsync(secretary, before);
        moved.GetProperty("definitionVersion").GetInt32().Should().Be(2);
        var journaled = moved.GetProperty("journal").EnumerateArray().Single(j => j.GetProperty("kind").GetString() == "InstanceMigrated");
        (journaled.GetProperty("actor").GetString(), journaled.GetProperty("data").GetProperty("van").GetInt32(), journaled.GetProperty("data").GetProperty("naar").GetInt32())
            .Should().Be((DesignerBrowserFixture.OwnerEmail, 1, 2));
        (await WaitingAtAsync(secretary, before)).Should().Equal("voorbereiding");

        await WalkToTheCollegesAsync(secretary, before);
        output.WriteLine($"Screenshots: {DesignerBrowserFixture.ScreenshotFolder}");
    }

    [Fact]
    public async Task A_step_is_added_and_connected_with_the_keyboard_alone()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-toetsenbord");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        var initial = Parse(await ExportAsync(page));

        // Select the DB's switch with "Stap kiezen", then add a step from the palette with Enter: it lands right of it.
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "naDb");
        await page.GetByTestId("palet-TerugkoppelingColleges").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId($"eigenschappen-{NewStep}").WaitForAsync();
        (await page.GetByTestId("aankondiging").InnerTextAsync()).Should().Contain($"({NewStep}) toegevoegd rechts van “Na het DB”");

        // Connect its exits and the DB's default exit with the selects of "Verbinden".
        await ChooseWithKeyboardAsync(page, page.GetByTestId($"verbind-{NewStep}-instemming"), "agendeerAb");
        await ChooseWithKeyboardAsync(page, page.GetByTestId($"verbind-{NewStep}-bedenkingen"), "agendeerDb");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "naDb");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("verbind-naDb-Default"), NewStep);
        await WaitSavedAsync(page);

        var edited = Parse(await ExportAsync(page));
        var step = Activity(edited, NewStep);
        step["type"]!.GetValue<string>().Should().Be("TerugkoppelingColleges");
        step["designer"]!["x"]!.GetValue<int>().Should().BeGreaterThan(Activity(edited, "naDb")["designer"]!["x"]!.GetValue<int>(), "the step is placed right of the selected one");
        var expected = Connections(initial).Select(c => c == ("naDb", "Default", "agendeerAb") ? ("naDb", "Default", NewStep) : c).ToList();
        expected.AddRange([(NewStep, "instemming", "agendeerAb"), (NewStep, "bedenkingen", "agendeerDb")]);
        Connections(edited).Should().Equal(expected);
        await Expect(page.Locator($"[data-testid='rf__edge-naDb:Default->{NewStep}']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("geen-fouten")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ctrl_Z_and_Ctrl_Y_step_back_and_forth_through_the_edits_exactly()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-ongedaan");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        var initial = await ExportAsync(page);

        await page.GetByTestId("palet-TerugkoppelingColleges").ClickAsync();
        var added = await ExportChangedFromAsync(page, initial);
        await page.GetByTestId($"verbind-{NewStep}-instemming").SelectOptionAsync("agendeerAb");
        var connected = await ExportChangedFromAsync(page, added);
        await page.GetByTestId("invoer-termijn-veld").FillAsync("3");
        var final = await ExportChangedFromAsync(page, connected);
        Activity(Parse(added), NewStep)["type"]!.GetValue<string>().Should().Be("TerugkoppelingColleges");
        Connections(Parse(connected)).Should().Contain((NewStep, "instemming", "agendeerAb"));
        Activity(Parse(final), NewStep)["inputs"]!.ToJsonString().Should().Be("""{"termijn":"P3W"}""");

        // The shortcuts belong to the canvas, not to the field that has the focus.
        await page.EvaluateAsync("() => document.activeElement.blur()");
        foreach (var expected in new[] { connected, added, initial, initial })
        {
            await page.Keyboard.PressAsync("Control+z");
            await ExpectExportAsync(page, expected);
        }

        await page.Keyboard.PressAsync("Control+y");
        await ExpectExportAsync(page, added);
        await page.Keyboard.PressAsync("Control+Shift+z");
        await ExpectExportAsync(page, connected);
        await page.Keyboard.PressAsync("Control+y");
        await ExpectExportAsync(page, final);
        await page.Keyboard.PressAsync("Control+y");
        await ExpectExportAsync(page, final);

        await WaitSavedAsync(page);
        using var owner = fixture.Owner();
        var draft = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!;
        JsonNode.DeepEquals(draft["definition"], Parse(final)).Should().BeTrue("the draft on the server is the redone definition");
    }

    [Fact]
    public async Task Ctrl_C_and_Ctrl_V_paste_copies_of_the_selected_steps_with_new_ids_and_their_connection()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-plakken");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        var initial = Parse(await ExportAsync(page));

        await page.GetByTestId("rf__node-agendeerBac").ClickAsync();
        await page.GetByTestId("rf__node-advies").ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        (await page.GetByTestId("stap-kiezen").InputValueAsync()).Should().Be("", "two steps are selected");
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await page.GetByTestId("rf__node-advies2").WaitForAsync();

        var pastedText = await ExportAsync(page);
        var pasted = Parse(pastedText);
        var ids = pasted["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        ids.Should().Equal(initial["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Concat(["agendeerBac2", "advies2"]));
        foreach (var (original, copy) in new[] { ("agendeerBac", "agendeerBac2"), ("advies", "advies2") })
        {
            var a = Activity(pasted, original);
            var b = Activity(pasted, copy);
            b["type"]!.GetValue<string>().Should().Be(a["type"]!.GetValue<string>());
            b["displayName"]!.GetValue<string>().Should().Be(a["displayName"]!.GetValue<string>());
            JsonNode.DeepEquals(b["inputs"], a["inputs"]).Should().BeTrue($"{copy} has the inputs of {original}");
            b["designer"]!["x"]!.GetValue<int>().Should().Be(a["designer"]!["x"]!.GetValue<int>() + 40);
            b["designer"]!["y"]!.GetValue<int>().Should().Be(a["designer"]!["y"]!.GetValue<int>() + 40);
            JsonNode.DeepEquals(Activity(initial, original), a).Should().BeTrue($"{original} itself is unchanged");
        }

        // Only the connection between the two copied steps comes along.
        Connections(pasted).Should().Equal(Connections(initial).Append(("agendeerBac2", "geagendeerd", "advies2")));
        await Expect(page.Locator("[data-testid='rf__node-advies2'].selected")).ToHaveCountAsync(1); // the pasted steps are selected

        // Pasting again makes a third pair; one undo takes it away again.
        await page.Keyboard.PressAsync("Control+v");
        await page.GetByTestId("rf__node-advies3").WaitForAsync();
        Activity(Parse(await ExportAsync(page)), "advies3")["designer"]!["x"]!.GetValue<int>().Should().Be(Activity(initial, "advies")["designer"]!["x"]!.GetValue<int>() + 80);
        await page.Keyboard.PressAsync("Control+z");
        await ExpectExportAsync(page, pastedText);
    }

    [Fact]
    public async Task Removing_a_switch_case_leaves_its_connection_dangling_with_the_error_on_it_and_publishing_is_refused()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-los");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        const string edge = "naDb:colleges->terugkoppeling";

        // The DB's switch loses its case "colleges"; the connection from that exit stays, going nowhere.
        await page.GetByTestId("stap-kiezen").SelectOptionAsync("naDb");
        await page.GetByTestId("eigenschappen-naDb").GetByRole(AriaRole.Button, new() { Name = "Geval 2 verwijderen" }).ClickAsync();
        await WaitSavedAsync(page);
        Connections(Parse(await ExportAsync(page))).Should().Contain(("naDb", "colleges", "terugkoppeling"));

        var onEdge = page.GetByTestId($"verbinding-fout-{edge}");
        await onEdge.WaitForAsync();
        var message = await onEdge.InnerTextAsync();
        message.Should().Contain("De stap ‘Na het DB’ heeft geen uitgang ‘colleges’. Mogelijke uitgangen: ")
            .And.Contain("Anders").And.Contain("Zienswijzen van de raden").And.NotContain("Default").And.NotContain("naDb");
        var listed = page.GetByTestId("foutenlijst").Locator($"[data-testid='fout'][data-edge-id='{edge}']");
        await Expect(listed).ToHaveCountAsync(1);
        (await listed.GetAttributeAsync("data-path")).Should().MatchRegex(@"^\$\.root\.connections\[\d+\]\.source\.port$");
        (await page.GetByTestId("poort-naDb-colleges").GetAttributeAsync("title")).Should().Be("Onbekende uitgang colleges van Na het DB");
        await Expect(page.GetByTestId("publiceren")).ToBeDisabledAsync();
        (await page.InnerTextAsync(".ontwerper-statusbar")).Should().Contain("Publiceren kan pas als de fout is opgelost");
        await Shot(page, "ontwerper-4-losse-verbinding");

        using var owner = fixture.Owner();
        using var refused = await owner.PostAsync($"/api/definitions/{id}/draft/publish", null);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await VersionsAsync(owner, id)).Should().ContainSingle("nothing was published");

        // Undone, the error goes with the next save and publishing is possible again.
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync("Control+z");
        await WaitSavedAsync(page);
        await onEdge.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Expect(page.GetByTestId("geen-fouten")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("publiceren")).ToBeEnabledAsync();

        // Back to version 1 exactly: publishing says so and makes no version.
        await page.GetByTestId("publiceren").ClickAsync();
        await WaitForNoticeAsync(page, "Het concept is gelijk aan versie 1; er is geen nieuwe versie gemaakt.");
        (await VersionsAsync(owner, id)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_draft_whose_connection_points_to_a_missing_step_shows_the_error_on_that_connection_and_cannot_be_published()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-weg");
        using var owner = fixture.Owner();
        var draft = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!["definition"]!.AsObject();
        var connection = draft["root"]!["connections"]!.AsArray()
            .Single(c => c!["source"]!["activity"]!.GetValue<string>() == "advies" && c["source"]!["port"]!.GetValue<string>() == "positiefMetKanttekeningen")!;
        connection["target"]!["activity"] = "bestaatNiet";
        using (var saved = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 0, definition = draft }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        const string edge = "advies:positiefMetKanttekeningen->bestaatNiet";

        // A line to nowhere cannot be drawn: the error stands at the exit it leaves from, and in the list.
        var onStep = page.GetByTestId("rf__node-advies").GetByTestId($"verbinding-fout-{edge}");
        (await onStep.InnerTextAsync()).Should().Be("⚠ Positief advies met kanttekeningen → bestaatNiet: De verbinding verwijst naar een doelstap ‘bestaatNiet’ die niet bestaat.");
        (await page.GetByTestId("stap-advies").GetAttributeAsync("class")).Should().Contain("ontwerper-node--error");
        var listed = page.GetByTestId("foutenlijst").Locator($"[data-testid='fout'][data-edge-id='{edge}']");
        await Expect(listed).ToHaveCountAsync(1);
        (await listed.GetAttributeAsync("data-path")).Should().MatchRegex(@"^\$\.root\.connections\[\d+\]\.target\.activity$");
        await Expect(page.GetByTestId("publiceren")).ToBeDisabledAsync();
        await page.GetByTestId("stap-kiezen").SelectOptionAsync("advies");
        (await page.GetByTestId("verbind-advies-positiefMetKanttekeningen").Locator("option:checked").InnerTextAsync()).Should().Be("bestaatNiet (bestaat niet)");
        await Shot(page, "ontwerper-5-naar-ontbrekende-stap");
        (await VersionsAsync(owner, id)).Should().ContainSingle("nothing was published");
    }

    [Fact]
    public async Task An_export_imports_as_the_same_definition_and_a_malformed_or_invalid_file_is_refused_with_its_reasons()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-bestand");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenDesignerAsync(context, id);
        var shown = await ExportAsync(page);

        await page.GetByTestId("meer").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exporteren").ClickAsync());
        download.SuggestedFilename.Should().Be($"{id}.json");
        var folder = Directory.CreateTempSubdirectory("adviesroute-ontwerper-bestanden-").FullName;
        var file = Path.Combine(folder, $"{id}.json");
        await download.SaveAsAsync(file);
        (await File.ReadAllTextAsync(file)).Should().Be(shown, "the download is what the designer shows");

        await page.GetByTestId("importeren-bestand").SetInputFilesAsync(file);
        await WaitForNoticeAsync(page, $"“{id}.json” is geïmporteerd als concept.");
        (await ExportAsync(page)).Should().Be(shown, "importing the export changes nothing");

        // A file written by hand (the shipped one, under this route's id) comes back out to the letter.
        var handWritten = Path.Combine(folder, "met-de-hand.json");
        var shipped = await File.ReadAllTextAsync(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json"));
        await File.WriteAllTextAsync(handWritten, shipped.Replace("\"definitionId\": \"voorstel\"", $"\"definitionId\": \"{id}\"", StringComparison.Ordinal));
        await page.GetByTestId("importeren-bestand").SetInputFilesAsync(handWritten);
        await WaitForNoticeAsync(page, "“met-de-hand.json” is geïmporteerd als concept.");
        (await ExportAsync(page)).Should().Be(await File.ReadAllTextAsync(handWritten));
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync("Control+z");
        await ExpectExportAsync(page, shown);
        await WaitSavedAsync(page);
        using var owner = fixture.Owner();
        var revision = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!["revision"]!.GetValue<int>();

        // Not JSON at all: refused with the reason in Dutch, with the line and position.
        var malformed = Path.Combine(folder, "kapot.json");
        await File.WriteAllTextAsync(malformed, "{\n  \"definitionId\": \"" + id + "\",\n  \"name\": \"Kapot\",\n  \"root\": {\n");
        await page.GetByTestId("importeren-bestand").SetInputFilesAsync(malformed);
        var notice = await WaitForNoticeAsync(page, "“kapot.json” is niet geïmporteerd");
        output.WriteLine(notice);
        notice.Should().Contain("Dit is geen leesbare definitie; er is niets opgeslagen.").And.Contain("Ongeldige JSON op regel 5, positie 1");
        (await ExportAsync(page)).Should().Be(shown);

        // JSON, but a connection goes to a step that does not exist: refused with that reason at its path.
        var invalid = Parse(shown);
        var index = invalid["root"]!["connections"]!.AsArray().ToList()
            .FindIndex(c => c!["source"]!["activity"]!.GetValue<string>() == "advies" && c["source"]!["port"]!.GetValue<string>() == "positiefMetKanttekeningen");
        invalid["root"]!["connections"]![index]!["target"]!["activity"] = "bestaatNiet";
        var invalidFile = Path.Combine(folder, "ongeldig.json");
        await File.WriteAllTextAsync(invalidFile, invalid.ToJsonString());
        await page.GetByTestId("importeren-bestand").SetInputFilesAsync(invalidFile);
        notice = await WaitForNoticeAsync(page, $"“ongeldig.json” is niet geïmporteerd (route {id})");
        output.WriteLine(notice);
        notice.Should().Contain("Het bestand is geen geldige definitie; er is niets ingelezen.")
            .And.Contain("De verbinding verwijst naar een doelstap ‘bestaatNiet’ die niet bestaat.").And.NotContain("$.");
        (await ExportAsync(page)).Should().Be(shown);

        JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!["revision"]!.GetValue<int>().Should().Be(revision, "a refused file stores nothing");
        (await VersionsAsync(owner, id)).Should().ContainSingle();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_route_list_and_the_designer_have_no_serious_or_critical_accessibility_violations()
    {
        var id = await fixture.CopyOfVoorstelAsync("ontwerp-toegankelijk");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Ontwerper");
        (await page.Locator("tr[data-definition-id='voorstel']").CountAsync()).Should().Be(1);
        await Browsers.CheckAccessibilityAsync(output, page, "routes");

        page = await OpenDesignerAsync(context, id);
        await Browsers.CheckAccessibilityAsync(output, page, "ontwerper");
        await page.GetByTestId("stap-kiezen").SelectOptionAsync("naDb");
        await page.GetByTestId("eigenschappen-naDb").WaitForAsync();
        await Browsers.CheckAccessibilityAsync(output, page, "ontwerper met een keuze geselecteerd");
        await page.GetByTestId("meer").ClickAsync();
        await page.GetByTestId("verplaatsen").ClickAsync();
        await page.GetByTestId("migratie-proefrun").ClickAsync();
        await page.GetByText("Er lopen geen voorstellen op een andere versie.").WaitForAsync();
        await Browsers.CheckAccessibilityAsync(output, page, "verplaatsen");
    }

    // --- the route through the API ---------------------------------------------------------------------------

    private static async Task<string> StartProposalAsync(HttpClient secretary, string title)
    {
        using var started = await secretary.PostAsJsonAsync("/api/definitions/voorstel/instances", new
        {
            input = new { titel = title, pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "metBacs" },
        });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
    }

    /// <summary>Preparation ready, a positive BAC advice, the DB decides: then the proposal waits at the new step.</summary>
    private async Task WalkToTheCollegesAsync(HttpClient secretary, string instanceId)
    {
        await ResumeAsync(secretary, instanceId, "voorbereiding", new JsonObject { ["uitkomst"] = "gereed" });
        await ResumeAsync(secretary, instanceId, "advies", new JsonObject { ["uitkomst"] = "positief" });
        await ResumeAsync(secretary, instanceId, "besluitDb", new JsonObject { ["uitkomst"] = "vastgesteld" });
        (await WaitingAtAsync(secretary, instanceId)).Should().Equal(NewStep);
    }

    private async Task ResumeAsync(HttpClient secretary, string instanceId, string activityId, JsonObject input)
    {
        var instance = await InstanceAsync(secretary, instanceId);
        var bookmarks = instance.GetProperty("bookmarks").EnumerateArray().ToList();
        // The bookmark that waits for the secretary, not the step's timer (a meeting's "not recorded" deadline).
        var waiting = bookmarks.Where(b => b.GetProperty("activityId").GetString() == activityId && b.GetProperty("dueAt").ValueKind == JsonValueKind.Null).ToList();
        waiting.Should().ContainSingle($"the proposal should wait at {activityId}, but waits at {string.Join(", ", bookmarks.Select(b => $"{b.GetProperty("activityId").GetString()} ({b.GetProperty("payload")})"))}");
        var bookmark = waiting[0].GetProperty("id").GetString();
        // A meeting's outcome is recorded on the meeting's day.
        if (waiting[0].GetProperty("payload") is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("vergadering", out var meeting)
            && meeting.TryGetProperty("datum", out var day))
        {
            await fixture.MoveClockToAsync(DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        using var resumed = await secretary.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmark}/resume", new { input });
        resumed.StatusCode.Should().Be(HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> InstanceAsync(HttpClient client, string instanceId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");

    private static async Task<List<string>> WaitingAtAsync(HttpClient client, string instanceId) =>
        (await InstanceAsync(client, instanceId)).GetProperty("bookmarks").EnumerateArray().Select(b => b.GetProperty("activityId").GetString()!).Distinct().ToList();

    private static async Task<List<JsonElement>> VersionsAsync(HttpClient owner, string definitionId) =>
        (await owner.GetFromJsonAsync<JsonElement>($"/api/definitions/{definitionId}/versions")).EnumerateArray().ToList();

    // --- the designer in the browser -------------------------------------------------------------------------

    private async Task<IPage> OpenDesignerAsync(IBrowserContext context, string definitionId)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync($"/Ontwerper/{definitionId}");
        await page.Locator("[data-testid='rf__node-start']").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.__ontwerper && window.__ontwerper.exportJson() !== ''");

        // Every step measured and drawn (React Flow's own first fit comes then), and then every step in view.
        const string steps = "[...document.querySelectorAll('.react-flow__node')]";
        await page.WaitForFunctionAsync($"() => {steps}.length === JSON.parse(window.__ontwerper.exportJson()).root.activities.length && {steps}.every(n => getComputedStyle(n).visibility !== 'hidden' && n.getBoundingClientRect().width > 0)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Alles in beeld" }).ClickAsync();
        await page.WaitForFunctionAsync($$"""
            () => {
              const pane = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
              return {{steps}}.every(n => { const r = n.getBoundingClientRect(); return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom; });
            }
            """);
        return page;
    }

    private static Task<string> ExportAsync(IPage page) => page.EvaluateAsync<string>("() => window.__ontwerper.exportJson()");

    /// <summary>The export once an edit has shown in it.</summary>
    private static async Task<string> ExportChangedFromAsync(IPage page, string before)
    {
        await page.WaitForFunctionAsync("(before) => window.__ontwerper.exportJson() !== before", before);
        return await ExportAsync(page);
    }

    /// <summary>The export is exactly <paramref name="expected"/> (given a moment to render after a key press).</summary>
    private static async Task ExpectExportAsync(IPage page, string expected)
    {
        try
        {
            await page.WaitForFunctionAsync("(expected) => window.__ontwerper.exportJson() === expected", expected, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // the comparison below says how it differs
        }

        (await ExportAsync(page)).Should().Be(expected);
    }

    private static Task WaitSavedAsync(IPage page) => page.WaitForFunctionAsync("() => window.__ontwerper.isSaved()");

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string testId) =>
        await page.GetByTestId(testId).BoundingBoxAsync() ?? throw new InvalidOperationException($"{testId} is not visible.");

    /// <summary>Presses the mouse on one handle and lets go on another, moving in steps as a hand does.</summary>
    private static async Task ConnectWithMouseAsync(IPage page, string fromHandle, string toHandle)
    {
        var from = await BoxAsync(page, fromHandle);
        var to = await BoxAsync(page, toHandle);
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Clicks a connection on a point of its line that no step or other line covers.</summary>
    private static async Task ClickEdgeAsync(IPage page, string edgeId)
    {
        var point = await page.EvaluateAsync<JsonElement>("""
            (id) => {
              const edge = document.querySelector(`[data-testid="rf__edge-${id}"]`);
              const path = edge && edge.querySelector('path');
              if (!path) return null;
              const length = path.getTotalLength();
              const m = path.getScreenCTM();
              for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
                const p = path.getPointAtLength(length * t);
                const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
                if (edge.contains(document.elementFromPoint(x, y))) return { x, y };
              }
              return null;
            }
            """, edgeId);
        point.ValueKind.Should().Be(JsonValueKind.Object, $"connection {edgeId} should be visible somewhere on the canvas");
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        await page.Locator($"[data-testid='rf__edge-{edgeId}'].selected").WaitForAsync();
    }

    /// <summary>Chooses an option with the arrow keys only, as someone without a mouse does.</summary>
    private static async Task ChooseWithKeyboardAsync(IPage page, ILocator select, string value)
    {
        await select.FocusAsync();
        var values = await select.EvaluateAsync<string[]>("s => [...s.options].map(o => o.value)");
        var target = Array.IndexOf(values, value);
        target.Should().BeGreaterThanOrEqualTo(0, $"'{value}' should be one of the options");
        var current = Array.IndexOf(values, await select.InputValueAsync());
        for (var i = 0; i < Math.Abs(target - current); i++)
        {
            await page.Keyboard.PressAsync(target > current ? "ArrowDown" : "ArrowUp");
        }

        (await select.InputValueAsync()).Should().Be(value);
    }

    private static async Task<string> WaitForNoticeAsync(IPage page, string text)
    {
        var notice = page.GetByTestId("melding").Filter(new() { HasText = text });
        await notice.WaitForAsync();
        return await notice.InnerTextAsync();
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Activity(JsonObject definition, string id) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    private static List<(string From, string Port, string To)> Connections(JsonObject definition) =>
        definition["root"]!["connections"]!.AsArray()
            .Select(c => (c!["source"]!["activity"]!.GetValue<string>(), c["source"]!["port"]!.GetValue<string>(), c["target"]!["activity"]!.GetValue<string>()))
            .ToList();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerBrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
