using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Definitions;

/// <summary>A definition that names a body, a meeting or a day that does not exist is refused when it is saved.</summary>
public sealed class GovernanceInputCheckTests
{
    [Fact]
    public void Unknown_bodies_a_body_of_the_wrong_kind_an_unknown_meeting_and_an_impossible_day_are_reported_with_their_paths()
    {
        const string json = """
            {
              "definitionId": "fouten",
              "name": "Fouten",
              "root": {
                "type": "Flowchart",
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "besluit", "type": "Besluit", "displayName": "Besluit AB", "inputs": { "orgaan": "bestuur-x", "vergadering": "ab-2031-01-01" } },
                  { "id": "ronde", "type": "Zienswijzenronde", "inputs": { "raden": ["raad-assen", "college-assen"] } },
                  { "id": "melding", "type": "Melding", "inputs": { "aan": ["raden", "m063", "iemand"], "onderwerp": "Test" } },
                  { "id": "nazorg", "type": "Nazorg", "inputs": { "taak": "Naar GS", "uiterlijkOp": "02-30" } },
                  { "id": "einde", "type": "End" }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "besluit", "port": "In" } },
                  { "source": { "activity": "besluit", "port": "vastgesteld" }, "target": { "activity": "ronde", "port": "In" } },
                  { "source": { "activity": "ronde", "port": "gereed" }, "target": { "activity": "melding", "port": "In" } },
                  { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "nazorg", "port": "In" } },
                  { "source": { "activity": "nazorg", "port": "gereed" }, "target": { "activity": "einde", "port": "In" } }
                ]
              }
            }
            """;
        using var services = ActivityServices.Build();
        var validator = new DefinitionValidator(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<IExpressionEvaluator>());

        var errors = validator.Validate(DefinitionParser.Parse(json)).Where(e => e.Code == ValidationCodes.InvalidInputValue).ToList();

        errors.Select(e => (e.Path, e.Message)).Should().Equal(
            ("$.root.activities[1].inputs.orgaan", "De invoer ‘Orgaan’ van de stap ‘Besluit AB’ klopt niet: orgaan 'bestuur-x' bestaat niet in het bestuursmodel."),
            ("$.root.activities[1].inputs.vergadering", "De invoer ‘Vergadering’ van de stap ‘Besluit AB’ klopt niet: vergadering 'ab-2031-01-01' staat niet op de jaarkalender."),
            ("$.root.activities[2].inputs.raden", "De invoer ‘Raden’ van de stap ‘Zienswijzenronde gemeenteraden’ klopt niet: College van B&W Assen is geen gemeenteraad."),
            ("$.root.activities[3].inputs.aan", "De invoer ‘Aan’ van de stap ‘Melding’ klopt niet: orgaan 'iemand' bestaat niet in het bestuursmodel."),
            ("$.root.activities[4].inputs.uiterlijkOp", "De invoer ‘Uiterlijk op (mm-dd)’ van de stap ‘Nazorg’ klopt niet: '02-30' is geen dag van het jaar (mm-dd, bijvoorbeeld 04-29)."));
    }

    [Fact]
    public void A_melding_with_a_last_day_needs_its_rule_and_article_and_a_real_day()
    {
        const string json = """
            {
              "definitionId": "kaderbrief",
              "name": "Kaderbrief",
              "root": {
                "type": "Flowchart",
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "zonderArtikel", "type": "Melding", "inputs": { "aan": ["raden"], "onderwerp": "Kaderbrief", "uiterlijkOp": "04-29" } },
                  { "id": "geenDag", "type": "Melding", "inputs": { "aan": ["raden"], "onderwerp": "Kaderbrief", "uiterlijkOp": "04-31", "uiterlijkRegel": "vóór 1 mei", "artikel": "art. 34b Wgr" } },
                  { "id": "goed", "type": "Melding", "inputs": { "aan": ["raden"], "onderwerp": "Kaderbrief", "uiterlijkOp": "04-29", "uiterlijkRegel": "vóór 30 april naar de raden", "artikel": "art. 34b Wgr" } },
                  { "id": "einde", "type": "End" }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "zonderArtikel", "port": "In" } },
                  { "source": { "activity": "zonderArtikel", "port": "Done" }, "target": { "activity": "geenDag", "port": "In" } },
                  { "source": { "activity": "geenDag", "port": "Done" }, "target": { "activity": "goed", "port": "In" } },
                  { "source": { "activity": "goed", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
                ]
              }
            }
            """;
        using var services = ActivityServices.Build();
        var validator = new DefinitionValidator(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<IExpressionEvaluator>());

        var errors = validator.Validate(DefinitionParser.Parse(json));

        errors.Select(e => (e.Code, e.Path, e.Message)).Should().Equal(
            (ValidationCodes.MissingInput, "$.root.activities[1].inputs.uiterlijkRegel",
                "Bij de stap ‘Melding’ (stap 2) ontbreekt de invoer ‘Regel vaste datum’: die is nodig omdat ‘Wettelijk uiterlijk op (mm-dd)’ is ingevuld."),
            (ValidationCodes.MissingInput, "$.root.activities[1].inputs.artikel",
                "Bij de stap ‘Melding’ (stap 2) ontbreekt de invoer ‘Artikel’: die is nodig omdat ‘Wettelijk uiterlijk op (mm-dd)’ is ingevuld."),
            (ValidationCodes.InvalidInputValue, "$.root.activities[2].inputs.uiterlijkOp",
                "De invoer ‘Wettelijk uiterlijk op (mm-dd)’ van de stap ‘Melding’ (stap 3) klopt niet: '04-31' is geen dag van het jaar (mm-dd, bijvoorbeeld 04-29)."));
    }
}
