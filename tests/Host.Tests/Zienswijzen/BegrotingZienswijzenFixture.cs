using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Playwright;
using MimeKit;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Zienswijzen;

/// <summary>
/// One host, one maildev and one Chromium for <see cref="BegrotingZienswijzenBrowserTests"/>. It walks an
/// ontwerpbegroting as a secretariat and the councils do: the DB sends it to the 12 councils; three councils give a
/// zienswijze through the links in their own mails (one changes it), nine stay silent until the deadline; the secretary
/// writes a reasoned reaction to each; the DB adopts them in its meeting; then the mails go out and the begroting goes
/// to the AB with the zienswijzennota. What each step showed is kept for the tests; screenshots at 1366 and 320 px go
/// to <c>screenshots/zienswijzen</c>.
/// </summary>
public sealed partial class BegrotingZienswijzenFixture : IAsyncLifetime
{
    public const string Title = "Ontwerpbegroting 2028";

    public const string ReactionSubject = "Reactie van het bestuur op uw zienswijze: " + Title;

    public const string NoticeSubject = "Ontwerpbegroting naar het algemeen bestuur: " + Title;

    /// <summary>The three councils' zienswijzen (the choice, the text as last changed) and the board's reactions, by council name.</summary>
    public static readonly (string Choice, string Text, string Reaction)[] Given =
    [
        ("positief", "De raad van deze gemeente stemt in met de ontwerpbegroting en vraagt aandacht voor de jeugdgezondheidszorg.",
            "Het bestuur neemt de aandacht voor de jeugdgezondheidszorg over in de uitvoeringsparagraaf van de begroting."),
        ("positiefMetKanttekeningen", "Instemming, met de kanttekening dat de indexatie van de bijdrage per gemeente te hoog is.",
            "De indexatie volgt de afspraken uit de kaderbrief; het bestuur licht de berekening toe in bijlage 2."),
        ("negatief", "De raad kan niet instemmen met de stijging van de bijdrage met 4,8 procent.",
            "Het bestuur beperkt de stijging tot de loon- en prijsontwikkeling en legt de rest voor aan het algemeen bestuur."),
    ];

    public const string FirstTextBeforeChange = "Eerste versie: de raad stemt in.";

    private readonly MaildevServer _maildev = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _secretaryPage;
    private IPage? _councilPage;
    private HttpClient? _secretary;
    private HttpClient? _api;
    private HttpClient? _clock;
    private WalkParts? _parts;

    public ZienswijzenHost? Host { get; private set; }

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "zienswijzen");

    public string ProposalId { get; private set; } = "";

    /// <summary>The councils that gave a zienswijze, in the order of <see cref="Given"/>: their name, their link and the address their mail went to.</summary>
    public List<(string Council, string Link, string Email)> Councils { get; } = [];

    /// <summary>Every address a request for a zienswijze went to (12).</summary>
    public List<string> RequestAddresses { get; } = [];

    /// <summary>The first council's link page right after it submitted, as text.</summary>
    public string LinkPageAfterSubmit { get; private set; } = "";

    /// <summary>The label of the text field on the link page.</summary>
    public string TextLabel { get; private set; } = "";

    /// <summary>What the form held when the first council came back to change its zienswijze.</summary>
    public string TextShownForChange { get; private set; } = "";

    /// <summary>The first council's link page after it changed its zienswijze, as text.</summary>
    public string LinkPageAfterChange { get; private set; } = "";

    /// <summary>A choice that needs a text, sent without one: the page's status and message.</summary>
    public (int Status, string Message) WithoutText { get; private set; }

    /// <summary>Mails to the councils about the reactions before the DB adopted them.</summary>
    public int MailsBeforeAdoption { get; private set; } = -1;

    public byte[] DraftPdf { get; private set; } = [];

    public byte[] DraftDocx { get; private set; } = [];

    public IReadOnlyList<MaildevMail> Reactions { get; private set; } = [];

    public IReadOnlyList<MaildevMail> Notices { get; private set; } = [];

    /// <summary>The PDFs attached to each notice.</summary>
    public List<byte[]> NoticeAttachments { get; } = [];

    /// <summary>The AB meeting's page, as HTML, and the nota as a document of the proposal (what the agenda item carries).</summary>
    public string AbMeetingPage { get; private set; } = "";

    public string AbMeetingId { get; private set; } = "";

    public string NotaDocumentName { get; private set; } = "";

    public byte[] NotaOfTheProposal { get; private set; } = [];

    /// <summary>The first council's link page after the reactions went out, as text.</summary>
    public string LinkPageWithReaction { get; private set; } = "";

    /// <summary>Pages that did not fit 320 px, with what stuck out.</summary>
    public List<string> TooWide { get; } = [];

    /// <summary>Throws with the error of the part that stopped the walk before <paramref name="part"/> was reached.</summary>
    public void Reached(string part) => Parts.Reached(part);

    public async Task InitializeAsync()
    {
        await _maildev.StartAsync();
        Host = new ZienswijzenHost(_maildev);
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _secretary = Host.Client();
        _api = Host.Client(HostFixture.SecretaryKey);
        _clock = Host.Client(ZienswijzenHost.AdminKey);
        await SignInAsync(_secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
        var secretary = await Browsers.NewContextAsync(_browser, new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(), Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        _secretaryPage = await secretary.NewPageAsync();
        await Browsers.SignInAsync(_secretaryPage, HostFixture.AdminEmail, HostFixture.AdminPassword);

        // The councils open their links without any account, in a browser of their own.
        var council = await Browsers.NewContextAsync(_browser, new BrowserNewContextOptions
        {
            Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        _councilPage = await council.NewPageAsync();

        await PartAsync("to the councils", ToTheCouncilsAsync);
        await PartAsync("zienswijzen", ZienswijzenAsync);
        await PartAsync("reactions", ReactionsAsync);
        await PartAsync("adoption", AdoptionAsync);
        await PartAsync("to the AB", ToTheAbAsync);
    }

    private Task PartAsync(string name, Func<Task> part) => Parts.PartAsync(name, part);

    /// <summary>The walk's parts; a failed part leaves a screenshot named after it.</summary>
    private WalkParts Parts => _parts ??= new WalkParts(async n =>
    {
        if (_secretaryPage is not null)
        {
            await _secretaryPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "fout-" + n.Replace(' ', '-') + ".png"), FullPage = true });
        }
    });

    /// <summary>Started, prepared, and sent by the DB to the twelve councils: twelve request mails.</summary>
    private async Task ToTheCouncilsAsync()
    {
        ProposalId = await StartProposalAsync(_secretary!, new NewProposal(Title, "PubliekeGezondheid", "begroting", "metBacs",
            Summary: "De ontwerpbegroting 2028 met de meerjarenraming.", Document: ("Ontwerpbegroting 2028.pdf", Pdf("begroting"))));
        await ActAsync(_secretary!, _api!, ProposalId, "voorbereiding", "Voorbereiding", new Dictionary<string, string> { ["invoer.uitkomst"] = "gereed" });
        var db = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitDb", "Vergadering"))!;
        await AdvanceToMeetingAsync(db);
        await ActAsync(_secretary!, _api!, ProposalId, "besluitDb", "Vergadering", new Dictionary<string, string> { ["invoer.uitkomst"] = "vastgesteld" });
        var requests = (await _maildev.WaitForAsync(m => m.Count(x => x.Subject == $"Verzoek om een zienswijze: {Title}") >= 12, TimeSpan.FromSeconds(60)))
            .Where(m => m.Subject == $"Verzoek om een zienswijze: {Title}")
            // The mails arrive in any order; the same three councils answer in every run.
            .OrderBy(m => m.To.Single().Address, StringComparer.Ordinal).ToList();
        RequestAddresses.AddRange(requests.SelectMany(m => m.To).Select(t => t.Address));
        foreach (var mail in requests.Take(Given.Length))
        {
            Councils.Add(("", LinkPattern().Match(mail.Text ?? "").Value, mail.To.Single().Address));
        }
    }

    /// <summary>Three councils give a zienswijze through their links, one changes it; the others stay silent until the deadline.</summary>
    private async Task ZienswijzenAsync()
    {
        var page = _councilPage!;
        for (var i = 0; i < Given.Length; i++)
        {
            var (choice, text, _) = Given[i];
            await page.GotoAsync(Councils[i].Link);
            var council = CouncilPattern().Match(await page.InnerTextAsync("main")).Groups["council"].Value;
            Councils[i] = (council, Councils[i].Link, Councils[i].Email);
            if (i == 0)
            {
                TextLabel = await page.InnerTextAsync("label[for='veld-tekst']");
                await ShotBothAsync(page, "raad-link-voor-indienen");

                // A zienswijze that needs a text, sent without one: refused, and nothing recorded.
                var refused = await Browsers.SubmitAsync(page, $"button[value='{choice}']");
                WithoutText = (refused.Status, await page.Locator(".utrecht-alert--error").InnerTextAsync());
                await page.FillAsync("#veld-tekst", FirstTextBeforeChange);
            }
            else
            {
                await page.FillAsync("#veld-tekst", text);
            }

            await Browsers.SubmitAsync(page, $"button[value='{choice}']");
            await page.WaitForSelectorAsync("text=Uw keuze is vastgelegd.");
            if (i == 0)
            {
                LinkPageAfterSubmit = await page.InnerTextAsync("main");
                await ShotBothAsync(page, "raad-link-na-indienen");

                // Back to the link later: the form holds what the council sent, and it may change it while the round is open.
                await page.GotoAsync(Councils[0].Link);
                TextShownForChange = await page.InputValueAsync("#veld-tekst");
                await page.FillAsync("#veld-tekst", text);
                await Browsers.SubmitAsync(page, $"button[value='{choice}']");
                await page.WaitForSelectorAsync("text=Uw keuze is vastgelegd.");
                LinkPageAfterChange = await page.InnerTextAsync("main");
                await ShotBothAsync(page, "raad-link-na-wijzigen");
            }
        }

        // The twelve weeks after 20 January end on Wednesday 14 April 2027, 23:59: the nine silent councils give none.
        await AdvanceToAsync(Amsterdam(2027, 4, 15, 9, 0));
    }

    /// <summary>The secretary writes the board's reasoned reaction to each zienswijze on the proposal's page.</summary>
    private async Task ReactionsAsync()
    {
        var reactions = await EventuallyAsync(async () => Bookmarks(await InstanceAsync(_api!, ProposalId)).Where(b => b.Name == "Reactie").ToList() is { Count: 3 } list ? list : null,
            "the three reactions to write");
        var page = _secretaryPage!;
        await page.GotoAsync($"/Voorstellen/{ProposalId}");
        await ShotBothAsync(page, "voorstel-reacties-schrijven");
        foreach (var reaction in reactions)
        {
            var council = reaction.Payload!["naam"]!.GetValue<string>();
            var index = Councils.FindIndex(c => c.Council == council);
            var form = $"form:has(input[name='bookmarkId'][value='{reaction.Id}'])";
            await page.FillAsync($"{form} textarea[name='invoer.reactie']", Given[index].Reaction);
            await Browsers.SubmitAsync(page, $"{form} button[type='submit']");
        }

        await WaitingAsync(_api!, ProposalId, "besluitDbReacties", "Vergadering");
        MailsBeforeAdoption = (await _maildev.ListAsync()).Count(m => m.Subject is ReactionSubject or NoticeSubject);
        using (var pdf = await _secretary!.GetAsync($"/Voorstellen/{ProposalId}/Zienswijzennota/pdf"))
        {
            pdf.EnsureSuccessStatusCode();
            DraftPdf = await pdf.Content.ReadAsByteArrayAsync();
        }

        using (var docx = await _secretary.GetAsync($"/Voorstellen/{ProposalId}/Zienswijzennota/docx"))
        {
            docx.EnsureSuccessStatusCode();
            DraftDocx = await docx.Content.ReadAsByteArrayAsync();
        }
    }

    /// <summary>The DB adopts the reactions in its meeting; then each council is sent what concerns it.</summary>
    private async Task AdoptionAsync()
    {
        var waiting = await WaitingAsync(_api!, ProposalId, "besluitDbReacties", "Vergadering");
        await AdvanceToMeetingAsync(MeetingOf(waiting)!);
        var page = _secretaryPage!;
        await page.GotoAsync($"/Voorstellen/{ProposalId}");
        var form = $"form:has(input[name='bookmarkId'][value='{waiting.Id}'])";
        await page.CheckAsync($"{form} input[name='invoer.uitkomst'][value='vastgesteld']");
        await ShotBothAsync(page, "voorstel-reacties-vaststellen");
        await Browsers.SubmitAsync(page, $"{form} button[type='submit']");

        var mails = await _maildev.WaitForAsync(m => m.Count(x => x.Subject == ReactionSubject) >= 3 && m.Count(x => x.Subject == NoticeSubject) >= 9, TimeSpan.FromSeconds(60));
        Reactions = mails.Where(m => m.Subject == ReactionSubject).ToList();
        Notices = mails.Where(m => m.Subject == NoticeSubject).ToList();
        foreach (var notice in Notices)
        {
            using var source = new MemoryStream(await _maildev.SourceAsync(notice.Id));
            var message = await MimeMessage.LoadAsync(source);
            foreach (var part in message.Attachments.OfType<MimePart>().Where(p => p.ContentType.MimeType == "application/pdf"))
            {
                using var content = new MemoryStream();
                await (part.Content ?? throw new InvalidOperationException("An attachment without content.")).DecodeToAsync(content);
                NoticeAttachments.Add(content.ToArray());
            }
        }

        // The mails as the councils' mail programs show them.
        await ShotHtmlAsync(Reactions.First(m => m.To.Any(t => t.Address == Councils[2].Email)).Html!, "mail-reactie");
        await ShotHtmlAsync(Notices[0].Html!, "mail-kennisgeving");
    }

    /// <summary>The begroting on the AB's agenda with the zienswijzennota; the council's link with the board's reaction.</summary>
    private async Task ToTheAbAsync()
    {
        AbMeetingId = MeetingOf(await WaitingAsync(_api!, ProposalId, "besluitAb", "Vergadering"))!;
        // The nota became a document of the proposal (journaled as an amended input: its name and id).
        var nota = await EventuallyAsync(async () => (await InstanceAsync(_api!, ProposalId))["journal"]!.AsArray()
            .Select(j => j!["data"]).FirstOrDefault(d => d?["stuk"]?.GetValue<string>()?.StartsWith("Zienswijzennota", StringComparison.Ordinal) == true),
            "the zienswijzennota among the proposal's documents");
        NotaDocumentName = nota["stuk"]!.GetValue<string>();
        NotaOfTheProposal = await _secretary!.GetByteArrayAsync($"/documenten/{Uri.EscapeDataString(nota["id"]!.GetValue<string>())}");
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotFolder, "zienswijzennota.pdf"), NotaOfTheProposal);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotFolder, "zienswijzennota-concept.docx"), DraftDocx);
        AbMeetingPage = await _secretary.GetStringAsync($"/Vergaderingen/{Uri.EscapeDataString(AbMeetingId)}");
        var page = _secretaryPage!;
        await page.GotoAsync($"/Vergaderingen/{Uri.EscapeDataString(AbMeetingId)}");
        await ShotBothAsync(page, "ab-vergadering");
        await page.GotoAsync($"/Voorstellen/{ProposalId}");
        await ShotBothAsync(page, "voorstel-na-vaststelling");

        await _councilPage!.GotoAsync(Councils[0].Link);
        LinkPageWithReaction = await _councilPage.InnerTextAsync("main");
        await ShotBothAsync(_councilPage, "raad-link-met-reactie");
    }

    private async Task ShotBothAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(320, 640);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-320.png"), FullPage = true });
        try
        {
            await Browsers.FitsWithoutSidewaysScrollingAsync(page, name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TooWide.Add(ex.Message);
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    /// <summary>A mail's HTML as a mail program shows it, at both widths.</summary>
    private async Task ShotHtmlAsync(string html, string name)
    {
        var page = await _councilPage!.Context.NewPageAsync();
        await page.SetContentAsync(html);
        await ShotBothAsync(page, name);
        await page.CloseAsync();
    }

    private async Task AdvanceToMeetingAsync(string meeting)
    {
        var calendar = (await _api!.GetFromJsonAsync<JsonObject>("/api/jaarkalender"))!;
        var date = DateOnly.ParseExact(calendar["document"]!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == meeting)!["date"]!.GetValue<string>(),
            "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AdvanceToAsync(Amsterdam(date.Year, date.Month, date.Day, 22, 0));
    }

    /// <summary>Moves the Testing clock on; sessions are read on that clock, so the secretary signs in again.</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        await AdvanceClockToAsync(_clock!, moment);
        await SignInAsync(_secretary!, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await Browsers.SignInAsync(_secretaryPage!, HostFixture.AdminEmail, HostFixture.AdminPassword);
    }

    private static DateTimeOffset Amsterdam(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local));
    }

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
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _maildev.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+/verzoek/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"Voor:[^\n(]*\((?<council>[^)]+)\)")]
    private static partial Regex CouncilPattern();
}
