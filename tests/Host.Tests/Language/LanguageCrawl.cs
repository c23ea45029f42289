using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.StoredData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>Where a text was read: a page of the host, a personal-link page, or a mail.</summary>
public enum Surface
{
    Page,
    Link,
    Mail,
}

/// <summary>One page or mail as it was read.</summary>
/// <param name="Group">What the report groups it under: the route and what filled it, the kind of link page, the kind of mail.</param>
/// <param name="Plain">Text read outside a browser: a mail's subject and plain text, an invitation's summary.</param>
public sealed record Visit(Surface Surface, string Group, string Role, string Path, int? Status, string FinalPath, VisibleText? Shown, IReadOnlyList<Piece> Plain);

/// <summary>A finding of one visit.</summary>
/// <param name="Count">How often the word stands in the visible text (at least once: a label or attribute).</param>
public sealed record Finding(Surface Surface, string Group, string Role, string Path, Hit Hit, int Count);

/// <summary>
/// One host, one Chromium and one crawl for <see cref="NoCodeInVisibleTextBrowserTests"/>: makes the data
/// (<see cref="LanguageStory"/>), gathers the codes (<see cref="CodeBook"/>), visits every page route as each role, every
/// personal link and every mail, and keeps what each showed. The tests then judge parts of it; the whole report is
/// written once, to <c>screenshots/taal/bevindingen.md</c> beside the screenshots.
/// </summary>
public sealed partial class LanguageCrawl : IAsyncLifetime
{
    public const string Administrator = "administrator";
    public const string Secretary = "secretary";
    public const string ProcessOwner = "process owner";
    public const string NoAccount = "no account";
    private const string SecretaryEmail = "s.dekker@samendrenthe.example.org";
    private const string OwnerEmail = "p.jansen@samendrenthe.example.org";
    private const string Password = "Taal-Proef-Wachtwoord-2027!";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly HashSet<string> _photographed = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = new();

    public LanguageHost Host { get; } = new();

    public CodeBook Codes { get; } = new();

    public IReadOnlyList<PageRoute> Pages { get; private set; } = [];

    public IReadOnlyList<string> OtherGetRoutes { get; private set; } = [];

    /// <summary>Routes that are neither visited nor excluded, each with what is missing.</summary>
    public List<string> NotCovered { get; } = [];

    public List<Visit> Visits { get; } = [];

    public List<Finding> Findings { get; } = [];

    /// <summary>What the report mentions without counting it (see <see cref="FindingKind.BareCodeAsValue"/>).</summary>
    public List<Finding> Notes { get; } = [];

    public IReadOnlyList<MadeProposal> Proposals { get; private set; } = [];

    /// <summary>An open request of each running round, for <c>/Voorstellen/{id}/Namens/{bookmarkId}</c>.</summary>
    public IReadOnlyList<(string ProposalId, string Title, string BookmarkId)> RoundRequests { get; private set; } = [];

    public string Report { get; private set; } = "";

    /// <summary>When each part of the crawl ended, from the start of the fixture.</summary>
    public List<(string Part, TimeSpan At)> Timings { get; } = [];

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "taal");

    public static string ReportFile => Path.Combine(ScreenshotFolder, "bevindingen.md");

    public async Task InitializeAsync()
    {
        _clock.Start();
        var baseAddress = Host.Start();
        await CreateAccountAsync(SecretaryEmail, "Sanne Dekker", Roles.Secretary);
        await CreateAccountAsync(OwnerEmail, "Pieter Jansen", Roles.ProcessOwner);
        using (var story = new LanguageStory(Host))
        {
            await story.RunAsync();
            Proposals = story.Proposals;
            RoundRequests = story.RoundRequests;
            await GatherCodesAsync(story);
            var made = TimeSpan.FromMilliseconds(_clock.ElapsedMilliseconds);
            Timings.Add(("data", made));
            Pages = PageRoutes.Pages(Host.Services);
            OtherGetRoutes = PageRoutes.OtherGetRoutes(Host.Services);

            Directory.CreateDirectory(ScreenshotFolder);
            _playwright = await Playwright.CreateAsync();
            _browser = await Browsers.LaunchChromiumAsync(_playwright);
            await AskForCodeAsync(baseAddress, story);
            await CrawlPagesAsync(baseAddress, story.Meetings);
            Timings.Add(("pages", _clock.Elapsed));
            await CrawlLinksAsync(baseAddress);
            Timings.Add(("link pages", _clock.Elapsed));
            await ReadMailsAsync();
            Timings.Add(("mails", _clock.Elapsed));
            Judge();
            Report = CrawlReport.Write(this, made, TimeSpan.FromMilliseconds(_clock.ElapsedMilliseconds));
            await File.WriteAllTextAsync(ReportFile, Report);
        }
    }

    /// <summary>The codes of the declarations (as the designer's palette gets them), the shipped routes and the journals.</summary>
    private async Task GatherCodesAsync(LanguageStory story)
    {
        using var owner = Host.Client(HostFixture.ProcessOwnerKey);
        Codes.AddDescriptors(await owner.GetFromJsonAsync<JsonElement>("/api/activity-types"));
        foreach (var file in Directory.GetFiles(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions"), "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Codes.AddRoute(Path.GetFileName(file), json.RootElement);
        }

        foreach (var proposal in Proposals)
        {
            Codes.AddJournal(await story.InstanceJsonAsync(proposal.Id));
        }
    }

    /// <summary>
    /// A member asks for the code to the confidential documents, as on the link page, so the code mail is read too. Data,
    /// not a check: when the page offers no such button any more, the crawl goes on without that mail.
    /// </summary>
    private async Task AskForCodeAsync(Uri baseAddress, LanguageStory story)
    {
        await using var context = await NewContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(story.OpenLinkWithConfidentialDocument);
        var button = page.Locator("form button:has-text('Stuur mij een code')");
        if (await button.CountAsync() > 0)
        {
            await page.RunAndWaitForResponseAsync(() => button.First.ClickAsync(),
                r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is not (>= 300 and < 400));
            await story.AllMailSentAsync();
        }
    }

    /// <summary>Every page route, as the administrator, the secretary and the process owner, and the open ones without an account.</summary>
    private async Task CrawlPagesAsync(Uri baseAddress, IReadOnlySet<string> meetings)
    {
        var mailbox = new List<(string Path, string Label)>();
        var roles = new (string Role, string? Email)[] { (Administrator, HostFixture.AdminEmail), (Secretary, SecretaryEmail), (ProcessOwner, OwnerEmail), (NoAccount, null) };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, email) in roles)
        {
            await using var context = await NewContextAsync(baseAddress);
            var page = await context.NewPageAsync();
            if (email is not null)
            {
                await Browsers.SignInAsync(page, email, email == HostFixture.AdminEmail ? HostFixture.AdminPassword : Password);
            }

            foreach (var route in Pages)
            {
                var template = Normalized(route.Template);
                if (PageRoutes.Excluded.ContainsKey(template) || template == LinkTemplate || (email is null && !route.AllowsAnonymous))
                {
                    continue;
                }

                var paths = PathsOf(template, meetings, mailbox);
                if (paths is null)
                {
                    continue; // reported below: a route whose parameters the crawl cannot fill
                }

                foreach (var (path, label) in paths)
                {
                    var visit = await VisitAsync(page, Surface.Page, label is null ? template : $"{template} — {label}", role, path, $"{Slug(role)}-{Slug(template)}");
                    visited.Add(template);
                    if (template == "/Mailbox" && role == Administrator)
                    {
                        mailbox.AddRange(OneMailOfEachKind(visit));
                    }

                    if (IsRefused(visit, template))
                    {
                        break; // the role may not see this page: the other values would show the same refusal
                    }
                }
            }
        }

        foreach (var route in Pages.Select(p => Normalized(p.Template)).Concat(OtherGetRoutes.Select(Normalized)).Distinct(StringComparer.Ordinal))
        {
            if (!visited.Contains(route) && !PageRoutes.Excluded.ContainsKey(route) && route != LinkTemplate)
            {
                NotCovered.Add(Pages.Any(p => Normalized(p.Template) == route)
                    ? $"{route}: a page the crawl neither visits nor excludes (give its parameters values in {nameof(LanguageCrawl)}.{nameof(PathsOf)}, or exclude it with a reason in {nameof(PageRoutes)}.{nameof(PageRoutes.Excluded)})"
                    : $"{route}: a GET endpoint outside /api that is neither a page the crawl visits nor excluded with a reason in {nameof(PageRoutes)}.{nameof(PageRoutes.Excluded)}");
            }
        }
    }

    /// <summary>The personal link in every mail, without an account, and one link that does not exist.</summary>
    private async Task CrawlLinksAsync(Uri baseAddress)
    {
        if (!Pages.Any(p => Normalized(p.Template) == LinkTemplate))
        {
            NotCovered.Add($"{LinkTemplate}: the personal-link page is not in the endpoint list any more; the crawl visits it under that route");
        }

        await using var context = await NewContextAsync(baseAddress);
        var page = await context.NewPageAsync();
        var links = RequestMail.In(Host.MailFolder).GroupBy(m => m.LinkPath).Select(g => g.First()).ToList();
        foreach (var mail in links)
        {
            var kind = MailKind(mail.Subject);
            await VisitAsync(page, Surface.Link, $"{LinkTemplate} — mail \"{kind}\"", NoAccount, mail.LinkPath, $"link-{Slug(kind)}", byHeading: true);
        }

        await VisitAsync(page, Surface.Link, $"{LinkTemplate} — a link that does not exist", NoAccount, "/verzoek/" + new string('A', 43), "link-onbekend");
    }

    /// <summary>Every mail the host sent: its subject, its HTML as a mail program shows it, its plain text and its invitation.</summary>
    private async Task ReadMailsAsync()
    {
        await using var context = await Browsers.NewContextAsync(Browser, new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();
        foreach (var file in Directory.GetFiles(Host.MailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            using var message = MimeKit.MimeMessage.Load(file);
            var kind = MailKind(message.Subject ?? "");
            var plain = new List<Piece> { new(message.Subject ?? "", "subject") };
            if (message.TextBody is { } text)
            {
                plain.Add(new Piece(text, "plain text"));
            }

            foreach (var calendar in message.BodyParts.OfType<MimeKit.MimePart>().Where(a => a.Content is not null && (a.ContentType.MimeType == "text/calendar" || (a.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal))))
            {
                using var content = new MemoryStream();
                await calendar.Content!.DecodeToAsync(content);
                plain.AddRange(CalendarTexts(Encoding.UTF8.GetString(content.ToArray())).Select(t => new Piece(t.Text, $"{calendar.FileName ?? "uitnodiging.ics"} {t.Property}")));
            }

            VisibleText? shown = null;
            if (message.HtmlBody is { } html)
            {
                await page.SetContentAsync(html);
                await VisibleText.OpenDetailsAsync(page);
                await PhotographOnceAsync(page, $"mail-{Slug(kind)}");
                shown = await VisibleText.ReadAsync(page);
            }

            var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
            Visits.Add(new Visit(Surface.Mail, $"mail \"{kind}\"", $"to {to}", Path.GetFileName(file), null, "", shown, plain));
        }
    }

    private async Task<Visit> VisitAsync(IPage page, Surface surface, string group, string role, string path, string shot, bool byHeading = false)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await VisibleText.OpenDetailsAsync(page);
        var heading = byHeading ? Titled(await page.EvaluateAsync<string>("() => document.querySelector('h1')?.innerText ?? ''")) : "";
        if (byHeading)
        {
            group = $"{group} — page \"{heading}\"";
        }

        await PhotographOnceAsync(page, byHeading ? $"{shot}-{Slug(heading)}" : shot);
        var shown = await VisibleText.ReadAsync(page);
        foreach (var value in shown.Values)
        {
            Codes.AddFormValue(value, surface == Surface.Link ? LinkTemplate : Normalized(group.Split(" — ")[0]));
        }

        var visit = new Visit(surface, group, role, path, response?.Status, new Uri(page.Url).PathAndQuery, shown, []);
        Visits.Add(visit);
        return visit;
    }

    /// <summary>Judges every visit against the code book, which by now also holds the values of every form the crawl saw.</summary>
    private void Judge()
    {
        foreach (var visit in Visits)
        {
            var hits = new List<Hit>();
            var inBody = new Dictionary<(FindingKind, string), int>();
            // A page the crawl could not read (a parameter it filled wrongly, an error) is no page checked: it counts against coverage.
            // A link page may answer 404 or 410 (a link that does not exist, a revoked one): those are its states.
            if ((visit.Surface == Surface.Page && visit.Status is 404 or >= 500) || visit.Status >= 500)
            {
                NotCovered.Add($"{visit.Group}: HTTP {visit.Status} for {visit.Role} at {visit.Path}: the crawl could not read the page");
            }

            if (visit.Shown is { } shown)
            {
                hits.AddRange(PlainDutch.InText(shown.Title, "title", Codes));
                foreach (var hit in PlainDutch.InText(shown.Text, "body", Codes))
                {
                    inBody[(hit.Kind, hit.Word)] = inBody.GetValueOrDefault((hit.Kind, hit.Word)) + 1;
                    hits.Add(hit with { Where = WhereIn(shown, hit.Word) });
                }
                foreach (var label in shown.Labels)
                {
                    hits.AddRange(PlainDutch.InText(label.Text, label.Where, Codes));
                    hits.AddRange(PlainDutch.InPiece(label, isLabel: true, Codes));
                }

                foreach (var attribute in shown.Attributes)
                {
                    hits.AddRange(PlainDutch.InText(attribute.Text, attribute.Where, Codes));
                }

                foreach (var segment in shown.Segments)
                {
                    hits.AddRange(PlainDutch.InPiece(segment, isLabel: false, Codes));
                }
            }

            foreach (var plain in visit.Plain)
            {
                hits.AddRange(PlainDutch.InText(plain.Text, plain.Where, Codes));
                hits.AddRange(PlainDutch.InPiece(plain, isLabel: false, Codes));
            }

            // One finding per kind and word on a page: the first place it was seen tells where to look. A value that is
            // also a label on the same page (an option's text) is reported once, as the label.
            var labels = hits.Where(h => h.Kind == FindingKind.BareCodeAsLabel).Select(h => h.Word).ToHashSet(StringComparer.Ordinal);
            foreach (var word in hits.Where(h => h.Kind != FindingKind.BareCodeAsValue || !labels.Contains(h.Word)).GroupBy(h => (h.Kind, h.Word)))
            {
                var hit = word.First();
                var count = inBody.TryGetValue(word.Key, out var times) ? times : word.Count();
                (hit.Kind == FindingKind.BareCodeAsValue ? Notes : Findings).Add(new Finding(visit.Surface, visit.Group, visit.Role, visit.Path, hit, count));
            }
        }
    }

    /// <summary>
    /// The values for a route's parameters, from the data the story made; null for a route the crawl cannot fill, which
    /// the test reports (give it values here, or exclude it with a reason).
    /// </summary>
    private IReadOnlyList<(string Path, string? Label)>? PathsOf(string template, IReadOnlySet<string> meetings, IReadOnlyList<(string Path, string Label)> mailbox) => template switch
    {
        _ when !template.Contains('{', StringComparison.Ordinal) => [(template, null)],
        "/Voorstellen/{id}" => Proposals.Select(p => ($"/Voorstellen/{Uri.EscapeDataString(p.Id)}", (string?)p.Title)).ToList(),
        "/Voorstellen/{id}/Stuk" => Proposals.Select(p => ($"/Voorstellen/{Uri.EscapeDataString(p.Id)}/Stuk", (string?)p.Title)).ToList(),
        "/Voorstellen/{id}/Beslispunten" => Proposals.Select(p => ($"/Voorstellen/{Uri.EscapeDataString(p.Id)}/Beslispunten", (string?)p.Title)).ToList(),
        "/Voorstellen/{id}/Namens/{bookmarkId}" => RoundRequests
            .Select(r => ($"/Voorstellen/{Uri.EscapeDataString(r.ProposalId)}/Namens/{Uri.EscapeDataString(r.BookmarkId)}", (string?)$"{r.Title}, vastleggen namens")).ToList(),
        "/Vergaderingen/{id}" => meetings.Select(m => ($"/Vergaderingen/{m}", (string?)m)).ToList(),
        "/Vergaderingen/{id}/Convocatie" => meetings.Select(m => ($"/Vergaderingen/{m}/Convocatie", (string?)$"{m} convocatie")).ToList(),
        "/Vergaderingen/{id}/{soort}" => meetings.SelectMany(m => new[] { "Agenda", "Besluitenlijst" }.Select(s => ($"/Vergaderingen/{m}/{s}", (string?)$"{m} {s}"))).ToList(),
        "/Mailbox/Message/{id}" => mailbox.Select(m => (m.Path, (string?)m.Label)).ToList(),
        "/openbaar/organen/{bodyId}" => [("/openbaar/organen/ab", "portaal algemeen bestuur"), ("/openbaar/organen/db", "portaal dagelijks bestuur")],
        "/openbaar/vergaderingen/{meetingId}" => meetings.Where(m => m.StartsWith("ab-", StringComparison.Ordinal) || m.StartsWith("db-", StringComparison.Ordinal))
            .Select(m => ($"/openbaar/vergaderingen/{m}", (string?)$"portaal {m}")).ToList(),
        _ => null,
    };

    /// <summary>The role was sent to the login or access-denied page instead of the page it asked for.</summary>
    public static bool IsRefused(Visit visit, string template) =>
        visit.FinalPath.StartsWith("/Account/", StringComparison.Ordinal) && !template.StartsWith("/Account/", StringComparison.Ordinal);

    /// <summary>From the mailbox page: one message of each kind of mail (the crawl reads every mail itself, from the pickup folder).</summary>
    private static IEnumerable<(string Path, string Label)> OneMailOfEachKind(Visit mailbox) =>
        mailbox.Shown!.Links.Where(l => l.Href.StartsWith("/Mailbox/Message/", StringComparison.Ordinal))
            .GroupBy(l => MailKind(l.Text))
            .Select(g => (g.First().Href, $"mail \"{g.Key}\""));

    /// <summary>A subject without the proposal's title and the meeting's date, so mails of one kind group together.</summary>
    public static string MailKind(string subject)
    {
        var kind = LanguageStory.Titles.Aggregate(subject, (s, title) => s.Replace(title, "{titel}", StringComparison.Ordinal));
        return DutchDate().Replace(kind, "{datum}");
    }

    /// <summary>A page's heading without the proposal's title, so link pages in one state group together.</summary>
    private static string Titled(string heading) =>
        LanguageStory.Titles.Aggregate(heading.Trim(), (s, title) => s.Replace(title, "{titel}", StringComparison.Ordinal));

    /// <summary>Where on the page the word stood: the first text node that holds it.</summary>
    private static string WhereIn(VisibleText shown, string word) =>
        shown.Segments.FirstOrDefault(s => s.Text.Contains(word, StringComparison.Ordinal))?.Where
        ?? shown.Labels.FirstOrDefault(s => s.Text.Contains(word, StringComparison.Ordinal))?.Where
        ?? "body";

    /// <summary>SUMMARY, DESCRIPTION and LOCATION of an iCalendar text: what a calendar program shows.</summary>
    private static IEnumerable<(string Property, string Text)> CalendarTexts(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal);
        foreach (var line in unfolded.Split('\n'))
        {
            var match = CalendarProperty().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                yield return (match.Groups["name"].Value, match.Groups["value"].Value.Replace("\\n", "\n", StringComparison.Ordinal)
                    .Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal));
            }
        }
    }

    private async Task PhotographOnceAsync(IPage page, string name)
    {
        if (_photographed.Add(name))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        }
    }

    private Task<IBrowserContext> NewContextAsync(Uri baseAddress) => Browsers.NewContextAsync(Browser, new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(),
        Locale = "nl-NL",
        TimezoneId = "Europe/Amsterdam",
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
    });

    private Task CreateAccountAsync(string email, string name, string role) => Host.AddAccountAsync(email, name, role, Password);

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public const string LinkTemplate = "/verzoek/{token}";

    /// <summary>The route without its parameters' constraints: <c>/Vergaderingen/{id}/{soort}</c>.</summary>
    public static string Normalized(string template) => Constraint().Replace(template, "{${stars}${name}}");

    private static string Slug(string text) => SlugPattern().Replace(text.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, 60)] : "start";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }

    [GeneratedRegex(@"\{(?<stars>\*{0,2})(?<name>\w+)[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b")]
    private static partial Regex DutchDate();

    [GeneratedRegex(@"^(?<name>SUMMARY|DESCRIPTION|LOCATION)(?:;[^:]*)?:(?<value>.*)$")]
    private static partial Regex CalendarProperty();
}
