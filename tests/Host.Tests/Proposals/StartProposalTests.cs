using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>
/// The secretary starts a proposal on <c>/Voorstellen/Nieuw</c> with documents; files are judged by their content and
/// size, and downloaded only by staff or through a member's own link. The host allows 1 MB per file here.
/// </summary>
public sealed class StartProposalTests(SmallUploadHostFixture host) : IClassFixture<SmallUploadHostFixture>
{
    private const string Page = "/Voorstellen/Nieuw";

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync(Page);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("http://localhost/Account/Login?ReturnUrl=%2FVoorstellen%2FNieuw");
    }

    [Fact]
    public async Task The_form_offers_todays_board_members_the_coming_general_board_meetings_and_the_published_routes()
    {
        using var admin = await host.SignInAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        var portfolioHolder = await PortfolioHolderAsync();
        html.Should().Contain("<h1>Nieuw voorstel</h1>")
            .And.Contain($"<option value=\"{portfolioHolder.Id}\">{portfolioHolder.Name}")
            .And.Contain("<option value=\"voorstel\" selected=\"selected\">")
            .And.MatchRegex("<input type=\"radio\" id=\"Input_Bestuursmodel_metBacs\"(?=[^>]* class=\"utrecht-radio-button )[^>]* value=\"metBacs\" checked=\"checked\"")
            .And.MatchRegex("<input type=\"file\" id=\"Stukken\" name=\"Stukken\"(?=[^>]* class=\"utrecht-textbox )[^>]* multiple")
            .And.MatchRegex("<input type=\"file\" id=\"VertrouwelijkeStukken\" name=\"VertrouwelijkeStukken\"(?=[^>]* class=\"utrecht-textbox )[^>]* multiple");
        System.Text.RegularExpressions.Regex.Count(html, "<input type=\"file\"").Should().Be(2, "one picker for the documents, one for the confidential ones");
        var meeting = await ComingMeetingAsync();
        html.Should().Contain($"<option value=\"{meeting.Id}\">")
            .And.Contain("stukken uiterlijk " + AdviesRoute.Activities.Texts.DutchFormat.Day(meeting.DocumentsDeadline.Date))
            .And.NotContain(meeting.DocumentsDeadline.Display, "the options do not repeat the rule");
        System.Text.RegularExpressions.Regex.Count(html, System.Text.RegularExpressions.Regex.Escape(meeting.DocumentsDeadline.Rule)).Should().Be(1, "the rule is said once, beside the list");
        html.IndexOf("__RequestVerificationToken", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Input.Titel", StringComparison.Ordinal),
            "the token comes before the files, so it is read even when a file is too large");
    }

    [Fact]
    public async Task A_valid_start_stores_the_documents_and_starts_the_proposal_route_waiting_at_preparation()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var meeting = await ComingMeetingAsync();
        var pdf = Pdf();
        var docx = Docx();

        using var response = await PostAsync(admin, Fields("Beleidskader gezondheidsbevordering 2027-2030", member.Id, meeting.Id),
            ("Stukken", "beleidskader.pdf", pdf), ("VertrouwelijkeStukken", "bijlage personeel.docx", docx));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.Should().StartWith("/Voorstellen/");
        var instanceId = Uri.UnescapeDataString(location["/Voorstellen/".Length..]);

        var state = await InstanceAsync(instanceId);
        state.DefinitionId.Should().Be("voorstel");
        state.Waiting().Select(w => w.Token.ActivityId).Should().Equal("voorbereiding");

        var documents = await DocumentsAsync(d => d.InstanceId == instanceId);
        documents.Should().HaveCount(2);
        var storedPdf = documents.Single(d => d.FileName == "beleidskader.pdf");
        var storedDocx = documents.Single(d => d.FileName == "bijlage personeel.docx");
        storedPdf.Should().BeEquivalentTo(new
        {
            ContentType = "application/pdf", Size = (long)pdf.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            Content = pdf, Confidential = false, UploadedBy = HostFixture.AdminEmail,
        });
        storedDocx.Should().BeEquivalentTo(new
        {
            ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Size = (long)docx.Length, Content = docx, Confidential = true,
        });

        var expected = JsonNode.Parse($$"""
            {
              "titel": "Beleidskader gezondheidsbevordering 2027-2030",
              "pijler": "PubliekeGezondheid",
              "soort": "beleidsvoorstel",
              "samenvatting": "Het kader voor de komende vier jaar.",
              "portefeuillehouder": { "lid": "{{member.Id}}", "naam": "{{member.Name}}" },
              "gewensteVergadering": "{{meeting.Id}}",
              "bestuursmodel": "zonderBacs",
              "terugkoppelingColleges": true,
              "beslispunten": [ { "nummer": 1, "tekst": "het beleidskader vast te stellen;" }, { "nummer": 2, "tekst": "de begroting 2028 hierop aan te passen." } ],
              "kenmerk": "Z-2026-0815",
              "steller": "Anne Bakker",
              "openbaarheid": "openbaar",
              "wijzeBac": "vergadering",
              "wijzeDb": "vergadering",
              "documenten": [
                { "naam": "beleidskader.pdf", "url": "http://localhost:5080/documenten/{{storedPdf.Id}}", "id": "{{storedPdf.Id}}", "vertrouwelijk": false },
                { "naam": "bijlage personeel.docx", "url": "http://localhost:5080/documenten/{{storedDocx.Id}}", "id": "{{storedDocx.Id}}", "vertrouwelijk": true }
              ]
            }
            """);
        JsonNode.DeepEquals(state.Input, expected).Should().BeTrue($"the input is stored as sent, but was {state.Input.ToJsonString()}");

        var journal = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(instanceId)))[0];
        journal.Should().BeEquivalentTo(new { Actor = HostFixture.AdminEmail, Channel = Channel.Page }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task An_exe_renamed_to_pdf_is_refused_nothing_is_started_and_the_typed_title_stays()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var before = await NewestInstanceIdAsync();
        var documentsBefore = (await DocumentsAsync(_ => true)).Count;
        var exe = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0This program cannot be run in DOS mode.").Concat(new byte[2048]).ToArray();

        using var response = await PostAsync(admin, Fields("Verordening toezicht kinderopvang", member.Id, null),
            ("Stukken", "beleidskader.pdf", Pdf()), ("Stukken", "x.pdf", exe));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<li><a href=\"#Stukken\">Het bestand 'x.pdf' is geen PDF, DOCX of XLSX.</a></li>")
            .And.MatchRegex("<div id=\"Stukken-fout\">\\s*<p class=\"utrecht-form-field-error-message\">Het bestand 'x.pdf' is geen PDF, DOCX of XLSX.</p>")
            .And.Contain("aria-describedby=\"Stukken-fout\"")
            .And.Contain("value=\"Verordening toezicht kinderopvang\"")
            .And.Contain("Kies de bestanden opnieuw");
        (await NewestInstanceIdAsync()).Should().Be(before);
        (await DocumentsAsync(_ => true)).Should().HaveCount(documentsBefore, "the valid PDF beside it is not stored either");
    }

    [Fact]
    public async Task Missing_fields_are_named_beside_the_fields_and_in_the_summary()
    {
        using var admin = await host.SignInAsync();
        var before = await NewestInstanceIdAsync();
        var fields = Fields("", "", null);
        fields.Remove("Input.Pijler");

        using var response = await PostAsync(admin, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<li><a href=\"#Input_Titel\">Vul een titel in.</a></li>")
            .And.Contain("<li><a href=\"#Input_Pijler\">Kies de pijler.</a></li>")
            .And.Contain("<li><a href=\"#Input_Portefeuillehouder\">Kies de portefeuillehouder.</a></li>")
            .And.Contain("aria-describedby=\"titel-fout\"")
            .And.Contain("value=\"beleidsvoorstel\" selected=\"selected\"", "what was chosen stays chosen")
            .And.NotContain("Kies de bestanden opnieuw", "no file was sent");
        (await NewestInstanceIdAsync()).Should().Be(before);
    }

    [Fact]
    public async Task No_beslispunten_and_zienswijzen_vrijgesteld_for_a_beleidsvoorstel_are_refused_in_Dutch_and_start_nothing()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var before = await NewestInstanceIdAsync();
        var fields = Fields("Beleidskader sportstimulering", member.Id, null);
        fields["Besluit.Beslispunten"] = "  \n \n";
        fields["Besluit.ZienswijzenVrijgesteld"] = "true";
        fields["Besluit.Openbaarheid"] = "besloten";

        using var response = await PostAsync(admin, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<li><a href=\"#Besluit_Beslispunten\">Geef ten minste één beslispunt: wat het bestuur besluit, bijvoorbeeld ‘in te stemmen met de kadernota 2028’.</a></li>")
            .And.Contain("<li><a href=\"#Besluit_ZienswijzenVrijgesteld\">‘Zienswijzen vrijgesteld’ geldt alleen voor een begrotingswijziging die de regeling vrijstelt; dit voorstel is een andere soort. Vink het uit, of kies de soort begrotingswijziging.</a></li>")
            .And.Contain("aria-describedby=\"beslispunten-hint beslispunten-fout\"")
            .And.MatchRegex("id=\"Besluit_Openbaarheid_besloten\"[^>]* checked=\"checked\"", "what was chosen stays chosen")
            .And.Contain("value=\"Z-2026-0815\"");
        html.IndexOf("#Besluit_Beslispunten", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("#Besluit_ZienswijzenVrijgesteld", StringComparison.Ordinal));
        (await NewestInstanceIdAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_with_its_size_and_the_limit()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var before = await NewestInstanceIdAsync();
        var large = Pdf(2 * 1024 * 1024);

        using var response = await PostAsync(admin, Fields("Jaarrekening 2026", member.Id, null), ("Document1", "groot.pdf", large));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("Het bestand 'groot.pdf' is 2 MB; de grens is 1 MB.").And.Contain("value=\"Jaarrekening 2026\"");
        (await NewestInstanceIdAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_request_over_the_whole_forms_limit_gets_the_form_with_a_dutch_message_instead_of_413()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var before = await NewestInstanceIdAsync();

        // Five files of 1 MB plus 1 MB for the fields is the most the form takes here; 7 MB is more.
        using var response = await PostAsync(admin, Fields("Begroting 2028", member.Id, null), ("Document1", "heel-groot.pdf", Pdf(7 * 1024 * 1024)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<h1>Nieuw voorstel</h1>")
            .And.Contain("Wat u verstuurde is groter dan 6 MB, de grens voor het hele formulier (5 bestanden van ten hoogste 1 MB).")
            .And.Contain("Kies de bestanden opnieuw");
        (await NewestInstanceIdAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_refused()
    {
        using var admin = await host.SignInAsync();
        var member = await PortfolioHolderAsync();
        var before = await NewestInstanceIdAsync();
        using var response = await PostFormAsync(admin, Fields("Zonder token", member.Id, null), withToken: false, ("Document1", "beleidskader.pdf", Pdf()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await NewestInstanceIdAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_document_downloads_only_after_login_as_an_attachment_with_its_content_type()
    {
        var document = await StoreDocumentAsync("instantie-download", "notulen.pdf", Pdf(), confidential: false);
        using var anonymous = host.Anonymous();

        using var refused = await anonymous.GetAsync($"/documenten/{document.Id}");

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().Should().StartWith("http://localhost/Account/Login?ReturnUrl=%2Fdocumenten%2F");

        using var admin = await host.SignInAsync();
        using var response = await admin.GetAsync($"/documenten/{document.Id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("notulen.pdf");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(document.Content);
        (await admin.GetAsync("/documenten/" + Guid.NewGuid().ToString("N"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_through_a_random_token_is_404()
    {
        var document = await StoreDocumentAsync("instantie-willekeurig", "notulen.pdf", Pdf(), confidential: false);
        using var anonymous = host.Anonymous();
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        using var response = await anonymous.GetAsync($"/verzoek/{token}/stukken/{document.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_downloads_through_the_link_only_the_open_documents_of_that_links_proposal()
    {
        var definitionId = Definitions.UniqueId("stukken");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        var title = "Stukken via de link " + Guid.NewGuid().ToString("N")[..8];
        var started = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title }, new Trigger("secretaris", Channel.Api)));
        var open = await StoreDocumentAsync(started.InstanceId, "raadsvoorstel.pdf", Pdf(), confidential: false);
        var secret = await StoreDocumentAsync(started.InstanceId, "personeel.docx", Docx(), confidential: true);
        var elsewhere = await StoreDocumentAsync("een-ander-voorstel", "ander.pdf", Pdf(), confidential: false);
        var mail = (await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal))).First();
        // The link is stored just after its mail is sent.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AnyAsync(l => l.TokenHash == AdviesRoute.Host.Links.LinkTokens.Hash(mail.Token)))
            && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        using var member = host.Anonymous();

        using var response = await member.GetAsync($"{mail.Path}/stukken/{open.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(open.Content);
        (await member.GetAsync($"{mail.Path}/stukken/{secret.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a confidential document needs the one-time code first");
        (await member.GetAsync($"{mail.Path}/stukken/{elsewhere.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link opens only its own proposal's documents");
    }

    [Fact]
    public async Task A_document_added_to_a_running_proposal_shows_on_its_page_and_a_refused_one_changes_nothing()
    {
        using var admin = await host.SignInAsync();
        var id = await StartWithRuntimeAsync("Regionaal crisisplan");
        var page = $"/Voorstellen/{id}/Stuk";
        var inputBefore = (await InstanceAsync(id)).Input.ToJsonString();
        var exe = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0This program cannot be run in DOS mode.").Concat(new byte[2048]).ToArray();

        // Too large, the wrong kind, or nothing chosen: refused beside the file input; the proposal keeps what it had.
        foreach (var (name, content, message) in new[]
        {
            ("groot.pdf", Pdf(2 * 1024 * 1024), "Het bestand 'groot.pdf' is 2 MB; de grens is 1 MB. Er is niets opgeslagen."),
            ("x.pdf", exe, "Het bestand 'x.pdf' is geen PDF, DOCX of XLSX. Er is niets opgeslagen."),
        })
        {
            using var refused = await PostFormToAsync(admin, page, [], withToken: true, ("Bestand", name, content));
            refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            html.Should().Contain($"<p id=\"bestand-fout\" class=\"utrecht-form-field-error-message\">{message}</p>").And.Contain("aria-invalid=\"true\"");
        }

        using (var none = await PostFormToAsync(admin, page, [], withToken: true))
        {
            none.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()).Should().Contain("Kies een bestand.");
        }

        using (var forged = await PostFormToAsync(admin, page, [], withToken: false, ("Bestand", "bijlage.docx", Docx())))
        {
            forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await DocumentsAsync(d => d.InstanceId == id)).Should().BeEmpty();
        (await InstanceAsync(id)).Input.ToJsonString().Should().Be(inputBefore);

        // A valid DOCX marked vertrouwelijk: stored with the proposal, listed in its input, shown on its page and in the timeline.
        using var added = await PostFormToAsync(admin, page, new() { ["Vertrouwelijk"] = "true" }, withToken: true, ("Bestand", "bijlage.docx", Docx()));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        added.Headers.Location!.ToString().Should().Be($"/Voorstellen/{id}?gedaan=stuk");
        var stored = (await DocumentsAsync(d => d.InstanceId == id)).Should().ContainSingle().Subject;
        stored.FileName.Should().Be("bijlage.docx");
        stored.Confidential.Should().BeTrue();
        stored.UploadedBy.Should().Be(HostFixture.AdminEmail);
        var entry = (await InstanceAsync(id)).Input["documenten"]!.AsArray().Should().ContainSingle().Subject!;
        entry["id"]!.GetValue<string>().Should().Be(stored.Id);
        entry["vertrouwelijk"]!.GetValue<bool>().Should().BeTrue();
        var detail = WebUtility.HtmlDecode(await admin.GetStringAsync(added.Headers.Location!.ToString()));
        detail.Should().MatchRegex(@"bijlage\.docx</a>\s+\(vertrouwelijk\)").And.Contain("Het stuk is toegevoegd.")
            .And.Contain("<strong>Stuk toegevoegd: bijlage.docx (vertrouwelijk)</strong>");
        (await admin.GetAsync($"/documenten/{stored.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_document_for_a_cancelled_proposal_is_refused_and_not_kept()
    {
        using var admin = await host.SignInAsync();
        var id = await StartWithRuntimeAsync("Ingetrokken voorstel");
        var form = await admin.GetStringAsync($"/Voorstellen/{id}/Stuk");
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().CancelAsync(id, new Trigger("secretaris", Channel.Api), "ingetrokken"));

        using var response = await PostFormToAsync(admin, $"/Voorstellen/{id}/Stuk", [], withToken: true, ("Bestand", "laat.pdf", Pdf()));

        form.Should().Contain("<h1>Stuk toevoegen</h1>");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Het stuk is niet toegevoegd: Instantie").And.Contain("geannuleerd");
        (await DocumentsAsync(d => d.InstanceId == id)).Should().BeEmpty();
        (await admin.GetAsync("/Voorstellen/bestaat-niet/Stuk")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private Task<string> StartWithRuntimeAsync(string title) => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowRuntime>().StartAsync("voorstel", new JsonObject
        {
            ["titel"] = title, ["pijler"] = "ZorgEnVeiligheid", ["soort"] = "beleidsvoorstel", ["bestuursmodel"] = "zonderBacs",
        }, new Trigger("secretaris", Channel.Api))).InstanceId);

    private static Dictionary<string, string> Fields(string title, string member, string? meeting) => new()
    {
        ["Input.Titel"] = title,
        ["Input.Pijler"] = "PubliekeGezondheid",
        ["Input.Soort"] = "beleidsvoorstel",
        ["Input.Samenvatting"] = "Het kader voor de komende vier jaar.",
        ["Input.Portefeuillehouder"] = member,
        ["Input.GewensteVergadering"] = meeting ?? "",
        ["Input.Bestuursmodel"] = "zonderBacs",
        ["Input.TerugkoppelingColleges"] = "true",
        ["Input.Route"] = "voorstel",
        ["Besluit.Beslispunten"] = "1. het beleidskader vast te stellen;\n2. de begroting 2028 hierop aan te passen.",
        ["Besluit.Kenmerk"] = "Z-2026-0815",
        ["Besluit.Steller"] = "Anne Bakker",
        ["Besluit.Openbaarheid"] = "openbaar",
        ["Vertrouwelijk3"] = "true",
    };

    private Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, params (string Field, string Name, byte[] Content)[] files) =>
        PostFormAsync(client, fields, withToken: true, files);

    /// <summary>Fetches the form for its anti-forgery token and posts the fields (token first, as the page has it) and files.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, Dictionary<string, string> fields, bool withToken, params (string Field, string Name, byte[] Content)[] files) =>
        PostFormToAsync(client, Page, fields, withToken, files);

    private static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, string page, Dictionary<string, string> fields, bool withToken, params (string Field, string Name, byte[] Content)[] files)
    {
        var token = HostFixture.AntiforgeryToken(await client.GetStringAsync(page));
        var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, name);
        }

        using (form)
        {
            return await client.PostAsync(page, form);
        }
    }

    /// <summary>A small, real PDF (one empty page), padded with a comment to <paramref name="size"/> bytes when given.</summary>
    private static byte[] Pdf(int size = 0)
    {
        var body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n";
        var padding = Math.Max(0, size - body.Length - 6);
        return Encoding.ASCII.GetBytes(body + (padding > 0 ? "%" + new string('x', padding - 1) + "\n" : "") + "%%EOF\n");
    }

    /// <summary>A minimal DOCX: the OOXML package with its content types and the main document part.</summary>
    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bijlage</w:t></w:r></w:p></w:body></w:document>""");
        }

        return stream.ToArray();

        static void Write(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }
    }

    private Task<ProposalDocument> StoreDocumentAsync(string instanceId, string name, byte[] content, bool confidential) => host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<HostDbContext>();
        var document = new ProposalDocument
        {
            Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, FileName = name,
            ContentType = name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Size = content.Length, Sha256 = "", Content = content, Confidential = confidential, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
        };
        db.ProposalDocuments.Add(document);
        await db.SaveChangesAsync();
        return document;
    });

    private Task<List<ProposalDocument>> DocumentsAsync(System.Linq.Expressions.Expression<Func<ProposalDocument, bool>> where) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().ProposalDocuments.AsNoTracking().Where(where).ToListAsync());

    /// <summary>The id of the newest instance (ids sort by creation), or null: a refused start leaves it as it was.</summary>
    private Task<string?> NewestInstanceIdAsync() => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowReader>().PageSummariesAsync(InstanceQuery.All, null, 1)).Items.SingleOrDefault()?.Id);

    private Task<InstanceView> InstanceAsync(string id) => host.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(id)) ?? throw new InvalidOperationException($"No instance {id}."));

    private Task<AdviesRoute.Activities.Governance.Model.Member> PortfolioHolderAsync() => host.WithScopeAsync(sp =>
    {
        var model = sp.GetRequiredService<IGovernanceDirectory>().Current.Model;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Task.FromResult(model.MembersOf("db", today).First(m => m.Role != AdviesRoute.Activities.Governance.Model.MemberRole.Plaatsvervanger));
    });

    private Task<AdviesRoute.Activities.Calendar.Meeting> ComingMeetingAsync() => host.WithScopeAsync(sp =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Task.FromResult(sp.GetRequiredService<IGovernanceDirectory>().Current.Calendar.MeetingsOf("ab").First(m => m.Date > today));
    });
}
