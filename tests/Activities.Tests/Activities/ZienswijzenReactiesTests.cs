using System.Text.Json.Nodes;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// The board's reactions to the zienswijzen go to the councils, and the zienswijzen to the AB, only after the DB adopted
/// them (art. 35 lid 3 Wgr); a council that chose "geen zienswijze" has no text on record.
/// </summary>
public sealed class ZienswijzenReactiesTests
{
    private static string Definition(string id, bool withReactions) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Zienswijzen en AB",
          "inputs": [ { "name": "titel", "type": "string", "required": true } ],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "zienswijzen", "type": "Zienswijzenronde", "inputs": { "raden": ["raad-assen", "raad-emmen"], "termijn": "P3W" } },
              {{(withReactions ? """{ "id": "reacties", "type": "ReactiesZienswijzen" },""" : "")}}
              { "id": "agendeerAb", "type": "Agenderen", "inputs": { "orgaan": "ab" } },
              { "id": "besluitAb", "type": "Besluit", "inputs": { "orgaan": "ab", "reactiesVastgesteld": true } },
              { "id": "einde", "type": "End", "inputs": { "result": "gereed" } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "zienswijzen", "port": "In" } },
              { "source": { "activity": "zienswijzen", "port": "gereed" }, "target": { "activity": "{{(withReactions ? "reacties" : "agendeerAb")}}", "port": "In" } },
              {{(withReactions ? """{ "source": { "activity": "reacties", "port": "Done" }, "target": { "activity": "agendeerAb", "port": "In" } },""" : "")}}
              { "source": { "activity": "agendeerAb", "port": "geagendeerd" }, "target": { "activity": "besluitAb", "port": "In" } },
              { "source": { "activity": "besluitAb", "port": "vastgesteld" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    private static async Task<string> ReactedAsync(GovernanceEngine engine, string definitionId)
    {
        var id = (await engine.StartAsync(definitionId, new { titel = "Ontwerpbegroting 2027" })).InstanceId;
        await engine.ResumeAsync(id, "zienswijzen", "Antwoord", new { antwoord = "negatief", tekst = "De bijdrage stijgt te snel." }, body: "raad-assen");
        await engine.ResumeAsync(id, "zienswijzen", "Antwoord", new { antwoord = "geenZienswijze", tekst = "Concept dat niet bedoeld was." }, body: "raad-emmen");
        await engine.ResumeAsync(id, "zienswijzen", "Reactie", new { reactie = "De stijging volgt de cao en de afspraken in de kaderbrief." }, body: "raad-assen");
        return id;
    }

    [Fact]
    public async Task The_AB_cannot_take_up_zienswijzen_whose_reactions_the_DB_did_not_adopt_and_send()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(Definition("zonder-vaststelling", withReactions: false));
        var id = await ReactedAsync(engine, "zonder-vaststelling");

        // A route that skips the DB's adoption stops at the AB with an incident that says why, and decides nothing.
        var view = await engine.ViewAsync(id);
        view.Incidents.Should().ContainSingle().Which.Message.Should().Contain("dagelijks bestuur de reacties op de zienswijzen heeft vastgesteld en aan de raden gezonden (art. 35 lid 3 Wgr)");
        view.Incidents.Single().ActivityId.Should().Be("besluitAb");
        (await engine.OutboxAsync(id)).Should().NotContain(m => m.Kind == "zienswijzenReacties");
    }

    [Fact]
    public async Task Once_the_reactions_went_out_the_AB_decides_and_a_council_without_zienswijze_has_no_text_on_record()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync(Definition("met-vaststelling", withReactions: true));
        var id = await ReactedAsync(engine, "met-vaststelling");
        (await engine.WaitingAtAsync(id)).Should().Equal("besluitAb");
        var meeting = (await engine.VariableAsync(id, "vergadering"))!["datum"]!.GetValue<string>();
        await engine.MoveToAsync(DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture));

        var round = (await engine.VariableAsync(id, "zienswijzen"))!;
        round["raden"]!["raad-emmen"]!["zienswijze"]!.GetValue<string>().Should().Be("geenZienswijze");
        round["raden"]!["raad-emmen"]!["tekst"].Should().BeNull();
        round["reactiesVastgesteld"].Should().NotBeNull();

        var sent = JsonNode.Parse((await engine.OutboxAsync(id)).Single(m => m.Kind == "zienswijzenReacties").PayloadJson)!;
        var assen = sent["zienswijzen"]!.AsArray().Single()!;
        assen["orgaan"]!.GetValue<string>().Should().Be("raad-assen");
        assen["zienswijzeLabel"]!.GetValue<string>().Should().Be("Negatief");
        assen["reactie"]!.GetValue<string>().Should().Be("De stijging volgt de cao en de afspraken in de kaderbrief.");
        assen["aan"]!.AsArray().Should().NotBeEmpty();
        sent["zonderZienswijze"]!.AsArray().Select(c => c!["orgaan"]!.GetValue<string>()).Should().Equal("raad-emmen");
        (await engine.JournalAsync(id)).Should().Contain(j => j.Kind == "reactiesVerzonden");

        await engine.ResumeAsync(id, "besluitAb", "Vergadering", new { uitkomst = "vastgesteld" });
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
    }

    [Fact]
    public async Task Reactions_the_DB_changed_are_written_anew_for_each_zienswijze_before_they_go_out()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 10, 5));
        await engine.Host.SaveAsync("""
            {
              "definitionId": "herzien",
              "name": "Herzien",
              "inputs": [ { "name": "titel", "type": "string", "required": true } ],
              "root": {
                "type": "Flowchart",
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "zienswijzen", "type": "Zienswijzenronde", "inputs": { "raden": ["raad-assen", "raad-emmen"], "termijn": "P3W" } },
                  { "id": "aanpassen", "type": "ReactiesHerzien" },
                  { "id": "reacties", "type": "ReactiesZienswijzen" },
                  { "id": "einde", "type": "End", "inputs": { "result": "gereed" } }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "zienswijzen", "port": "In" } },
                  { "source": { "activity": "zienswijzen", "port": "gereed" }, "target": { "activity": "aanpassen", "port": "In" } },
                  { "source": { "activity": "aanpassen", "port": "gereed" }, "target": { "activity": "reacties", "port": "In" } },
                  { "source": { "activity": "reacties", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
                ]
              }
            }
            """);
        var id = await ReactedAsync(engine, "herzien");

        // Only the council that gave a zienswijze gets a reaction to write anew, shown with the one it had.
        var waiting = (await engine.WaitingAsync(id)).Should().ContainSingle().Subject;
        waiting.ActivityId.Should().Be("aanpassen");
        waiting.Bookmark.Payload!["orgaan"]!.GetValue<string>().Should().Be("raad-assen");
        waiting.Bookmark.Payload["reactie"]!.GetValue<string>().Should().Be("De stijging volgt de cao en de afspraken in de kaderbrief.");
        var tooShort = () => engine.ResumeAsync(id, "aanpassen", "Reactie", new { reactie = "Nee." }, body: "raad-assen");
        await tooShort.Should().ThrowAsync<ResumeRejectedException>().WithMessage("*gemotiveerd*");

        await engine.ResumeAsync(id, "aanpassen", "Reactie", new { reactie = "Zoals het DB besloot: de stijging volgt de cao; de rest komt uit de reserve." }, body: "raad-assen");
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
        var sent = JsonNode.Parse((await engine.OutboxAsync(id)).Single(m => m.Kind == "zienswijzenReacties").PayloadJson)!;
        sent["zienswijzen"]![0]!["reactie"]!.GetValue<string>().Should().Be("Zoals het DB besloot: de stijging volgt de cao; de rest komt uit de reserve.");
    }
}
