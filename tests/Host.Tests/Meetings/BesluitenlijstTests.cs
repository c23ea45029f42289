using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Documents;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Host.Tests.Meetings.MeetingTestSupport;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>
/// A meeting with quorum: its agenda with the standard items and an own item; the besluitenlijst with the beslispunten,
/// the outcome, the tally, the attendance and the signature block (full and public), adopted in the next meeting.
/// </summary>
public sealed class BesluitenlijstTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task With_quorum_the_besluitenlijst_shows_beslispunten_outcomes_tallies_and_signatures_and_is_adopted_in_the_next_meeting()
    {
        var today = host.Today;
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(today, ("db", 20, "10:00"), ("db", 40, "10:00")), "test"));
        var open = await ToDbAsync(host, "Rapportage eerste vier maanden", new JsonObject
        {
            ["beslispunten"] = new JsonArray(
                new JsonObject { ["nummer"] = 1, ["tekst"] = "De rapportage over de eerste vier maanden van 2027 vast te stellen." },
                new JsonObject { ["nummer"] = 2, ["tekst"] = "De rapportage ter kennisname te sturen aan de raden." }),
        });
        var closed = await ToDbAsync(host, "Personele reorganisatie", new JsonObject { ["openbaarheid"] = "besloten" });
        var seats = DbSeats(host, today.AddDays(20));
        var meetingDay = AdviesRoute.Activities.Texts.DutchFormat.Day(today.AddDays(20));

        // The agenda: the standard items around the proposals, and an own item after them.
        using (var before = await host.SignInAsync())
        {
            var added = await PostMeetingAsync(before, "db-proef", "toevoegen", [new("titel", "Presentatie GGD-monitor"), new("tekst", "Door de afdeling Epidemiologie.")]);
            added.Page.Should().Contain("Het agendapunt 'Presentatie GGD-monitor' is toegevoegd.");
            var extra = await PostMeetingAsync(before, "db-proef", "toevoegen", [new("titel", "Werkbezoek GGD-kantoor")]);
            var extraId = System.Text.RegularExpressions.Regex.Match(extra.Page, @"punt=(?<id>[0-9a-f]{32})""[^>]*>Verwijderen<span class=""visually-hidden""> \(Werkbezoek").Groups["id"].Value;
            extraId.Should().NotBeEmpty("the own item has a button to remove it");
            var removed = await PostMeetingAsync(before, "db-proef", "verwijderen", [new("punt", extraId)]);
            removed.Page.Should().Contain("Het agendapunt is verwijderd.").And.NotContain("Werkbezoek GGD-kantoor").And.Contain("Presentatie GGD-monitor");
            var empty = await PostMeetingAsync(before, "db-proef", "toevoegen", [new("titel", "  ")]);
            empty.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
            empty.Page.Should().Contain("Geef het agendapunt een titel.");
            var agenda = WebUtility.HtmlDecode(await before.GetStringAsync("/Vergaderingen/db-proef/Agenda"));
            agenda.Should().ContainAll("Opening", "Vaststelling van de agenda", "Besluitenlijst van de vorige vergadering", "Ingekomen stukken", "Mededelingen",
                "Rapportage eerste vier maanden", "Personele reorganisatie", "Presentatie GGD-monitor", "Rondvraag", "Sluiting");
            Order(agenda, "Opening", "Vaststelling van de agenda", "Mededelingen", "Rapportage eerste vier maanden", "Presentatie GGD-monitor", "Rondvraag", "Sluiting");
            WebUtility.HtmlDecode(await before.GetStringAsync("/Vergaderingen/db-proef/Agenda?openbaar=1")).Should().NotContain("Personele reorganisatie");
        }

        // On the day: four present, one with notice; the DB adopts the first by vote (3 voor, 1 tegen) and the closed one.
        host.MoveClockTo(today.AddDays(20));
        using var secretary = await host.SignInAsync();
        var recorded = await PostMeetingAsync(secretary, "db-proef", "aanwezigheid",
            Attendance(seats.Take(4).Select(s => (s.Id, "aanwezig")).Append((seats[4].Id, "kennisgeving"))));
        recorded.Page.Should().Contain("Quorum aanwezig: 4 van 5 leden aanwezig (nodig: ten minste 3).");
        using var api = host.Secretary();
        var votes = new JsonArray(seats.Take(4).Select((s, i) => (JsonNode)new JsonObject { ["lid"] = s.Id, ["keuze"] = i < 3 ? "voor" : "tegen" }).ToArray());
        (await api.PostAsJsonAsync($"/api/instances/{open.Id}/bookmarks/{open.MeetingBookmark}/resume",
            new { input = new JsonObject { ["stemmen"] = votes, ["toelichting"] = "Met dank aan de afdeling." } })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.PostAsJsonAsync($"/api/instances/{closed.Id}/bookmarks/{closed.MeetingBookmark}/resume",
            new { input = new JsonObject { ["uitkomst"] = "vastgesteld" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        var full = WebUtility.HtmlDecode(await secretary.GetStringAsync("/Vergaderingen/db-proef/Besluitenlijst"));
        full.Should().ContainAll(
            "De rapportage over de eerste vier maanden van 2027 vast te stellen.", "De rapportage ter kennisname te sturen aan de raden.",
            "Besluit: <strong>vastgesteld</strong>", "Stemming: Aangenomen met meerderheid van de uitgebrachte stemmen: 3 voor, 1 tegen, 0 onthouding (leden).",
            "Toelichting: Met dank aan de afdeling.", "Personele reorganisatie",
            $"Aanwezig: {seats[0].Name} (voorzitter), ", $"Afwezig met kennisgeving: {seats[4].Name}",
            "De voorzitter,", seats[0].Name, "De secretaris,", "Nog niet vastgesteld");
        // The PDF, read back with an independent reader, says the same, with the GR's name and page numbers; the DOCX is a Word document.
        using (var pdf = await secretary.GetAsync("/Vergaderingen/db-proef/Besluitenlijst?handler=pdf"))
        {
            pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
            var text = PdfText.Normalize(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()));
            text.Should().ContainAll(
                "Gemeenschappelijke regeling SamenDrenthe", "Besluitenlijst", "Dagelijks bestuur, vergadering van", "De rapportage over de eerste vier maanden van 2027 vast te stellen.",
                "Besluit: vastgesteld", "Stemming: Aangenomen met meerderheid van de uitgebrachte stemmen: 3 voor, 1 tegen, 0 onthouding (leden).",
                "Personele reorganisatie", $"Afwezig met kennisgeving: {seats[4].Name}", "De voorzitter", seats[0].Name, "De secretaris", "Pagina 1 van");
        }

        using (var publicPdf = await secretary.GetAsync("/Vergaderingen/db-proef/Besluitenlijst?handler=pdf&openbaar=1"))
        {
            PdfText.Normalize(PdfText.Read(await publicPdf.Content.ReadAsByteArrayAsync())).Should()
                .Contain("openbare versie").And.Contain("De rapportage ter kennisname te sturen aan de raden.").And.NotContain("Personele reorganisatie");
        }

        using (var agendaPdf = await secretary.GetAsync("/Vergaderingen/db-proef/Agenda?handler=pdf"))
        {
            PdfText.Normalize(PdfText.Read(await agendaPdf.Content.ReadAsByteArrayAsync())).Should()
                .ContainAll("1. Opening", "2. Vaststelling van de agenda", "Presentatie GGD-monitor", "Rondvraag", "Sluiting");
        }

        using (var docx = await secretary.GetAsync("/Vergaderingen/db-proef/Besluitenlijst?handler=docx"))
        {
            docx.StatusCode.Should().Be(HttpStatusCode.OK);
            docx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            var bytes = await docx.Content.ReadAsByteArrayAsync();
            bytes.Take(2).Should().Equal((byte)'P', (byte)'K');
        }

        var publicVersion = WebUtility.HtmlDecode(await secretary.GetStringAsync("/Vergaderingen/db-proef/Besluitenlijst?openbaar=1"));
        publicVersion.Should().Contain("openbare versie").And.Contain("De rapportage ter kennisname te sturen aan de raden.")
            .And.NotContain("Personele reorganisatie").And.NotContain("Met dank aan de afdeling.");

        // The next meeting adopts it as its standard item 3, with a change; the earlier besluitenlijst then says so.
        using (var tooEarly = await host.SignInAsync())
        {
            var refused = await PostMeetingAsync(tooEarly, "db-proef-2", "besluitenlijst", [new("wijzigingen", "")]);
            refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
            refused.Page.Should().Contain("is nog niet geweest: de besluitenlijst wordt in die vergadering vastgesteld. Er is niets vastgelegd.");
        }

        host.MoveClockTo(today.AddDays(40));
        using var next = await host.SignInAsync();
        var nextAgenda = WebUtility.HtmlDecode(await next.GetStringAsync("/Vergaderingen/db-proef-2/Agenda"));
        nextAgenda.Should().Contain($"Besluitenlijst van de vergadering van {meetingDay}");
        await PostMeetingAsync(next, "db-proef-2", "aanwezigheid", Attendance(seats.Select(s => (s.Id, "aanwezig"))));
        var adopted = await PostMeetingAsync(next, "db-proef-2", "besluitenlijst", [new("wijzigingen", "Bij punt 6 de naam van de afdeling verbeterd.")]);
        adopted.Status.Should().Be(HttpStatusCode.OK);
        adopted.Page.Should().Contain($"De besluitenlijst van {meetingDay} is vastgesteld.");
        var nextDay = AdviesRoute.Activities.Texts.DutchFormat.Day(today.AddDays(40));
        WebUtility.HtmlDecode(await next.GetStringAsync("/Vergaderingen/db-proef/Besluitenlijst")).Should()
            .Contain($"Vastgesteld in de vergadering van {nextDay}, met deze wijzigingen: Bij punt 6 de naam van de afdeling verbeterd.")
            .And.NotContain("Nog niet vastgesteld");
        WebUtility.HtmlDecode(await next.GetStringAsync("/Vergaderingen/db-proef-2/Besluitenlijst")).Should()
            .Contain($"3. Besluitenlijst van de vergadering van {meetingDay}").And.Contain("Besluit: <strong>vastgesteld</strong>, met deze wijzigingen");
    }

    /// <summary>Each text appears, and after the one before it.</summary>
    private static void Order(string page, params string[] texts)
    {
        var at = 0;
        foreach (var text in texts)
        {
            var found = page.IndexOf(text, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, "'{0}' comes after the item before it", text);
            at = found + text.Length;
        }
    }
}
