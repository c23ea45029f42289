using System.Text.Json.Nodes;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// Every branch of the shipped "voorstel" definition, end to end on the demo jaarkalender 2026-2027 and a fake clock:
/// the BAC advice (with BACs) or the agenda part per pillar (without), the DB's and the AB's outcomes, the P&amp;C kinds,
/// the zienswijzen of the councils, the college return, and the jaarrekening's follow-up to Gedeputeerde Staten.
/// Members of the new model sit from 1 July 2026 and the BACs meet from 23 September 2026, so the routes start in
/// September 2026. Documents are due 10 working days before each meeting.
/// </summary>
public sealed class VoorstelRouteTests
{
    private const string Stukken = "reglement van orde: stukken 10 werkdagen vóór de vergadering";

    [Fact]
    public async Task Negative_BAC_advice_goes_back_to_preparation_and_after_rework_to_the_next_BAC_meeting_then_to_DB_and_AB()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" })).InstanceId;
        (await engine.WaitingAtAsync(id)).Should().Equal("voorbereiding");
        (await engine.WaitingAsync(id)).Single().Bookmark.Payload!["groep"]!.GetValue<string>().Should().Be("vg-pg");

        // Ready on Tuesday 1 September: the BAC PG of 23 September takes documents until 9 September.
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("advies");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("bac-pg-2026-09-23");
        meeting["orgaan"]!.GetValue<string>().Should().Be("bac-pg");
        meeting["agendadeel"].Should().BeNull("the model with BACs has no agenda parts");
        meeting["stukken"]!["tekst"]!.GetValue<string>().Should().Be($"uiterlijk 9 september 2026 ({Stukken})");

        // A negative advice sends it back for rework.
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "negatief", toelichting = "Eerst de financiering per gemeente uitwerken." });
        (await engine.WaitingAtAsync(id)).Should().Equal("voorbereiding");

        // Reworked by 24 September: the next BAC PG meeting after the one of 23 September is 11 November (documents by 28 October).
        await engine.MoveToAsync(new DateOnly(2026, 9, 24));
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("advies");
        (await MeetingAsync(engine, id)).Should().Be("bac-pg-2026-11-11");

        // Positive on 11 November: the DB of 18 November wanted its documents by 4 November, so 20 January 2027 (by 6 January).
        await engine.MoveToAsync(new DateOnly(2026, 11, 11));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positief" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2027-01-20");
        (await DataOfAsync(engine, id, "vergaderingOvergeslagen")).Should().ContainSingle()
            .Which["reden"]!.GetValue<string>().Should().Be($"Vergadering van Dagelijks bestuur op 18 november 2026 gemist: de stukken moesten er uiterlijk op 4 november 2026 ({Stukken}) zijn.");

        // The DB sends it on to the AB of 14 April 2027 (documents by 31 March).
        await engine.MoveToAsync(new DateOnly(2027, 1, 20));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2027-04-14");

        // Adopted: the decision is made known to the councils and colleges; a beleidsvoorstel has no legal follow-up.
        await engine.MoveToAsync(new DateOnly(2027, 4, 14));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        (await engine.OutboxAsync(id)).Should().ContainSingle(m => m.PayloadJson.Contains("\"besluitGenomen\""));
        (await engine.JournalAsync(id)).Where(j => j.Kind == "vergaderingUitkomst").Select(j => $"{j.ActivityId}:{j.Outcome}")
            .Should().Equal("advies:negatief", "advies:positief", "besluitDb:vastgesteld", "besluitAb:vastgesteld");
    }

    [Fact]
    public async Task Positive_BAC_advice_with_remarks_leads_to_the_DB_which_may_return_it_to_preparation()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("bac-pg-2026-09-23");

        // Positive with remarks on 23 September: the DB of 7 October takes documents until 23 September itself.
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positiefMetKanttekeningen", toelichting = "Let op de uitvoeringskosten." });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2026-10-07");
        (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "vergaderingUitkomst" && j.ActivityId == "advies")
            .Which.Outcome.Should().Be("positiefMetKanttekeningen");

        // The DB returns it: back to the preparation group.
        await engine.MoveToAsync(new DateOnly(2026, 10, 7));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "teruggestuurd", toelichting = "Eerst afstemmen met de gemeenten." });
        (await engine.WaitingAtAsync(id)).Should().Equal("voorbereiding");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);

        // Ready again on 8 October: with BACs it passes the BAC again, on 11 November (documents by 28 October).
        await engine.MoveToAsync(new DateOnly(2026, 10, 8));
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("advies");
        (await MeetingAsync(engine, id)).Should().Be("bac-pg-2026-11-11");
    }

    [Fact]
    public async Task DB_holds_it_over_to_its_next_meeting_and_then_rejects_it()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs" })).InstanceId;

        // Ready on 1 September: the DB of 16 September takes documents until 2 September.
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("db-2026-09-16");

        // Held over on 16 September: the next DB meeting is 7 October (documents by 23 September).
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "aangehouden" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2026-10-07");

        // Rejected on 7 October: the route ends.
        await engine.MoveToAsync(new DateOnly(2026, 10, 7));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "verworpen" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
        (await engine.WaitingAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task AB_postpones_to_its_next_meeting_and_then_adopts_with_amendment()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs" })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });

        // The DB of 16 September sends it on: the AB of 28 October takes documents until 14 October.
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("ab-2026-10-28");
        meeting["agendadeel"]!.GetValue<string>().Should().Be("Publieke Gezondheid");

        // Postponed on 28 October: to the AB of 9 December (documents by 25 November).
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "aangehouden" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("ab-2026-12-09");
        meeting["stukken"]!["tekst"]!.GetValue<string>().Should().Be($"uiterlijk 25 november 2026 ({Stukken})");

        // Adopted with an amendment on 9 December: the proposal counts as adopted.
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "gewijzigdVastgesteld", toelichting = "Amendement 1 aangenomen." });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        (await engine.JournalAsync(id)).Where(j => j.Kind == "vergaderingUitkomst" && j.ActivityId == "besluitAb").Select(j => j.Outcome)
            .Should().Equal("aangehouden", "gewijzigdVastgesteld");
        (await engine.OutboxAsync(id)).Should().ContainSingle(m => m.PayloadJson.Contains("\"besluitGenomen\""));
    }

    [Fact]
    public async Task AB_returns_it_to_the_next_DB_meeting_and_then_rejects_it()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs" })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-10-28");

        // Returned on 28 October: to the DB of 18 November (documents by 4 November).
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "teruggestuurd", toelichting = "Het DB moet eerst de varianten uitwerken." });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2026-11-18");
        (await engine.JournalAsync(id)).Where(j => j.Kind == "geagendeerd").Select(j => j.ActivityId)
            .Should().Equal("agendeerDb", "agendeerAb", "agendeerDb");

        // The DB sends it on again on 18 November: the AB of 9 December (documents by 25 November), which rejects it.
        await engine.MoveToAsync(new DateOnly(2026, 11, 18));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-12-09");
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "verworpen" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.PayloadJson.Contains("\"besluitGenomen\""));
    }

    [Theory]
    [InlineData("PubliekeGezondheid", "vg-pg", "Publieke Gezondheid")]
    [InlineData("ZorgEnVeiligheid", "vg-zv", "Zorg en Veiligheid")]
    public async Task Without_BACs_a_beleidsvoorstel_goes_straight_to_the_DB_on_the_agenda_part_of_its_pillar(string pijler, string groep, string agendadeel)
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Thema", pijler, soort = "beleidsvoorstel", bestuursmodel = "zonderBacs" })).InstanceId;
        (await engine.WaitingAsync(id)).Single().Bookmark.Payload!["groep"]!.GetValue<string>().Should().Be(groep);

        // Ready on 1 September: no BAC, the DB of 16 September (documents by 2 September).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("db-2026-09-16");
        meeting["agendadeel"]!.GetValue<string>().Should().Be(agendadeel);
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "agendeerBac" || j.ActivityId == "advies");

        // The AB of 28 October has the same agenda part.
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("ab-2026-10-28");
        meeting["agendadeel"]!.GetValue<string>().Should().Be(agendadeel);
    }

    [Fact]
    public async Task With_BACs_a_Zorg_en_Veiligheid_proposal_is_prepared_by_vg_zv_and_advised_by_bac_zv()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Aanpak personen met verward gedrag", pijler = "ZorgEnVeiligheid", soort = "beleidsvoorstel" })).InstanceId;
        (await engine.WaitingAsync(id)).Single().Bookmark.Payload!["groep"]!.GetValue<string>().Should().Be("vg-zv");

        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("advies");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("bac-zv-2026-09-23");
        meeting["orgaanNaam"]!.GetValue<string>().Should().Be("BAC Zorg en Veiligheid");
        (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Vergadering").Bookmark.Payload!["orgaan"]!.GetValue<string>().Should().Be("bac-zv");

        // Positive on 23 September: the DB of 7 October, with no agenda part in the model with BACs.
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positief" });
        meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("db-2026-10-07");
        meeting["agendadeel"].Should().BeNull();
    }

    [Fact]
    public async Task Viermaandsrapportage_skips_the_BAC_in_the_BAC_model_and_reaches_the_AB_without_zienswijzen()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Viermaandsrapportage 2026", pijler = "PubliekeGezondheid", soort = "viermaandsrapportage", bestuursmodel = "metBacs" })).InstanceId;

        // The P&C kinds stay out of the BACs: ready on 1 September, straight to the DB of 16 September.
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2026-09-16");

        // Information only: from the DB straight to the AB of 28 October, no councils asked.
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-10-28");
        (await engine.VariableAsync(id, "zienswijzen")).Should().BeNull();
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.Kind == "verzoek", "no council or college is asked");

        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "advies" || j.ActivityId == "zienswijzenronde" || j.ActivityId == "nazorgBegroting");
    }

    [Fact]
    public async Task Begrotingswijziging_asks_the_councils_and_when_all_stay_silent_goes_on_to_the_AB_without_reactions()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Begrotingswijziging 2027-1", pijler = "PubliekeGezondheid", soort = "begrotingswijziging" })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("db-2026-09-16");

        // Sent on 16 September: 12 weeks, until Wednesday 9 December 2026 (a working day, nothing shifts).
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        var round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["termijn"]!["tekst"]!.GetValue<string>().Should().Be("uiterlijk 9 december 2026 (art. 35 lid 3 Wgr: 12 weken na verzending)");
        (await engine.WaitingAsync(id)).Count(w => w.ActivityId == "zienswijzenronde" && w.Bookmark.Name == "Antwoord").Should().Be(12);
        (await engine.OutboxAsync(id)).Count(m => m.Kind == "verzoek" && m.PayloadJson.Contains("\"verzoekZienswijze\"")).Should().Be(12);

        // Nobody answers. At 23:00 on 9 December the round still waits; after 23:59 every council is recorded as silent.
        await engine.MoveToAsync(new DateOnly(2026, 12, 9), 23);
        (await engine.WaitingAtAsync(id)).Should().Equal("zienswijzenronde");
        await engine.MoveToAsync(new DateOnly(2026, 12, 10));
        round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["raden"]!.AsObject().Should().HaveCount(12);
        foreach (var (_, raad) in round["raden"]!.AsObject())
        {
            raad!["zienswijze"]!.GetValue<string>().Should().Be("geenZienswijze");
            raad["status"]!.GetValue<string>().Should().Be("verstreken");
        }

        var journal = await engine.JournalAsync(id);
        journal.Count(j => j.Kind == "termijnVerstreken" && j.Outcome == "geenZienswijze").Should().Be(12);
        journal.Should().NotContain(j => j.Kind == "reactieOpZienswijze");

        // No zienswijze, so no reaction is asked and the DB has nothing to adopt: straight on to the AB. The one of
        // 9 December has passed: 14 April 2027.
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2027-04-14");
        journal.Should().NotContain(j => j.ActivityId == "besluitDbReacties");

        // The councils are each told that it goes to the AB (with the nota); none is sent a reaction.
        var notice = JsonNode.Parse((await engine.OutboxAsync(id)).Single(m => m.Kind == "zienswijzenReacties").PayloadJson)!;
        notice["zienswijzen"]!.AsArray().Should().BeEmpty();
        notice["zonderZienswijze"]!.AsArray().Should().HaveCount(12);
    }

    [Fact]
    public async Task Begrotingswijziging_exempted_by_the_regeling_goes_from_the_DB_straight_to_the_AB()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Begrotingswijziging 2027-2", pijler = "ZorgEnVeiligheid", soort = "begrotingswijziging", zienswijzenVrijgesteld = true })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");

        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-10-28");
        (await engine.VariableAsync(id, "zienswijzen")).Should().BeNull();
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.Kind == "verzoek", "no council or college is asked");
    }

    [Fact]
    public async Task The_colleges_period_that_ends_on_a_saturday_moves_to_the_monday_and_names_the_DB_decision_as_its_rule()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Regionale aanpak", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs", terugkoppelingColleges = true })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });

        // The DB's outcome of 16 September is recorded on Saturday 19 September: 6 weeks end on Saturday 31 October.
        await engine.MoveToAsync(new DateOnly(2026, 9, 19));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });

        (await engine.VariableAsync(id, "terugkoppeling"))!["termijn"]!["tekst"]!.GetValue<string>().Should().Be(
            "uiterlijk 2 november 2026 (besluit van het dagelijks bestuur: 6 weken na verzending; verschoven van 31 oktober 2026 (zaterdag) naar de eerstvolgende werkdag (besluit van het dagelijks bestuur))");
    }

    [Fact]
    public async Task One_college_with_bedenkingen_sends_the_proposal_back_to_the_DB_with_the_summary()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Regionale aanpak", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs", terugkoppelingColleges = true })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });

        // The DB of 16 September consults the colleges: 6 weeks (not a legal period, no Atw), until 28 October.
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("terugkoppeling");
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Antwoord").Should().Be(12);
        (await engine.VariableAsync(id, "terugkoppeling"))!["termijn"]!["tekst"]!.GetValue<string>()
            .Should().Be("uiterlijk 28 oktober 2026 (besluit van het dagelijks bestuur: 6 weken na verzending)");

        // By 21 September Assen has bedenkingen (a text is required) and the other eleven agree.
        await engine.MoveToAsync(new DateOnly(2026, 9, 21));
        var withoutText = () => engine.ResumeAsync(id, "terugkoppeling", "Antwoord", new { antwoord = "bedenkingen" }, body: "college-assen");
        await withoutText.Should().ThrowAsync<ResumeRejectedException>().WithMessage("Geef bij bedenkingen aan welke.");
        await engine.ResumeAsync(id, "terugkoppeling", "Antwoord", new { antwoord = "bedenkingen", tekst = "De kosten voor Assen zijn te hoog" }, body: "college-assen");
        foreach (var college in Colleges.Where(c => c != "college-assen"))
        {
            await engine.ResumeAsync(id, "terugkoppeling", "Antwoord", new { antwoord = "instemming" }, body: college);
        }

        // Back to the DB: the next meeting after 16 September whose documents are still due, 7 October (by 23 September).
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await MeetingAsync(engine, id)).Should().Be("db-2026-10-07");
        var feedback = (await engine.VariableAsync(id, "terugkoppeling"))!;
        feedback["samenvatting"]!.GetValue<string>().Should().Be(
            "11 van de 12 colleges stemmen in, 1 hebben bedenkingen, 0 reageerden niet. Bedenkingen: College van B&W Assen: De kosten voor Assen zijn te hoog.");
        feedback["colleges"]!["college-assen"]!["antwoord"]!.GetValue<string>().Should().Be("bedenkingen");
        (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "terugkoppelingGesloten").Which.Outcome.Should().Be("bedenkingen");

        // The DB weighs the bedenkingen on 7 October and sends it on: the colleges were heard, so it goes to the AB
        // (28 October, documents by 14 October), not to the colleges again.
        await engine.MoveToAsync(new DateOnly(2026, 10, 7));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "gewijzigdVastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-10-28");
        (await engine.JournalAsync(id)).Count(j => j.Kind == "terugkoppelingGesloten").Should().Be(1);
    }

    [Fact]
    public async Task Colleges_that_agree_or_stay_silent_past_the_six_weeks_send_the_proposal_to_the_AB()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Regionale aanpak", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs", terugkoppelingColleges = true })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });

        // Three colleges agree; nine stay silent.
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        foreach (var college in new[] { "college-assen", "college-emmen", "college-meppel" })
        {
            await engine.ResumeAsync(id, "terugkoppeling", "Antwoord", new { antwoord = "instemming" }, body: college);
        }

        // Still open at 23:00 on 28 October; after 23:59 the silent ones are recorded as geenReactie.
        await engine.MoveToAsync(new DateOnly(2026, 10, 28), 23);
        (await engine.WaitingAtAsync(id)).Should().Equal("terugkoppeling");
        await engine.MoveToAsync(new DateOnly(2026, 10, 29));
        var feedback = (await engine.VariableAsync(id, "terugkoppeling"))!;
        feedback["colleges"]!["college-tynaarlo"]!["antwoord"]!.GetValue<string>().Should().Be("geenReactie");
        feedback["colleges"]!["college-tynaarlo"]!["status"]!.GetValue<string>().Should().Be("verstreken");
        feedback["colleges"]!["college-emmen"]!["antwoord"]!.GetValue<string>().Should().Be("instemming");
        feedback["samenvatting"]!.GetValue<string>().Should().Be("3 van de 12 colleges stemmen in, 0 hebben bedenkingen, 9 reageerden niet.");
        (await engine.JournalAsync(id)).Count(j => j.Kind == "termijnVerstreken" && j.Outcome == "geenReactie").Should().Be(9);

        // No bedenkingen: on to the AB. The one of 28 October has passed, so 9 December.
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2026-12-09");
    }

    /// <summary>
    /// The colleges are consulted, so they are sent the request before the round opens (as the councils are sent the
    /// draft before the zienswijzen, and the colleges in wijziging-regeling.json).
    /// </summary>
    [Fact]
    public async Task College_return_sends_the_colleges_a_request()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Regionale aanpak", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel", bestuursmodel = "zonderBacs", terugkoppelingColleges = true })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("terugkoppeling");

        (await engine.OutboxAsync(id)).Count(m => m.Kind == "verzoek" && m.PayloadJson.Contains("\"verzoekColleges\""))
            .Should().Be(12, "the 12 colleges are consulted, so each gets its own request");
    }

    [Fact]
    public async Task Jaarrekening_informs_the_councils_then_the_AB_then_a_GS_task_that_stays_open_past_its_deadline()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2027, 6, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Jaarrekening 2026", pijler = "PubliekeGezondheid", soort = "jaarrekening" })).InstanceId;

        // Ready on 1 June 2027: no BAC, the DB of 16 June (documents by 2 June).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("db-2027-06-16");

        // The DB sends the voorlopige jaarstukken to the councils and puts it on the AB: the one of 23 June wanted
        // documents by 9 June, so 7 July (by 23 June). Art. 34b Wgr wanted them before 30 April: they still go out,
        // the journal records the overrun and the secretaries are told.
        await engine.MoveToAsync(new DateOnly(2027, 6, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        var melding = (await engine.OutboxAsync(id)).Should().ContainSingle(m => m.PayloadJson.Contains("\"mededeling\"")).Subject;
        var payload = JsonNode.Parse(melding.PayloadJson)!;
        payload["onderwerp"]!.GetValue<string>().Should().Be("Voorlopige jaarstukken: Jaarrekening 2026");
        payload["soort"]!.GetValue<string>().Should().Be("mededeling");
        var overrun = (await DataOfAsync(engine, id, "termijnOverschreden")).Should().ContainSingle().Subject;
        overrun["termijn"]!.GetValue<string>().Should().Be("uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)");
        var lateMail = (await engine.OutboxAsync(id)).Select(m => JsonNode.Parse(m.PayloadJson)!).Should()
            .ContainSingle(p => p["soort"]!.GetValue<string>() == "termijnVerstreken").Subject;
        lateMail["aanRol"]!.GetValue<string>().Should().Be("secretary");
        lateMail["onderwerp"]!.GetValue<string>().Should().Be("Te laat verzonden: Voorlopige jaarstukken: Jaarrekening 2026");
        lateMail["tekst"]!.GetValue<string>().Should().Be(
            "De melding is op 16 juni 2027 verzonden; de wettelijke termijn was uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden).");
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2027-07-07");
        (await engine.VariableAsync(id, "zienswijzen")).Should().BeNull();

        // Adopted on 7 July: to GS within 2 weeks (21 July) and before 15 July (14 July); the earlier is 14 July.
        await engine.MoveToAsync(new DateOnly(2027, 7, 7));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("nazorgJaarrekening");
        var task = (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Nazorg");
        task.Bookmark.Payload!["uiterlijk"]!["tekst"]!.GetValue<string>().Should().Be("uiterlijk 14 juli 2027 (art. 34 lid 3 Wgr: vóór 15 juli)");
        task.Bookmark.Payload!["taak"]!.GetValue<string>().Should().Be("De vastgestelde jaarrekening toezenden aan Gedeputeerde Staten.");

        // Not done by 14 July 23:59: the secretary is told, and the task stays open.
        await engine.MoveToAsync(new DateOnly(2027, 7, 14), 23);
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "termijnVerstreken");
        await engine.MoveToAsync(new DateOnly(2027, 7, 15));
        var late = (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "termijnVerstreken").Subject;
        late.ActivityId.Should().Be("nazorgJaarrekening");
        JsonNode.Parse(late.DataJson!)!["termijn"]!.GetValue<string>().Should().Be("uiterlijk 14 juli 2027 (art. 34 lid 3 Wgr: vóór 15 juli)");
        (await engine.OutboxAsync(id)).Select(m => JsonNode.Parse(m.PayloadJson)!)
            .Where(p => p["soort"]!.GetValue<string>() == "termijnVerstreken").Select(p => p["onderwerp"]!.GetValue<string>()).Should().Equal(
                "Te laat verzonden: Voorlopige jaarstukken: Jaarrekening 2026",
                "Termijn verstreken: De vastgestelde jaarrekening toezenden aan Gedeputeerde Staten.");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);
        (await engine.WaitingAsync(id)).Should().ContainSingle(w => w.ActivityId == "nazorgJaarrekening" && w.Bookmark.Name == "Nazorg");

        // Done on 19 July: the decision is made known and the route ends.
        await engine.MoveToAsync(new DateOnly(2027, 7, 19));
        await engine.ResumeAsync(id, "nazorgJaarrekening", "Nazorg", new { uitkomst = "gereed" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        (await engine.OutboxAsync(id)).Should().ContainSingle(m => m.PayloadJson.Contains("\"besluitGenomen\""));
    }

    [Fact]
    public async Task Kaderbrief_is_advised_by_the_BAC_then_sent_by_the_DB_to_the_councils_before_30_April_and_goes_on_to_the_AB()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2027, 1, 25));
        var id = (await engine.StartAsync("voorstel", new { titel = "Kaderbrief 2029", pijler = "PubliekeGezondheid", soort = "kaderbrief" })).InstanceId;

        // Ready on 25 January: the BAC PG of 24 February, then the DB of 24 March (documents by 10 March).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("bac-pg-2027-02-24");
        await engine.MoveToAsync(new DateOnly(2027, 2, 24));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positief" });
        (await MeetingAsync(engine, id)).Should().Be("db-2027-03-24");

        // The DB sends the kaders to the councils on 24 March, before 30 April (art. 34b Wgr), and puts them on the AB.
        await engine.MoveToAsync(new DateOnly(2027, 3, 24));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        var melding = JsonNode.Parse((await engine.OutboxAsync(id)).Should().ContainSingle(m => m.PayloadJson.Contains("\"mededeling\"")).Subject.PayloadJson)!;
        melding["onderwerp"]!.GetValue<string>().Should().Be("Kaderbrief: Kaderbrief 2029");
        melding["tekst"]!.GetValue<string>().Should().Contain("vóór 30 april (art. 34b Wgr)");
        (await DataOfAsync(engine, id, "melding")).Should().ContainSingle().Which["termijn"]!.GetValue<string>()
            .Should().Be("uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "termijnOverschreden");
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await MeetingAsync(engine, id)).Should().Be("ab-2027-04-14");
    }

    [Fact]
    public async Task Jaarrekening_adopted_in_April_is_due_at_GS_two_weeks_later()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2027, 3, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Jaarrapportage 2026", pijler = "ZorgEnVeiligheid", soort = "jaarrapportage" })).InstanceId;

        // Ready on 1 March: the DB of 24 March (documents by 10 March), then the AB of 14 April (documents by 31 March).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await MeetingAsync(engine, id)).Should().Be("db-2027-03-24");
        await engine.MoveToAsync(new DateOnly(2027, 3, 24));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await MeetingAsync(engine, id)).Should().Be("ab-2027-04-14");

        // The voorlopige jaarstukken left on 24 March, in time for art. 34b Wgr: the journal names the deadline, and
        // nobody is warned.
        (await DataOfAsync(engine, id, "melding")).Should().ContainSingle().Which["termijn"]!.GetValue<string>()
            .Should().Be("uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden)");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "termijnOverschreden");
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.PayloadJson.Contains("\"termijnVerstreken\""));

        // Adopted on 14 April: 2 weeks (28 April) is earlier than 14 July.
        await engine.MoveToAsync(new DateOnly(2027, 4, 14));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Nazorg").Bookmark.Payload!["uiterlijk"]!["tekst"]!.GetValue<string>()
            .Should().Be("uiterlijk 28 april 2027 (art. 34 lid 3 Wgr: 2 weken na vaststelling)");
    }

    private static readonly string[] Colleges =
    [
        "college-aa-en-hunze", "college-assen", "college-borger-odoorn", "college-coevorden", "college-de-wolden", "college-emmen",
        "college-hoogeveen", "college-meppel", "college-midden-drenthe", "college-noordenveld", "college-tynaarlo", "college-westerveld",
    ];

    private static async Task<string> MeetingAsync(GovernanceEngine engine, string instanceId) =>
        (await engine.VariableAsync(instanceId, "vergadering"))!["id"]!.GetValue<string>();

    private static async Task<List<JsonNode>> DataOfAsync(GovernanceEngine engine, string instanceId, string kind) =>
        (await engine.JournalAsync(instanceId)).Where(j => j.Kind == kind).Select(j => JsonNode.Parse(j.DataJson!)!).ToList();
}
