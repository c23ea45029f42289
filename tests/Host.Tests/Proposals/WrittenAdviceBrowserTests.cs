using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// Meeting or in writing, as a secretary and the BAC's members meet it in a real browser (Debian's Chromium) with the
/// mails in a real SMTP server (maildev): the start form offers a written round only where the rules allow it, a
/// beleidsvoorstel's BAC advice chosen in writing is given by every member through the link in their own mail, each
/// sees the tally and their own choice, and no BAC meeting invitation goes out for it. Screenshots at 1366 and 320 px
/// go to screenshots/schriftelijk.
/// </summary>
public sealed partial class WrittenAdviceBrowserTests(WrittenAdviceFixture fixture, ITestOutputHelper output) : IClassFixture<WrittenAdviceFixture>
{
    private const string Bac = "BAC Publieke Gezondheid";
    private static readonly string[] Codes = ["wijzeBac", "wijzeDb", "P1W", "P2W", "positiefMetKanttekeningen", "Atw"];

    private WrittenAdviceHost Host => fixture.Host;

    [Fact]
    public async Task A_beleidsvoorstel_with_written_BAC_advice_chosen_on_the_start_form_is_given_by_every_member_through_their_own_link_and_no_BAC_meeting_invitation_goes_out()
    {
        const string title = "Preventieakkoord Drenthe 2027";
        var page = await fixture.SecretaryPageAsync();

        // The start form: a choice per BAC advice and DB decision, none for the AB.
        await page.GotoAsync("/Voorstellen/Nieuw");
        var fieldset = page.Locator("fieldset:has(legend:text-is('Vergadering of schriftelijk'))");
        (await fieldset.Locator("input[name='Wijze.Bac']").CountAsync()).Should().Be(2);
        (await fieldset.Locator("input[name='Wijze.Db']").CountAsync()).Should().Be(2);
        (await page.Locator("input[name^='Wijze.']:not([name='Wijze.Bac']):not([name='Wijze.Db'])").CountAsync()).Should().Be(0, "the AB is not offered a written round");
        var form = await fieldset.InnerTextAsync();
        form.Should().Contain("Geldt alleen voor een beleidsvoorstel, kaderbrief en beleidsbrief in het model met BAC's")
            .And.Contain("Geldt voor elke soort behalve begroting, begrotingswijziging, jaarrekening en jaarrapportage: daarover besluit het DB altijd in een vergadering.")
            .And.Contain("Besluit van het algemeen bestuur: altijd in een vergadering, want zijn vergaderingen zijn openbaar (art. 22 Wgr).");
        form.Should().NotContainAny(Codes);
        await fixture.ShotBothAsync(page, "nieuw-wijze", fieldset);

        await page.FillAsync("#Input_Titel", title);
        await page.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await page.SelectOptionAsync("#Input_Soort", "beleidsvoorstel");
        await page.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await page.CheckAsync("#Input_Bestuursmodel_metBacs");
        await page.CheckAsync("#Wijze_Bac_schriftelijk");
        await page.FillAsync("#Besluit_Beslispunten", "in te stemmen met het preventieakkoord;\nde uitvoering op te dragen aan de directeur.");
        await page.ClickAsync("button:has-text('Voorstel starten')");
        await page.WaitForURLAsync(new Regex("/Voorstellen/[0-9a-f]+$"));
        var id = new Uri(page.Url).AbsolutePath["/Voorstellen/".Length..];
        (await InstanceAsync(id)).Input["wijzeBac"]!.GetValue<string>().Should().Be("schriftelijk");

        await CompletePreparationAsync(id);

        // Twelve request mails, one per member of the BAC, each with its own link.
        var seats = Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("bac-pg", Host.Today).Where(m => m.SubstituteFor is null).ToList();
        seats.Should().HaveCount(12);
        var mails = await MailsAsync($"Verzoek om advies: {title}", 12);
        mails.Select(m => m.To).Should().BeEquivalentTo(seats.Select(s => s.Email));
        mails.Select(m => m.Link).Should().OnlyHaveUniqueItems();
        foreach (var mail in mails)
        {
            // The deadline a member must meet, in words, moved off the Saturday by the reglement; never an ISO period.
            mail.Text.Should().Contain("uiterlijk 11 januari 2027 (reglement van orde: schriftelijke ronde van 1 week; verschoven van 9 januari 2027 (zaterdag) naar de eerstvolgende werkdag (reglement van orde))");
            IsoPeriod().IsMatch(mail.Text + mail.Html).Should().BeFalse("a mail never shows an ISO period");
        }

        // Every member chooses through their own link; the outcome stays open until the last one (5 for, 5 against, 1 abstains).
        (string Code, string Label)[] choices =
        [
            ("positief", "Positief"), ("negatief", "Negatief"), ("positiefMetKanttekeningen", "Positief met kanttekeningen"), ("negatief", "Negatief"),
            ("positief", "Positief"), ("negatief", "Negatief"), ("positief", "Positief"), ("negatief", "Negatief"),
            ("positief", "Positief"), ("negatief", "Negatief"), ("onthouding", "Onthouding"), ("positief", "Positief"),
        ];
        var member = await fixture.NewPageAsync();
        for (var i = 0; i < mails.Count; i++)
        {
            var remark = $"Toelichting van lid {i + 1}: de gemeente steunt de lijn op preventie.";
            await member.GotoAsync(mails[i].Path);
            await member.FillAsync("#veld-toelichting", remark);
            await Browsers.SubmitAsync(member, $"button[name='keuze'][value='{choices[i].Code}']");
            var shown = await member.InnerTextAsync("body");
            var stand = await member.InnerTextAsync("section.stand");
            var chosen = i + 1;
            shown.Should().Contain($"gekozen: {choices[i].Label}.");
            stand.Should().Contain(chosen == 1 ? "1 van 12 heeft gekozen" : $"{chosen} van 12 hebben gekozen")
                .And.Contain("Uw toelichting:").And.Contain(remark);
            if (i == 0)
            {
                // Opened again while the round runs: the form holds the remark, so choosing again does not drop it.
                await member.GotoAsync(mails[i].Path);
                (await member.InputValueAsync("#veld-toelichting")).Should().Be(remark);
            }

            var counts = choices.Take(chosen).GroupBy(c => c.Label).ToDictionary(g => g.Key, g => g.Count());
            foreach (var label in new[] { "Positief", "Positief met kanttekeningen", "Negatief", "Onthouding" })
            {
                stand.Should().Contain($"{counts.GetValueOrDefault(label)} {label.ToLowerInvariant()}");
            }

            shown.Should().NotContainAny(Codes);
            if (chosen < 12)
            {
                shown.Should().Contain("Uw keuze is vastgelegd.").And.Contain("Uw keuze wijzigen (kan zolang de ronde loopt)");
            }
            else
            {
                shown.Should().Contain("Deze ronde is gesloten.");
                await Browsers.ShowAsync(output, member, "schriftelijk/link-gesloten", Codes, "12 van 12 hebben gekozen", "gekozen: Positief.");
            }

            if (chosen == 5)
            {
                await Browsers.ShowAsync(output, member, "schriftelijk/link-stand", Codes, "5 van 12 hebben gekozen", "gekozen: Positief.",
                    "Termijn: uiterlijk 11 januari 2027 (reglement van orde: schriftelijke ronde van 1 week; verschoven van 9 januari 2027 (zaterdag) naar de eerstvolgende werkdag (reglement van orde))");
                await page.GotoAsync($"/Voorstellen/{id}");
                await Browsers.ShowAsync(output, page, "schriftelijk/voorstel-ronde", Codes, "5 van 12 hebben gekozen: 2 positief, 1 positief met kanttekeningen, 2 negatief; 7 nog niet",
                    "Advies van de BAC", "schriftelijk (staat vast: de stap is begonnen)");
            }
        }

        // The advice is given; the route goes on to the DB's meeting, never past a BAC meeting.
        var instance = await EventuallyAsync(async () => await InstanceAsync(id) is { } v && v.Tokens.Any(t => t.ActivityId == "besluitDb") ? v : null, "the proposal at the DB");
        instance.ActivityState("advies")!["uitslag"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        var journal = await Host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id));
        journal.Should().NotContain(j => j.ActivityId == "agendeerBac", "a written round is never put on a BAC meeting");
        journal.Where(j => j.Kind == "stem").Should().HaveCount(12).And.OnlyContain(j => j.Channel == Channel.Link);
        journal.Should().ContainSingle(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "advies").Which.Outcome.Should().Be("positiefMetKanttekeningen");

        // The DB's meeting is on the agenda (its one invitation comes with the DB's convocation, ADR 24); for the BAC no
        // meeting, no invitation, no .ics and no agendering mail.
        journal.Should().Contain(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "agendeerDb");
        var sent = (await Host.Maildev.ListAsync()).Where(m => m.Subject?.Contains(title, StringComparison.Ordinal) == true).ToList();
        sent.Should().NotContain(m => m.Subject!.Contains(Bac, StringComparison.Ordinal), "no mail about a BAC meeting");
        sent.Should().NotContain(m => m.Attachments != null && m.Attachments.Any(a => a.FileName.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)),
            "no calendar invitation goes out for an item before its meeting's convocation");
        var bacOnly = seats.Select(s => s.Email).Except(Host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("db", Host.Today).Select(m => m.Email)).ToHashSet();
        sent.Where(m => m.To.Any(t => bacOnly.Contains(t.Address))).Should().OnlyContain(m => m.Subject == $"Verzoek om advies: {title}", "a BAC member got the request and nothing else");

        // The proposal page: the advice done in writing, the BAC's agenda step not on the path.
        await page.GotoAsync($"/Voorstellen/{id}");
        var list = await page.InnerTextAsync("ol.route-lijst");
        list.Should().Contain("Gedaan: Advies van de BAC").And.NotContain("Agenderen in de BAC").And.Contain("Agenderen in het DB");
        await Browsers.ShowAsync(output, page, "schriftelijk/voorstel-na-advies", Codes, "Advies van de BAC");
        IsoPeriod().IsMatch(await page.InnerTextAsync("body")).Should().BeFalse("the page and its timeline never show an ISO period");
        foreach (var raw in sent)
        {
            IsoPeriod().IsMatch(raw.Text ?? "").Should().BeFalse("mail '{0}' shows no ISO period", raw.Subject);
        }
    }

    [Fact]
    public async Task A_written_round_for_an_AB_decision_or_for_a_begroting_is_not_offered_and_the_form_and_the_API_refuse_it()
    {
        var page = await fixture.SecretaryPageAsync();
        await page.GotoAsync("/Voorstellen/Nieuw");
        await page.FillAsync("#Input_Titel", "Ontwerpbegroting 2028 schriftelijk");
        await page.FillAsync("#Besluit_Beslispunten", "de ontwerpbegroting 2028 vast te stellen.");
        await page.SelectOptionAsync("#Input_Pijler", "PubliekeGezondheid");
        await page.SelectOptionAsync("#Input_Soort", "begroting");
        await page.SelectOptionAsync("#Input_Portefeuillehouder", new SelectOptionValue { Index = 1 });
        await page.CheckAsync("#Wijze_Db_schriftelijk");
        await Browsers.SubmitAsync(page, "button:has-text('Voorstel starten')");
        new Uri(page.Url).AbsolutePath.Should().Be("/Voorstellen/Nieuw", "the proposal did not start");
        var refusal = "Over een (ontwerp)begroting wordt nooit schriftelijk besloten: de raden geven er een zienswijze op en het algemeen bestuur stelt haar in een openbare vergadering vast (art. 35 Wgr).";
        (await page.InnerTextAsync(".utrecht-alert--error")).Should().Contain(refusal);
        (await page.InnerTextAsync("fieldset:has(legend:text-is('Besluit van het dagelijks bestuur'))")).Should().Contain(refusal);
        (await page.InputValueAsync("#Input_Titel")).Should().Be("Ontwerpbegroting 2028 schriftelijk", "what was typed stays");
        await Browsers.ShowAsync(output, page, "schriftelijk/nieuw-geweigerd", Codes, "Het voorstel is nog niet gestart", refusal);

        using var api = Host.Client(HostFixture.SecretaryKey);
        var before = await CountAsync();
        foreach (var (input, says) in new (JsonObject Input, string Says)[]
        {
            (Input("begroting", ("wijzeDb", "schriftelijk")), refusal),
            (Input("begroting", ("wijzeBac", "schriftelijk")), refusal),
            (Input("jaarrekening", ("wijzeDb", "schriftelijk")), "Over een jaarrekening wordt nooit schriftelijk besloten"),
            (Input("beleidsvoorstel", ("wijzeAb", "schriftelijk")), "Het algemeen bestuur besluit in een vergadering: zijn vergaderingen zijn openbaar (art. 22 Wgr)."),
            (Input("beleidsvoorstel", ("wijzeBac", "schriftelijk"), ("bestuursmodel", "zonderBacs")), "In het model zonder BAC's adviseert geen BAC"),
            (Input("beleidsvoorstel", ("wijzeDb", "per post")), "Kies voor het dagelijks bestuur 'vergadering' of 'schriftelijk'"),
        })
        {
            using var response = await api.PostAsJsonAsync("/api/definitions/voorstel/instances", new { input });
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, input.ToJsonString());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain(says);
        }

        (await CountAsync()).Should().Be(before, "a refused start stores nothing");
        using var allowed = await api.PostAsJsonAsync("/api/definitions/voorstel/instances", new { input = Input("beleidsvoorstel", ("wijzeBac", "schriftelijk"), ("wijzeDb", "schriftelijk")) });
        allowed.StatusCode.Should().Be(HttpStatusCode.Created, "the BAC and the DB may act in writing on a beleidsvoorstel");

        // A begroting's page offers no written round later either: it passes no BAC, and its DB always meets.
        using var begroting = await api.PostAsJsonAsync("/api/definitions/voorstel/instances", new { input = Input("begroting") });
        var begrotingId = (await begroting.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await page.GotoAsync($"/Voorstellen/{begrotingId}");
        var modes = await page.InnerTextAsync("section.wijze");
        modes.Should().Contain("Besluit van het dagelijks bestuur").And.Contain(refusal).And.NotContain("Advies van de BAC");
        (await page.Locator("section.wijze button").CountAsync()).Should().Be(0);

        Task<int> CountAsync() => Host.WithScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowReader>().PageInstancesAsync(InstanceQuery.All, null, 200)).Items.Count);
    }

    [Fact]
    public async Task The_secretary_changes_the_BAC_advice_to_a_written_round_on_the_proposal_page_until_the_round_began()
    {
        const string title = "Samenwerking jeugdgezondheidszorg";
        using var secretary = Host.Client();
        await SignInAsync(secretary, HostFixture.AdminEmail, HostFixture.AdminPassword);
        var id = await StartProposalAsync(secretary, new NewProposal(title, "PubliekeGezondheid", "beleidsvoorstel", "metBacs"));
        (await InstanceAsync(id)).Input["wijzeBac"]!.GetValue<string>().Should().Be("vergadering", "a meeting unless chosen otherwise");

        var page = await fixture.SecretaryPageAsync();
        await page.GotoAsync($"/Voorstellen/{id}");
        await Browsers.ShowAsync(output, page, "schriftelijk/voorstel-wijze", Codes, "Vergadering of schriftelijk", "Advies van de BAC", "in een vergadering");
        await Browsers.SubmitAsync(page, "button:has-text('Advies van de BAC voortaan schriftelijk')");
        (await page.InnerTextAsync("body")).Should().Contain("De keuze tussen vergadering en schriftelijk is vastgelegd.");
        (await InstanceAsync(id)).Input["wijzeBac"]!.GetValue<string>().Should().Be("schriftelijk");
        (await page.InnerTextAsync("body")).Should().Contain("Advies van de BAC: voortaan schriftelijk (was: in een vergadering)", "the timeline says what changed");

        await CompletePreparationAsync(id);
        await MailsAsync($"Verzoek om advies: {title}", 12);

        // Begun: the page offers no change, and a change posted anyway is refused and changes nothing.
        await page.GotoAsync($"/Voorstellen/{id}");
        (await page.Locator("button:has-text('Advies van de BAC voortaan')").CountAsync()).Should().Be(0);
        var html = await secretary.GetStringAsync($"/Voorstellen/{id}");
        using var refused = await secretary.PostAsync($"/Voorstellen/{id}?handler=wijze", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(html),
            ["formulier"] = new string('a', 32),
            ["stap"] = "Bac",
            ["wijze"] = "vergadering",
        }));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("Advies van de BAC: deze stap is al begonnen; de keuze tussen vergadering en schriftelijk staat vast. Er is niets gewijzigd.");
        (await InstanceAsync(id)).Input["wijzeBac"]!.GetValue<string>().Should().Be("schriftelijk");
    }

    [GeneratedRegex(@"\bP(\d+[YMWD])+(T\d+[HMS])*\b")]
    private static partial Regex IsoPeriod();

    private static JsonObject Input(string kind, params (string Key, string Value)[] extra)
    {
        var input = new JsonObject
        {
            ["titel"] = "Via de API " + kind,
            ["pijler"] = "PubliekeGezondheid",
            ["soort"] = kind,
            ["bestuursmodel"] = "metBacs",
        };
        foreach (var (key, value) in extra)
        {
            input[key] = value;
        }

        return input;
    }

    private Task<InstanceView> InstanceAsync(string id) => Host.InstanceAsync(id);

    private Task CompletePreparationAsync(string id) => Host.CompletePreparationAsync(id);

    /// <summary>The mails in maildev with this subject, as the members read them, once there are <paramref name="count"/>.</summary>
    private async Task<List<LinkMail>> MailsAsync(string subject, int count)
    {
        var all = await Host.Maildev.WaitForAsync(m => m.Count(x => x.Subject == subject) >= count, TimeSpan.FromSeconds(60));
        var matching = all.Where(m => m.Subject == subject).ToList();
        matching.Should().HaveCount(count);
        var mails = new List<LinkMail>();
        foreach (var raw in matching)
        {
            using var source = new MemoryStream(await Host.Maildev.SourceAsync(raw.Id));
            mails.Add(LinkMail.From(await MimeMessage.LoadAsync(source)));
        }

        return mails;
    }
}

/// <summary>
/// The in-memory host (Testing) on a loopback port for the browser, with SMTP to a maildev it owns and its clock from
/// Saturday 2 January 2027, 09:00: a written round of one week then ends on a Saturday and moves to the Monday.
/// </summary>
public sealed class WrittenAdviceHost() : MaildevClockHost(StartsAt)
{
    public const string StartsAt = "2027-01-02T09:00:00+01:00";
}

/// <summary>One host, one maildev and one Chromium for <see cref="WrittenAdviceBrowserTests"/>.</summary>
public sealed class WrittenAdviceFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _secretary;

    public WrittenAdviceHost Host { get; } = new();

    public static string ScreenshotFolder => Path.Combine(DesignerBrowserFixture.ScreenshotFolder, "schriftelijk");

    public async Task InitializeAsync()
    {
        await Host.Maildev.StartAsync();
        Host.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browsers.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A page signed in as the administrator (who acts as secretary), shared by the tests of the class.</summary>
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

    /// <summary>A screenshot of one part of the page at 1366 and at 320 px, which must fit the phone without sideways scrolling.</summary>
    public async Task ShotBothAsync(IPage page, string name, ILocator part)
    {
        await page.SetViewportSizeAsync(1366, 900);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-1366.png") });
        await page.SetViewportSizeAsync(320, 640);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-320.png") });
        await Browsers.FitsWithoutSidewaysScrollingAsync(page, name);
        await page.SetViewportSizeAsync(1366, 900);
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
