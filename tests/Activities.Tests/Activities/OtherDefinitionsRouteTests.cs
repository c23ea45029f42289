using System.Text.Json.Nodes;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// Every branch of the other shipped definitions, end to end on the demo jaarkalender 2026-2027 and a fake clock:
/// the change of the regeling (8 weeks for the councils, art. 1 lid 3 Wgr; every college must agree), the ZVHD's
/// jaarplan (the municipalities' one position by the BAC Z&amp;V or the AB, then the stuurgroep decides) and a theme of
/// the netwerktafel (input for the BAC Z&amp;V, or for the AB without BACs). Documents are due 10 working days before
/// each meeting.
/// </summary>
public sealed class OtherDefinitionsRouteTests
{
    private static readonly string[] Colleges =
    [
        "college-aa-en-hunze", "college-assen", "college-borger-odoorn", "college-coevorden", "college-de-wolden", "college-emmen",
        "college-hoogeveen", "college-meppel", "college-midden-drenthe", "college-noordenveld", "college-tynaarlo", "college-westerveld",
    ];

    [Fact]
    public async Task Wijziging_regeling_with_every_college_agreeing_is_published_and_ends_gewijzigd()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = await ToCollegesAsync(engine);

        // Every college agrees by 1 February 2027: publication within 4 weeks of the last college decision (no Atw), 1 March.
        await engine.MoveToAsync(new DateOnly(2027, 2, 1));
        foreach (var college in Colleges)
        {
            await engine.ResumeAsync(id, "collegebesluiten", "Antwoord", new { antwoord = "instemming" }, body: college);
        }

        (await engine.WaitingAtAsync(id)).Should().Equal("bekendmaken");
        (await engine.VariableAsync(id, "collegebesluiten"))!["samenvatting"]!.GetValue<string>()
            .Should().Be("12 van de 12 colleges stemmen in, 0 hebben bedenkingen, 0 reageerden niet.");
        (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Nazorg").Bookmark.Payload!["uiterlijk"]!["tekst"]!.GetValue<string>()
            .Should().Be("uiterlijk 1 maart 2027 (art. 26 Wgr: 4 weken na het laatste collegebesluit)");

        await engine.MoveToAsync(new DateOnly(2027, 2, 8));
        await engine.ResumeAsync(id, "bekendmaken", "Nazorg", new { uitkomst = "gereed" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("gewijzigd");
    }

    [Fact]
    public async Task Wijziging_regeling_with_one_college_silent_ends_niet_gewijzigd_because_all_must_agree()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = await ToCollegesAsync(engine);

        // Eleven colleges agree; Westerveld stays silent past 31 March 2027.
        await engine.MoveToAsync(new DateOnly(2027, 2, 1));
        foreach (var college in Colleges.Where(c => c != "college-westerveld"))
        {
            await engine.ResumeAsync(id, "collegebesluiten", "Antwoord", new { antwoord = "instemming" }, body: college);
        }

        await engine.MoveToAsync(new DateOnly(2027, 3, 31), 23);
        (await engine.WaitingAtAsync(id)).Should().Equal("collegebesluiten");
        await engine.MoveToAsync(new DateOnly(2027, 4, 1));
        var decisions = (await engine.VariableAsync(id, "collegebesluiten"))!;
        decisions["colleges"]!["college-westerveld"]!["antwoord"]!.GetValue<string>().Should().Be("geenReactie");
        decisions["samenvatting"]!.GetValue<string>().Should().Be("11 van de 12 colleges stemmen in, 0 hebben bedenkingen, 1 reageerden niet.");
        (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "terugkoppelingGesloten").Which.Outcome.Should().Be("bedenkingen");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("niet gewijzigd");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "bekendmaken");
    }

    /// <summary>
    /// The change of the regeling up to the colleges: DB 16 September 2026, 8 weeks for the councils until Wednesday
    /// 11 November, a reaction to Assen's zienswijze, AB 9 December, 16 weeks for the colleges until 31 March 2027.
    /// </summary>
    private static async Task<string> ToCollegesAsync(GovernanceEngine engine)
    {
        var id = (await engine.StartAsync("wijziging-regeling", new { titel = "Tweede wijziging regeling SamenDrenthe" })).InstanceId;
        var task = (await engine.WaitingAsync(id)).Single();
        task.ActivityId.Should().Be("voorbereiding");
        task.Bookmark.Payload!["groep"]!.GetValue<string>().Should().Be("vg-pg");

        // Ready on 1 September: the DB of 16 September (documents by 2 September).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitDb");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2026-09-16");

        // The DB sends the draft on 16 September: the councils have 8 weeks, until Wednesday 11 November 2026.
        await engine.MoveToAsync(new DateOnly(2026, 9, 16));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });
        var round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["termijn"]!["tekst"]!.GetValue<string>().Should().Be("uiterlijk 11 november 2026 (art. 1 lid 3 Wgr: 8 weken na verzending)");
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Antwoord").Should().Be(12);
        // Each council's contact gets a personal request (the host fills in the template and adds the link).
        var requests = (await engine.OutboxAsync(id)).Where(m => m.Kind == "verzoek").Select(m => JsonNode.Parse(m.PayloadJson)!).ToList();
        requests.Should().HaveCount(12).And.OnlyContain(r => r["soort"]!.GetValue<string>() == "verzoekZienswijze");
        requests[0]["onderwerp"]!.GetValue<string>().Should().Be("Verzoek om een zienswijze op de wijziging van de regeling: {titel}");
        requests[0]["voorstel"]!["titel"]!.GetValue<string>().Should().Be("Tweede wijziging regeling SamenDrenthe");
        requests[0]["uiterlijk"]!.GetValue<string>().Should().Be("uiterlijk 11 november 2026 (art. 1 lid 3 Wgr: 8 weken na verzending)");

        // Assen gives a zienswijze; the others stay silent past 11 November; the board reacts to Assen's.
        await engine.ResumeAsync(id, "zienswijzenronde", "Antwoord", new { antwoord = "positiefMetKanttekeningen", tekst = "Akkoord, met aandacht voor de uittreding." }, body: "raad-assen");
        await engine.MoveToAsync(new DateOnly(2026, 11, 12));
        (await engine.VariableAsync(id, "zienswijzen"))!["raden"]!["raad-coevorden"]!["zienswijze"]!.GetValue<string>().Should().Be("geenZienswijze");
        await engine.ResumeAsync(id, "zienswijzenronde", "Reactie", new { reactie = "De uittredingsregeling volgt de modelregeling; zie artikel 38." }, body: "raad-assen");

        // The AB of 9 December (documents by 25 November) adopts it and sends it to the colleges: 16 weeks, until 31 March 2027.
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2026-12-09");
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.WaitingAtAsync(id)).Should().Equal("collegebesluiten");
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Antwoord").Should().Be(12);
        (await engine.VariableAsync(id, "collegebesluiten"))!["termijn"]!["tekst"]!.GetValue<string>()
            .Should().Be("uiterlijk 31 maart 2027 (besluit van het algemeen bestuur: 16 weken na verzending)");
        (await engine.OutboxAsync(id)).Count(m => m.Kind == "verzoek" && m.PayloadJson.Contains("\"verzoekColleges\"")).Should().Be(12);
        return id;
    }

    [Fact]
    public async Task Zvhd_jaarplan_with_BACs_takes_the_position_of_the_BAC_ZV_and_the_stuurgroep_adopts_it()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("zvhd-jaarplan", new { titel = "Jaarplan ZVHD 2027" })).InstanceId;
        (await engine.WaitingAsync(id)).Single().Bookmark.Payload!["groep"]!.GetValue<string>().Should().Be("partnergroep-zvhd");

        // Ready on 1 September: the BAC Z&V of 23 September (documents by 9 September) gives the municipalities' position.
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("standpunt");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("bac-zv-2026-09-23");

        // Positive on 23 September: the stuurgroep of Thursday 15 October (documents by 1 October).
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "standpunt", "Vergadering", new { uitkomst = "positief" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitStuurgroep");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("stuurgroep-zvhd-2026-10-15");

        await engine.MoveToAsync(new DateOnly(2026, 10, 15));
        await engine.ResumeAsync(id, "besluitStuurgroep", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "besluitAb");
    }

    [Fact]
    public async Task Zvhd_jaarplan_without_BACs_takes_the_position_of_the_AB()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("zvhd-jaarplan", new { titel = "Jaarplan ZVHD 2027", bestuursmodel = "zonderBacs" })).InstanceId;

        // Ready on 1 September: the AB of 9 September wanted documents by 26 August, so the AB of 28 October (by 14 October).
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("standpunt");
        (await engine.VariableAsync(id, "standpuntOrgaan"))!.GetValue<string>().Should().Be("ab");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2026-10-28");
        (await engine.JournalAsync(id)).Where(j => j.Kind == "vergaderingOvergeslagen").Select(j => JsonNode.Parse(j.DataJson!)!["reden"]!.GetValue<string>())
            .Should().Equal("Vergadering van Algemeen bestuur op 9 september 2026 gemist: de stukken moesten er uiterlijk op 26 augustus 2026 (reglement van orde: stukken 10 werkdagen vóór de vergadering) zijn.");

        // Positive with remarks on 28 October: the stuurgroep of 10 December (documents by 26 November).
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "standpunt", "Vergadering", new { uitkomst = "positiefMetKanttekeningen" });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitStuurgroep");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("stuurgroep-zvhd-2026-12-10");

        await engine.MoveToAsync(new DateOnly(2026, 12, 10));
        await engine.ResumeAsync(id, "besluitStuurgroep", "Vergadering", new { uitkomst = "verworpen" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
    }

    [Fact]
    public async Task Zvhd_jaarplan_with_a_negative_position_goes_back_to_the_partnergroep_and_then_to_the_next_BAC_meeting()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("zvhd-jaarplan", new { titel = "Jaarplan ZVHD 2027" })).InstanceId;
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "standpunt", "Vergadering", new { uitkomst = "negatief", toelichting = "De begroting past niet binnen de bijdragen." });
        (await engine.WaitingAtAsync(id)).Should().Equal("voorbereiding");

        // Reworked by 1 October: the BAC Z&V after 23 September, 11 November (documents by 28 October).
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        (await engine.WaitingAtAsync(id)).Should().Equal("standpunt");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("bac-zv-2026-11-11");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);
    }

    [Fact]
    public async Task Netwerktafel_theme_with_BACs_goes_from_the_table_to_the_BAC_ZV_and_is_opgenomen()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("netwerktafel-thema", new { titel = "Zorgmijders" })).InstanceId;

        // At once on the table of Thursday 1 October (documents by 17 September).
        (await engine.WaitingAtAsync(id)).Should().Equal("koers");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("bnt-zv-2026-10-01");

        // Positive at the table: input for the BAC Z&V of 11 November (documents by 28 October).
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        await engine.ResumeAsync(id, "koers", "Vergadering", new { uitkomst = "positief" });
        (await engine.WaitingAtAsync(id)).Should().Equal("inputBac");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("bac-zv-2026-11-11");

        await engine.MoveToAsync(new DateOnly(2026, 11, 11));
        await engine.ResumeAsync(id, "inputBac", "Vergadering", new { uitkomst = "positiefMetKanttekeningen" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("opgenomen");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "besluitAb");
    }

    [Fact]
    public async Task Netwerktafel_theme_without_BACs_goes_to_the_AB_agenda_part_Zorg_en_Veiligheid()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("netwerktafel-thema", new { titel = "Zorgmijders", bestuursmodel = "zonderBacs" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        await engine.ResumeAsync(id, "koers", "Vergadering", new { uitkomst = "positief" });

        // The AB of 28 October (documents by 14 October), on the agenda part of the pillar.
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!;
        meeting["id"]!.GetValue<string>().Should().Be("ab-2026-10-28");
        meeting["agendadeel"]!.GetValue<string>().Should().Be("Zorg en Veiligheid");

        // Held over to 9 December, then adopted.
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "aangehouden" });
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2026-12-09");
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("opgenomen");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "inputBac");
    }

    [Fact]
    public async Task Netwerktafel_theme_that_the_table_rejects_is_niet_opgenomen()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("netwerktafel-thema", new { titel = "Zorgmijders" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        await engine.ResumeAsync(id, "koers", "Vergadering", new { uitkomst = "negatief", toelichting = "Geen prioriteit voor de partners." });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("niet opgenomen");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.ActivityId == "agendeerBac" || j.ActivityId == "agendeerAb");
    }
}
