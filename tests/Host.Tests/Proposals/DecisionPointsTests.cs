using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// A proposal's beslispunten on the real host: started through the API, changed on the proposal page and through the API
/// until the DB decided (journaled), refused after it, amended by the meeting ("gewijzigd vastgesteld") on the step form,
/// and shown in the request mail and on the personal link page.
/// </summary>
public sealed partial class DecisionPointsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Beslispunt[] Points =
    [
        new(1, "kennis te nemen van de evaluatie van het preventieakkoord;"),
        new(2, "in te stemmen met het vervolg voor 2027-2030;"),
    ];

    [Fact]
    public async Task A_proposal_started_through_the_API_stores_its_beslispunten_numbered_with_kenmerk_steller_and_openbaarheid()
    {
        using var api = host.Secretary();

        using var response = await api.PostAsJsonAsync("/api/definitions/voorstel/instances", new
        {
            input = new
            {
                titel = "Preventieakkoord 2027-2030", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel",
                beslispunten = new object[] { new { tekst = Points[0].Text }, new { nummer = 2, tekst = Points[1].Text } },
                kenmerk = "Z-2026-0412", steller = "Anne Bakker", openbaarheid = "besloten",
            },
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        var input = (await InstanceAsync(id)).Input;
        input["beslispunten"]!.ToJsonString().Should().Be(
            """[{"nummer":1,"tekst":"kennis te nemen van de evaluatie van het preventieakkoord;"},{"nummer":2,"tekst":"in te stemmen met het vervolg voor 2027-2030;"}]""");
        ProposalInput.Read(input).Should().BeEquivalentTo(new { Reference = "Z-2026-0412", Author = "Anne Bakker", IsClosed = true });

        var readBack = await api.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/beslispunten");
        readBack!["wijzigbaar"]!.GetValue<bool>().Should().BeTrue();
        readBack["beslispunten"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Bad_beslispunten_or_an_exemption_for_another_kind_through_the_API_get_problem_details_and_start_nothing()
    {
        using var api = host.Secretary();
        var before = await NewestInstanceIdAsync();

        using var response = await api.PostAsJsonAsync("/api/definitions/voorstel/instances", new
        {
            input = new { titel = "Kaderbrief 2028", soort = "kaderbrief", beslispunten = Array.Empty<object>(), zienswijzenVrijgesteld = true },
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["beslispunten"]![0]!.GetValue<string>().Should().StartWith("Geef ten minste één beslispunt");
        problem["errors"]!["zienswijzenVrijgesteld"]![0]!.GetValue<string>().Should().StartWith("‘Zienswijzen vrijgesteld’ geldt alleen voor een begrotingswijziging");
        problem["detail"]!.GetValue<string>().Should().StartWith("Het voorstel is niet gestart: Geef ten minste één beslispunt");
        (await NewestInstanceIdAsync()).Should().Be(before, "nothing is started");
    }

    [Fact]
    public async Task The_secretary_changes_the_beslispunten_on_the_proposal_page_and_the_timeline_says_what_changed()
    {
        var id = await StartAsync("Huisvestingsplan GGD");
        using var secretary = await host.SignInAsync();
        var path = $"/Voorstellen/{id}";
        var page = await PageAsync(secretary, path);
        page.Should().Contain("<h2 id=\"beslispunten-titel\">Beslispunten</h2>")
            .And.Contain($"<li value=\"2\">{Points[1].Text}</li>")
            .And.Contain("<summary>Beslispunten wijzigen</summary>");

        // Nothing typed: refused on the page with the reason, the stored points stay.
        var (empty, emptyPage) = await PostAsync(secretary, path + "/Beslispunten", page, new() { ["beslispunten"] = " \n " });
        empty.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        emptyPage.Should().Contain("De beslispunten zijn niet gewijzigd").And.Contain("Geef ten minste één beslispunt");
        ProposalInput.Read((await InstanceAsync(id)).Input).DecisionPoints.Should().Equal(Points);

        var (changed, after) = await PostAsync(secretary, path + "/Beslispunten", page, new()
        {
            ["beslispunten"] = $"1. {Points[0].Text}\r\n2. in te stemmen met het vervolg voor 2027-2028;\r\n3. de begroting 2027 hierop aan te passen.",
        });

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Should().Contain("De beslispunten zijn gewijzigd.")
            .And.Contain("<li value=\"3\">de begroting 2027 hierop aan te passen.</li>")
            .And.Contain("<strong>Beslispunten gewijzigd: beslispunt 2 ‘in te stemmen met het vervolg voor 2027-2030;’ werd ‘in te stemmen met het vervolg voor 2027-2028;’; "
                + "beslispunt 3 toegevoegd: ‘de begroting 2027 hierop aan te passen.’</strong>");
        var line = (await JournalAsync(id)).Last(j => j.Kind == "InputAmended");
        line.Should().BeEquivalentTo(new { Actor = HostFixture.AdminEmail, Channel = Channel.Page }, o => o.ExcludingMissingMembers());
        DecisionPointChange.Read(line.Data)!.Before.Should().Equal(Points, "the journal keeps the text as it was");
    }

    [Fact]
    public async Task Changing_the_beslispunten_after_the_DB_decided_is_refused_and_changes_nothing()
    {
        var today = host.Today;
        var id = await StartAsync("Jaarplan toezicht kinderopvang");
        using var secretary = await host.SignInAsync();
        var path = $"/Voorstellen/{id}";

        // Before the DB decided, the API may change them.
        using var api = host.Secretary();
        using (var early = await api.PutAsJsonAsync($"/api/instances/{id}/beslispunten", new { beslispunten = new object[] { new { nummer = 1, tekst = "het jaarplan 2027 vast te stellen." } } }))
        {
            early.StatusCode.Should().Be(HttpStatusCode.OK, await early.Content.ReadAsStringAsync());
            (await early.Content.ReadFromJsonAsync<JsonObject>())!["gewijzigd"]!.GetValue<bool>().Should().BeTrue();
        }

        await PostAsync(secretary, path + "?handler=hervat", await PageAsync(secretary, path), new() { ["invoer.uitkomst"] = "gereed" }, "Voorbereiding afronden");
        host.MoveClockTo(today.AddDays(20));
        using var atDb = await host.SignInAsync();
        var (decided, afterDb) = await PostAsync(atDb, path + "?handler=hervat", await PageAsync(atDb, path), new() { ["invoer.uitkomst"] = "vastgesteld" }, "Uitkomst van de vergadering");
        decided.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterDb.Should().Contain("Het dagelijks bestuur heeft besloten (vastgesteld,").And.NotContain("<summary>Beslispunten wijzigen</summary>");

        var inputBefore = (await InstanceAsync(id)).Input.ToJsonString();
        var journalBefore = (await JournalAsync(id)).Select(j => j.Sequence).ToList();

        // The page (a form kept open from before, or posted by hand) and the API both refuse, in Dutch.
        var (refused, refusedPage) = await PostAsync(atDb, path + "/Beslispunten", afterDb, new() { ["beslispunten"] = "het jaarplan 2027 vast te stellen met een extra inspectieronde." });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        refusedPage.Should().Contain("De beslispunten zijn niet gewijzigd")
            .And.Contain("Het dagelijks bestuur heeft al besloten (vastgesteld,")
            .And.Contain("de beslispunten kunnen niet meer worden gewijzigd")
            .And.Contain("Er is niets gewijzigd.");
        using var late = await api.PutAsJsonAsync($"/api/instances/{id}/beslispunten", new { beslispunten = new object[] { new { nummer = 1, tekst = "iets anders" } } });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().StartWith("Het dagelijks bestuur heeft al besloten (vastgesteld,");
        (await api.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/beslispunten"))!["wijzigbaar"]!.GetValue<bool>().Should().BeFalse();

        (await InstanceAsync(id)).Input.ToJsonString().Should().Be(inputBefore, "the stored input is unchanged");
        (await JournalAsync(id)).Select(j => j.Sequence).Should().Equal(journalBefore, "no line was added to the journal");
    }

    [Fact]
    public async Task Gewijzigd_vastgesteld_on_the_step_form_records_the_amended_text_and_the_proposal_page_shows_it()
    {
        var today = host.Today;
        var id = await StartAsync("Regionaal crisisplan");
        using var secretary = await host.SignInAsync();
        var path = $"/Voorstellen/{id}";
        await PostAsync(secretary, path + "?handler=hervat", await PageAsync(secretary, path), new() { ["invoer.uitkomst"] = "gereed" }, "Voorbereiding afronden");
        host.MoveClockTo(today.AddDays(20));
        using var atDb = await host.SignInAsync();
        var page = await PageAsync(atDb, path);

        // The step form lists the points and holds a text box per point, filled with its current text.
        var form = Regex.Match(page, "<h3 id=\"actie-[0-9a-f]{32}\">Uitkomst van de vergadering.*?</form>", RegexOptions.Singleline).Value;
        form.Should().Contain($"<li value=\"1\">{Points[0].Text}</li>")
            .And.Contain("<summary>Tekst zoals vastgesteld (alleen bij ‘Gewijzigd vastgesteld’)</summary>")
            .And.MatchRegex($"name=\"beslispunt.2\"[^>]*>{Regex.Escape(Points[1].Text)}</textarea>");

        // Chosen without changing a text: refused, and what was chosen stays.
        var unchanged = new Dictionary<string, string> { ["invoer.uitkomst"] = "gewijzigdVastgesteld", ["beslispunt.1"] = Points[0].Text, ["beslispunt.2"] = Points[1].Text };
        var (refused, refusedPage) = await PostAsync(atDb, path + "?handler=hervat", page, unchanged, "Uitkomst van de vergadering");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusedPage.Should().Contain("Bij ‘Gewijzigd vastgesteld’ hoort de gewijzigde tekst van ten minste één beslispunt");

        var amended = "in te stemmen met het vervolg voor 2027-2028, met een tussenevaluatie;";
        var (recorded, after) = await PostAsync(atDb, path + "?handler=hervat", refusedPage,
            new() { ["invoer.uitkomst"] = "gewijzigdVastgesteld", ["beslispunt.1"] = Points[0].Text, ["beslispunt.2"] = amended }, "Uitkomst van de vergadering");

        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var outcome = (await JournalAsync(id)).Select(GovernanceJournal.Read<VergaderingUitkomst>).OfType<VergaderingUitkomst>().Single();
        outcome.GewijzigdeBeslispunten.Should().Equal(new Beslispunt(2, amended));
        ProposalInput.Read((await InstanceAsync(id)).Input).DecisionPoints.Should().Equal(Points[0], new Beslispunt(2, amended));
        after.Should().Contain($"<li value=\"2\">{amended}</li>")
            .And.Contain($"Gewijzigd vastgesteld door Dagelijks bestuur in de vergadering van {AdviesRoute.Activities.Texts.DutchFormat.Day(today.AddDays(20))}: beslispunt 2. Hierboven staat de vastgestelde tekst.")
            .And.Contain($"gewijzigd vastgesteld; beslispunt 2 luidt nu ‘{amended}’");
    }

    [Fact]
    public async Task The_request_mail_and_the_personal_link_page_show_the_beslispunten_the_member_votes_on()
    {
        var definitionId = Definitions.UniqueId("beslispunten");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W" }"""));
        const string title = "Inkoop vaccins 2027";
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId,
            new ProposalInput { Title = title, DecisionPoints = Points }.ToJson(), new Trigger("secretaris", Channel.Api)));

        var mail = (await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.Contains(title, StringComparison.Ordinal)))[0];

        mail.Text.Should().Contain($"Voorgesteld besluit:\n1. {Points[0].Text}\n2. {Points[1].Text}");
        mail.Html.Should().Contain("<strong>Voorgesteld besluit</strong></p><ol ")
            .And.Contain($">{WebUtility.HtmlEncode(Points[1].Text)}</li></ol>");
        using var member = host.Anonymous();
        var page = WebUtility.HtmlDecode(await member.GetStringAsync(mail.Path));
        page.Should().Contain("<h3 id=\"beslispunten-titel\">Voorgesteld besluit</h3>")
            .And.Contain($"<li value=\"1\">{Points[0].Text}</li>")
            .And.Contain($"<li value=\"2\">{Points[1].Text}</li>");
    }

    private async Task<string> StartAsync(string title)
    {
        var calendar = NearMeetings(host.Today, ("db", 20, "10:00"), ("ab", 40, "19:30"));
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(calendar, "test"));
        return await host.WithScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel",
            new ProposalInput { Title = title, Pillar = "PubliekeGezondheid", Kind = "beleidsvoorstel", GovernanceModel = "zonderBacs", DecisionPoints = Points }.ToJson(),
            new Trigger("secretaris", Channel.Api))).InstanceId);
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static async Task<(HttpResponseMessage Response, string Page)> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields, string? bookmarkFor = null)
    {
        fields["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page);
        fields["formulier"] = FormId().Match(page).Groups[1].Value;
        if (bookmarkFor is not null)
        {
            fields["bookmarkId"] = Regex.Match(page, $"<h3 id=\"actie-([0-9a-f]{{32}})\">[^<]*{Regex.Escape(bookmarkFor)}").Groups[1].Value;
        }

        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(response.Headers.Location!.ToString()) : await response.Content.ReadAsStringAsync();
        return (response, WebUtility.HtmlDecode(body));
    }

    private async Task<InstanceView> InstanceAsync(string id) =>
        (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(id)))!;

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id));

    private Task<string?> NewestInstanceIdAsync() => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowReader>().PageSummariesAsync(InstanceQuery.All, null, 1)).Items.SingleOrDefault()?.Id);

    [GeneratedRegex("name=\"formulier\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormId();
}
