using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// A personal link lists and serves the documents of its request only while that request is open, never a document
/// marked for another body, and asks for no one-time code once the request has closed, expired or passed to a new round.
/// An altered token, or a stored hash that matches only at its start, opens nothing.
/// </summary>
public sealed partial class LinkDocumentAccessTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>A proposal on a written DB round, with an open, a confidential and an AB-only stored document.</summary>
    internal sealed record Started(string Id, List<LinkMail> Mails, string OpenDocument, string ConfidentialDocument, string AbDocument);

    internal static async Task<Started> StartAsync(HostFixture host, string title, bool againOnRejection = false)
    {
        var definitionId = Definitions.UniqueId("stukkenlink");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }""", againOnRejection: againOnRejection));
        var (open, confidential, ab) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new JsonObject
        {
            ["titel"] = title,
            ["documenten"] = new JsonArray(
                new JsonObject { ["naam"] = "Raadsvoorstel.pdf", ["id"] = open, ["vertrouwelijk"] = false },
                new JsonObject { ["naam"] = "Personele gevolgen.pdf", ["id"] = confidential, ["vertrouwelijk"] = true },
                new JsonObject { ["naam"] = "Notitie voor het AB.pdf", ["id"] = ab, ["vertrouwelijk"] = false, ["alleenVoor"] = "ab" }),
        }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostDbContext>();
            db.ProposalDocuments.AddRange(Document(id, open, "Raadsvoorstel.pdf", false, null), Document(id, confidential, "Personele gevolgen.pdf", true, null),
                Document(id, ab, "Notitie voor het AB.pdf", false, "ab"));
            return await db.SaveChangesAsync();
        });
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal));
        // Each link is stored just after its mail is sent.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.CountAsync(l => l.InstanceId == id)) < 5 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return new Started(id, mails, open, confidential, ab);
    }

    internal static ProposalDocument Document(string instanceId, string id, string name, bool confidential, string? forBody) => new()
    {
        Id = id, InstanceId = instanceId, FileName = name, ContentType = "application/pdf", Content = Pdf(), Size = Pdf().Length,
        Sha256 = "", Confidential = confidential, ForBodyId = forBody, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
    };

    internal static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// The link that is no longer open: its page lists no document and offers no code, every document is the same plain
    /// 404 as through an unknown token, and asking for a code anyway sends nothing.
    /// </summary>
    internal static async Task NoDocumentsAndNoCodeAsync(HostFixture host, Started started, LinkMail mail, string antiforgery, string expectedText)
    {
        using var client = host.Anonymous();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(mail.Path));
        page.Should().Contain(expectedText).And.Contain("De stukken zijn via deze link niet meer beschikbaar.")
            .And.NotContain("/stukken/").And.NotContain("Raadsvoorstel.pdf").And.NotContain("Stuur mij een code");

        using var unknown = await client.GetAsync($"/verzoek/{RandomToken()}/stukken/{started.OpenDocument}");
        var unknownBody = await unknown.Content.ReadAsStringAsync();
        foreach (var document in new[] { started.OpenDocument, started.ConfidentialDocument, started.AbDocument })
        {
            using var response = await client.GetAsync($"{mail.Path}/stukken/{document}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).Should().Be(unknownBody);
        }

        var codesBefore = await CodeMailsAsync(host, mail.To);
        using var code = await client.PostAsync(mail.Path + "?handler=code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        var codePage = WebUtility.HtmlDecode(await code.Content.ReadAsStringAsync());
        codePage.Should().NotContain("Er is een code van 6 cijfers gestuurd");
        (await CodeMailsAsync(host, mail.To)).Should().Be(codesBefore, "a link that is no longer open gets no code");
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().SingleAsync(l => l.TokenHash == LinkTokens.Hash(mail.Token)));
        stored.CodeHash.Should().BeNull();
        stored.CodesSent.Should().Be(0);
    }

    /// <summary>The code mails queued for an address: queued before the page answers, so the count is exact at once.</summary>
    internal static async Task<int> CodeMailsAsync(HostFixture host, string to) =>
        (await host.QueuedAsync("mail.code.v1", null)).Count(m => m.PayloadJson.Contains(to, StringComparison.Ordinal));

    internal static string RandomToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task An_open_link_lists_and_serves_its_documents_but_not_one_marked_for_another_body()
    {
        var started = await StartAsync(host, "Stukken bij een open verzoek");
        using var client = host.Anonymous();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(started.Mails[0].Path));

        page.Should().Contain($"/stukken/{started.OpenDocument}").And.Contain("Personele gevolgen.pdf").And.Contain("Stuur mij een code")
            .And.NotContain("Notitie voor het AB.pdf").And.NotContain(started.AbDocument);
        (await client.GetAsync($"{started.Mails[0].Path}/stukken/{started.OpenDocument}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"{started.Mails[0].Path}/stukken/{started.AbDocument}")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "a document marked for the AB is not for a member of the DB");
        started.Mails.Should().OnlyContain(m => !m.Text.Contains("Notitie voor het AB.pdf", StringComparison.Ordinal) && m.Text.Contains("Raadsvoorstel.pdf", StringComparison.Ordinal),
            "the request mail leaves it out too");
    }

    [Fact]
    public async Task A_closed_link_gets_no_document_and_no_code()
    {
        var started = await StartAsync(host, "Stukken na een gesloten ronde");
        using var member = host.Anonymous();
        var antiforgery = HostFixture.AntiforgeryToken(await member.GetStringAsync(started.Mails[4].Path));

        foreach (var mail in started.Mails.Take(3))
        {
            using var voter = host.Anonymous();
            await mail.ChooseAsync(voter, "voor");
        }

        await NoDocumentsAndNoCodeAsync(host, started, started.Mails[4], antiforgery, "Deze ronde is gesloten.");
    }

    [Fact]
    public async Task An_expired_link_gets_no_document_and_no_code()
    {
        var started = await StartAsync(host, "Stukken na de termijn");
        using var member = host.Anonymous();
        var antiforgery = HostFixture.AntiforgeryToken(await member.GetStringAsync(started.Mails[1].Path));

        // The step's deadline as the link stores it has passed (the round itself is still waiting for its timer).
        await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.Where(l => l.TokenHash == LinkTokens.Hash(started.Mails[1].Token))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddHours(-1))));

        await NoDocumentsAndNoCodeAsync(host, started, started.Mails[1], antiforgery, "De termijn van dit verzoek is verlopen.");
    }

    [Fact]
    public async Task A_link_of_an_earlier_round_gets_no_document_and_no_code()
    {
        var started = await StartAsync(host, "Stukken van een eerdere ronde", againOnRejection: true);
        using var member = host.Anonymous();
        var antiforgery = HostFixture.AntiforgeryToken(await member.GetStringAsync(started.Mails[4].Path));

        // Three members reject: the step asks again in round 2, with new links.
        foreach (var mail in started.Mails.Take(3))
        {
            using var voter = host.Anonymous();
            await mail.ChooseAsync(voter, "tegen");
        }

        await LinkMail.InFolderAsync(host.MailFolder, 10, m => m.Subject.EndsWith("Stukken van een eerdere ronde", StringComparison.Ordinal));
        await NoDocumentsAndNoCodeAsync(host, started, started.Mails[4], antiforgery, "Deze link hoort bij een eerdere ronde, die gesloten is.");
    }

    [Fact]
    public async Task A_token_altered_in_any_one_position_gets_the_same_page_as_a_random_token()
    {
        var started = await StartAsync(host, "Gewijzigde links");
        var token = started.Mails[2].Token;
        using var client = host.Anonymous();

        var random = RandomToken();
        var (randomStatus, randomPage) = await PageAsync(client, random);
        randomStatus.Should().Be(HttpStatusCode.NotFound);
        using var randomDocument = await client.GetAsync($"/verzoek/{random}/stukken/{started.OpenDocument}");
        var randomDocumentBody = await randomDocument.Content.ReadAsStringAsync();
        foreach (var position in new[] { 0, token.Length / 2, token.Length - 1 })
        {
            // The lowest bit of the character flipped: in the last character that bit carries no data, so a lenient
            // base64 decoder would still find the real token; the link must not.
            var replacement = Base64Url[Base64Url.IndexOf(token[position], StringComparison.Ordinal) ^ 1];
            var altered = token[..position] + replacement + token[(position + 1)..];
            altered.Should().NotBe(token);

            var (status, page) = await PageAsync(client, altered);
            status.Should().Be(HttpStatusCode.NotFound, $"position {position}");
            page.Should().Be(randomPage, $"a token altered at position {position} is answered like a random one");
            using var document = await client.GetAsync($"/verzoek/{altered}/stukken/{started.OpenDocument}");
            document.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await document.Content.ReadAsStringAsync()).Should().Be(randomDocumentBody);
        }
    }

    [Fact]
    public async Task A_stored_hash_that_matches_only_in_its_first_characters_opens_nothing()
    {
        var started = await StartAsync(host, "Bijna dezelfde hash");
        var real = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking()
            .SingleAsync(l => l.TokenHash == LinkTokens.Hash(started.Mails[3].Token)));

        // A token that looks real but was never stored, and a stored row (of the same request) whose hash shares the
        // first 48 hex characters of that token's hash and differs after.
        var unstored = RandomToken();
        var hash = LinkTokens.Hash(unstored);
        var lookalike = hash[..48] + string.Concat(hash[48..].Select(c => c == '0' ? '1' : '0'));
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostDbContext>();
            db.MailLinks.Add(new MailLink
            {
                TokenHash = lookalike, InstanceId = real.InstanceId, ActivityId = real.ActivityId, Round = real.Round, TargetKind = real.TargetKind,
                TargetId = real.TargetId, MemberId = real.MemberId, MemberName = real.MemberName, Email = real.Email, Kind = real.Kind,
                CreatedAt = real.CreatedAt, ExpiresAt = real.ExpiresAt,
            });
            return await db.SaveChangesAsync();
        });
        using var client = host.Anonymous();

        var (randomStatus, randomPage) = await PageAsync(client, RandomToken());
        var (status, page) = await PageAsync(client, unstored);
        using var document = await client.GetAsync($"/verzoek/{unstored}/stukken/{started.OpenDocument}");

        randomStatus.Should().Be(HttpStatusCode.NotFound);
        status.Should().Be(HttpStatusCode.NotFound);
        page.Should().Be(randomPage).And.NotContain("Bijna dezelfde hash");
        document.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public async Task A_secretary_marks_an_added_document_for_the_AB_and_the_DB_members_link_neither_lists_nor_serves_it()
    {
        var started = await StartAsync(host, "Stuk alleen voor het AB");
        using var admin = await host.SignInAsync();
        var form = $"/Voorstellen/{started.Id}/Stuk";
        WebUtility.HtmlDecode(await admin.GetStringAsync(form)).Should().Contain("<option value=\"\">Iedereen die het voorstel ontvangt</option>")
            .And.Contain("<option value=\"ab\">");

        using var forAb = await PostDocumentAsync(admin, form, "ab-notitie.pdf", "ab");
        using var forDb = await PostDocumentAsync(admin, form, "db-notitie.pdf", "db");

        forAb.StatusCode.Should().Be(HttpStatusCode.Redirect);
        forDb.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().ProposalDocuments.AsNoTracking()
            .Where(d => d.InstanceId == started.Id && d.UploadedBy != "test").ToListAsync());
        var ab = stored.Single(d => d.FileName == "ab-notitie.pdf");
        ab.ForBodyId.Should().Be("ab");
        var db = stored.Single(d => d.FileName == "db-notitie.pdf");
        db.ForBodyId.Should().Be("db");
        var input = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(started.Id)))!.Input["documenten"]!.AsArray();
        input.Single(d => d!["id"]!.GetValue<string>() == ab.Id)!["alleenVoor"]!.GetValue<string>().Should().Be("ab");

        using var member = host.Anonymous();
        var page = WebUtility.HtmlDecode(await member.GetStringAsync(started.Mails[0].Path));
        page.Should().Contain("db-notitie.pdf").And.NotContain("ab-notitie.pdf");
        (await member.GetAsync($"{started.Mails[0].Path}/stukken/{db.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.GetAsync($"{started.Mails[0].Path}/stukken/{ab.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PostDocumentAsync(HttpClient client, string page, string fileName, string forBody)
    {
        var token = HostFixture.AntiforgeryToken(await client.GetStringAsync(page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(forBody), "AlleenVoor" },
        };
        var file = new ByteArrayContent(Pdf());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Bestand", fileName);
        return await client.PostAsync(page, form);
    }

    /// <summary>The page for a token, with the token and any anti-forgery or nonce values taken out.</summary>
    private static async Task<(HttpStatusCode Status, string Page)> PageAsync(HttpClient client, string token)
    {
        using var response = await client.GetAsync("/verzoek/" + token);
        var body = (await response.Content.ReadAsStringAsync()).Replace(token, "", StringComparison.Ordinal);
        return (response.StatusCode, VaryingValues().Replace(body, "\"…\""));
    }

    [GeneratedRegex("(?<=(value|nonce)=)\"[^\"]*\"")]
    private static partial Regex VaryingValues();
}
