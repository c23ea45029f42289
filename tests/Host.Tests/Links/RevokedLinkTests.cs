using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// A secretary withdraws a personal link (e.g. sent to a wrong address): the old link opens nothing of the proposal and
/// records nothing, and the member gets a new link that works.
/// </summary>
public sealed class RevokedLinkTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Roos = "roos.zijlstra@assen.example.org";

    [Fact]
    public async Task A_revoked_link_opens_nothing_and_the_member_gets_a_new_working_link()
    {
        var (id, title, old) = await StartAsync("Herinrichting van het depot");
        var document = await StoreDocumentAsync(id);
        using var member = host.Anonymous();
        (await member.GetAsync($"{old.Path}/stukken/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the link works before it is revoked");

        // The secretary (here the administrator) withdraws Roos Zijlstra's link on the proposal page, with a reason.
        using var admin = await host.SignInAsync();
        var bookmarkId = await BookmarkOfAsync(id, Roos);
        var detail = await admin.GetStringAsync($"/Voorstellen/{id}");
        WebUtility.HtmlDecode(detail).Should().Contain("Link intrekken").And.Contain("Ja, trek de oude link in en stuur een nieuwe");
        using var refused = await admin.PostAsync($"/Voorstellen/{id}?handler=intrekken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(detail), ["bookmarkId"] = bookmarkId, ["lid"] = "m063", ["reden"] = "",
        }));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a reason and the confirmation are required");
        using var revoked = await admin.PostAsync($"/Voorstellen/{id}?handler=intrekken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(detail), ["bookmarkId"] = bookmarkId, ["lid"] = "m063",
            ["reden"] = "Naar een verkeerd adres gestuurd", ["zeker"] = "ja",
        }));
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync()).Should()
            .Contain("De oude link van Roos Zijlstra is ingetrokken en er is een nieuwe link gestuurd")
            .And.Contain("<strong>Persoonlijke link ingetrokken van Roos Zijlstra; er is een nieuwe link gestuurd; reden: Naar een verkeerd adres gestuurd</strong>");

        // Roos has a new mail with another link.
        var fresh = (await LinkMail.InFolderAsync(host.MailFolder, 2, m => m.To == Roos && m.Subject.EndsWith(title, StringComparison.Ordinal)))
            .Single(m => m.Token != old.Token);
        fresh.Text.Should().Contain("Het secretariaat heeft uw eerdere link ingetrokken.");

        // The old link: its own page, nothing of the proposal, no form.
        using var page = await member.GetAsync(old.Path);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        page.StatusCode.Should().Be(HttpStatusCode.Gone);
        html.Should().Contain("Deze link is ingetrokken").And.Contain("Er is een nieuwe link gestuurd naar het e-mailadres van het lid")
            .And.NotContain(title).And.NotContain("name=\"keuze\"").And.NotContain("depot.pdf").And.NotContain(document.Id);

        // A choice, a code or a document through the old link: nothing.
        var antiforgery = HostFixture.AntiforgeryToken(await member.GetStringAsync(fresh.Path));
        using var vote = await member.PostAsync(old.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["formulier"] = new string('a', 32), ["keuze"] = "voor",
        }));
        vote.StatusCode.Should().Be(HttpStatusCode.Gone);
        using var code = await member.PostAsync(old.Path + "?handler=code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        code.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await member.GetAsync($"{old.Path}/stukken/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JournalAsync(id)).Should().NotContain(j => j.Kind == "stem");

        // The new link works: the document opens and the choice is recorded in Roos's name.
        (await member.GetAsync($"{fresh.Path}/stukken/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (response, _, _) = await fresh.ChooseAsync(member, "voor");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await JournalAsync(id)).Should().ContainSingle(j => j.Kind == "stem").Which.Actor.Should().Be("Roos Zijlstra");

        // Stored: who revoked the old link, when and why; the new one is the next generation.
        var links = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking()
            .Where(l => l.InstanceId == id && l.MemberId == "m063").OrderBy(l => l.Generation).ToListAsync());
        links.Should().HaveCount(2);
        links[0].RevokedAt.Should().NotBeNull();
        (links[0].RevokedBy, links[0].RevokedReason).Should().Be((HostFixture.AdminEmail, "Naar een verkeerd adres gestuurd"));
        (links[1].Generation, links[1].RevokedAt, links[1].Email).Should().Be((1, (DateTime?)null, Roos));
        (await LinkMail.InFolderAsync(host.MailFolder, 0, m => m.Subject == "Uw code voor de vertrouwelijke stukken")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_generation_zero_token_is_the_token_made_before_generations_existed()
    {
        var (id, _, mail) = await StartAsync("Tarieven van de veerpont");
        var link = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking()
            .SingleAsync(l => l.InstanceId == id && l.MemberId == "m063"));

        // The HMAC exactly as links were made before: instance, step, round and member, nothing more.
        var options = host.Services.GetRequiredService<IOptions<RequestLinkOptions>>().Value;
        var keyFile = Path.GetFullPath(Path.Combine(host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.KeyFile));
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(keyFile)).Trim());
        var oldWay = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}\n{link.ActivityId}\n{link.Round}\nm063")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        mail.Token.Should().Be(oldWay);
        link.Generation.Should().Be(0);
        var tokens = host.Services.GetRequiredService<LinkTokens>();
        tokens.For(id, link.ActivityId, link.Round, "m063", 1).Should().NotBe(oldWay, "a later generation is another token");
        using var client = host.Anonymous();
        using var page = await client.GetAsync("/verzoek/" + oldWay);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Should().Contain("Tarieven van de veerpont").And.Contain("name=\"keuze\"");
    }

    private async Task<(string Id, string Title, LinkMail Roos)> StartAsync(string subject)
    {
        var definitionId = Definitions.UniqueId("intrekken");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "vroegBesluiten": false, "herinneringen": [] }"""));
        var title = subject + " " + Guid.NewGuid().ToString("N")[..6];
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal));
        await WaitForLinksAsync(id, 5);
        return (id, title, mails.Single(m => m.To == Roos));
    }

    /// <summary>The mail goes before the link is stored; wait (real time, bounded) until the links are stored too.</summary>
    private async Task WaitForLinksAsync(string id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.CountAsync(l => l.InstanceId == id)) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private async Task<string> BookmarkOfAsync(string id, string email)
    {
        using var secretary = host.Secretary();
        var requests = await secretary.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/requests");
        return requests.EnumerateArray()
            .Single(r => r.GetProperty("addressees").EnumerateArray().Any(a => a.GetProperty("email").GetString() == email))
            .GetProperty("bookmarkId").GetString()!;
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(id));

    private Task<ProposalDocument> StoreDocumentAsync(string instanceId) => host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<HostDbContext>();
        var content = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        var document = new ProposalDocument
        {
            Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, FileName = "depot.pdf", ContentType = "application/pdf",
            Size = content.Length, Sha256 = "", Content = content, Confidential = false, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
        };
        db.ProposalDocuments.Add(document);
        await db.SaveChangesAsync();
        return document;
    });
}
