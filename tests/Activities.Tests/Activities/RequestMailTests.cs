using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Tests.Support;

using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>The request mails a written round writes to the outbox: one per seat, reminders only to who has not chosen, none after.</summary>
public sealed class RequestMailTests
{
    private static string WrittenDb(string reminders, bool early = true, string expiry = "geenAntwoord", string rule = "uitgebrachteStemmen") =>
        WrittenDecision.Definition("schriftelijk-db-mail", $$"""
            { "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": {{reminders}}, "vroegBesluiten": {{(early ? "true" : "false")}},
              "bijVerlopen": "{{expiry}}", "meerderheid": "{{rule}}", "mailTekst": "Beste {naam}, stem over {titel} ({orgaan}), {uiterlijk}." }
            """);

    private static async Task<List<JsonObject>> RequestsAsync(GovernanceEngine engine, string id, string kind) =>
        (await engine.OutboxAsync(id)).Where(m => m.Kind == "verzoek").Select(m => JsonNode.Parse(m.PayloadJson)!.AsObject())
            .Where(p => p["soort"]!.GetValue<string>() == kind).ToList();

    [Fact]
    public async Task A_request_is_written_in_the_wire_format_of_the_rows_already_stored_and_reads_back_typed()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("[]"));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop", samenvatting = "Inkoop van zorg", documenten = new[] { "Nota.pdf" } })).InstanceId;

        var stored = (await RequestsAsync(engine, id, "verzoekStem")).Single(r => r["zetel"]!.GetValue<string>() == "m063");

        // The names the first release wrote, which rows in the outbox of an upgraded installation still have.
        stored.Select(p => p.Key).Should().BeEquivalentTo(["soort", "activiteit", "ronde", "zetel", "aan", "orgaanId", "orgaanNaam", "keuzes", "uiterlijk", "verlooptOp", "onderwerp", "tekst", "voorstel"]);
        stored["aan"]!.AsObject().Select(p => p.Key).Should().Equal("lid", "naam", "email");
        stored["voorstel"]!.AsObject().Select(p => p.Key).Should().Equal("titel", "samenvatting", "documenten");
        var read = RequestMail.Read(stored);
        read.Should().BeEquivalentTo(new
        {
            RequestKind = "verzoekStem", ActivityId = "besluit", Round = 1, Seat = "m063", Body = (string?)null, BodyId = "db", BodyName = "Dagelijks bestuur",
            Choices = new[] { "voor", "tegen", "onthouding" },
            Deadline = "uiterlijk 19 oktober 2026 (reglement van orde: schriftelijke ronde van 2 weken)",
            ExpiresAt = AdviesRoute.Activities.Calendar.DeadlineCalculator.EndOfDay(new DateOnly(2026, 10, 19)),
            Text = "Beste {naam}, stem over {titel} ({orgaan}), {uiterlijk}.",
        });
        read.To.Should().Be(new MailRecipient("m063", "Roos Zijlstra", "roos.zijlstra@assen.example.org"));
        read.Proposal!.Title.Should().Be("Inkoop");
        read.Proposal.Documents!.ToJsonString().Should().Be("""["Nota.pdf"]""");
        read.Target.Should().Be(("zetel", "m063"));
    }

    [Fact]
    public async Task A_reminder_goes_only_to_members_who_have_not_voted_and_none_after_the_decision()
    {
        // Monday 5 October 2026: two weeks, until Monday 19 October 23:59. Reminders 3 and 1 working days before:
        // Wednesday 14 October and Friday 16 October, at 09:00.
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("""["3", "1"]"""));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;

        var requests = await RequestsAsync(engine, id, "verzoekStem");
        requests.Should().HaveCount(5);
        requests.Select(r => r["zetel"]!.GetValue<string>()).Should().BeEquivalentTo(["m063", "m064", "m065", "m066", "m067"]);
        requests.Should().OnlyContain(r => r["ronde"]!.GetValue<int>() == 1 && r["activiteit"]!.GetValue<string>() == "besluit"
            && r["tekst"]!.GetValue<string>() == "Beste {naam}, stem over {titel} ({orgaan}), {uiterlijk}."
            && r["uiterlijk"]!.GetValue<string>() == "uiterlijk 19 oktober 2026 (reglement van orde: schriftelijke ronde van 2 weken)");
        (await engine.WaitingAsync(id)).Where(w => w.Bookmark.Name == "Herinnering").Select(w => w.Bookmark.DueAt)
            .Should().BeEquivalentTo([GovernanceEngine.At(new DateOnly(2026, 10, 14), 9), GovernanceEngine.At(new DateOnly(2026, 10, 16), 9)]);

        // Two vote before the first reminder.
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m064");
        await engine.MoveToAsync(new DateOnly(2026, 10, 14), 10);
        var reminders = await RequestsAsync(engine, id, "herinnering");
        reminders.Select(r => r["zetel"]!.GetValue<string>()).Should().BeEquivalentTo(["m065", "m066", "m067"]);

        // The third vote decides; the second reminder (16 October) never goes out.
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m065");
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        await engine.MoveToAsync(new DateOnly(2026, 10, 20));
        (await RequestsAsync(engine, id, "herinnering")).Should().HaveCount(3);
    }

    [Fact]
    public async Task Without_early_decision_the_round_waits_for_every_seat()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("[]", early: false));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;

        foreach (var seat in new[] { "m063", "m064", "m065", "m066" })
        {
            await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: seat);
        }

        (await engine.WaitingAtAsync(id)).Should().Equal(["besluit"], "four of five have voted and the round waits for everyone");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "tegen" }, seat: "m067");
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
    }

    [Fact]
    public async Task The_secretary_records_a_choice_given_by_phone_on_behalf_of_a_member_with_the_reason()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("[]"));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;

        var withoutReason = () => engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m065", keuze = "voor", namens = " " }, seat: "m065", actor: "a.secretaris@example.org");
        await withoutReason.Should().ThrowAsync<AdviesRoute.Workflows.Runtime.ResumeRejectedException>().WithMessage("Dit antwoord legt u vast namens een lid: geef de reden ('namens')*");
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m065", keuze = "voor", namens = "Telefonisch doorgegeven op 6 oktober" }, seat: "m065", actor: "a.secretaris@example.org");

        var vote = (await engine.JournalAsync(id)).Single(j => j.Kind == "stem");
        vote.Actor.Should().Be("a.secretaris@example.org");
        var data = JsonNode.Parse(vote.DataJson!)!;
        data["naam"]!.GetValue<string>().Should().Be("Tineke Uneken");
        data["namens"]!["reden"]!.GetValue<string>().Should().Be("Telefonisch doorgegeven op 6 oktober");
        data["namens"]!["vastgelegdDoor"]!.GetValue<string>().Should().Be("a.secretaris@example.org");
    }

    [Fact]
    public async Task The_request_of_a_member_marked_absent_goes_to_the_substitute_who_votes_for_the_seat()
    {
        // Tineke Uneken (m065, Hoogeveen) is absent in October; her substitute Pieter Bos stands in.
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5), model => model with
        {
            Members =
            [
                .. model.Members.Select(m => m.Id == "m065" ? m with { AbsentFrom = new DateOnly(2026, 10, 1), AbsentTo = new DateOnly(2026, 10, 31) } : m),
                new AdviesRoute.Activities.Governance.Model.Member("m960", "Pieter Bos", "pieter.bos@hoogeveen.example.org", "db",
                    AdviesRoute.Activities.Governance.Model.MemberRole.Plaatsvervanger, "hoogeveen", 1, new DateOnly(2026, 7, 1), null, SubstituteFor: "m065"),
            ],
        });
        await engine.Host.SaveAsync(WrittenDb("[]"));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;

        var requests = await RequestsAsync(engine, id, "verzoekStem");
        requests.Should().HaveCount(5);
        var seat = requests.Single(r => r["zetel"]!.GetValue<string>() == "m065");
        seat["aan"]!["naam"]!.GetValue<string>().Should().Be("Pieter Bos");
        seat["aan"]!["email"]!.GetValue<string>().Should().Be("pieter.bos@hoogeveen.example.org");

        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m960", keuze = "voor" }, seat: "m065", actor: "Pieter Bos");
        var vote = JsonNode.Parse((await engine.JournalAsync(id)).Single(j => j.Kind == "stem").DataJson!)!;
        vote["naam"]!.GetValue<string>().Should().Be("Pieter Bos");
        vote["zetel"]!.GetValue<string>().Should().Be("m065");
        vote["plaatsvervanger"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("escaleren")]
    [InlineData("achterstallig")]
    public async Task When_the_deadline_passes_the_chair_and_the_secretaries_are_told_who_did_not_choose(string expiry)
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("[]", expiry: expiry));
        var id = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m064");

        // Two weeks later, past Monday 19 October 23:59.
        await engine.MoveToAsync(new DateOnly(2026, 10, 20));
        var notice = (await engine.OutboxAsync(id)).Where(m => m.Kind == "melding").Select(m => JsonNode.Parse(m.PayloadJson)!)
            .Should().ContainSingle(p => p["soort"]!.GetValue<string>() == "termijnVerstreken").Subject;
        notice["aan"]!.AsArray().Select(a => a!["naam"]!.GetValue<string>()).Should().Equal("Roos Zijlstra");
        notice["aanRol"]!.GetValue<string>().Should().Be("secretary");
        notice["tekst"]!.GetValue<string>().Should().Contain("Nog niet gekozen: Tineke Uneken, Vincent Meijer, Wilma Veenstra.");

        if (expiry == "escaleren")
        {
            // Then the votes cast are counted: 2 of 5 take part, no quorum, so the item goes to the DB's meeting.
            (await engine.WaitingAsync(id)).Should().Contain(w => w.Bookmark.Name == "Vergadering");
            (await engine.VariableAsync(id, "achterstallig")).Should().BeNull();
        }
        else
        {
            // The round stays open and the proposal is marked overdue; a late vote still counts.
            (await engine.VariableAsync(id, "achterstallig"))!["nietGekozen"]!.GetValue<string>().Should().Be("Tineke Uneken, Vincent Meijer, Wilma Veenstra");
            (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Stem").Should().Be(5);
            await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m065");
            (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        }
    }

    [Fact]
    public async Task With_the_rule_anyone_the_first_approval_decides_and_with_everyone_the_first_objection_does()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(WrittenDb("[]", rule: "eenIemand"));
        var any = (await engine.StartAsync("schriftelijk-db-mail", new { titel = "Inkoop" })).InstanceId;
        await engine.ResumeAsync(any, "besluit", "Stem", new { keuze = "tegen" }, seat: "m063");
        (await engine.WaitingAtAsync(any)).Should().Equal(["besluit"]);
        await engine.ResumeAsync(any, "besluit", "Stem", new { keuze = "voor" }, seat: "m064");
        (await engine.JournalAsync(any)).Single(j => j.Kind == "uitslag").Outcome.Should().Be("Aangenomen");

        await engine.Host.SaveAsync(WrittenDb("[]", rule: "unaniem").Replace("schriftelijk-db-mail", "schriftelijk-db-unaniem", StringComparison.Ordinal));
        var all = (await engine.StartAsync("schriftelijk-db-unaniem", new { titel = "Inkoop" })).InstanceId;
        await engine.ResumeAsync(all, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(all, "besluit", "Stem", new { keuze = "tegen" }, seat: "m064");
        var result = (await engine.JournalAsync(all)).Single(j => j.Kind == "uitslag");
        result.Outcome.Should().Be("Verworpen");
        result.DataJson.Should().Contain("niet iedereen stemde voor");
    }

    private static string Zienswijzen(string councils, string reminders) => $$"""
        {
          "definitionId": "zienswijzen-mail",
          "name": "Zienswijzen",
          "inputs": [ { "name": "titel", "type": "string", "required": true } ],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "zienswijzen", "type": "Zienswijzenronde", "inputs": { "raden": {{councils}}, "termijn": "P3W", "herinneringen": {{reminders}} } },
              { "id": "einde", "type": "End", "inputs": { "result": "gereed" } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "zienswijzen", "port": "In" } },
              { "source": { "activity": "zienswijzen", "port": "gereed" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_reminder_of_a_zienswijzenronde_goes_only_to_the_councils_that_have_not_answered_and_none_after_the_round_closed()
    {
        // Monday 5 October 2026: three weeks, until Monday 26 October. Reminders 5 and 2 working days before:
        // Monday 19 October and Thursday 22 October, at 09:00.
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(Zienswijzen("""["raad-assen", "raad-emmen", "raad-coevorden"]""", """["5", "2"]"""));
        var id = (await engine.StartAsync("zienswijzen-mail", new { titel = "Ontwerpbegroting" })).InstanceId;
        (await RequestsAsync(engine, id, "verzoekZienswijze")).Select(r => r["orgaan"]!.GetValue<string>())
            .Should().BeEquivalentTo(["raad-assen", "raad-emmen", "raad-coevorden"]);
        (await engine.WaitingAsync(id)).Where(w => w.Bookmark.Name == "Herinnering").Select(w => w.Bookmark.DueAt)
            .Should().BeEquivalentTo([GovernanceEngine.At(new DateOnly(2026, 10, 19), 9), GovernanceEngine.At(new DateOnly(2026, 10, 22), 9)]);

        await engine.ResumeAsync(id, "zienswijzen", "Antwoord", new { antwoord = "geenZienswijze" }, body: "raad-assen");
        await engine.MoveToAsync(new DateOnly(2026, 10, 19), 10);
        var first = await RequestsAsync(engine, id, "herinnering");
        first.Select(r => r["orgaan"]!.GetValue<string>()).Should().BeEquivalentTo(["raad-emmen", "raad-coevorden"]);
        first.Should().OnlyContain(r => r["ronde"]!.GetValue<int>() == 1 && r["activiteit"]!.GetValue<string>() == "zienswijzen");

        await engine.ResumeAsync(id, "zienswijzen", "Antwoord", new { antwoord = "geenZienswijze" }, body: "raad-emmen");
        await engine.MoveToAsync(new DateOnly(2026, 10, 22), 10);
        (await RequestsAsync(engine, id, "herinnering")).Skip(first.Count).Select(r => r["orgaan"]!.GetValue<string>()).Should().Equal(["raad-coevorden"]);

        // The last answer closes the round: no deadline and no reminder wait any more.
        await engine.ResumeAsync(id, "zienswijzen", "Antwoord", new { antwoord = "geenZienswijze" }, body: "raad-coevorden");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.JournalAsync(id)).Where(j => j.Kind == "herinnering").Select(j => j.DataJson).Should().Equal(["""{"aantal":2}""", """{"aantal":1}"""]);
    }
}
