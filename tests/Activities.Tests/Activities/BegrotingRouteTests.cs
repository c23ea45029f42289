using System.Text.Json.Nodes;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// The begroting through the shipped "voorstel" definition, on the demo jaarkalender 2026-2027 and a fake clock:
/// preparation, DB, the councils' zienswijzen (12 weeks, art. 35 lid 3 Wgr), a reaction to each adopted by the DB, the AB (which holds
/// it over once), and the follow-up to Gedeputeerde Staten (art. 34 lid 2 Wgr).
/// </summary>
public sealed class BegrotingRouteTests
{
    [Fact]
    public async Task Begroting_runs_from_preparation_through_zienswijzen_and_a_postponement_to_the_GS_follow_up()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2027, 1, 4));
        var started = await engine.StartAsync("voorstel", new { titel = "Ontwerpbegroting 2028", pijler = "PubliekeGezondheid", soort = "begroting" });
        var id = started.InstanceId;
        (await engine.WaitingAtAsync(id)).Should().Equal("voorbereiding");

        // Ready on 5 January: the P&C kinds skip the BAC, so it goes to the DB of 20 January (documents by 6 January).
        await engine.MoveToAsync(new DateOnly(2027, 1, 5));
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2027-01-20");

        // The DB sends the draft on 20 January: the councils have 12 weeks, until Wednesday 14 April 2027.
        await engine.MoveToAsync(new DateOnly(2027, 1, 20));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        var round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["termijn"]!["datum"]!.GetValue<string>().Should().Be("2027-04-14");
        round["termijn"]!["tekst"]!.GetValue<string>().Should().Be("uiterlijk 14 april 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)");
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Antwoord").Should().Be(12);
        (await engine.OutboxAsync(id)).Count(m => m.Kind == "verzoek" && m.PayloadJson.Contains("\"verzoekZienswijze\"")).Should().Be(12);

        // Two councils answer; the ten others stay silent.
        await engine.ResumeAsync(id, "zienswijzenronde", "Antwoord", new { antwoord = "negatief", tekst = "De indexatie is te hoog." }, body: "raad-assen");
        await engine.ResumeAsync(id, "zienswijzenronde", "Antwoord", new { antwoord = "positief", tekst = "Wij stemmen in." }, body: "raad-emmen");

        // The deadline passes at 23:59 on 14 April: the silent ones are recorded as "geen zienswijze".
        await engine.MoveToAsync(new DateOnly(2027, 4, 14), 23);
        (await engine.WaitingAtAsync(id)).Should().Equal("zienswijzenronde");
        await engine.MoveToAsync(new DateOnly(2027, 4, 15));
        round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["raden"]!["raad-meppel"]!["zienswijze"]!.GetValue<string>().Should().Be("geenZienswijze");
        round["raden"]!["raad-meppel"]!["status"]!.GetValue<string>().Should().Be("verstreken");
        round["raden"]!["raad-assen"]!["zienswijze"]!.GetValue<string>().Should().Be("negatief");

        // The AB cannot decide yet: the round waits for a reasoned reaction to each of the two zienswijzen.
        var waiting = await engine.WaitingAsync(id);
        waiting.Should().OnlyContain(w => w.ActivityId == "zienswijzenronde" && w.Bookmark.Name == "Reactie");
        waiting.Should().HaveCount(2);
        var tooShort = () => engine.ResumeAsync(id, "zienswijzenronde", "Reactie", new { reactie = "Akkoord." }, body: "raad-assen");
        await tooShort.Should().ThrowAsync<ResumeRejectedException>().WithMessage("*gemotiveerd*");
        await engine.ResumeAsync(id, "zienswijzenronde", "Reactie", new { reactie = "De indexatie volgt de afspraken in de kaderbrief; zie bijlage 2." }, body: "raad-assen");
        (await engine.WaitingAtAsync(id)).Should().Equal("zienswijzenronde");
        await engine.ResumeAsync(id, "zienswijzenronde", "Reactie", new { reactie = "Dank voor uw instemming; wij nemen haar op in het voorstel." }, body: "raad-emmen");

        // The reactions are drafted; nothing goes to the councils before the DB adopts them (art. 35 lid 3 Wgr): first
        // DB meeting after 15 April is 19 May.
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDbReacties");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2027-05-19");
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.Kind == "zienswijzenReacties");

        await engine.MoveToAsync(new DateOnly(2027, 5, 19));
        await engine.ResumeAsync(id, "besluitDbReacties", "Vergadering", new { uitkomst = "vastgesteld" });

        // Adopted: one message holds each council's own zienswijze with its reaction, and the ten councils without one.
        var reactions = JsonNode.Parse((await engine.OutboxAsync(id)).Single(m => m.Kind == "zienswijzenReacties").PayloadJson)!;
        reactions["zienswijzen"]!.AsArray().Select(z => (z!["orgaan"]!.GetValue<string>(), z["tekst"]!.GetValue<string>(), z["reactie"]!.GetValue<string>()))
            .Should().BeEquivalentTo(new[]
            {
                ("raad-assen", "De indexatie is te hoog.", "De indexatie volgt de afspraken in de kaderbrief; zie bijlage 2."),
                ("raad-emmen", "Wij stemmen in.", "Dank voor uw instemming; wij nemen haar op in het voorstel."),
            });
        reactions["zonderZienswijze"]!.AsArray().Should().HaveCount(10);
        reactions["zonderZienswijze"]!.AsArray().Should().NotContain(z => z!["orgaan"]!.GetValue<string>() == "raad-assen");
        (await engine.VariableAsync(id, "zienswijzen"))!["reactiesVastgesteld"].Should().NotBeNull();
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.PayloadJson.Contains("Reactie op uw zienswijze"));

        // Now it goes to the AB: the meeting of 14 April has passed, so 23 June (documents by 9 June).
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2027-06-23");

        // The AB holds it over: it moves to the next AB meeting, 7 July.
        await engine.MoveToAsync(new DateOnly(2027, 6, 23));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "aangehouden" });
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2027-07-07");

        // Adopted on 7 July: to GS within 2 weeks and before 15 September, so by 21 July.
        await engine.MoveToAsync(new DateOnly(2027, 7, 7));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        var task = (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Nazorg");
        task.Bookmark.Payload!["uiterlijk"]!["tekst"]!.GetValue<string>().Should().Be("uiterlijk 21 juli 2027 (art. 34 lid 2 Wgr: 2 weken na vaststelling)");
        await engine.ResumeAsync(id, "nazorgBegroting", "Nazorg", new { uitkomst = "gereed" });

        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
    }
}
