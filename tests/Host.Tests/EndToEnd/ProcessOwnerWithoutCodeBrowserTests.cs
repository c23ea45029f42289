using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// Issue 16's first must-shown test: a process owner changes the <c>voorstel</c> route with keyboard and mouse and
/// without typing any code (a deadline of 3 weeks for the written BAC round; a Melding to the portefeuillehouder after the
/// DB decision), publishes, and a new beleidsvoorstel on the test clock shows the deadline moved off Koningsdag and sends
/// the melding after the DB. The property panel's screenshots at 1366 and 320 px go to screenshots/eigenschappen.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProcessOwnerWithoutCodeBrowserTests(ProcessOwnerDesignerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessOwnerDesignerFixture>
{
    private ProcessOwnerDesignerHost Host => fixture.Host;

    [Fact]
    public async Task A_process_owner_sets_a_three_week_written_round_and_a_melding_to_the_portefeuillehouder_without_code_and_a_new_proposal_follows_them()
    {
        const string title = "Gezonde schoolomgeving Drenthe";
        var page = await fixture.DesignerAsync("voorstel", output);
        var before = Parse(await ExportAsync(page));

        // The written BAC round: 3 weeks, a number typed and a unit chosen with the arrow keys.
        // The BAC's advice lies beyond the opening view: "Alles in beeld" shows the whole route, and the mouse picks the step.
        await page.GetByRole(AriaRole.Button, new() { Name = "Alles in beeld" }).ClickAsync();
        await page.GetByTestId("rf__node-advies").ClickAsync();
        var advies = page.GetByTestId("eigenschappen-advies");
        await ChooseWithKeyboardAsync(page, advies.GetByTestId("invoer-termijn-eenheid"), "W");
        await advies.GetByTestId("invoer-termijn-veld").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("3");
        (await advies.GetByTestId("invoer-termijn-duur").InnerTextAsync()).Should().Be("Ingesteld: 3 weken.");

        // A Melding beside the DB's decision, added from the palette with the DB's decision selected.
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "besluitDb");
        await page.GetByTestId("palet-Melding").ClickAsync();
        var melding = await NewStepAsync(page, before, "Melding");
        var panel = page.GetByTestId($"eigenschappen-{melding}");
        await panel.WaitForAsync();

        // To the proposal's portefeuillehouder, about the title: the subject built with the "Titel" button, no braces typed.
        await panel.GetByTestId("invoer-aan-kies-portefeuillehouder").CheckAsync();
        await panel.GetByTestId("invoer-onderwerp-manier-template").ClickAsync();
        await panel.GetByTestId("invoer-onderwerp-sjabloon").FocusAsync();
        await page.Keyboard.TypeAsync("Besluit van het DB: ");
        await panel.GetByTestId("invoer-onderwerp").GetByRole(AriaRole.Button, new() { Name = "Titel", Exact = true }).ClickAsync();
        (await panel.GetByTestId("invoer-onderwerp-sjabloon").InputValueAsync()).Should().Be("Besluit van het DB: {Titel}");

        // Connected in the panel: after the DB adopts it the route passes the Melding, then goes on as before.
        await ChooseWithKeyboardAsync(page, panel.GetByTestId($"verbind-{melding}-Done"), "naDb");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "besluitDb");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("verbind-besluitDb-vastgesteld"), melding);
        await page.WaitForFunctionAsync("() => window.__ontwerper.isSaved()");

        var edited = Parse(await ExportAsync(page));
        Activity(edited, "advies")["inputs"]!["termijn"]!.GetValue<string>().Should().Be("P3W");
        var step = Activity(edited, melding);
        step["inputs"]!["aan"]!.ToJsonString().Should().Be("""["portefeuillehouder"]""");
        step["inputs"]!["onderwerp"]!.ToJsonString().Should().Be("""{"template":"Besluit van het DB: {input.titel}"}""");
        Connections(edited).Should().Contain([("besluitDb", "vastgesteld", melding), (melding, "Done", "naDb")]);
        step.ToJsonString().Should().NotContain("expression", "no code was written");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), melding);
        await fixture.ShotBothAsync(page, "melding-portefeuillehouder", panel.GetByTestId("invoer-aan"));
        await fixture.ShotBothAsync(page, "melding-onderwerp-titel", panel.GetByTestId("invoer-onderwerp"));

        await Expect(page.GetByTestId("geen-fouten"));
        await page.GetByTestId("publiceren").ClickAsync();
        await page.GetByTestId("melding").Filter(new() { HasText = "Versie 2 is gepubliceerd." }).WaitForAsync();

        // Tuesday 6 April 2027: a beleidsvoorstel whose BAC advises in writing; the round opens when the preparation is done.
        var secretary = await fixture.SecretaryPageAsync();
        await secretary.GotoAsync("/Voorstellen/Nieuw");
        await secretary.FillAsync("#Input_Titel", title);
        await secretary.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await secretary.SelectOptionAsync("#Input_Soort", "beleidsvoorstel");
        await secretary.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await secretary.CheckAsync("#Input_Bestuursmodel_metBacs");
        await secretary.CheckAsync("#Wijze_Bac_schriftelijk");
        await secretary.FillAsync("#Besluit_Beslispunten", "in te stemmen met de aanpak gezonde schoolomgeving.");
        await secretary.ClickAsync("button:has-text('Voorstel starten')");
        await secretary.WaitForURLAsync(new Regex("/Voorstellen/[0-9a-f]+$"));
        var id = new Uri(secretary.Url).AbsolutePath["/Voorstellen/".Length..];
        var instance = await InstanceAsync(id);
        instance.DefinitionVersion.Should().Be(2, "a new proposal starts on the published version");
        Host.Today.Should().Be(new DateOnly(2027, 4, 6));
        await CompletePreparationAsync(id);

        // 3 weeks on is Tuesday 27 April, Koningsdag: the deadline is Wednesday 28 April 2027, in the mails and on the page.
        new DateOnly(2027, 4, 28).DayOfWeek.Should().Be(DayOfWeek.Wednesday);
        var requests = await MailsAsync($"Verzoek om advies: {title}", 12);
        requests.Should().OnlyContain(m => m.Text.Contains("uiterlijk 28 april 2027", StringComparison.Ordinal));
        await secretary.GotoAsync($"/Voorstellen/{id}");
        (await secretary.InnerTextAsync("main")).Should().Contain("28 april 2027");

        // The members advise positively through their own links until the outcome stands (the round then closes early);
        // the proposal goes on to the DB's next meeting.
        var member = await fixture.NewPageAsync();
        var chosen = 0;
        foreach (var request in requests)
        {
            await member.GotoAsync(request.Path);
            if (await member.Locator("button[name='keuze'][value='positief']").CountAsync() == 0)
            {
                (await member.InnerTextAsync("main")).Should().Contain("Deze ronde is gesloten.");
                break;
            }

            await Browsers.SubmitAsync(member, "button[name='keuze'][value='positief']");
            chosen++;
        }

        chosen.Should().BeGreaterThan(requests.Count / 2);

        var atDb = await EventuallyAsync(async () => (await InstanceAsync(id)).Waiting().FirstOrDefault(w => w.Token.ActivityId == "besluitDb" && w.Bookmark.DueAt is null) is { Bookmark: { } b } ? b : null,
            "the proposal waiting for the DB's decision");
        var meetingDay = atDb.Payload?["vergadering"]?["datum"]?.GetValue<string>();
        meetingDay.Should().NotBeNull();
        fixture.MoveClockTo(DateOnly.ParseExact(meetingDay!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using (var api = Host.Client(HostFixture.SecretaryKey))
        {
            using var resumed = await api.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{atDb.Id}/resume", new { input = new { uitkomst = "vastgesteld" } });
            resumed.StatusCode.Should().Be(HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());
        }

        // The portefeuillehouder gets the melding after the DB, about this proposal.
        var holder = instance.Input["portefeuillehouder"]!["lid"]!.GetValue<string>();
        var email = Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.FindMember(holder)!.Email;
        var sent = await Host.Maildev.WaitForAsync(m => m.Any(x => x.Subject == $"Besluit van het DB: {title}"), TimeSpan.FromSeconds(60));
        sent.Where(m => m.Subject == $"Besluit van het DB: {title}").SelectMany(m => m.To.Select(t => t.Address)).Should().Equal(email);
    }

    [Fact]
    public async Task The_property_panel_reads_in_words_for_agenderen_advies_a_switch_and_a_melding()
    {
        var id = await fixture.CopyWithRulesAsync();
        var page = await fixture.DesignerAsync(id, output);
        var forbidden = new[] { "uitgebrachteStemmen", "escaleren", "geenAntwoord", "P1W", "P3W", "[\"2\"]", "true", "false", "input.", "variables.", "expression", "bac-pg", "bac-zv", "perValue" };
        var shots = new (string Step, string Field, string Name)[]
        {
            ("agendeerBac", "invoer-orgaan", "agenderen-orgaan"),
            ("advies", "invoer-orgaan", "advies-orgaan"),
            ("advies", "invoer-wijze", "advies-wijze"),
            ("advies", "invoer-termijn", "advies-termijn"),
            ("advies", "invoer-herinneringen", "advies-herinneringen"),
            ("advies", "invoer-bijVerlopen", "advies-bij-verlopen"),
            ("naDb", "invoer-cases-geval-1-velden", "keuze-geval-groep"),
            ("naDb", "invoer-cases-geval-3-velden", "keuze-geval-een-van"),
            ("besluitBekend", "invoer-aan", "melding-aan"),
            ("besluitBekend", "invoer-onderwerp", "melding-onderwerp"),
        };
        foreach (var (step, field, name) in shots)
        {
            if (await page.GetByTestId("stap-kiezen").InputValueAsync() != step)
            {
                await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), step);
            }

            var part = page.GetByTestId($"eigenschappen-{step}").GetByTestId(field);
            (await part.InnerTextAsync()).Should().NotContainAny(forbidden, "{0} reads in words", name);
            await fixture.ShotBothAsync(page, name, part);
        }

        // What the pictures show, in words: the BAC per pillar, the round's deadline and reminders, a rule, the melding's recipients.
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "advies");
        var advies = page.GetByTestId("eigenschappen-advies");
        (await advies.GetByTestId("invoer-orgaan-per-waarde-PubliekeGezondheid-veld").InputValueAsync()).Should().Be("bac-pg");
        (await advies.GetByTestId("invoer-orgaan-per-waarde-PubliekeGezondheid").InnerTextAsync()).Should().Contain("Publieke Gezondheid →");
        (await advies.GetByTestId("invoer-termijn-duur").InnerTextAsync()).Should().Be("Ingesteld: 3 weken.");
        (await advies.GetByTestId("invoer-herinneringen").InnerTextAsync()).Should().Contain("werkdagen vóór de termijn").And.Contain("Standaard: 2 werkdagen vóór de termijn.");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "naDb");
        (await page.GetByTestId("invoer-cases-geval-1-in-woorden").InnerTextAsync())
            .Should().Be("In woorden: Soort voorstel is (Ontwerp)begroting of (Soort voorstel is Begrotingswijziging en Begrotingswijziging in een categorie die de regeling vrijstelt van zienswijzen is niet ja).");
        await ChooseWithKeyboardAsync(page, page.GetByTestId("stap-kiezen"), "besluitBekend");
        var aan = page.GetByTestId("eigenschappen-besluitBekend").GetByTestId("invoer-aan");
        (await aan.GetByTestId("invoer-aan-kies-portefeuillehouder").IsCheckedAsync()).Should().BeTrue();
        (await aan.InnerTextAsync()).Should().Contain("Alle raden").And.Contain("Alle colleges").And.Contain("De portefeuillehouder van het voorstel");
        await aan.Locator("summary", new() { HasText = "Organen" }).ClickAsync();
        await aan.Locator("summary", new() { HasText = "Leden" }).ClickAsync();
        var unfolded = await aan.InnerTextAsync();
        unfolded.Should().Contain("Dagelijks bestuur").And.Contain("Gemeenteraad Assen").And.MatchRegex(@"[A-Z][a-z]+ [A-Za-z ]+ \(portefeuillehouder, BAC Publieke Gezondheid\)");
        unfolded.Should().NotContain("@", "a member is shown by name and role, never by address");
        await fixture.ShotBothAsync(page, "melding-aan-open", aan);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Task<InstanceView> InstanceAsync(string id) => Host.InstanceAsync(id);

    private Task CompletePreparationAsync(string id) => Host.CompletePreparationAsync(id);

    private async Task<List<LinkMail>> MailsAsync(string subject, int count)
    {
        var all = await Host.Maildev.WaitForAsync(m => m.Count(x => x.Subject == subject) >= count, TimeSpan.FromSeconds(60));
        var mails = new List<LinkMail>();
        foreach (var raw in all.Where(m => m.Subject == subject))
        {
            using var source = new MemoryStream(await Host.Maildev.SourceAsync(raw.Id));
            mails.Add(LinkMail.From(await MimeMessage.LoadAsync(source)));
        }

        mails.Should().HaveCount(count);
        return mails;
    }

    private static async Task Expect(ILocator locator) => await locator.WaitForAsync();

    private static Task<string> ExportAsync(IPage page) => page.EvaluateAsync<string>("() => window.__ontwerper.exportJson()");

    /// <summary>The id of the step of <paramref name="type"/> the export holds now and did not hold before.</summary>
    private static async Task<string> NewStepAsync(IPage page, JsonObject before, string type)
    {
        var known = before["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToHashSet();
        await page.WaitForFunctionAsync("(n) => JSON.parse(window.__ontwerper.exportJson()).root.activities.length > n", known.Count);
        var now = Parse(await ExportAsync(page));
        return now["root"]!["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == type && !known.Contains(a["id"]!.GetValue<string>()))!["id"]!.GetValue<string>();
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

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Activity(JsonObject definition, string id) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    private static List<(string From, string Port, string To)> Connections(JsonObject definition) =>
        definition["root"]!["connections"]!.AsArray()
            .Select(c => (c!["source"]!["activity"]!.GetValue<string>(), c["source"]!["port"]!.GetValue<string>(), c["target"]!["activity"]!.GetValue<string>()))
            .ToList();
}

/// <summary>
/// The in-memory host (Testing) on a loopback port, with SMTP to a maildev it owns and its clock from Tuesday 6 April 2027,
/// 09:00: a written round of 3 weeks opened that day ends on Koningsdag and moves to the Wednesday.
/// </summary>
public sealed class ProcessOwnerDesignerHost() : MaildevClockHost(StartsAt)
{
    public const string StartsAt = "2027-04-06T09:00:00+02:00";
}

/// <summary>One host, one maildev and one Chromium for <see cref="ProcessOwnerWithoutCodeBrowserTests"/>; a process owner signed in.</summary>
public sealed class ProcessOwnerDesignerFixture : IAsyncLifetime
{
    private const string Password = "Proceseigenaar-Wachtwoord-2027!";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _secretary;
    private string _ownerEmail = "";

    public ProcessOwnerDesignerHost Host { get; } = new();

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "eigenschappen");

    public async Task InitializeAsync()
    {
        await Host.Maildev.StartAsync();
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        _ownerEmail = await Host.WithScopeAsync(async services =>
        {
            const string email = "m.dekker@samendrenthe.example.org";
            var users = services.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Marloes Dekker" };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.ProcessOwner)).Succeeded.Should().BeTrue();
            return email;
        });
    }

    /// <summary>The designer of a route, opened by the process owner in a wide window, every step drawn.</summary>
    public async Task<IPage> DesignerAsync(string definitionId, ITestOutputHelper output)
    {
        var context = await Browsers.NewContextAsync(_browser!, new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await Browsers.SignInAsync(page, _ownerEmail, Password);
        await page.GotoAsync($"/Ontwerper/{definitionId}");
        await page.Locator("[data-testid='rf__node-start']").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.__ontwerper && window.__ontwerper.exportJson() !== ''");
        return page;
    }

    /// <summary>A page signed in as the administrator, who acts as secretary.</summary>
    public async Task<IPage> SecretaryPageAsync()
    {
        if (_secretary is null)
        {
            _secretary = await NewPageAsync();
            await Browsers.SignInAsync(_secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        }

        return _secretary;
    }

    /// <summary>A page in a context of its own (a member's browser, no session).</summary>
    public Task<IPage> NewPageAsync() => Browsers.NewPageAsync(_browser!, Host.Address);

    /// <summary>Moves the host's Testing clock forward to 20:00 on a Dutch day, as <c>POST /api/testing/clock</c> does.</summary>
    public void MoveClockTo(DateOnly day)
    {
        var clock = Host.Services.GetRequiredService<AdviesRoute.Host.Testing.OffsetTimeProvider>();
        var local = day.ToDateTime(new TimeOnly(20, 0));
        var target = new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
        var by = target - clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            clock.Advance(by);
            Host.Services.GetRequiredService<AdviesRoute.Workflows.Timers.TimerSignal>().Notify();
        }
    }

    /// <summary>
    /// A copy of <c>voorstel</c> (whose BACs go per pillar and whose switches route by rules, ADR 0029) as a process owner
    /// might leave it: a written round of 3 weeks with two reminders, and the AB's decision also told to the portefeuillehouder.
    /// </summary>
    public async Task<string> CopyWithRulesAsync()
    {
        var id = $"schermen-{Guid.NewGuid():N}"[..17];
        var shipped = await File.ReadAllTextAsync(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json"));
        var original = JsonNode.Parse(shipped)!.AsObject();
        original["definitionId"] = id;
        original["name"] = "Voorstel (schermafdrukken)";
        var definition = original.DeepClone().AsObject();
        JsonObject Step(string stepId) => definition["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == stepId);
        var advies = Step("advies")["inputs"]!.AsObject();
        advies["termijn"] = "P3W";
        advies["herinneringen"] = new JsonArray("5", "2");
        Step("besluitBekend")["inputs"] = JsonNode.Parse("""
            { "aan": ["raden", "colleges", "portefeuillehouder"], "soort": "besluitGenomen",
              "onderwerp": { "template": "Besluit algemeen bestuur: {input.titel}" }, "tekst": "Het algemeen bestuur heeft het voorstel vastgesteld." }
            """);

        using var owner = Host.Client(HostFixture.ProcessOwnerKey);
        using var imported = await owner.PostAsync("/api/definitions/import", new StringContent(original.ToJsonString(), Encoding.UTF8, "application/json"));
        imported.IsSuccessStatusCode.Should().BeTrue(await imported.Content.ReadAsStringAsync());
        var revision = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["revision"]!.GetValue<int>();
        using var saved = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision, definition });
        saved.IsSuccessStatusCode.Should().BeTrue(await saved.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A screenshot of one part of the page at 1366 and at 320 px, which must fit the phone without sideways scrolling.</summary>
    public async Task ShotBothAsync(IPage page, string name, ILocator part)
    {
        var size = page.ViewportSize;
        // Tall windows, so the panel (which scrolls in its own box) shows the part whole.
        await page.SetViewportSizeAsync(1366, 2000);
        await part.ScrollIntoViewIfNeededAsync();
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-1366.png") });
        await page.SetViewportSizeAsync(320, 3200);
        await part.ScrollIntoViewIfNeededAsync();
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-320.png") });
        // The part itself reflows (WCAG 1.4.10); the rest of the designer page is the canvas's to answer for.
        var overflow = await part.EvaluateAsync<string>("""
            e => [e, ...e.querySelectorAll('*')]
              .filter(x => x.getBoundingClientRect().width > 0 && (x.getBoundingClientRect().right > 321 || x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflowX !== 'hidden' && x.tagName !== 'SELECT'))
              .map(x => `${x.tagName}.${x.className} to ${Math.round(x.getBoundingClientRect().right)} px`).join(', ')
            """);
        overflow.Should().BeEmpty("{0} fits 320 CSS px without scrolling sideways", name);
        await page.SetViewportSizeAsync(size?.Width ?? 1600, size?.Height ?? 1000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
