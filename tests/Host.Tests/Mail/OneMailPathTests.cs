using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>The host with its Message-Ids at a domain of its own (<c>Mail:MessageIdDomain</c>); mail to the pickup folder.</summary>
public sealed class MessageIdDomainHostFixture : MailHostFixture
{
    public const string Domain = "post.samendrenthe.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:MessageIdDomain", Domain);
    }
}

/// <summary>
/// One mail path: every kind of mail, written by a step or queued by the host, goes out through the outbox in the one
/// layout with a Message-Id from the one maker; and rows the previous version stored are still delivered as they were.
/// </summary>
public sealed partial class OneMailPathTests(MessageIdDomainHostFixture host) : IClassFixture<MessageIdDomainHostFixture>
{
    private const string Secretariat = "secretariaat.postpad@samendrenthe.example.org";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_kind_of_mail_has_the_one_layout_a_plain_text_alternative_no_codes_and_a_message_id_from_the_maker()
    {
        await EnsureSecretaryAsync();
        var title = "Eén postpad " + Guid.NewGuid().ToString("N")[..6];

        // A step writes the requests; the host queues the rest, each the way its feature does.
        var definitionId = Definitions.UniqueId("postpad");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": [] }"""));
        var instanceId = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title, ["samenvatting"] = "Wat het voorstel regelt." }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var protection = host.Services.GetRequiredService<IDataProtectionProvider>();
        var queued = await outbox.EnqueueAsync(
        [
            MailQueue.Entry(OneTimeCodeMail.For(protection, new MailAddress("Roos Zijlstra", "roos.postpad@example.org"), "402913")),
            MailQueue.Entry(new AddressChangedMail(new MailAddress("Roos Zijlstra", "roos.oud.postpad@example.org"))),
            MailQueue.Entry(new SecretariatNotice($"Niet bezorgd: verzoek aan Roos Zijlstra over {title}", ["Het verzoek kon niet worden bezorgd.", "Controleer het adres."])),
            MailQueue.Entry(MailHostFixture.SampleConvocation("Dagelijks bestuur") with { To = new MailAddress("Bert Jansen", "bert.postpad@example.org") }),
            MailQueue.Entry(new WeeklyDigestMail(new MailAddress("Bestuurssecretariaat", Secretariat), new DateOnly(2027, 3, 1),
                [new WeeklyDigestMail.Task(title, "Voorbereiding afronden", "uiterlijk 5 maart 2027", true, "/Voorstellen/" + instanceId)])),
            new OutboxEntry("melding", JsonNode.Parse($$"""
                { "soort": "besluitGenomen", "onderwerp": "Besluit genomen: {{title}}", "tekst": "Het dagelijks bestuur heeft besloten.",
                  "aan": [ { "lid": "m063", "naam": "Roos Zijlstra", "email": "roos.melding@example.org" }, { "lid": "m064", "naam": "Henk Bos", "email": "henk.melding@example.org" } ],
                  "voorstel": { "titel": "{{title}}" } }
                """)!.AsObject(), instanceId),
        ], CancellationToken.None);
        queued.Should().HaveCount(6);

        var rows = await WaitForRowsAsync(r => queued.Contains(r.Id) || (r.InstanceId == instanceId && r.Kind == "verzoek"), queued.Count + 5);
        var files = await MailsAsync(rows.Count + 1);

        foreach (var row in rows)
        {
            row.MessageId.Should().Be($"<{row.Id}@{MessageIdDomainHostFixture.Domain}>", "the {0} row's Message-Id is the maker's, at the configured domain", row.Kind);
        }

        var kinds = new List<string>();
        foreach (var row in rows)
        {
            var copies = row.Kind == "melding" ? new[] { 1, 2 } : [0];
            foreach (var copy in copies)
            {
                var messageId = copy == 0 ? row.MessageId : $"<{row.Id}.{copy}@{MessageIdDomainHostFixture.Domain}>";
                var mail = files.Should().ContainKey(messageId.Trim('<', '>'), "the {0} mail was delivered with its Message-Id", row.Kind).WhoseValue;
                AssertOneLayout(mail, row.Kind);
                kinds.Add(row.Kind);
            }
        }

        kinds.Distinct().Should().BeEquivalentTo(["verzoek", "melding", "mail.code.v1", "mail.adres-gewijzigd.v1", "mail.secretariaat.v1", "mail.convocatie.v1", "mail.weekoverzicht.v1"]);
        var code = files.Values.Single(m => m.Subject == "Uw code voor de vertrouwelijke stukken" && m.To.Mailboxes.Single().Address == "roos.postpad@example.org");
        code.TextBody.Should().Contain("Uw code om de vertrouwelijke stukken te openen is: 402913");
        rows.Single(r => r.Kind == "mail.code.v1").PayloadJson.Should().NotContain("402913", "the outbox row keeps the code encrypted");
    }

    [Fact]
    public async Task Outbox_rows_stored_by_the_previous_version_are_delivered_in_the_one_layout_with_their_stored_message_id()
    {
        // As the previous version wrote them: the payload shapes of its steps, and a Message-Id at @adviesroute.
        var instanceId = "voorstel-" + Guid.NewGuid().ToString("N")[..8];
        var request = Guid.NewGuid().ToString("N");
        var notification = Guid.NewGuid().ToString("N");
        var expires = DateTimeOffset.UtcNow.AddDays(14).ToString("O");
        // Written straight into the engine's table, as a row of the previous version lies there.
        await using (var connection = new SqliteConnection($"Data Source={host.DatabasePath}"))
        {
            await connection.OpenAsync();
            foreach (var (id, kind, payload) in new[]
            {
                (request, "verzoek", $$$"""{"soort":"verzoekStem","activiteit":"besluit","ronde":1,"zetel":"m063","aan":{"lid":"m063","naam":"Roos Zijlstra","email":"roos.zijlstra@assen.example.org"},"orgaanId":"db","orgaanNaam":"Dagelijks bestuur","keuzes":["voor","tegen","onthouding"],"uiterlijk":"uiterlijk 20 januari 2027 (schriftelijke ronde van 2 weken)","verlooptOp":"{{{expires}}}","onderwerp":"Verzoek om uw stem: {titel}","tekst":"Beste {naam},\n\nHet {orgaan} besluit schriftelijk over \"{titel}\". Wilt u uw stem uitbrengen, {uiterlijk}?","voorstel":{"titel":"Oude rij {{{instanceId}}}","samenvatting":null,"documenten":[{"naam":"Raadsvoorstel.pdf","url":"https://stukken.example.org/raadsvoorstel.pdf"}]}}"""),
                (notification, "melding", $$$"""{"soort":"besluitGenomen","onderwerp":"Besluit genomen: Oude rij {{{instanceId}}}","tekst":"Het dagelijks bestuur heeft besloten.","aan":[{"lid":"m063","naam":"Roos Zijlstra","email":"roos.oud.melding@example.org"},{"lid":"m064","naam":"Henk Bos","email":"henk.oud.melding@example.org"}],"voorstel":{"titel":"Oude rij {{{instanceId}}}","samenvatting":null}}"""),
            })
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO "Outbox" ("Id", "InstanceId", "Kind", "PayloadJson", "MessageId", "CreatedAt", "SentAt", "Attempts", "LastError")
                    VALUES ($id, $instance, $kind, $payload, $messageId, $createdAt, NULL, 0, NULL)
                    """;
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$instance", instanceId);
                insert.Parameters.AddWithValue("$kind", kind);
                insert.Parameters.AddWithValue("$payload", payload);
                insert.Parameters.AddWithValue("$messageId", $"<{id}@adviesroute>");
                insert.Parameters.AddWithValue("$createdAt", DateTime.UtcNow);
                (await insert.ExecuteNonQueryAsync()).Should().Be(1);
            }
        }

        // Left unsent by the previous version: re-queued, as at start-up.
        host.Services.GetRequiredService<OutboxDispatcher>().Dispatch([request, notification]);
        var sent = await host.WaitForOutboxAsync([request, notification], m => m.SentAt is not null, Delivery);

        sent.Should().OnlyContain(m => m.SentAt != null && m.LastError == null);
        sent.Select(m => m.MessageId).Should().BeEquivalentTo([$"<{request}@adviesroute>", $"<{notification}@adviesroute>"], "a stored Message-Id is kept");
        var files = await MailsAsync(3);
        var requestMail = files.Should().ContainKey($"{request}@adviesroute").WhoseValue;
        AssertOneLayout(requestMail, "verzoek");
        requestMail.To.Mailboxes.Single().Address.Should().Be("roos.zijlstra@assen.example.org");
        requestMail.Subject.Should().Be($"Verzoek om uw stem: Oude rij {instanceId}");
        requestMail.TextBody.Should().Contain("Het Dagelijks bestuur besluit schriftelijk over \"Oude rij").And.Contain("- Raadsvoorstel.pdf\n  https://stukken.example.org/raadsvoorstel.pdf")
            .And.Contain("Termijn: uiterlijk 20 januari 2027 (schriftelijke ronde van 2 weken)").And.MatchRegex(@"Open uw verzoek:\r?\nhttps?://\S+/verzoek/[A-Za-z0-9_-]{43}");
        AssertOneLayout(files.Should().ContainKey($"{notification}.1@adviesroute").WhoseValue, "melding");
        AssertOneLayout(files.Should().ContainKey($"{notification}.2@adviesroute").WhoseValue, "melding");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().SingleAsync(l => l.InstanceId == instanceId)))
            .Email.Should().Be("roos.zijlstra@assen.example.org", "the old request's link is stored as any other");
    }

    /// <summary>The parts every mail has: the sender's name on top, the footer below, and the same in plain text; no code, ISO date or null.</summary>
    private static void AssertOneLayout(MimeMessage mail, string kind)
    {
        mail.Body.Should().NotBeNull();
        var alternative = mail.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).Select(p => p.ContentType.MimeType).ToList();
        alternative.Should().Equal(["text/plain", "text/html"], "the {0} mail has a plain-text alternative", kind);
        var html = mail.HtmlBody!;
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        html.Should().StartWith("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
            + WebUtility.HtmlEncode(mail.Subject), "the {0} mail is laid out by the one layout", kind);
        html.Should().Contain("font-weight:bold;color:#01689b\">SamenDrenthe (AdviesRoute)</p>", "the {0} mail has the header", kind)
            .And.Contain("Deze mail is automatisch verstuurd door SamenDrenthe (AdviesRoute).", "the {0} mail has the footer", kind)
            .And.EndWith("</p></div></body></html>");
        text.Should().MatchRegex(@"\n\n-- \nDeze mail is automatisch verstuurd door SamenDrenthe \(AdviesRoute\)\.[^\n]*\n$", "the {0} mail's plain text ends with the footer", kind);
        foreach (var (part, content) in new[] { ("html", Visible(html)), ("text", text) })
        {
            var words = UrlPattern().Replace(content, " ");
            words.Should().NotMatchRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b", "the {0} mail's {1} shows no code such as verzoekStem", kind, part)
                .And.NotMatchRegex(@"\bP\d+[YMWD]\b|\d{4}-\d{2}-\d{2}|\bnull\b|\bundefined\b|\{[a-z]+\}", "the {0} mail's {1} shows no period, ISO date, null or placeholder", kind, part);
        }
    }

    private static string Visible(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    private async Task EnsureSecretaryAsync() => await host.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<HostUser>>();
        if (await users.FindByEmailAsync(Secretariat) is null)
        {
            var secretary = new HostUser { UserName = Secretariat, Email = Secretariat, DisplayName = "Bestuurssecretariaat" };
            (await users.CreateAsync(secretary, "Proef-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(secretary, Roles.Secretary)).Succeeded.Should().BeTrue();
        }

        return true;
    });

    /// <summary>Waits (real time, bounded) for at least <paramref name="count"/> outbox rows that match, all sent.</summary>
    private async Task<List<MailOutboxRow>> WaitForRowsAsync(Func<MailOutboxRow, bool> where, int count)
    {
        var deadline = DateTime.UtcNow.Add(Delivery);
        while (true)
        {
            var rows = (await host.OutboxRowsAsync()).Where(where).ToList();
            if ((rows.Count >= count && rows.All(r => r.SentAt is not null)) || DateTime.UtcNow > deadline)
            {
                rows.Should().HaveCount(count).And.OnlyContain(r => r.SentAt != null && r.LastError == null);
                return rows;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The mails in the pickup folder by bare Message-Id, once there are at least <paramref name="count"/>.</summary>
    private async Task<Dictionary<string, MimeMessage>> MailsAsync(int count)
    {
        var deadline = DateTime.UtcNow.Add(Delivery);
        while (true)
        {
            var mails = Directory.Exists(host.PickupFolder) ? Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList() : [];
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                return mails.ToDictionary(m => m.MessageId ?? "");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
