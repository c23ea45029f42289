using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// The pages issue 11 changed, as their users see them in a real browser (Debian's Chromium under Playwright): the
/// personal-link page in each of its states, the proposal page's "Link intrekken" and "Vergrendelde links", the
/// document page's "Alleen voor", the login page's one failure message and the accounts page's sign-in tries. Each
/// state is kept as a screenshot at 1366 and at 320 CSS px wide, must not scroll sideways at 320 px (WCAG 1.4.10),
/// passes axe-core and says what it should in Dutch.
/// </summary>
public sealed partial class LinkAndAccountPagesBrowserTests(LinkAndAccountPagesBrowserFixture fixture, ITestOutputHelper output)
    : IClassFixture<LinkAndAccountPagesBrowserFixture>
{
    private const string Roos = "roos.zijlstra@assen.example.org";
    private const string CodeSubject = "Uw code voor de vertrouwelijke stukken";

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task The_open_link_page_with_its_code_the_code_limit_the_lock_and_a_too_long_remark_reads_well_and_fits_a_phone()
    {
        var started = await LinkDocumentAccessTests.StartAsync(Host, "Reorganisatie van de buitendienst");

        // Open: the documents, the confidential one named but closed, the code button and the choice.
        var page = await NewPageAsync();
        await page.GotoAsync(started.Mails[0].Path);
        await ShowAsync(page, "link-open", "Reorganisatie van de buitendienst", "Raadsvoorstel.pdf", "Personele gevolgen.pdf",
            "vertrouwelijk: te openen met een code", "Stuur mij een code voor de vertrouwelijke stukken", "Uw keuze", "Toelichting",
            "(reglement van orde: schriftelijke ronde van 2 weken");
        (await page.InnerTextAsync("body")).Should().NotContain("Notitie voor het AB.pdf", "a document for the AB is not shown to a DB member");

        // After "Stuur mij een code": the field for the code.
        await SubmitAsync(page, "button:has-text('Stuur mij een code')");
        await ShowAsync(page, "link-code", "Er is een code van 6 cijfers gestuurd naar", "Code uit de mail (6 cijfers)", "Stuur mij een nieuwe code");
        (await page.Locator("#code").IsVisibleAsync()).Should().BeTrue();

        // Two more codes, then the fourth within the hour is refused.
        await SubmitAsync(page, "button:has-text('Stuur mij een nieuwe code')");
        await SubmitAsync(page, "button:has-text('Stuur mij een nieuwe code')");
        await SubmitAsync(page, "button:has-text('Stuur mij een nieuwe code')");
        await ShowAsync(page, "link-code-limit", "U hebt in het afgelopen uur al 3 codes aangevraagd");

        // Another member: a wrong code, then ten in all lock the link.
        var member = started.Mails[1];
        var locked = await NewPageAsync();
        await locked.GotoAsync(member.Path);
        await SubmitAsync(locked, "button:has-text('Stuur mij een code')");
        var codeMail = (await LinkMail.InFolderAsync(Host.MailFolder, 1, m => m.To == member.To && m.Subject == CodeSubject)).Single();
        var code = CodePattern().Match(codeMail.Text).Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";
        await locked.FillAsync("#code", wrong);
        await SubmitAsync(locked, "button:has-text('Openen')");
        await ShowAsync(locked, "link-code-wrong", "De code klopt niet of is verlopen.");
        for (var i = 1; i < 10; i++)
        {
            await locked.FillAsync("#code", wrong);
            await SubmitAsync(locked, "button:has-text('Openen')");
        }

        await ShowAsync(locked, "link-locked", "Er is te vaak een verkeerde code ingevoerd.", "Personele gevolgen.pdf");
        (await locked.InnerTextAsync("body")).Should().NotContain("Stuur mij een code");

        // A third member writes a remark over 4,000 characters (pasted past the field's limit): refused, the text kept.
        var remark = Remark(4_001);
        var tooLong = await NewPageAsync();
        await tooLong.GotoAsync(started.Mails[2].Path);
        await tooLong.EvalOnSelectorAsync("#veld-toelichting", "e => e.removeAttribute('maxlength')");
        await tooLong.FillAsync("#veld-toelichting", remark);
        var response = await SubmitAsync(tooLong, ".choices button >> nth=0");
        response.Status.Should().Be(422);
        await ShowAsync(tooLong, "link-remark-too-long", "De toelichting is te lang: 4.001 tekens; ten hoogste 4.000 tekens. Er is niets vastgelegd.");
        (await tooLong.InputValueAsync("#veld-toelichting")).Should().Be(remark, "what the member typed is kept, to shorten it");
    }

    [Fact]
    public async Task The_link_page_of_a_request_that_is_over_says_why_in_Dutch_and_shows_no_documents()
    {
        // Closed: three of five choose, the round closes; the fourth member's link.
        var closed = await LinkDocumentAccessTests.StartAsync(Host, "Vaststelling van de jaarrekening");
        var voter = await NewPageAsync();
        foreach (var mail in closed.Mails.Take(3))
        {
            await voter.GotoAsync(mail.Path);
            await SubmitAsync(voter, "button[value='voor']");
        }

        var page = await NewPageAsync();
        await OpenUntilAsync(page, closed.Mails[3].Path, "Deze ronde is gesloten.");
        await ShowAsync(page, "link-closed", "Deze ronde is gesloten.", "De stukken zijn via deze link niet meer beschikbaar.");

        // Earlier round: three against, the proposal is asked again with new links; an old link.
        var revised = await LinkDocumentAccessTests.StartAsync(Host, "Herzien bestemmingsplan", againOnRejection: true);
        foreach (var mail in revised.Mails.Take(3))
        {
            await voter.GotoAsync(mail.Path);
            // The third choice ends the round and starts the next; the page then already speaks of the earlier round.
            await SubmitAsync(voter, "button[value='tegen']");
        }

        await OpenUntilAsync(page, revised.Mails[4].Path, "eerdere ronde");
        await ShowAsync(page, "link-earlier-round", "Deze link hoort bij een eerdere ronde, die gesloten is.", "De stukken zijn via deze link niet meer beschikbaar.");

        // Passed on: Wilma Veenstra's term ends; Henk de Vries holds the Tynaarlo seat.
        var handover = await LinkDocumentAccessTests.StartAsync(Host, "Overdracht van de zetel");
        var wilma = handover.Mails.Single(m => m.To == "wilma.veenstra@tynaarlo.example.org");
        await HandOverTynaarloAsync();
        await LinkMail.InFolderAsync(Host.MailFolder, 1, m => m.To == "henk.devries@tynaarlo.example.org" && m.Subject.EndsWith("Overdracht van de zetel", StringComparison.Ordinal));
        await OpenUntilAsync(page, wilma.Path, "Uw zittingstermijn is geëindigd.");
        await ShowAsync(page, "link-passed-on", "Dit verzoek is overgegaan", "Uw zittingstermijn is geëindigd.", "overgegaan naar Henk de Vries", "De stukken zijn via deze link niet meer beschikbaar.");

        // Expired: a week's deadline (moved to the next working day when it ends on a weekend or holiday), just after it
        // (the clock moves last, for this class's other tests).
        var expired = await StartWithDeadlineAsync("Verlopen verzoek over de huisvesting", "P1W");
        var due = (await Host.WithScopeAsync(sp => sp.GetRequiredService<AdviesRoute.Workflows.Queries.IWorkflowReader>().GetInstanceAsync(expired.Id)))!
            .AllBookmarks().Single(b => b.Name == VotingActivity.DeadlineBookmark).DueAt!.Value;
        var clock = Host.Services.GetRequiredService<OffsetTimeProvider>();
        clock.Advance(due - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Host.Services.GetRequiredService<TimerSignal>().Notify();
        await OpenUntilAsync(page, expired.Mails[0].Path, "De termijn van dit verzoek is verlopen.");
        await ShowAsync(page, "link-expired", "De termijn is verlopen", "De termijn van dit verzoek is verlopen.", "Neem voor vragen contact op met", "De stukken zijn via deze link niet meer beschikbaar.");
        (await page.Locator("button[name='keuze']").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_proposal_page_offers_revoking_and_reopening_links_the_document_page_asks_for_whom_and_a_revoked_link_shows_nothing()
    {
        const string title = "Aanbesteding van de ICT-werkplekken";
        var started = await LinkDocumentAccessTests.StartAsync(Host, title);
        var roos = started.Mails.Single(m => m.To == Roos);
        var other = started.Mails.First(m => m.To != Roos);
        await Host.WithScopeAsync(async sp =>
        {
            // Ten wrong codes on another member's link (the lock itself is tested in the link tests).
            var db = sp.GetRequiredService<HostDbContext>();
            var link = await db.MailLinks.SingleAsync(l => l.TokenHash == LinkTokens.Hash(other.Token));
            link.LockedAt = DateTime.UtcNow;
            link.CodeAttempts = 10;
            return await db.SaveChangesAsync();
        });

        var secretary = await NewPageAsync();
        await Browsers.SignInAsync(secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await secretary.GotoAsync($"/Voorstellen/{started.Id}");
        await ShowAsync(secretary, "proposal-links", "Opnieuw sturen", "Link intrekken", "Vergrendelde links", "Weer openzetten");

        // "Link intrekken" opens the form: whose link, a reason and the confirmation.
        var revoke = secretary.Locator("tr", new PageLocatorOptions { HasText = "Roos Zijlstra" }).Locator("details.revoke");
        await revoke.Locator("summary").ClickAsync();
        await ShowAsync(secretary, "proposal-revoke-form", "De persoonlijke link in de eerdere mail werkt dan niet meer",
            "Reden (bijvoorbeeld: naar een verkeerd adres gestuurd)", "Ja, trek de oude link in en stuur een nieuwe");
        if (await revoke.Locator("select[name='lid']").CountAsync() > 0)
        {
            await revoke.Locator("select[name='lid']").SelectOptionAsync(new SelectOptionValue { Label = "Roos Zijlstra" });
        }

        await revoke.Locator("input[name='reden']").FillAsync("Naar een verkeerd adres gestuurd");
        await revoke.Locator("input[name='zeker']").CheckAsync();
        await SubmitAsync(secretary, "details.revoke[open] button[type='submit']");
        await ShowAsync(secretary, "proposal-link-revoked", "De oude link van Roos Zijlstra is ingetrokken en er is een nieuwe link gestuurd",
            "Persoonlijke link ingetrokken", "in AdviesRoute");
        (await secretary.InnerTextAsync(".timeline")).Should().NotContain("Done").And.NotContain("· Page").And.NotContain("· Api");

        // The old link: its own page, HTTP 410, nothing of the proposal.
        var member = await NewPageAsync();
        var gone = await member.GotoAsync(roos.Path);
        gone!.Status.Should().Be(410);
        await ShowAsync(member, "link-revoked", "Deze link is ingetrokken", "Gebruik de link uit de nieuwste mail");
        (await member.InnerTextAsync("body")).Should().NotContain(title).And.NotContain("Raadsvoorstel.pdf");

        // The locked link opened again.
        await SubmitAsync(secretary, "button:has-text('Weer openzetten')");
        await ShowAsync(secretary, "proposal-link-reopened", "De link is weer open");

        // A document for one body only.
        await secretary.GotoAsync($"/Voorstellen/{started.Id}/Stuk");
        await ShowAsync(secretary, "document-for-body", "Stuk toevoegen", "Alleen voor", "Iedereen die het voorstel ontvangt");
        (await secretary.Locator("#" + AdviesRoute.Host.Pages.Voorstellen.StukModel.ForBodyField + " option").AllInnerTextsAsync())
            .Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public async Task The_login_page_gives_one_neutral_failure_and_the_accounts_page_shows_and_clears_the_tries()
    {
        const string email = "m.bakker@samendrenthe.example.org";
        await Host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var user = new HostUser { UserName = email, Email = email, DisplayName = "Marieke Bakker" };
            (await users.CreateAsync(user, "Juist-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.Secretary)).Succeeded.Should().BeTrue();
            return true;
        });

        // A wrong password and an unknown name: the same message.
        var login = await NewPageAsync();
        await login.GotoAsync("/Account/Login");
        await login.FillAsync("#Input_UserName", email);
        await login.FillAsync("#Input_Password", "Verkeerd-Wachtwoord");
        await SubmitAsync(login, "button:has-text('Inloggen')");
        const string failed = "Inloggen lukt niet met deze gebruikersnaam en dit wachtwoord. Controleer wat u hebt ingevuld.";
        await ShowAsync(login, "login-failed", failed, "Na te veel mislukte pogingen moet u even wachten");
        var known = await login.InnerTextAsync(".utrecht-alert--error");
        await login.FillAsync("#Input_UserName", "niemand@samendrenthe.example.org");
        await login.FillAsync("#Input_Password", "Verkeerd-Wachtwoord");
        await SubmitAsync(login, "button:has-text('Inloggen')");
        (await login.InnerTextAsync(".utrecht-alert--error")).Should().Be(known, "the message does not tell whether the account exists");

        // The administrator sees the failed try and clears it.
        var admin = await NewPageAsync();
        await Browsers.SignInAsync(admin, HostFixture.AdminEmail, HostFixture.AdminPassword);
        await admin.GotoAsync("/Beheer/Accounts");
        await ShowAsync(admin, "accounts-tries", "Inlogpogingen", "1 mislukte inlogpoging in het afgelopen etmaal", "Pogingen wissen", "Geen mislukte pogingen");
        await SubmitAsync(admin, "button:has-text('Pogingen wissen')");
        await ShowAsync(admin, "accounts-tries-cleared", $"De mislukte inlogpogingen voor {email} zijn gewist");
    }

    [Fact]
    public async Task Every_kind_of_mail_reads_well_and_fits_a_phone()
    {
        const string title = "Huisvesting van het archief";
        var started = await LinkDocumentAccessTests.StartAsync(Host, title);
        var request = started.Mails[3];
        var hash = LinkTokens.Hash(request.Token);
        var link = await WaitForAsync(() => Host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash)));

        // The secretariat that hears of a lock; the code, the ten wrong tries and the notice to an old address go through
        // the same services the link page and the address job use.
        const string secretariat = "secretariaat.mails@samendrenthe.example.org";
        await Host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            var secretary = new HostUser { UserName = secretariat, Email = secretariat, DisplayName = "Bestuurssecretariaat", EmailConfirmed = true };
            (await users.CreateAsync(secretary, "Secretariaat-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
            return await users.AddToRoleAsync(secretary, Roles.Secretary);
        });
        // Other tests of this class send codes to the same member: this test's code mail is the one that is new.
        var earlierCodes = (await LinkMail.InFolderAsync(Host.MailFolder, 0, m => m.To == request.To && m.Subject == CodeSubject)).Select(m => m.MessageId).ToHashSet();
        LinkMail? codeMail = null;
        await Host.WithScopeAsync(async sp =>
        {
            var confidential = sp.GetRequiredService<ConfidentialDocuments>();
            (await confidential.SendCodeAsync(link, CancellationToken.None)).Should().Be(CodeRequest.Sent);
            codeMail = (await LinkMail.InFolderAsync(Host.MailFolder, 1, m => m.To == request.To && m.Subject == CodeSubject && !earlierCodes.Contains(m.MessageId))).Single();
            var code = CodePattern().Match(codeMail.Text).Groups[1].Value;
            var wrong = code == "000000" ? "111111" : "000000";
            var check = CodeCheck.Refused;
            for (var i = 0; i < ConfidentialDocuments.MaxFailedTries; i++)
            {
                check = await confidential.TryUnlockAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), link, wrong, title, CancellationToken.None);
            }

            check.Should().Be(CodeCheck.Locked);
            await sp.GetRequiredService<LinkRevocation>().TellOldAddressAsync(link.MemberName, "oud.adres@example.org", CancellationToken.None);
            return check;
        });

        // The mails the meeting, the notification and the week bring, queued as their features queue them.
        var meeting = Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Calendar.Meetings.First(m => m.Body == "db");
        var mails = Host.Services.GetRequiredService<MailQueue>();
        await mails.EnqueueAsync(new ConvocationMail(new MailAddress("Roos Zijlstra", Roos), "Dagelijks bestuur", meeting.Date, meeting.Time, meeting.Place,
            [
                new ConvocationMail.AgendaLine("Vaststelling van de jaarrekening 2026", "hamerstuk", [new ConvocationMail.AgendaDocument("Jaarrekening 2026.pdf", false)]),
                new ConvocationMail.AgendaLine(title, "bespreekstuk", [new ConvocationMail.AgendaDocument("Raadsvoorstel.pdf", false), new ConvocationMail.AgendaDocument("Personele gevolgen.pdf", true)]),
            ], [], 0, MeetingId: meeting.Id), key: null, instanceId: null, CancellationToken.None);
        await mails.EnqueueAsync(new WeeklyDigestMail(new MailAddress("Bestuurssecretariaat", secretariat), new DateOnly(2027, 1, 4),
            [
                new WeeklyDigestMail.Task(title, "Uitkomst van de vergadering vastleggen", "uiterlijk 14 januari 2027", false, "/Voorstellen/" + started.Id),
                new WeeklyDigestMail.Task("Dagelijks bestuur 20 januari 2027", "Convocatie met agenda en stukken versturen (2 agendapunten)", "stukken uiterlijk 6 januari 2027", true, "/Vergaderingen/" + meeting.Id),
            ]), key: null, instanceId: null, CancellationToken.None);
        var body = Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.FindBody("db")!;
        await Host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxEntry(MeldingActivity.OutboxKind, new JsonObject
        {
            // An agendering notice is no mail of its own any more (ADR 24); a decision taken is a notification like every other.
            ["soort"] = "besluitGenomen",
            ["onderwerp"] = $"Besluit genomen: {title}",
            ["tekst"] = $"Het {body.Name} heeft op {meeting.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} besloten over het voorstel \"{title}\": vastgesteld.",
            ["aan"] = new JsonArray(new JsonObject { ["lid"] = "m063", ["naam"] = "Roos Zijlstra", ["email"] = Roos }),
            ["voorstel"] = new JsonObject { ["titel"] = title },
        }, started.Id), CancellationToken.None);

        // Every mail is delivered just after it is queued.
        var all = Directory.GetFiles(Host.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        async Task<MimeKit.MimeMessage> To(string address, string subjectStart)
        {
            bool Matches(MimeKit.MimeMessage m) => m.To.Mailboxes.Any(a => a.Address == address) && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal);
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!all.Any(Matches) && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
                all = Directory.GetFiles(Host.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
            }

            return all.Last(Matches);
        }

        var shown = new (string Name, MimeKit.MimeMessage Mail, string[] Texts)[]
        {
            ("mail-verzoek", all.First(m => m.MessageId == request.MessageId.Trim('<', '>')), [title, "Open uw verzoek", "schriftelijke ronde van 2 weken", "Werkt de knop niet?"]),
            ("mail-code", all.Single(m => m.MessageId == codeMail!.MessageId.Trim('<', '>')), ["Uw code om de vertrouwelijke stukken te openen is:", "10 minuten geldig"]),
            ("mail-vergrendeld", await To(secretariat, "Vertrouwelijke stukken vergrendeld"),
                [$"Via de persoonlijke link van {link.MemberName}", "Op de pagina van het voorstel kunt u de link weer openzetten.", "Open het voorstel"]),
            ("mail-adres-gewijzigd", await To("oud.adres@example.org", "Uw e-mailadres"), ["Het e-mailadres waarop u verzoeken van AdviesRoute ontvangt, is gewijzigd."]),
            ("mail-convocatie", await To(Roos, "Convocatie"), ["Hierbij wordt u uitgenodigd voor de vergadering van Dagelijks bestuur", "Agenda", "stukken: Raadsvoorstel.pdf"]),
            ("mail-weekoverzicht", await To(secretariat, "Weekoverzicht"), ["Dit wacht op u: 2 taken", "Alle taken", "achterstallig"]),
            ("mail-melding", await To(Roos, "Besluit genomen: " + title), ["besloten over het voorstel", "Voorstel: " + title]),
        };

        var page = await NewPageAsync();
        foreach (var (name, mail, texts) in shown)
        {
            // As a mail program shows it: the HTML part on its own.
            await page.SetContentAsync(mail.HtmlBody ?? throw new InvalidOperationException($"The {name} mail has no HTML part."));
            var text = await page.InnerTextAsync("body");
            foreach (var expected in texts)
            {
                text.Should().Contain(expected, "the {0} mail says it", name);
            }

            text.Should().Contain("Deze mail is automatisch verstuurd door SamenDrenthe (AdviesRoute).", "the {0} mail has the one layout's footer", name);
            text.Should().NotMatchRegex(@"\bP\d+[YMWD]\b|\d{4}-\d{2}-\d{2}|undefined|\bnull\b", "the {0} mail shows no codes, ISO dates or periods", name);
            // An address may hold a meeting's id with its date; only the words count.
            Regex.Replace(mail.TextBody ?? "", @"https?://\S+", "").Should().NotMatchRegex(@"\bP\d+[YMWD]\b|\d{4}-\d{2}-\d{2}", "the plain text of the {0} mail neither", name);
            await Shot(page, $"{name}-1366");
            await page.SetViewportSizeAsync(320, 640);
            await Shot(page, $"{name}-320");
            await FitsWithoutSidewaysScrollingAsync(page, name);
            await page.SetViewportSizeAsync(1366, 900);
        }
    }

    /// <summary>Waits (real time, bounded) until the query finds something: a link is stored just after its mail goes out.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> find)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await find() is { } found)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(until, "the link is stored within seconds of its mail");
            await Task.Delay(50);
        }
    }

    /// <summary>The page as it is now, wide and on a phone (see <see cref="Browsers.ShowAsync"/>).</summary>
    private Task ShowAsync(IPage page, string name, params string[] texts) =>
        Browsers.ShowAsync(output, page, name, ["Exception", "null", "undefined", "LinkStatus", "NotFound"], texts);

    private static Task FitsWithoutSidewaysScrollingAsync(IPage page, string name) => Browsers.FitsWithoutSidewaysScrollingAsync(page, name);

    private static Task<IResponse> SubmitAsync(IPage page, string selector) => Browsers.SubmitAsync(page, selector);

    /// <summary>Opens a link until it shows the text: the round's outcome is written just after the last choice.</summary>
    private static async Task OpenUntilAsync(IPage page, string path, string text)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(path);
            if ((await page.InnerTextAsync("body")).Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > until)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private Task<IPage> NewPageAsync() => Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);

    private static Task Shot(IPage page, string name) => Browsers.ShotAsync(page, name);

    /// <summary>A remark of exactly <paramref name="length"/> characters, in words as a member would write them.</summary>
    private static string Remark(int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append("Onze raad vraagt aandacht voor de gevolgen voor de kleine kernen en voor de bereikbaarheid van het loket. ");
        }

        return text.ToString(0, length);
    }

    /// <summary>A written DB round with the given deadline and two documents, without reminders.</summary>
    private async Task<(string Id, List<LinkMail> Mails)> StartWithDeadlineAsync(string title, string deadline)
    {
        var definitionId = Support.Definitions.UniqueId("verlopen");
        await Host.SaveAsync(WrittenDecision.Definition(definitionId, $$"""{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "{{deadline}}", "herinneringen": [] }"""));
        var id = (await Host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new JsonObject
        {
            ["titel"] = title,
            ["documenten"] = new JsonArray(new JsonObject { ["naam"] = "Huisvestingsplan.pdf", ["url"] = "https://stukken.example.org/huisvestingsplan.pdf" }),
        }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var mails = await LinkMail.InFolderAsync(Host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal));
        return (id, mails);
    }

    private Task HandOverTynaarloAsync() => TynaarloSeat.HandOverAsync(Host);

    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();
}

/// <summary>The in-memory host (environment Testing, movable clock) on a real loopback port, for a browser.</summary>
public sealed class BrowserHost : HostFixture
{
    public BrowserHost()
        : base(folder: null, environment: "Testing", adminPassword: AdminPassword)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The code tests post more than five times a minute on one link: they meet the code limits, not the rate limiter.
        builder.UseSetting("Links:PostsPerMinute", "1000");
    }
}

/// <summary>One host and one Chromium for <see cref="LinkAndAccountPagesBrowserTests"/>.</summary>
public sealed class LinkAndAccountPagesBrowserFixture : IAsyncLifetime
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
        Directory.CreateDirectory(DesignerBrowserFixture.ScreenshotFolder);
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
