using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>A meeting's agenda built from the proposals on it, the convocation, and the besluitenlijst with its public version.</summary>
public sealed class MeetingTests(HostFixture host) : IClassFixture<HostFixture>
{

    [Fact]
    public async Task The_agenda_is_ordered_sent_to_the_members_and_the_public_besluitenlijst_leaves_out_what_is_confidential()
    {
        var today = host.Today;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00")), "test"));
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        async Task<(string Id, string MeetingBookmark)> ToDbAsync(string title, JsonArray? documents = null)
        {
            var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
            if (documents is not null)
            {
                input["documenten"] = documents;
            }

            var started = await runtime.StartAsync("voorstel", input, new Trigger("test", Channel.Api));
            var atDb = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
            return (started.InstanceId, atDb.Bookmarks.Single(b => b.Name == "Vergadering").Id);
        }

        var first = await ToDbAsync("Rapportage eerste vier maanden", new JsonArray(
            new JsonObject { ["naam"] = "Notitie personeel", ["vertrouwelijk"] = true }, new JsonObject { ["naam"] = "Rapportage" }));
        var second = await ToDbAsync("Aanpassing tarieven");

        // Stored stukken of the first proposal: one open PDF, one confidential.
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdviesRoute.Host.Data.HostDbContext>();
            foreach (var (name, confidential) in new[] { ("rapportage.pdf", false), ("notitie-personeel.pdf", true) })
            {
                var content = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% " + name + "\n%%EOF\n");
                db.ProposalDocuments.Add(new AdviesRoute.Host.Proposals.Documents.ProposalDocument
                {
                    Id = Guid.NewGuid().ToString("N"), InstanceId = first.Id, FileName = name, ContentType = "application/pdf", Size = content.Length,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content, Confidential = confidential,
                    UploadedBy = "test", UploadedAt = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        using var secretary = await host.SignInAsync();
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync("/Vergaderingen/db-proef"));
        page.Should().Contain("Rapportage eerste vier maanden").And.Contain("Aanpassing tarieven");

        // The tarieven become the first item, a hamerstuk.
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HostFixture.AntiforgeryToken(page)),
            new("stuk", first.Id), new("volgorde", "2"), new("soort", "bespreekstuk"),
            new("stuk", second.Id), new("volgorde", "1"), new("soort", "hamerstuk"),
        };
        var saved = WebUtility.HtmlDecode(await (await secretary.PostAsync("/Vergaderingen/db-proef?handler=opslaan", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        saved.Should().Contain("De agenda is opgeslagen.");
        saved.IndexOf("Aanpassing tarieven", StringComparison.Ordinal).Should().BeLessThan(saved.IndexOf("Rapportage eerste vier maanden", StringComparison.Ordinal));

        // The documents deadline (10 working days before a meeting 20 days ahead) falls within the week: sending the
        // convocation is the secretary's task until it went out.
        saved.Should().Contain("Nog niet verstuurd.");
        var tasks = WebUtility.HtmlDecode(await secretary.GetStringAsync("/Voorstellen/Taken"));
        tasks.Should().Contain("Convocatie met agenda en stukken versturen (2 agendapunten)").And.Contain("<a href=\"/Vergaderingen/db-proef\">Dagelijks bestuur");

        // The convocation goes to the five DB members with the agenda in that order, and the meeting keeps that it went.
        var preview = await secretary.GetStringAsync("/Vergaderingen/db-proef/Convocatie");
        var convocation = new Dictionary<string, string> { ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(preview), ["zeker"] = "ja" };
        var sent = WebUtility.HtmlDecode(await (await secretary.PostAsync("/Vergaderingen/db-proef/Convocatie", new FormUrlEncodedContent(convocation))).Content.ReadAsStringAsync());
        sent.Should().Contain("De convocatie is verstuurd aan 5 leden.")
            .And.MatchRegex($"Verstuurd op [^<]+ door {System.Text.RegularExpressions.Regex.Escape(HostFixture.AdminEmail)} aan 5 leden, met 2 agendapunten\\.")
            .And.Contain("Convocatie opnieuw versturen");
        WebUtility.HtmlDecode(await secretary.GetStringAsync("/Voorstellen/Taken")).Should().NotContain("Convocatie met agenda en stukken versturen");
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.StartsWith("Convocatie Dagelijks bestuur", StringComparison.Ordinal));
        mails.Should().HaveCount(5);
        // The whole agenda as the meeting page numbers it: the standard items around the proposals, hamerstukken first.
        mails[0].Text.Should().Contain("1. Opening\n2. Vaststelling van de agenda\n3. Besluitenlijst van de vorige vergadering\n4. Ingekomen stukken\n5. Mededelingen\n"
            + "6. Aanpassing tarieven – hamerstuk\n7. Rapportage eerste vier maanden – bespreekstuk (stukken: Notitie personeel, vertrouwelijk, Rapportage)\n8. Rondvraag\n9. Sluiting")
            .And.Contain("De openbare stukken zitten bij deze mail. Vertrouwelijke stukken gaan niet per mail.");
        var eml = Directory.GetFiles(host.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).First(m => (m.Subject ?? "").StartsWith("Convocatie", StringComparison.Ordinal));
        eml.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).Should().Equal("rapportage.pdf", "uitnodiging.ics");

        // On the meeting's day the DB decides the first with a remark; the besluitenlijst shows it, the public one without the remark and the confidential note.
        host.MoveClockTo(today.AddDays(20));
        await runtime.ResumeAsync(first.Id, first.MeetingBookmark, new JsonObject { ["uitkomst"] = "vastgesteld", ["toelichting"] = "Personele gevolgen besproken" }, new Trigger("test", Channel.Api));
        using var afterMeeting = await host.SignInAsync(); // the session of three weeks ago has ended
        var decisions = WebUtility.HtmlDecode(await afterMeeting.GetStringAsync("/Vergaderingen/db-proef/Besluitenlijst"));
        decisions.Should().Contain("Rapportage eerste vier maanden").And.Contain("Besluit: <strong>vastgesteld</strong>")
            .And.Contain("Toelichting: Personele gevolgen besproken").And.Contain("Notitie personeel (vertrouwelijk)").And.NotContain("Aanpassing tarieven");
        var open = WebUtility.HtmlDecode(await afterMeeting.GetStringAsync("/Vergaderingen/db-proef/Besluitenlijst?openbaar=1"));
        open.Should().Contain("openbare versie").And.Contain("Rapportage eerste vier maanden").And.Contain("vastgesteld")
            .And.NotContain("Personele gevolgen besproken").And.NotContain("Notitie personeel");
        (await afterMeeting.GetAsync("/Vergaderingen/bestaat-niet")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
