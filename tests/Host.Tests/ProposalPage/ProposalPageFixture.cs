using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Language;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.ProposalPage;

/// <summary>
/// One host (in memory on a loopback port, its clock from Monday 4 January 2027) and one Chromium for
/// <see cref="ProposalPageBrowserTests"/>. It walks an ontwerpbegroting as a secretary does, from the start form through
/// the DB, a zienswijzenronde of the twelve councils (seven answers recorded on their behalf), the DB's adoption of the reactions and the AB's decision, and
/// at each point measures the proposal page as drawn and keeps screenshots at 1366 and 320 px. Each part runs once; a
/// part that fails is kept with its error and the parts after it are not run, so every test says where the walk stopped.
/// </summary>
public sealed class ProposalPageFixture : IAsyncLifetime
{
    public const string Title = "Ontwerpbegroting 2028";
    private const string Example = "voorbeeld-termijn";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private HttpClient? _secretary;
    private HttpClient? _api;
    private HttpClient? _clock;
    private WalkParts? _parts;

    public LanguageHost Host { get; } = new();

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "voorstel");

    public string ProposalId { get; private set; } = "";

    /// <summary>The routes the start form offered to the secretary (their ids).</summary>
    public IReadOnlyList<string> OfferedRoutes { get; private set; } = [];

    /// <summary>What the start form answered when an engine example route was posted anyway.</summary>
    public string? ExampleStartRefusal { get; private set; }

    /// <summary>The heights (CSS px, as drawn at 1366 px) of the route diagram's labels, before the round and after the decision.</summary>
    public IReadOnlyList<double> LabelHeightsBefore { get; private set; } = [];

    public IReadOnlyList<double> LabelHeightsAfter { get; private set; } = [];

    /// <summary>The route as the list for screen readers says it, before the round.</summary>
    public string RouteListBefore { get; private set; } = "";

    public Refusal? OutcomeRefusal { get; private set; }

    public Refusal? OnBehalfRefusal { get; private set; }

    public Confirmation? Cancel { get; private set; }

    public Confirmation? Convocation { get; private set; }

    /// <summary>The round's table during the round at 1366 px: its rows and how far its bottom lies from the top of the page.</summary>
    public (int Rows, double Bottom, string Tally, string Header, int OnBehalfFields)? Round { get; private set; }

    public string HeaderAfter { get; private set; } = "";

    /// <summary>The proposal's stukken after the AB decided, as listed on its page.</summary>
    public IReadOnlyList<string> DocumentsAfter { get; private set; } = [];

    /// <summary>A choice and text as the page shows them after a refusal.</summary>
    public sealed record Refusal(int Status, string Message, IReadOnlyList<string> Checked, string Text);

    /// <summary>What an action did without its confirmation, and with it.</summary>
    public sealed record Confirmation(int StatusWithout, string MessageWithout, bool HappenedWithout, bool HappenedWith);

    /// <summary>Throws with the error of the part that stopped the walk before <paramref name="part"/> was reached.</summary>
    public void Reached(string part) => Parts.Reached(part);


    public async Task InitializeAsync()
    {
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _secretary = Host.Client();
        _api = Host.Client(HostFixture.SecretaryKey);
        _clock = Host.Client(LanguageHost.AdminKey);
        await SignInAsync(_secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        var context = await Browsers.NewContextAsync(_browser, new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        _page = await context.NewPageAsync();
        await Browsers.SignInAsync(_page, HostFixture.AdminEmail, HostFixture.AdminPassword);

        await PartAsync("start form", StartFormAsync);
        await PartAsync("before the round", BeforeRoundAsync);
        await PartAsync("confirmations", ConfirmationsAsync);
        await PartAsync("round", RoundAsync);
        await PartAsync("decision", DecisionAsync);
    }

    private Task PartAsync(string name, Func<Task> part) => Parts.PartAsync(name, part);

    /// <summary>The walk's parts; a failed part leaves a screenshot named after it.</summary>
    private WalkParts Parts => _parts ??= new WalkParts(n => ShotAsync("fout-" + n.Replace(' ', '-')));

    private IPage Page => _page!;

    /// <summary>The start form: the routes it offers, a refusal of an example route, then a begroting started in the browser.</summary>
    private async Task StartFormAsync()
    {
        await Page.GotoAsync("/Voorstellen/Nieuw");
        OfferedRoutes = await Page.Locator("#Input_Route option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        await ShotBothAsync("nieuw-voorstel");

        try
        {
            await StartProposalAsync(_secretary!, new NewProposal("Voorbeeld gestart", "PubliekeGezondheid", "beleidsvoorstel", "metBacs", Example));
        }
        catch (InvalidOperationException ex)
        {
            ExampleStartRefusal = ex.Message;
        }

        await Page.FillAsync("#Input_Titel", Title);
        await Page.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await Page.SelectOptionAsync("#Input_Soort", "begroting");
        await Page.FillAsync("#Input_Samenvatting", "De ontwerpbegroting 2028 met de meerjarenraming.");
        await Page.FillAsync("#Besluit_Beslispunten", "de ontwerpbegroting 2028 vast te stellen;\nde zienswijzen van de raden te vragen.");
        await Page.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await Page.SetInputFilesAsync("#Stukken", [
            new FilePayload { Name = "Ontwerpbegroting 2028.pdf", MimeType = "application/pdf", Buffer = Pdf("begroting") },
            new FilePayload { Name = "Meerjarenraming.pdf", MimeType = "application/pdf", Buffer = Pdf("raming") },
        ]);
        await Page.SetInputFilesAsync("#VertrouwelijkeStukken", [new FilePayload { Name = "Bijdrage per gemeente.pdf", MimeType = "application/pdf", Buffer = Pdf("bijdrage") }]);
        await Page.ClickAsync("button:has-text('Voorstel starten')");
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Voorstellen/[0-9a-f]+$"));
        ProposalId = new Uri(Page.Url).AbsolutePath["/Voorstellen/".Length..];
    }

    /// <summary>The page in preparation: labels as drawn, the list, a refused outcome; then preparation done.</summary>
    private async Task BeforeRoundAsync()
    {
        await GotoProposalAsync();
        LabelHeightsBefore = await LabelHeightsAsync();
        RouteListBefore = await Page.InnerTextAsync("ol.route-lijst");
        await ShotBothAsync("voorstel-voorbereiding");

        // "Herzien" without the explanation it needs: the page refuses and keeps the choice (the browser's own check is
        // left out, as an older browser or a second click after an error would).
        var form = Page.Locator("form.action", new PageLocatorOptions { Has = Page.Locator("input[value='herzien']") });
        await form.Locator("input[value='herzien']").CheckAsync();
        await form.EvaluateAsync("f => f.noValidate = true");
        var response = await SubmitAsync(form);
        OutcomeRefusal = await RefusalAsync(response!, "form.action:has(input[value='herzien'])");
        await ShotBothAsync("voorstel-geweigerd");

        await ActAsync(_secretary!, _api!, ProposalId, "voorbereiding", "Voorbereiding", new Dictionary<string, string> { ["invoer.uitkomst"] = "gereed" });
    }

    /// <summary>Cancelling a proposal and sending a convocation without the confirmation, then with it.</summary>
    private async Task ConfirmationsAsync()
    {
        var other = await StartProposalAsync(_secretary!, new NewProposal("Visie op gezondheidsbevordering", "PubliekeGezondheid", "beleidsvoorstel", "metBacs"));
        var path = $"/Voorstellen/{other}";
        var page = await _secretary!.GetStringAsync(path);
        var without = await PostAsync(path + "?handler=afbreken", page, new() { ["reden"] = "Dubbel gestart." });
        var statusWithout = Status(await InstanceAsync(_api!, other));
        var with = await PostAsync(path + "?handler=afbreken", page, new() { ["reden"] = "Dubbel gestart.", ["zeker"] = "ja" });
        Cancel = new Confirmation((int)without.Status, without.Message, statusWithout != "Suspended", Status(await StatusAsync(_api!, other, "Cancelled")) == "Cancelled" && with.Status == HttpStatusCode.Redirect);

        var meeting = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitDb", "Vergadering"))!;
        // The convocation is sent from its preview page, which the meeting page links to.
        var meetingPath = $"/Vergaderingen/{meeting}/Convocatie";
        await Page.GotoAsync(meetingPath);
        await ShotBothAsync("vergadering-convocatie");

        // In the browser, the box left unticked (and the browser's own check left out): the page refuses.
        var form = Page.Locator("form", new PageLocatorOptions { Has = Page.Locator("input[name='zeker']") });
        await form.EvaluateAsync("f => f.noValidate = true");
        var refused = await SubmitAsync(form);
        var message = await Page.Locator(".utrecht-alert--error").InnerTextAsync();
        await ShotBothAsync("vergadering-convocatie-geweigerd");
        var sentWithout = WebUtility.HtmlDecode(await _secretary.GetStringAsync(meetingPath)).Contains("Verstuurd op", StringComparison.Ordinal);
        var convocationWith = await PostAsync(meetingPath, await _secretary.GetStringAsync(meetingPath), new() { ["zeker"] = "ja" });
        Convocation = new Confirmation(refused.Status, message, sentWithout, convocationWith.Message.Contains("De convocatie is verstuurd", StringComparison.Ordinal));
    }

    /// <summary>The DB sends the draft to the twelve councils; seven answers are recorded on their behalf.</summary>
    private async Task RoundAsync()
    {
        var db = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitDb", "Vergadering"))!;
        await AdvanceToMeetingAsync(db);
        await ActAsync(_secretary!, _api!, ProposalId, "besluitDb", "Vergadering", new Dictionary<string, string> { ["invoer.uitkomst"] = "vastgesteld" });
        var requests = await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api!, ProposalId)).Where(b => b.Name == "Antwoord").ToList() is { Count: 12 } list ? list : null,
            "the twelve councils' requests");

        // The first answer in the browser: "Negatief" with its text but without the reason for recording it on the
        // council's behalf is refused, and both stay; then with the reason.
        await Page.GotoAsync($"/Voorstellen/{ProposalId}/Namens/{requests[0].Id}");
        await ShotBothAsync("vastleggen-namens");
        var form = Page.Locator("form.action");
        await form.Locator("input[value='negatief']").CheckAsync();
        await form.Locator("textarea[name='invoer.tekst']").FillAsync("De raad kan niet instemmen met de verhoging van de bijdrage.");
        await form.EvaluateAsync("f => f.noValidate = true");
        var response = await SubmitAsync(form);
        OnBehalfRefusal = await RefusalAsync(response!, "form.action");
        await ShotBothAsync("vastleggen-namens-geweigerd");
        await form.Locator("input[name='invoer.namens']").FillAsync("Per mail van de griffie ontvangen.");
        await SubmitAsync(form);

        var answers = new[] { "positief", "positief", "positief", "positief", "positiefMetKanttekeningen", "positiefMetKanttekeningen" };
        for (var i = 0; i < answers.Length; i++)
        {
            var namens = $"/Voorstellen/{ProposalId}/Namens/{requests[i + 1].Id}";
            var page = await _secretary!.GetStringAsync(namens);
            var posted = await PostAsync(namens, page, new()
            {
                ["invoer.antwoord"] = answers[i],
                ["invoer.tekst"] = "De raad stemt in met de ontwerpbegroting.",
                ["invoer.namens"] = "Per mail van de griffie ontvangen.",
            });
            posted.Status.Should().Be(HttpStatusCode.Redirect, posted.Message);
        }

        await GotoProposalAsync();
        var table = Page.Locator("table.ronde");
        var rows = await table.Locator("tbody tr").CountAsync();
        var bottom = await table.EvaluateAsync<double>("t => t.getBoundingClientRect().bottom + window.scrollY");
        Round = (rows, bottom, await Page.InnerTextAsync(".ronde-telling"), await Page.InnerTextAsync(".voorstel-kop"), await Page.Locator("[name='invoer.namens']").CountAsync());
        await ShotBothAsync("voorstel-zienswijzenronde");
    }

    /// <summary>The twelve weeks end; the board reacts to each zienswijze, the DB adopts the reactions; the AB adopts the begroting.</summary>
    private async Task DecisionAsync()
    {
        await AdvanceToAsync(Amsterdam(2027, 4, 16, 9, 0));
        for (var i = 0; i < 7; i++)
        {
            var reaction = await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api!, ProposalId)).FirstOrDefault(b => b.Name == "Reactie"), "a reaction to write");
            await ResumeOnPageAsync(_secretary!, ProposalId, reaction.Id, new Dictionary<string, string> { ["invoer.reactie"] = "Het bestuur dankt de raad voor zijn zienswijze." });
            await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api!, ProposalId)).Any(b => b.Id == reaction.Id) ? null : "done", "the reaction recorded");
        }

        // The DB adopts the reactions in its meeting (art. 35 lid 3 Wgr); only then do they go to the councils and the AB.
        var dbReactions = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitDbReacties", "Vergadering"))!;
        await AdvanceToMeetingAsync(dbReactions);
        await ActAsync(_secretary!, _api!, ProposalId, "besluitDbReacties", "Vergadering", new Dictionary<string, string> { ["invoer.uitkomst"] = "vastgesteld" });

        var ab = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitAb", "Vergadering"))!;
        await AdvanceToMeetingAsync(ab);
        await ActAsync(_secretary!, _api!, ProposalId, "besluitAb", "Vergadering", new Dictionary<string, string> { ["invoer.uitkomst"] = "vastgesteld" });
        await WaitingAsync(_api!, ProposalId, "nazorgBegroting", "Nazorg");
        await GotoProposalAsync();
        LabelHeightsAfter = await LabelHeightsAsync();
        HeaderAfter = await Page.InnerTextAsync(".voorstel-kop");
        DocumentsAfter = await Page.Locator("h2:text-is('Stukken') + ul > li").AllInnerTextsAsync();
        await ShotBothAsync("voorstel-na-besluit");
    }

    private async Task GotoProposalAsync()
    {
        await Page.SetViewportSizeAsync(1366, 900);
        await Page.GotoAsync($"/Voorstellen/{ProposalId}");
    }

    /// <summary>Each label of the route diagram that is shown, its height as drawn (getBoundingClientRect) at 1366 px.</summary>
    private async Task<IReadOnlyList<double>> LabelHeightsAsync()
    {
        await Page.SetViewportSizeAsync(1366, 900);
        return await Page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('svg.route-diagram text')].map(t => t.getBoundingClientRect()).filter(r => r.width > 0).map(r => r.height)");
    }

    /// <summary>Submits a form and waits until the page it answered with has loaded; returns the answer to the post.</summary>
    private async Task<IResponse> SubmitAsync(ILocator form)
    {
        var response = await Page.RunAndWaitForResponseAsync(() => form.Locator("button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");
        await Page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }

    private async Task<Refusal> RefusalAsync(IResponse response, string form)
    {
        var message = await Page.Locator(".utrecht-alert--error, [role='alert']").First.InnerTextAsync();
        var chosen = await Page.Locator($"{form} input[type='radio']:checked").EvaluateAllAsync<string[]>("rs => rs.map(r => r.value)");
        var text = await Page.Locator($"{form} textarea").EvaluateAllAsync<string[]>("ts => ts.map(t => t.value)");
        return new Refusal(response.Status, message, chosen, string.Join("\n", text));
    }

    private async Task<(HttpStatusCode Status, string Message)> PostAsync(string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery(page);
        if (System.Text.RegularExpressions.Regex.Match(page, "name=\"formulier\" value=\"(?<id>[0-9a-f]{32})\"") is { Success: true } form)
        {
            fields["formulier"] = form.Groups["id"].Value;
        }

        using var response = await _secretary!.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString ?? "" : Errors(body) + " " + body);
    }

    private async Task AdvanceToMeetingAsync(string meeting)
    {
        var calendar = (await _api!.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!;
        var date = DateOnly.ParseExact(calendar["document"]!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == meeting)!["date"]!.GetValue<string>(),
            "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AdvanceToAsync(Amsterdam(date.Year, date.Month, date.Day, 22, 0));
    }

    /// <summary>Moves the clock on; sessions are read on that clock, so both the browser and the client sign in again.</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(_clock!, moment);
        await SignInAsync(_secretary!, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await Browsers.SignInAsync(Page, HostFixture.AdminEmail, HostFixture.AdminPassword);
    }

    private static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local));
    }

    private async Task ShotBothAsync(string name)
    {
        await Page.SetViewportSizeAsync(1366, 900);
        await ShotAsync(name + "-1366");
        await Page.SetViewportSizeAsync(320, 640);
        await ShotAsync(name + "-320");
        await Page.SetViewportSizeAsync(1366, 900);
    }

    private Task ShotAsync(string name) => _page is null
        ? Task.CompletedTask
        : _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        _secretary?.Dispose();
        _api?.Dispose();
        _clock?.Dispose();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
