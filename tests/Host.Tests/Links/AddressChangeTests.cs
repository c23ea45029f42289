using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// A member's address decides where links and codes go: only an administrator may change it, and a change moves the
/// member's open links to the new address (the old ones are revoked, the old address is told).
/// </summary>
public sealed class AddressChangeTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Old = "sander.kamps@emmen.example.org";
    private const string New = "s.kamps@emmen.example.org";

    [Fact]
    public async Task A_process_owner_who_changes_an_address_gets_403_and_nothing_is_stored()
    {
        using var owner = host.ProcessOwner();
        var before = await owner.GetFromJsonAsync<JsonElement>("/api/governance");
        var member = Member("m065");
        member["email"] = "iemand.anders@example.org";
        var document = JsonNode.Parse(before.GetProperty("document").GetRawText())!.AsObject();
        document["members"]!.AsArray().Single(m => (string?)m!["id"] == "m065")!["email"] = "iemand.anders@example.org";

        using var one = await owner.PutAsync("/api/governance/members/m065", Json(member.ToJsonString()));
        using var whole = await owner.PutAsync("/api/governance", Json(document.ToJsonString()));

        foreach (var response in new[] { one, whole })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should()
                .StartWith("Alleen een beheerder mag het e-mailadres van een lid wijzigen");
        }

        var after = await owner.GetFromJsonAsync<JsonElement>("/api/governance");
        after.GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64(), "nothing was stored");
        EmailOf(after, "m065").Should().Be(EmailOf(before, "m065"));

        // Other changes by a process owner are still stored.
        var renamed = Member("m065");
        renamed["name"] = renamed["name"]!.GetValue<string>() + " (wethouder)";
        using var name = await owner.PutAsync("/api/governance/members/m065", Json(renamed.ToJsonString()));
        name.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrators_address_change_moves_the_open_link_to_the_new_address_and_tells_the_old_one()
    {
        var definitionId = Definitions.UniqueId("adres");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "vroegBesluiten": false, "herinneringen": [] }"""));
        var title = "Gezamenlijke inkoop van zout " + Guid.NewGuid().ToString("N")[..6];
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, new JsonObject
        {
            ["titel"] = title,
            ["documenten"] = new JsonArray(new JsonObject { ["naam"] = "Notitie", ["url"] = "https://stukken.example.org/geheim/zout.pdf", ["vertrouwelijk"] = true }),
        }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var old = (await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith(title, StringComparison.Ordinal))).Single(m => m.To == Old);
        await WaitAsync(() => host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AnyAsync(l => l.InstanceId == id && l.MemberId == "m064")));

        // The administrator corrects Sander Kamps's address.
        using var admin = await host.SignInForApiAsync();
        var member = Member("m064");
        member["email"] = New;
        using var changed = await admin.PutAsync("/api/governance/members/m064", Json(member.ToJsonString()));
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        // At once the old link opens nothing and gets no code: the proposal stays hidden from the old address.
        using var browser = host.Anonymous();
        using var page = await browser.GetAsync(old.Path);
        page.StatusCode.Should().Be(HttpStatusCode.Gone);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.Should().Contain("Deze link is ingetrokken").And.NotContain(title);
        var antiforgery = HostFixture.AntiforgeryToken(await browser.GetStringAsync("/Account/Login"));
        using var code = await browser.PostAsync(old.Path + "?handler=code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        code.StatusCode.Should().Be(HttpStatusCode.Gone);

        // The change itself starts the job: a new link at the new address, and a short notice at the old one.
        var fresh = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == New && m.Subject.EndsWith(title, StringComparison.Ordinal))).Single();
        fresh.Token.Should().NotBe(old.Token);
        fresh.Text.Should().Contain("Uw e-mailadres is gewijzigd.");
        var notice = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == Old && m.Subject == "Uw e-mailadres voor AdviesRoute is gewijzigd")).Single();
        notice.Link.Should().BeEmpty("the notice carries no link");
        notice.Text.Should().NotContain(title).And.NotContain(New).And.Contain("werken niet meer");
        await WaitAsync(() => host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AnyAsync(l => l.InstanceId == id && l.MemberId == "m064" && l.Generation == 1)));

        // The new link works, and its code goes to the new address.
        var freshPage = await browser.GetStringAsync(fresh.Path);
        WebUtility.HtmlDecode(freshPage).Should().Contain(title);
        using var freshCode = await browser.PostAsync(fresh.Path + "?handler=code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(freshPage) }));
        freshCode.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.Subject == "Uw code voor de vertrouwelijke stukken");
        codes.Should().OnlyContain(m => m.To == New);

        // Running the job again sends nothing more.
        (await host.WithScopeAsync(sp => sp.GetRequiredService<AddressChangeJob>().RunAsync(CancellationToken.None))).Should().Be(0);
        (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == New && m.Subject.EndsWith(title, StringComparison.Ordinal))).Should().ContainSingle();
        (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.To == Old && m.Subject == "Uw e-mailadres voor AdviesRoute is gewijzigd")).Should().ContainSingle();
        var links = await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking()
            .Where(l => l.InstanceId == id && l.MemberId == "m064").OrderBy(l => l.Generation).ToListAsync());
        links.Select(l => (l.Generation, l.Email, l.RevokedAt is null, l.RevokedBy)).Should().Equal(
            (0, Old, false, LinkRevocation.SystemActor), (1, New, true, (string?)null));
    }

    [Fact]
    public async Task A_request_delivered_after_the_address_changed_goes_to_the_members_current_address()
    {
        // The outbox holds a request written when Roos Zijlstra still had another address; it is delivered only now.
        var instanceId = "instantie-" + Guid.NewGuid().ToString("N")[..8];
        var payload = new JsonObject
        {
            ["soort"] = "verzoekStem", ["activiteit"] = "besluit", ["ronde"] = 1, ["zetel"] = "m063",
            ["aan"] = new JsonObject { ["lid"] = "m063", ["naam"] = "Roos Zijlstra", ["email"] = "roos.oud@assen.example.org" },
            ["verlooptOp"] = DateTimeOffset.UtcNow.AddDays(14).ToString("O"), ["onderwerp"] = "Verzoek: {titel}", ["tekst"] = "Beste {naam},",
            ["voorstel"] = new JsonObject { ["titel"] = "Uitgestelde bezorging " + instanceId },
        };

        (await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxEntry(RequestMails.OutboxKind, payload, instanceId), CancellationToken.None)).Should().BeTrue();

        var mail = (await LinkMail.InFolderAsync(host.MailFolder, 1, m => m.Subject.EndsWith(instanceId, StringComparison.Ordinal))).Single();
        mail.To.Should().Be("roos.zijlstra@assen.example.org");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.SingleAsync(l => l.InstanceId == instanceId)))
            .Email.Should().Be("roos.zijlstra@assen.example.org");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await condition()).Should().BeTrue();
    }

    private static string? EmailOf(JsonElement governance, string memberId) =>
        governance.GetProperty("document").GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == memberId).GetProperty("email").GetString();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
