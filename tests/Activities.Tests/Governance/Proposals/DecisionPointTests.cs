using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Governance.Proposals;

/// <summary>
/// A proposal's beslispunten: read from what a secretary types, checked for the start and the API, locked once the DB
/// decided (and open again when the DB takes the proposal up again), and amended by a meeting ("gewijzigd vastgesteld").
/// The DB of the demo model meets on 7 October and 18 November 2026.
/// </summary>
public sealed class DecisionPointTests
{
    /// <summary>Agenderen and Besluit of the DB; held over it goes on the agenda again, sent back it comes back through preparation.</summary>
    private const string DbMeeting = """
    {
      "definitionId": "beslispunten-db",
      "name": "Besluit van het DB over beslispunten",
      "variables": [ { "name": "vergadering" } ],
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "agendeer", "type": "Agenderen", "inputs": { "orgaan": "db" } },
          { "id": "besluit", "type": "Besluit", "inputs": { "orgaan": "db" } },
          { "id": "agendeerAb", "type": "Agenderen", "inputs": { "orgaan": "ab" } },
          { "id": "besluitAb", "type": "Besluit", "inputs": { "orgaan": "ab" } },
          { "id": "einde", "type": "End", "inputs": {} }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "agendeer", "port": "geagendeerd" }, "target": { "activity": "besluit", "port": "In" } },
          { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "agendeerAb", "port": "In" } },
          { "source": { "activity": "besluit", "port": "gewijzigdVastgesteld" }, "target": { "activity": "agendeerAb", "port": "In" } },
          { "source": { "activity": "besluit", "port": "verworpen" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluit", "port": "aangehouden" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "besluit", "port": "teruggestuurd" }, "target": { "activity": "agendeer", "port": "In" } },
          { "source": { "activity": "agendeerAb", "port": "geagendeerd" }, "target": { "activity": "besluitAb", "port": "In" } },
          { "source": { "activity": "besluitAb", "port": "vastgesteld" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluitAb", "port": "gewijzigdVastgesteld" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluitAb", "port": "verworpen" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluitAb", "port": "aangehouden" }, "target": { "activity": "agendeerAb", "port": "In" } },
          { "source": { "activity": "besluitAb", "port": "teruggestuurd" }, "target": { "activity": "agendeer", "port": "In" } }
        ]
      }
    }
    """;

    private static readonly object[] ThreePoints =
    [
        new { nummer = 1, tekst = "kennis te nemen van de evaluatie van het preventieakkoord;" },
        new { nummer = 2, tekst = "in te stemmen met het vervolg voor 2027-2030;" },
        new { nummer = 3, tekst = "de begroting 2027 hierop aan te passen." },
    ];

    [Fact]
    public void Typed_lines_become_numbered_points_and_numbers_the_secretary_typed_are_not_doubled()
    {
        var points = DecisionPointRules.FromLines("1. kennis te nemen van de evaluatie;\r\n\r\n2) in te stemmen met het vervolg;\n  de begroting 2027 aan te passen.  \n");

        points.Should().Equal(
            new Beslispunt(1, "kennis te nemen van de evaluatie;"),
            new Beslispunt(2, "in te stemmen met het vervolg;"),
            new Beslispunt(3, "de begroting 2027 aan te passen."));
        DecisionPointRules.FromLines("2028: het jaar van de nieuwe regeling").Single().Text.Should().Be("2028: het jaar van de nieuwe regeling",
            "a year is not a number the secretary put before the point");
    }

    [Fact]
    public void A_start_input_with_bad_beslispunten_openbaarheid_or_an_exemption_for_another_kind_is_refused_with_reasons_in_Dutch()
    {
        var input = JsonNode.Parse("""
            {
              "soort": "beleidsvoorstel",
              "beslispunten": [ { "nummer": 1, "tekst": "in te stemmen" }, { "nummer": 3, "tekst": "iets" }, { "nummer": 3, "tekst": " " } ],
              "openbaarheid": "geheim",
              "zienswijzenVrijgesteld": true,
              "kenmerk": 7
            }
            """)!.AsObject();

        DecisionPointRules.CheckStart(input).Should().Equal(
            new InputRefusal("beslispunten", "Beslispunt 2 heeft nummer 3; nummer de beslispunten 1, 2, 3 … op volgorde."),
            new InputRefusal("beslispunten", "Beslispunt 3 heeft geen tekst (‘tekst’)."),
            new InputRefusal("kenmerk", "‘kenmerk’ is tekst."),
            new InputRefusal("openbaarheid", "‘openbaarheid’ is ‘openbaar’ of ‘besloten’."),
            new InputRefusal("zienswijzenVrijgesteld",
                "‘Zienswijzen vrijgesteld’ geldt alleen voor een begrotingswijziging die de regeling vrijstelt; dit voorstel is een andere soort. Vink het uit, of kies de soort begrotingswijziging."));
        DecisionPointRules.CheckStart(JsonNode.Parse("""{ "beslispunten": [] }""")!.AsObject()).Should().ContainSingle()
            .Which.Message.Should().StartWith("Geef ten minste één beslispunt");
        DecisionPointRules.CheckStart(JsonNode.Parse("""{ "soort": "begrotingswijziging", "zienswijzenVrijgesteld": true, "beslispunten": [ { "tekst": "vast te stellen" } ] }""")!.AsObject())
            .Should().BeEmpty("a begrotingswijziging may be exempt, and a point without a number takes its place");
        DecisionPointRules.CheckStart(JsonNode.Parse("""{ "titel": "Zonder beslispunten" }""")!.AsObject()).Should().BeEmpty("a client written before the beslispunten existed still starts");
    }

    [Fact]
    public void The_timeline_says_which_beslispunten_changed_were_added_or_removed_by_their_numbers()
    {
        var before = new[] { new Beslispunt(1, "kennis te nemen van de evaluatie;"), new Beslispunt(2, "in te stemmen met het vervolg;"), new Beslispunt(3, "de begroting aan te passen.") };
        var after = new[] { new Beslispunt(1, "kennis te nemen van de evaluatie;"), new Beslispunt(2, "in te stemmen met het vervolg voor 2027-2030;") };

        var change = new DecisionPointChange(before, after);
        var read = DecisionPointChange.Read(change.ToData())!;

        read.Sentence().Should().Be("Beslispunten gewijzigd: beslispunt 2 ‘in te stemmen met het vervolg;’ werd ‘in te stemmen met het vervolg voor 2027-2030;’; "
            + "beslispunt 3 geschrapt (was ‘de begroting aan te passen.’)");
        new DecisionPointChange(after, [.. after, new Beslispunt(3, new string('x', 100) + " " + new string('y', 100))]).Sentence()
            .Should().Be($"Beslispunten gewijzigd: beslispunt 3 toegevoegd: ‘{new string('x', 100)} …’", "a long point is quoted short; the journal keeps it whole");
    }

    [Fact]
    public async Task Gewijzigd_vastgesteld_records_only_the_changed_points_and_makes_them_the_proposals_beslispunten()
    {
        await using var engine = await DbOnSeptember22Async();
        var id = (await engine.StartAsync("beslispunten-db", new { titel = "Preventieakkoord", beslispunten = ThreePoints })).InstanceId;

        await engine.ResumeAsync(id, "besluit", "Vergadering", new
        {
            uitkomst = "gewijzigdVastgesteld",
            gewijzigdeBeslispunten = new object[]
            {
                new { nummer = 1, tekst = "kennis te nemen van de evaluatie van het preventieakkoord;" },
                new { nummer = 2, tekst = "in te stemmen met het vervolg voor 2027-2028, met een tussenevaluatie;" },
                new { nummer = 3, tekst = "de begroting 2027 hierop aan te passen." },
            },
        });

        var outcome = GovernanceJournal.Read<VergaderingUitkomst>(await OutcomeLineAsync(engine, id))!;
        outcome.Uitkomst.Should().Be("gewijzigdVastgesteld");
        outcome.GewijzigdeBeslispunten.Should().Equal(new Beslispunt(2, "in te stemmen met het vervolg voor 2027-2028, met een tussenevaluatie;"));
        outcome.Sentence(new JournalReading(null)).Should().EndWith(
            "gewijzigd vastgesteld; beslispunt 2 luidt nu ‘in te stemmen met het vervolg voor 2027-2028, met een tussenevaluatie;’");
        var input = ProposalInput.Read((await engine.ViewAsync(id)).Input);
        input.DecisionPoints.Should().Equal(
            new Beslispunt(1, "kennis te nemen van de evaluatie van het preventieakkoord;"),
            new Beslispunt(2, "in te stemmen met het vervolg voor 2027-2028, met een tussenevaluatie;"),
            new Beslispunt(3, "de begroting 2027 hierop aan te passen."));
    }

    [Fact]
    public async Task Gewijzigd_vastgesteld_without_a_change_and_a_changed_text_with_another_outcome_are_refused_and_store_nothing()
    {
        await using var engine = await DbOnSeptember22Async();
        var id = (await engine.StartAsync("beslispunten-db", new { titel = "Preventieakkoord", beslispunten = ThreePoints })).InstanceId;
        var before = (await engine.ViewAsync(id)).Input.ToJsonString();

        var noChange = () => engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "gewijzigdVastgesteld", gewijzigdeBeslispunten = ThreePoints });
        await noChange.Should().ThrowAsync<ResumeRejectedException>().WithMessage(
            "Bij ‘Gewijzigd vastgesteld’ hoort de gewijzigde tekst van ten minste één beslispunt: pas de tekst aan zoals de vergadering hem vaststelde, of kies ‘Vastgesteld’. Er is niets vastgelegd.");
        var changedButAdopted = () => engine.ResumeAsync(id, "besluit", "Vergadering", new
        {
            uitkomst = "vastgesteld",
            gewijzigdeBeslispunten = new object[] { new { nummer = 3, tekst = "de begroting 2028 aan te passen." } },
        });
        await changedButAdopted.Should().ThrowAsync<ResumeRejectedException>().WithMessage(
            "De tekst van beslispunt 3 is aangepast, maar de uitkomst is niet ‘Gewijzigd vastgesteld’: kies ‘Gewijzigd vastgesteld’, of zet de tekst terug. Er is niets vastgelegd.");
        var unknownPoint = () => engine.ResumeAsync(id, "besluit", "Vergadering", new
        {
            uitkomst = "gewijzigdVastgesteld",
            gewijzigdeBeslispunten = new object[] { new { nummer = 4, tekst = "nieuw" } },
        });
        await unknownPoint.Should().ThrowAsync<ResumeRejectedException>().WithMessage("Het voorstel heeft geen beslispunt 4; het heeft er 3. Er is niets vastgelegd.");

        (await engine.ViewAsync(id)).Input.ToJsonString().Should().Be(before);
        (await engine.JournalAsync(id)).Should().NotContain(j => j.Kind == VergaderingUitkomst.KindName);
        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");
    }

    [Fact]
    public async Task The_beslispunten_lock_when_the_DB_decides_not_when_it_holds_the_item_over_and_open_again_when_the_DB_takes_it_up_again()
    {
        await using var engine = await DbOnSeptember22Async();
        var id = (await engine.StartAsync("beslispunten-db", new { titel = "Preventieakkoord", beslispunten = ThreePoints })).InstanceId;
        (await LockAsync(engine, id)).Should().BeNull("the DB has not met");

        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "aangehouden", toelichting = "Eerst overleg met de GGD." });
        (await LockAsync(engine, id)).Should().BeNull("held over is not decided");

        await engine.ResumeAsync(id, "besluit", "Vergadering", new { uitkomst = "vastgesteld" });
        var decided = await LockAsync(engine, id);
        decided.Should().NotBeNull();
        decided!.OutcomeWords.Should().Be("vastgesteld");
        DecisionPointLock.Refusal(decided).Should().StartWith("Het dagelijks bestuur heeft al besloten (vastgesteld, 18 november 2026 om 20:00)");

        // The AB sends it back to the DB: the DB takes it up again, and the secretary may change the points before it decides.
        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "teruggestuurd", toelichting = "Eerst de raden horen." });
        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");
        (await LockAsync(engine, id)).Should().BeNull("the DB has the proposal again");
    }

    [Fact]
    public async Task A_DB_decision_in_writing_locks_the_beslispunten_once_the_round_is_counted()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 28));
        await engine.Host.SaveAsync(DbInWriting);
        var id = (await engine.StartAsync("beslispunten-db-schriftelijk", new { titel = "Inkoop", beslispunten = ThreePoints })).InstanceId;

        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m063");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "tegen" }, seat: "m064");
        (await LockAsync(engine, id)).Should().BeNull("the round is still open");

        // Three of the five for: the outcome is certain and the round is counted.
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m065");
        await engine.ResumeAsync(id, "besluit", "Stem", new { keuze = "voor" }, seat: "m066");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);

        (await LockAsync(engine, id))!.OutcomeWords.Should().Be("vastgesteld");
    }

    private const string DbInWriting = """
    {
      "definitionId": "beslispunten-db-schriftelijk",
      "name": "Schriftelijk besluit van het DB over beslispunten",
      "inputs": [ { "name": "titel", "type": "string" } ],
      "root": {
        "type": "Flowchart",
        "activities": [
          { "id": "start", "type": "Start", "inputs": {} },
          { "id": "besluit", "type": "Besluit", "inputs": { "orgaan": "db", "wijze": "schriftelijk", "termijn": "P1W" } },
          { "id": "einde", "type": "End", "inputs": {} }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "besluit", "port": "In" } },
          { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluit", "port": "gewijzigdVastgesteld" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluit", "port": "verworpen" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluit", "port": "aangehouden" }, "target": { "activity": "einde", "port": "In" } },
          { "source": { "activity": "besluit", "port": "teruggestuurd" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    private static async Task<DbDecision?> LockAsync(GovernanceEngine engine, string id) =>
        DecisionPointLock.Find(await engine.Host.ReadAsync(reader => reader.GetJournalAsync(id)));

    private static async Task<JournalEntry> OutcomeLineAsync(GovernanceEngine engine, string id) =>
        (await engine.Host.ReadAsync(reader => reader.GetJournalAsync(id))).Single(j => j.Kind == VergaderingUitkomst.KindName);

    private static async Task<GovernanceEngine> DbOnSeptember22Async()
    {
        // On 22 September the DB of 7 October still takes documents (until 23 September).
        var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 22));
        await engine.Host.SaveAsync(DbMeeting);
        return engine;
    }
}
