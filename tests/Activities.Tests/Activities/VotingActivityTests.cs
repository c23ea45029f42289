using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// The Advies and Besluit activities with votes, in small definitions: in a meeting with the votes recorded (the AB
/// weighted, the quorum, a tie by art. 32 Gemeentewet), in writing with one request per seat (the DB), a request that
/// passes to a successor when a term ends, and a meeting that goes by without a recorded outcome. The demo AB has 12
/// seats of weight 16 in all (Emmen 3, Assen 2, Hoogeveen 2, the others 1); the DB has 5 seats of one vote each.
/// </summary>
public sealed class VotingActivityTests
{
    /// <summary>Agenderen and Besluit of the AB; held over or returned, it goes on the agenda again (as in "voorstel").</summary>
    private const string AbVote = """
    {
      "definitionId": "stemming-ab",
      "name": "Besluit van het AB met stemmen",
      "variables": [ { "name": "vergadering" } ],
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "agendeer", "type": "Agenderen", "inputs": { "orgaan": "ab" } },
          { "id": "besluit", "type": "Besluit", "inputs": { "orgaan": "ab" } },
          { "id": "vastgesteld", "type": "End", "inputs": { "result": "vastgesteld" } },
          { "id": "verworpen", "type": "End", "inputs": { "result": "verworpen" } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "agendeer", "port": "geagendeerd" }, "target": { "activity": "besluit", "port": "In" } },
          { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "gewijzigdVastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "verworpen" }, "target": { "activity": "verworpen", "port": "In" } },
          { "source": { "activity": "besluit", "port": "aangehouden" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "besluit", "port": "teruggestuurd" }, "target": { "activity": "agendeer", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>A decision of the DB in writing, one week.</summary>
    private const string DbInWriting = """
    {
      "definitionId": "schriftelijk-db",
      "name": "Schriftelijk besluit van het DB",
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "besluit", "type": "Besluit", "inputs": { "orgaan": "db", "wijze": "schriftelijk", "termijn": "P1W" } },
          { "id": "vastgesteld", "type": "End", "inputs": { "result": "vastgesteld" } },
          { "id": "verworpen", "type": "End", "inputs": { "result": "verworpen" } },
          { "id": "aangehouden", "type": "End", "inputs": { "result": "aangehouden" } },
          { "id": "teruggestuurd", "type": "End", "inputs": { "result": "teruggestuurd" } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "besluit", "port": "In" } },
          { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "gewijzigdVastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "verworpen" }, "target": { "activity": "verworpen", "port": "In" } },
          { "source": { "activity": "besluit", "port": "aangehouden" }, "target": { "activity": "aangehouden", "port": "In" } },
          { "source": { "activity": "besluit", "port": "teruggestuurd" }, "target": { "activity": "teruggestuurd", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>Agenderen and Besluit of the DB in a meeting.</summary>
    private const string DbMeeting = """
    {
      "definitionId": "vergadering-db",
      "name": "Besluit van het DB in een vergadering",
      "variables": [ { "name": "vergadering" } ],
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "agendeer", "type": "Agenderen", "inputs": { "orgaan": "db" } },
          { "id": "besluit", "type": "Besluit", "inputs": { "orgaan": "db" } },
          { "id": "vastgesteld", "type": "End", "inputs": { "result": "vastgesteld" } },
          { "id": "verworpen", "type": "End", "inputs": { "result": "verworpen" } },
          { "id": "teruggestuurd", "type": "End", "inputs": { "result": "teruggestuurd" } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "agendeer", "port": "geagendeerd" }, "target": { "activity": "besluit", "port": "In" } },
          { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "gewijzigdVastgesteld" }, "target": { "activity": "vastgesteld", "port": "In" } },
          { "source": { "activity": "besluit", "port": "verworpen" }, "target": { "activity": "verworpen", "port": "In" } },
          { "source": { "activity": "besluit", "port": "aangehouden" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "besluit", "port": "teruggestuurd" }, "target": { "activity": "teruggestuurd", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>Agenderen and Advies of the BAC Publieke Gezondheid (12 members, one vote each).</summary>
    private const string BacAdvice = """
    {
      "definitionId": "advies-bac",
      "name": "Advies van de BAC PG",
      "variables": [ { "name": "vergadering" } ],
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "agendeer", "type": "Agenderen", "inputs": { "orgaan": "bac-pg" } },
          { "id": "advies", "type": "Advies", "inputs": { "orgaan": "bac-pg" } },
          { "id": "positief", "type": "End", "inputs": { "result": "positief" } },
          { "id": "kanttekeningen", "type": "End", "inputs": { "result": "positiefMetKanttekeningen" } },
          { "id": "negatief", "type": "End", "inputs": { "result": "negatief" } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "agendeer", "port": "geagendeerd" }, "target": { "activity": "advies", "port": "In" } },
          { "source": { "activity": "advies", "port": "positief" }, "target": { "activity": "positief", "port": "In" } },
          { "source": { "activity": "advies", "port": "positiefMetKanttekeningen" }, "target": { "activity": "kanttekeningen", "port": "In" } },
          { "source": { "activity": "advies", "port": "negatief" }, "target": { "activity": "negatief", "port": "In" } }
        ]
      }
    }
    """;

    // The AB seats from 1 July 2026 (weight): Aa en Hunze m028 (1), Assen m031 (2), Borger-Odoorn m034 (1), Coevorden m037 (1),
    // De Wolden m040 (1), Emmen m043 (3), Hoogeveen m046 (2), Meppel m049 (1), Midden-Drenthe m052 (1), Noordenveld m055 (1),
    // Tynaarlo m058 (1), Westerveld m061 (1). The DB: m063 (Assen, chair), m064 (Emmen), m065 (Hoogeveen), m066 (Meppel), m067 (Tynaarlo).

    [Fact]
    public async Task AB_decides_by_weighted_majority_even_when_the_head_count_is_the_other_way()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;

        // Three members for (Assen 2, Emmen 3, Hoogeveen 2: weight 7), five against (weight 5): 12 of 16 take part.
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new
        {
            stemmen = Votes(voor: ["m031", "m043", "m046"], tegen: ["m028", "m034", "m037", "m040", "m049"]),
        });

        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        var outcome = (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "vergaderingUitkomst").Subject;
        outcome.Outcome.Should().Be("vastgesteld");
        var data = JsonNode.Parse(outcome.DataJson!)!;
        data["uitleg"]!.GetValue<string>().Should().Be("Aangenomen met meerderheid van de uitgebrachte stemmen: 7 voor, 5 tegen, 0 onthouding (stemgewicht van leden).");
        data["vergadering"]!.GetValue<string>().Should().Be("ab-2026-10-28");
    }

    [Fact]
    public async Task AB_tie_in_a_meeting_that_is_not_full_holds_it_over_and_a_second_tie_rejects_it()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;

        // Six of twelve seats vote, weight 10 of 16: Assen and Emmen for (5), Hoogeveen, Aa en Hunze, Borger-Odoorn and
        // Coevorden against (5). The votes tie in a meeting that is not full: held over to 9 December (art. 32 lid 2 Gemeentewet).
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = Votes(voor: ["m031", "m043"], tegen: ["m046", "m028", "m034", "m037"]) });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2026-12-09");
        var first = (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "vergaderingUitkomst").Subject;
        first.Outcome.Should().Be("aangehouden");
        JsonNode.Parse(first.DataJson!)!["uitleg"]!.GetValue<string>().Should().Be("De stemmen staken: 5 voor, 5 tegen, 0 onthouding (stemgewicht van leden).");

        // The votes tie again on 9 December: rejected (art. 32 lid 3).
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = Votes(voor: ["m031", "m043"], tegen: ["m046", "m028", "m034", "m037"]) });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
        (await engine.JournalAsync(id)).Where(j => j.Kind == "vergaderingUitkomst").Select(j => j.Outcome).Should().Equal("aangehouden", "verworpen");
    }

    [Fact]
    public async Task AB_tie_in_a_full_meeting_rejects_it_at_once()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;

        // All twelve seats vote: Emmen, Assen, Hoogeveen and Aa en Hunze for (weight 8), the other eight against (8).
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new
        {
            stemmen = Votes(voor: ["m043", "m031", "m046", "m028"], tegen: ["m034", "m037", "m040", "m049", "m052", "m055", "m058", "m061"]),
        });

        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
        JsonNode.Parse((await engine.JournalAsync(id)).Single(j => j.Kind == "vergaderingUitkomst").DataJson!)!["uitleg"]!.GetValue<string>()
            .Should().Be("De stemmen staken: 8 voor, 8 tegen, 0 onthouding (stemgewicht van leden).");
    }

    [Fact]
    public async Task AB_without_a_quorum_holds_it_over_to_the_next_meeting()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;

        // Only Emmen, Assen and Hoogeveen vote: weight 7 of 16 is not more than half.
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = Votes(voor: ["m043", "m031", "m046"], tegen: []) });

        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2026-12-09");
        var outcome = (await engine.JournalAsync(id)).Single(j => j.Kind == "vergaderingUitkomst");
        outcome.Outcome.Should().Be("aangehouden");
        JsonNode.Parse(outcome.DataJson!)!["uitleg"]!.GetValue<string>().Should().StartWith("Geen quorum: 7 van 16 (stemgewicht van leden) namen deel");
    }

    [Fact]
    public async Task A_recorded_outcome_that_contradicts_the_votes_is_refused_and_the_meeting_still_waits()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));

        // Weight 5 for, 7 against: rejected by the votes, yet "vastgesteld" is recorded.
        var votes = Votes(voor: ["m028", "m034", "m037", "m040", "m049"], tegen: ["m031", "m043", "m046"]);
        var contradicting = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "vastgesteld", stemmen = votes });
        await contradicting.Should().ThrowAsync<ResumeRejectedException>()
            .WithMessage("De gekozen uitkomst 'Vastgesteld' past niet bij de stemmen: Verworpen, geen meerderheid van de uitgebrachte stemmen: 5 voor, 7 tegen, 0 onthouding (stemgewicht van leden).");
        (await engine.WaitingAsync(id)).Should().Contain(w => w.ActivityId == "besluit" && w.Bookmark.Name == "Vergadering");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "vergaderingUitkomst");

        // Someone who is not an AB member cannot vote either.
        var stranger = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = Votes(voor: ["m063"], tegen: []) });
        await stranger.Should().ThrowAsync<ResumeRejectedException>().WithMessage("'m063' is op 28 oktober 2026 geen lid van Algemeen bestuur.");

        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "verworpen", stemmen = votes });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("verworpen");
    }

    /// <summary>
    /// Art. 32 Gemeentewet: only a tie at the meeting right after a tie rejects. A proposal held over after a tie, then
    /// returned and brought back months later, starts afresh (the tie state is not kept across other outcomes).
    /// </summary>
    [Fact]
    public async Task A_tie_after_the_proposal_was_returned_and_came_back_holds_it_over_again()
    {
        await using var engine = await AbOnOctober28Async();
        var id = (await engine.StartAsync("stemming-ab", new { titel = "Huisvesting" })).InstanceId;
        var tie = Votes(voor: ["m031", "m043"], tegen: ["m046", "m028", "m034", "m037"]);

        // A tie on 28 October (not full): held over to 9 December, where the AB returns it without a vote.
        await engine.MoveToAsync(new DateOnly(2026, 10, 28));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = tie });
        await engine.MoveToAsync(new DateOnly(2026, 12, 9));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "teruggestuurd", toelichting = "Eerst een nieuw voorstel." });
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("ab-2027-04-14");

        // Back on 14 April 2027 as a new treatment: a tie in a meeting that is not full holds it over once more.
        await engine.MoveToAsync(new DateOnly(2027, 4, 14));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { stemmen = tie });
        (await engine.JournalAsync(id)).Where(j => j.Kind == "vergaderingUitkomst").Select(j => j.Outcome)
            .Should().Equal("aangehouden", "teruggestuurd", "aangehouden");
        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");
    }

    [Fact]
    public async Task BAC_advice_with_votes_follows_the_majority_and_refuses_a_contradicting_outcome()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        await engine.Host.SaveAsync(BacAdvice);
        var id = (await engine.StartAsync("advies-bac", new { titel = "Preventieakkoord" })).InstanceId;
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("bac-pg-2026-09-23");
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));

        // Seven positive (one with remarks), three negative, one abstention of the twelve members.
        var stemmen = new object[]
        {
            new { lid = "m001", keuze = "positief" }, new { lid = "m003", keuze = "positief" }, new { lid = "m005", keuze = "positief" },
            new { lid = "m007", keuze = "positief" }, new { lid = "m009", keuze = "positief" }, new { lid = "m011", keuze = "positief" },
            new { lid = "m013", keuze = "positiefMetKanttekeningen" }, new { lid = "m015", keuze = "negatief" }, new { lid = "m017", keuze = "negatief" },
            new { lid = "m019", keuze = "negatief" }, new { lid = "m021", keuze = "onthouding" },
        };
        var contradicting = () => engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "negatief", stemmen });
        await contradicting.Should().ThrowAsync<ResumeRejectedException>().WithMessage("*past niet bij de stemmen*");

        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positiefMetKanttekeningen", stemmen });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("positiefMetKanttekeningen");
        JsonNode.Parse((await engine.JournalAsync(id)).Single(j => j.Kind == "vergaderingUitkomst").DataJson!)!["uitleg"]!.GetValue<string>()
            .Should().Be("Aangenomen met meerderheid van de uitgebrachte stemmen: 7 voor, 3 tegen, 1 onthouding (leden).");
    }

    [Fact]
    public async Task DB_in_writing_asks_every_seat_and_decides_when_all_have_voted()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 28));
        await engine.Host.SaveAsync(DbInWriting);
        var id = (await engine.StartAsync("schriftelijk-db", new { titel = "Inkoop" })).InstanceId;

        // Monday 28 September: one request per seat, one week (a period of the reglement, no Atw), until Monday 5 October.
        var waiting = await engine.WaitingAsync(id);
        waiting.Where(w => w.Bookmark.Name == "Stem").Select(w => w.Bookmark.Payload!["zetel"]!.GetValue<string>())
            .Should().BeEquivalentTo(["m063", "m064", "m065", "m066", "m067"]);
        var deadline = waiting.Should().ContainSingle(w => w.Bookmark.Name == "Termijn").Subject.Bookmark;
        deadline.DueAt.Should().Be(GovernanceEngine.At(new DateOnly(2026, 10, 5), 23).AddMinutes(59));
        deadline.Payload!["uiterlijk"]!.GetValue<string>().Should().Be("uiterlijk 5 oktober 2026 (reglement van orde: schriftelijke ronde van 1 week)");
        var request = waiting.Single(w => w.Bookmark.Payload?["zetel"]?.GetValue<string>() == "m064").Bookmark.Payload!;
        request["naam"]!.GetValue<string>().Should().Be("Sander Kamps");
        request["keuzes"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("voor", "tegen", "onthouding");

        // A choice that is not offered is refused; the request stays open.
        var wrong = () => engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "misschien" }, seat: "m065");
        await wrong.Should().ThrowAsync<ResumeRejectedException>().WithMessage("'misschien' is geen mogelijk antwoord. Kies Voor, Tegen of Onthouding (in een koppeling: 'keuze' met voor, tegen of onthouding).");
        (await engine.WaitingAsync(id)).Should().Contain(w => w.Bookmark.Name == "Stem" && w.Bookmark.Payload!["zetel"]!.GetValue<string>() == "m065");

        // Three for, one against, one abstention: once the fifth vote is in, adopted (before the deadline).
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m064");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "tegen", toelichting = "Te duur." }, seat: "m065");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "onthouding" }, seat: "m066");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m067");

        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        var journal = await engine.JournalAsync(id);
        journal.Count(j => j.Kind == "stem").Should().Be(5);
        var result = journal.Should().ContainSingle(j => j.Kind == "uitslag").Subject;
        result.Outcome.Should().Be("Aangenomen");
        var data = JsonNode.Parse(result.DataJson!)!;
        data["uitleg"]!.GetValue<string>().Should().Be("Aangenomen met meerderheid van de uitgebrachte stemmen: 3 voor, 1 tegen, 1 onthouding (leden).");
        data["termijnVerstreken"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task DB_in_writing_without_a_quorum_by_the_deadline_goes_to_the_meeting()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 28));
        await engine.Host.SaveAsync(DbInWriting);
        var id = (await engine.StartAsync("schriftelijk-db", new { titel = "Inkoop" })).InstanceId;

        // Two of five vote by Monday 5 October: no quorum (more than half).
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m066");
        await engine.MoveToAsync(new DateOnly(2026, 10, 5), 23);
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Stem").Should().Be(5, "every seat's request stays open while the round runs");
        (await engine.StateAsync(id)).ActivityStates["besluit"]["stemmen"]!.AsObject().Should().HaveCount(2);

        // After 23:59 the round closes and the item goes to the next DB meeting, 7 October: the members already have
        // the documents of the written round, so its documents deadline (23 September) does not hold it back.
        await engine.MoveToAsync(new DateOnly(2026, 10, 6));
        var waiting = await engine.WaitingAsync(id);
        waiting.Select(w => w.Bookmark.Name).Should().BeEquivalentTo(["Vergadering", "NietBehandeld"]);
        waiting.Single(w => w.Bookmark.Name == "Vergadering").Bookmark.Payload!["vergadering"]!["id"]!.GetValue<string>().Should().Be("db-2026-10-07");
        var journal = await engine.JournalAsync(id);
        var result = journal.Should().ContainSingle(j => j.Kind == "uitslag").Subject;
        result.Outcome.Should().Be("GeenQuorum");
        var data = JsonNode.Parse(result.DataJson!)!;
        data["uitleg"]!.GetValue<string>().Should().StartWith("Geen quorum: 2 van 5 (leden) namen deel");
        data["termijnVerstreken"]!.GetValue<bool>().Should().BeTrue();
        journal.Should().ContainSingle(j => j.Kind == "naarVergadering");

        // The meeting decides.
        await engine.MoveToAsync(new DateOnly(2026, 10, 7));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
    }

    [Fact]
    public async Task An_open_written_request_passes_to_the_successor_when_the_term_ends()
    {
        // Sander Kamps (m064, Emmen) leaves the DB on 30 September 2026; Marit de Boer (Emmen) takes his seat on 1 October.
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 28), model => model with
        {
            Members =
            [
                .. model.Members.Select(m => m.Id == "m064" ? m with { To = new DateOnly(2026, 9, 30) } : m),
                new Member("m200", "Marit de Boer", "marit.deboer@emmen.example.org", "db", MemberRole.Lid, "emmen", 1, new DateOnly(2026, 10, 1), null),
            ],
        });
        await engine.Host.SaveAsync(DbInWriting);
        var id = (await engine.StartAsync("schriftelijk-db", new { titel = "Inkoop" })).InstanceId;
        (await engine.WaitingAsync(id)).Count(w => w.Bookmark.Name == "Stem").Should().Be(5, "on 28 September Sander Kamps still sits");

        // On 1 October Sander Kamps's vote is refused; the request has passed to his successor.
        await engine.MoveToAsync(new DateOnly(2026, 10, 1));
        var predecessor = () => engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m064", keuze = "voor" }, seat: "m064");
        await predecessor.Should().ThrowAsync<ResumeRejectedException>()
            .WithMessage("De zittingstermijn van Sander Kamps is op 30 september 2026 geëindigd; het verzoek is overgegaan naar Marit de Boer.");

        // Marit de Boer votes on the seat; the journal keeps who voted and for which seat.
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m200", keuze = "tegen" }, seat: "m064");
        var vote = (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "stem").Subject;
        vote.Outcome.Should().Be("tegen");
        var data = JsonNode.Parse(vote.DataJson!)!;
        data["naam"]!.GetValue<string>().Should().Be("Marit de Boer");
        data["lid"]!.GetValue<string>().Should().Be("m200");
        data["zetel"]!.GetValue<string>().Should().Be("m064");
        (await engine.WaitingAsync(id)).Should().ContainSingle(w => w.Bookmark.Name == "Stem" && w.Bookmark.Payload!["zetel"]!.GetValue<string>() == "m064",
            "the seat's request stays open while the round runs, so the choice may still change");

        // Three others vote for: 3 of 5 seats, a majority whatever the fifth does, so the round closes at once.
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m065");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m066");
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        var state = await engine.StateAsync(id);
        state.ActivityStates["besluit"]["stemmen"]!["m064"]!["naam"]!.GetValue<string>().Should().Be("Marit de Boer");
    }

    [Fact]
    public async Task A_meeting_that_passes_without_a_recorded_outcome_moves_the_item_to_the_next_meeting()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 22));
        await engine.Host.SaveAsync(DbMeeting);
        var id = (await engine.StartAsync("vergadering-db", new { titel = "Inkoop" })).InstanceId;

        // On 22 September the DB of 7 October still takes documents (until 23 September). The outcome may be recorded
        // until 5 working days after the meeting: Wednesday 14 October, 23:59.
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2026-10-07");
        var timer = (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "NietBehandeld").Bookmark;
        timer.DueAt.Should().Be(GovernanceEngine.At(new DateOnly(2026, 10, 14), 23).AddMinutes(59));

        await engine.MoveToAsync(new DateOnly(2026, 10, 14), 23);
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "nietBehandeld");

        // Nothing recorded: on 15 October the item moves to the next DB meeting, 18 November.
        await engine.MoveToAsync(new DateOnly(2026, 10, 15));
        var moved = (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "nietBehandeld").Subject;
        JsonNode.Parse(moved.DataJson!)!["volgende"]!.GetValue<string>().Should().Be("db-2026-11-18");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);
        var waiting = await engine.WaitingAsync(id);
        waiting.Single(w => w.Bookmark.Name == "Vergadering").Bookmark.Payload!["vergadering"]!["id"]!.GetValue<string>().Should().Be("db-2026-11-18");
        waiting.Single(w => w.Bookmark.Name == "NietBehandeld").Bookmark.DueAt.Should().Be(GovernanceEngine.At(new DateOnly(2026, 11, 25), 23).AddMinutes(59));

        // It is decided there.
        await engine.MoveToAsync(new DateOnly(2026, 11, 18));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
        JsonNode.Parse((await engine.JournalAsync(id)).Single(j => j.Kind == "vergaderingUitkomst").DataJson!)!["vergadering"]!.GetValue<string>()
            .Should().Be("db-2026-11-18");
    }

    /// <summary>
    /// The instance variable "vergadering" (which Agenderen filled and which shows the item's meeting) follows the item
    /// to the next meeting, not only the activity's own state.
    /// </summary>
    [Fact]
    public async Task A_meeting_that_passes_without_a_recorded_outcome_also_moves_the_vergadering_variable()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 22));
        await engine.Host.SaveAsync(DbMeeting);
        var id = (await engine.StartAsync("vergadering-db", new { titel = "Inkoop" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2026, 10, 15));
        (await engine.JournalAsync(id)).Should().ContainSingle(j => j.Kind == "nietBehandeld");

        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2026-11-18");
    }

    [Fact]
    public async Task The_secretary_moves_an_item_to_a_later_meeting_with_a_reason_and_it_is_decided_there()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 22));
        await engine.Host.SaveAsync(DbMeeting);
        var id = (await engine.StartAsync("vergadering-db", new { titel = "Inkoop" })).InstanceId;
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2026-10-07");

        // Refused, and nothing changes: no reason, a meeting of another body, a meeting that was held, the same meeting.
        var noReason = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "db-2026-11-18" });
        await noReason.Should().ThrowAsync<ResumeRejectedException>().WithMessage("Geef een reden om het voorstel naar een andere vergadering te verplaatsen*");
        var otherBody = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "ab-2026-10-28", toelichting = "x" });
        await otherBody.Should().ThrowAsync<ResumeRejectedException>().WithMessage("De vergadering van 28 oktober 2026 is geen vergadering van Dagelijks bestuur.");
        var held = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "db-2026-09-16", toelichting = "x" });
        await held.Should().ThrowAsync<ResumeRejectedException>().WithMessage("De vergadering van 16 september 2026 is al geweest*");
        var same = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "db-2026-10-07", toelichting = "x" });
        await same.Should().ThrowAsync<ResumeRejectedException>().WithMessage("Het voorstel staat al op de vergadering van 7 oktober 2026.");
        var unknown = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "db-2030-01-01", toelichting = "x" });
        await unknown.Should().ThrowAsync<ResumeRejectedException>().WithMessage("Vergadering 'db-2030-01-01' staat niet op de jaarkalender.");
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "verplaatst");

        await engine.ResumeAsync(id, "besluit", "Vergadering", new { verplaatsNaar = "db-2026-11-18", toelichting = "Advies van de accountant volgt later." });

        var moved = JsonNode.Parse((await engine.JournalAsync(id)).Single(j => j.Kind == "verplaatst").DataJson!)!;
        moved["van"]!.GetValue<string>().Should().Be("db-2026-10-07");
        moved["naar"]!.GetValue<string>().Should().Be("db-2026-11-18");
        moved["toelichting"]!.GetValue<string>().Should().Be("Advies van de accountant volgt later.");
        moved["naStukkentermijn"]!.GetValue<bool>().Should().BeFalse();
        (await engine.VariableAsync(id, "vergadering"))!["id"]!.GetValue<string>().Should().Be("db-2026-11-18");
        var waiting = await engine.WaitingAsync(id);
        waiting.Single(w => w.Bookmark.Name == "Vergadering").Bookmark.Payload!["vergadering"]!["id"]!.GetValue<string>().Should().Be("db-2026-11-18");
        // The old meeting's "not recorded" timer is gone; the new one runs to 5 working days after 18 November.
        waiting.Single(w => w.Bookmark.Name == "NietBehandeld").Bookmark.DueAt.Should().Be(GovernanceEngine.At(new DateOnly(2026, 11, 25), 23).AddMinutes(59));

        // 7 October passes without anything happening to the item; it is decided on 18 November.
        await engine.MoveToAsync(new DateOnly(2026, 10, 20));
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == "nietBehandeld");
        await engine.MoveToAsync(new DateOnly(2026, 11, 18));
        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StateAsync(id)).Result!.GetValue<string>().Should().Be("vastgesteld");
    }

    private static async Task<GovernanceEngine> AbOnOctober28Async()
    {
        // On 1 September the AB of 9 September wanted documents by 26 August: the item goes to 28 October (by 14 October).
        var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        await engine.Host.SaveAsync(AbVote);
        return engine;
    }

    private static object[] Votes(string[] voor, string[] tegen) =>
        [.. voor.Select(lid => (object)new { lid, keuze = "voor" }), .. tegen.Select(lid => (object)new { lid, keuze = "tegen" })];
}
