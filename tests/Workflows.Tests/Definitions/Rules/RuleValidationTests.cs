using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Tests.Support;

namespace AdviesRoute.Workflows.Tests.Definitions.Rules;

public sealed class RuleValidationTests
{
    private readonly DefinitionValidator _validator = new(FlowValidation.Registry, FlowValidation.CreateExpressions());

    /// <summary>A route with declared inputs and a variable with a field; <paramref name="steps"/> sit between Start and End.</summary>
    private static WorkflowDefinitionModel Route(string condition, string wait = "\"P2W\"", string result = "\"klaar\"", string inputs = "") =>
        DefinitionParser.Parse($$"""
        {
          "definitionId": "regels",
          "name": "Regels",
          "variables": [ { "name": "ronde", "displayName": "Ronde", "fields": [ { "name": "aantal", "type": "number", "displayName": "Aantal antwoorden" } ] } ],
          "inputs": [
            { "name": "pijler", "type": "choice", "displayName": "Pijler", "required": true,
              "choices": [ { "value": "PubliekeGezondheid", "label": "Publieke Gezondheid" }, { "value": "ZorgEnVeiligheid", "label": "Zorg en Veiligheid" } ] },
            { "name": "spoed", "type": "boolean", "displayName": "Spoed" },
            { "name": "titel", "type": "string", "displayName": "Titel" }{{inputs}}
          ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "keuze", "type": "Switch", "displayName": "Welke pijler?", "inputs": { "cases": [ { "name": "zv", "label": "Zorg en Veiligheid", "condition": {{condition}} } ] } },
              { "id": "wacht", "type": "Timer", "displayName": "Wachten", "inputs": { "after": {{wait}} } },
              { "id": "einde", "type": "End", "displayName": "Klaar", "inputs": { "result": {{result}} } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "keuze", "port": "In" } },
              { "source": { "activity": "keuze", "port": "zv" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "keuze", "port": "Default" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """);

    private IReadOnlyList<ValidationError> Validate(WorkflowDefinitionModel model)
    {
        var errors = _validator.Validate(model);
        errors.Should().NotContain(e => e.Message.Contains("$.") || e.Message.Contains("input.") || e.Message.Contains("variables."),
            "a person reads steps and fields by their names, never a JSON path or a subject code");
        return errors;
    }

    [Fact]
    public void A_route_of_rules_computed_values_and_declared_choices_is_valid()
    {
        var model = Route(
            """{ "any": [ { "subject": "input.pijler", "op": "is", "value": "ZorgEnVeiligheid" }, { "all": [ { "subject": "input.spoed", "op": "isNot", "value": true }, { "subject": "variables.ronde.aantal", "op": "after", "value": 0 } ] } ] }""",
            wait: """{ "perValue": { "subject": "input.pijler", "values": { "PubliekeGezondheid": "P2W", "ZorgEnVeiligheid": "P3W" }, "otherwise": "P1W" } }""",
            result: """{ "choose": { "cases": [ { "when": { "subject": "input.spoed", "op": "is", "value": true }, "value": { "template": "Spoed: {input.titel}" } } ], "otherwise": "klaar" } }""");

        Validate(model).Should().BeEmpty();
    }

    [Fact]
    public void A_value_outside_a_choice_inputs_choices_is_named_by_step_field_and_labels()
    {
        var errors = Validate(Route("""{ "subject": "input.pijler", "op": "is", "value": "Gezondheid" }"""));

        var error = errors.Should().ContainSingle().Subject;
        error.Code.Should().Be(ValidationCodes.InvalidInputValue);
        error.Path.Should().Be("$.root.activities[1].inputs.cases[0].condition.value");
        error.Message.Should().Be("Stap ‘Welke pijler?’, geval ‘Zorg en Veiligheid’: de regel gebruikt ‘Pijler’ = ‘Gezondheid’, maar Pijler kent alleen ‘Publieke Gezondheid’ en ‘Zorg en Veiligheid’.");
    }

    [Fact]
    public void A_subject_the_route_does_not_declare_is_refused()
    {
        var errors = Validate(Route("""{ "all": [ { "subject": "input.pijlr", "op": "isSet" }, { "subject": "variables.ronde.totaal", "op": "after", "value": 1 }, { "subject": "variables.andere", "op": "isSet" } ] }"""));

        errors.Select(e => e.Message).Should().Equal(
            "Stap ‘Welke pijler?’, geval ‘Zorg en Veiligheid’: de regel gebruikt de invoer ‘pijlr’, maar de route heeft geen invoer met die naam.",
            "Stap ‘Welke pijler?’, geval ‘Zorg en Veiligheid’: de variabele ‘Ronde’ heeft geen veld ‘totaal’. Velden: ‘Aantal antwoorden’.",
            "Stap ‘Welke pijler?’, geval ‘Zorg en Veiligheid’: de regel gebruikt de variabele ‘andere’, maar de route heeft geen variabele met die naam.");
        errors.Select(e => e.Path).Should().Equal(
            "$.root.activities[1].inputs.cases[0].condition.all[0].subject",
            "$.root.activities[1].inputs.cases[0].condition.all[1].subject",
            "$.root.activities[1].inputs.cases[0].condition.all[2].subject");
    }

    [Theory]
    [InlineData("""{ "subject": "input.pijler", "op": "oneOf", "value": "ZorgEnVeiligheid" }""", "‘Pijler is een van’ heeft een lijst van een of meer waarden nodig.")]
    [InlineData("""{ "subject": "input.titel", "op": "before", "value": "morgen" }""", "‘Titel vóór (minder dan)’ vergelijkt met een getal of een datum (jjjj-mm-dd).")]
    [InlineData("""{ "subject": "input.pijler", "op": "after", "value": 3 }""", "‘Pijler’ is geen getal of datum; ‘na (meer dan)’ past er niet bij.")]
    [InlineData("""{ "subject": "input.spoed", "op": "is", "value": "ja" }""", "‘Spoed’ is ja of nee; de regel vergelijkt het met iets anders.")]
    [InlineData("""{ "subject": "input.titel", "op": "is" }""", "‘Titel is’ heeft een waarde nodig (een tekst, een getal of ja/nee).")]
    [InlineData("""{ "subject": "input.titel", "op": "lijkt" }""", "kies hoe de regel vergelijkt: is, is niet, is een van, is geen van, vóór (minder dan), na (meer dan), is ingevuld of is niet ingevuld.")]
    [InlineData("""{ "any": { "subject": "input.titel", "op": "isSet" } }""", "‘of’ heeft een lijst van voorwaarden nodig.")]
    [InlineData("""{ "all": [ "input.titel" ] }""", "een onderdeel van de regel is geen voorwaarde.")]
    public void An_operator_that_does_not_fit_is_explained_in_dutch(string condition, string expected)
    {
        var errors = Validate(Route(condition));

        errors.Should().ContainSingle().Which.Message.Should().Be("Stap ‘Welke pijler?’, geval ‘Zorg en Veiligheid’: " + expected);
    }

    [Fact]
    public void A_per_value_choice_is_checked_against_the_choices_and_each_value_against_the_field()
    {
        var errors = Validate(Route("""{ "subject": "input.spoed", "op": "is", "value": true }""",
            wait: """{ "perValue": { "subject": "input.pijler", "values": { "PubliekeGezondheid": "P2W", "Zorg": "P3W" }, "otherwise": "twee weken" } }"""));

        errors.Select(e => (e.Path, e.Message)).Should().Equal(
            ("$.root.activities[2].inputs.after.perValue.values.Zorg",
                "Stap ‘Wachten’, veld ‘Na periode’: de keuze per waarde gebruikt ‘Pijler’ = ‘Zorg’, maar Pijler kent alleen ‘Publieke Gezondheid’ en ‘Zorg en Veiligheid’."),
            ("$.root.activities[2].inputs.after.perValue.otherwise",
                "Stap ‘Wachten’, veld ‘Na periode’: de waarde ‘twee weken’ past niet. Verwacht een duur als ISO 8601-duur, bijvoorbeeld P12W voor 12 weken of PT30M voor 30 minuten."));
    }

    [Fact]
    public void A_template_may_only_name_declared_inputs()
    {
        var errors = Validate(Route("""{ "subject": "input.spoed", "op": "isSet" }""", result: """{ "template": "Klaar: {input.titel} {input.onderwerp} {naam}" }"""));

        var error = errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("$.root.activities[3].inputs.result.template");
        error.Message.Should().Be("Stap ‘Klaar’, veld ‘Resultaat’ (in de tekst): de regel gebruikt de invoer ‘onderwerp’, maar de route heeft geen invoer met die naam.");
    }

    [Fact]
    public void A_choice_input_needs_choices_with_distinct_values_and_labels()
    {
        var model = Route("""{ "subject": "input.spoed", "op": "isSet" }""", inputs: """
            , { "name": "soort", "type": "choice", "displayName": "Soort" },
              { "name": "wijze", "type": "choice", "displayName": "Wijze", "choices": [ { "value": "a", "label": "Vergadering" }, { "value": "a", "label": "" } ] },
              { "name": "bedrag", "type": "geld", "displayName": "Bedrag" }
            """);

        Validate(model).Select(e => (e.Path, e.Message)).Should().Equal(
            ("$.inputs[3].choices", "Invoer ‘Soort’ van de route: een keuzelijst heeft minstens één keuze nodig."),
            ("$.inputs[4].choices[1].value", "Invoer ‘Wijze’ van de route: keuze 2 heeft dezelfde waarde als een eerdere keuze; elke keuze heeft een eigen waarde."),
            ("$.inputs[4].choices[1].label", "Invoer ‘Wijze’ van de route: keuze 2 heeft geen tekst die men leest."),
            ("$.inputs[5].type", "Invoer ‘Bedrag’ van de route: het soort gegeven ‘geld’ bestaat niet; kies tekst, lange tekst, keuzelijst, ja/nee, datum, getal of gegevens."));
    }

    [Fact]
    public void A_decision_takes_a_rule_as_its_condition()
    {
        var model = Route("""{ "subject": "input.spoed", "op": "isSet" }""");
        model.Root.Activities[1] = new ActivityNode
        {
            Id = "keuze",
            Type = "Decision",
            DisplayName = "Spoed?",
            Inputs = new Dictionary<string, JsonNode?> { ["condition"] = JsonNode.Parse("""{ "subject": "input.spoed", "op": "is", "value": "ja" }""") },
        };
        model.Root.Connections[1].Source.Port = "True";
        model.Root.Connections[2].Source.Port = "False";

        Validate(model).Should().ContainSingle().Which.Message.Should().Be("Stap ‘Spoed?’, veld ‘Voorwaarde’: ‘Spoed’ is ja of nee; de regel vergelijkt het met iets anders.");
    }
}
