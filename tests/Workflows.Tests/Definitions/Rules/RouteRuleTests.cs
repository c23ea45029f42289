using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions.Rules;
using AdviesRoute.Workflows.Expressions;

namespace AdviesRoute.Workflows.Tests.Definitions.Rules;

public sealed class RouteRuleTests
{
    private static RouteScope Scope(string input = "{}", string variables = "{}") =>
        new(JsonNode.Parse(input)!.AsObject(),
            JsonNode.Parse(variables)!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()));

    private static bool Holds(string rule, string input = "{}", string variables = "{}") =>
        RouteRule.Holds(JsonNode.Parse(rule), Scope(input, variables));

    [Theory]
    [InlineData("""{ "subject": "input.soort", "op": "is", "value": "begroting" }""", """{ "soort": "begroting" }""", true)]
    [InlineData("""{ "subject": "input.soort", "op": "is", "value": "begroting" }""", """{ "soort": "kaderbrief" }""", false)]
    [InlineData("""{ "subject": "input.soort", "op": "is", "value": "begroting" }""", "{}", false)]
    [InlineData("""{ "subject": "input.vrij", "op": "is", "value": true }""", """{ "vrij": true }""", true)]
    [InlineData("""{ "subject": "input.vrij", "op": "is", "value": true }""", """{ "vrij": "true" }""", false)]
    [InlineData("""{ "subject": "input.aantal", "op": "is", "value": 3 }""", """{ "aantal": 3.0 }""", true)]
    [InlineData("""{ "subject": "input.soort", "op": "isNot", "value": "begroting" }""", """{ "soort": "kaderbrief" }""", true)]
    [InlineData("""{ "subject": "input.soort", "op": "isNot", "value": "begroting" }""", """{ "soort": "begroting" }""", false)]
    [InlineData("""{ "subject": "input.vrij", "op": "isNot", "value": true }""", "{}", true)]
    [InlineData("""{ "subject": "input.vrij", "op": "isNot", "value": true }""", """{ "vrij": null }""", true)]
    public void Is_and_is_not_compare_json_values_and_a_missing_subject_is_not_anything(string rule, string input, bool expected) =>
        Holds(rule, input).Should().Be(expected);

    [Theory]
    [InlineData("oneOf", """{ "soort": "jaarrekening" }""", true)]
    [InlineData("oneOf", """{ "soort": "begroting" }""", false)]
    [InlineData("oneOf", "{}", false)]
    [InlineData("notOneOf", """{ "soort": "jaarrekening" }""", false)]
    [InlineData("notOneOf", """{ "soort": "begroting" }""", true)]
    [InlineData("notOneOf", "{}", true)]
    public void One_of_and_not_one_of_look_for_the_subject_in_the_list(string op, string input, bool expected) =>
        Holds($$"""{ "subject": "input.soort", "op": "{{op}}", "value": ["jaarrekening", "jaarrapportage"] }""", input).Should().Be(expected);

    [Theory]
    [InlineData("before", """{ "datum": "2027-04-05" }""", "\"2027-04-06\"", true)]
    [InlineData("before", """{ "datum": "2027-04-06" }""", "\"2027-04-06\"", false)]
    [InlineData("after", """{ "datum": "2027-04-07" }""", "\"2027-04-06\"", true)]
    [InlineData("after", """{ "datum": "2027-04-06" }""", "\"2027-04-06\"", false)]
    [InlineData("before", """{ "datum": 2 }""", "3", true)]
    [InlineData("after", """{ "datum": 2 }""", "3", false)]
    [InlineData("after", """{ "datum": 4 }""", "3", true)]
    [InlineData("before", "{}", "3", false)]
    [InlineData("after", "{}", "\"2027-04-06\"", false)]
    [InlineData("after", """{ "datum": "morgen" }""", "\"2027-04-06\"", false)]
    [InlineData("before", """{ "datum": "2027-04-05" }""", "3", false)]
    public void Before_and_after_compare_numbers_or_dates_and_are_false_when_either_is_missing(string op, string input, string value, bool expected) =>
        Holds($$"""{ "subject": "input.datum", "op": "{{op}}", "value": {{value}} }""", input).Should().Be(expected);

    [Theory]
    [InlineData("""{ "x": "tekst" }""", true)]
    [InlineData("""{ "x": false }""", true)]
    [InlineData("""{ "x": 0 }""", true)]
    [InlineData("""{ "x": {} }""", true)]
    [InlineData("""{ "x": "" }""", false)]
    [InlineData("""{ "x": null }""", false)]
    [InlineData("{}", false)]
    public void Is_set_means_present_not_null_and_not_empty_text_and_is_not_set_the_opposite(string input, bool set)
    {
        Holds("""{ "subject": "input.x", "op": "isSet" }""", input).Should().Be(set);
        Holds("""{ "subject": "input.x", "op": "isNotSet" }""", input).Should().Be(!set);
    }

    [Fact]
    public void A_variable_field_is_read_by_its_path_and_a_missing_variable_reads_as_missing()
    {
        const string rule = """{ "subject": "variables.zienswijzen.aantalMetZienswijze", "op": "after", "value": 0 }""";

        Holds(rule, variables: """{ "zienswijzen": { "aantalMetZienswijze": 2 } }""").Should().BeTrue();
        Holds(rule, variables: """{ "zienswijzen": { "aantalMetZienswijze": 0 } }""").Should().BeFalse();
        Holds(rule, variables: """{ "zienswijzen": null }""").Should().BeFalse();
        Holds(rule).Should().BeFalse();
        Holds("""{ "subject": "variables.zienswijzen.aantalMetZienswijze", "op": "isNotSet" }""").Should().BeTrue();
    }

    [Fact]
    public void A_number_made_in_code_compares_like_one_read_from_json()
    {
        var scope = new RouteScope([], new Dictionary<string, JsonNode?> { ["ronde"] = new JsonObject { ["aantal"] = 2 } });

        RouteRule.Holds(JsonNode.Parse("""{ "subject": "variables.ronde.aantal", "op": "after", "value": 1 }"""), scope).Should().BeTrue();
        RouteRule.Holds(JsonNode.Parse("""{ "subject": "variables.ronde.aantal", "op": "is", "value": 2 }"""), scope).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "soort": "begroting" }""", true)]
    [InlineData("""{ "soort": "begrotingswijziging" }""", true)]
    [InlineData("""{ "soort": "begrotingswijziging", "vrij": true }""", false)]
    [InlineData("""{ "soort": "kaderbrief" }""", false)]
    public void All_and_any_combine_clauses(string input, bool expected)
    {
        const string rule = """
            { "any": [ { "subject": "input.soort", "op": "is", "value": "begroting" },
                       { "all": [ { "subject": "input.soort", "op": "is", "value": "begrotingswijziging" },
                                  { "subject": "input.vrij", "op": "isNot", "value": true } ] } ] }
            """;
        Holds(rule, input).Should().Be(expected);
    }

    [Fact]
    public void An_empty_all_holds_and_an_empty_any_does_not()
    {
        Holds("""{ "all": [] }""").Should().BeTrue();
        Holds("""{ "any": [] }""").Should().BeFalse();
    }

    [Fact]
    public void A_malformed_rule_is_refused_in_dutch()
    {
        var act = () => Holds("""{ "subject": "input.soort", "op": "lijktOp", "value": "b" }""");

        act.Should().Throw<RouteRuleException>().WithMessage("*onbekende vergelijking ‘lijktOp’*");
        ((Action)(() => Holds("""{ "subject": "input.soort", "op": "oneOf", "value": "b" }"""))).Should().Throw<RouteRuleException>().WithMessage("*lijst van waarden*");
    }

    [Fact]
    public void A_text_condition_is_javascript_and_runs_only_where_the_scope_runs_javascript()
    {
        var withoutJavaScript = () => RouteRule.Holds(JsonValue.Create("input.x === 1"), Scope("""{ "x": 1 }"""));
        withoutJavaScript.Should().Throw<ExpressionException>();

        var asked = new List<string>();
        var scope = new RouteScope(new JsonObject { ["x"] = 1 }, new Dictionary<string, JsonNode?>(), (expression, globals) =>
        {
            asked.Add(expression);
            globals["input"]!["x"]!.GetValue<int>().Should().Be(1);
            return JsonValue.Create(true);
        });
        RouteRule.Holds(JsonValue.Create("input.x === 1"), scope).Should().BeTrue();
        asked.Should().Equal("input.x === 1");
    }
}

public sealed class RouteValuesTests
{
    private static JsonNode? Evaluate(string raw, string input = "{}", string variables = "{}") =>
        RouteValues.Evaluate(JsonNode.Parse(raw), new RouteScope(JsonNode.Parse(input)!.AsObject(),
            JsonNode.Parse(variables)!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone())));

    private const string PerPillar = """
        { "perValue": { "subject": "input.pijler", "values": { "PubliekeGezondheid": "bac-pg", "ZorgEnVeiligheid": "bac-zv" }, "otherwise": "secretariaat" } }
        """;

    [Theory]
    [InlineData("""{ "pijler": "ZorgEnVeiligheid" }""", "bac-zv")]
    [InlineData("""{ "pijler": "PubliekeGezondheid" }""", "bac-pg")]
    [InlineData("""{ "pijler": "Onbekend" }""", "secretariaat")]
    [InlineData("{}", "secretariaat")]
    public void Per_value_gives_the_value_for_the_subjects_value_else_otherwise(string input, string expected) =>
        Evaluate(PerPillar, input)!.GetValue<string>().Should().Be(expected);

    [Fact]
    public void Per_value_without_otherwise_gives_nothing_for_another_value_and_looks_up_booleans_by_their_json()
    {
        Evaluate("""{ "perValue": { "subject": "input.pijler", "values": { "A": "a" } } }""", """{ "pijler": "B" }""").Should().BeNull();
        Evaluate("""{ "perValue": { "subject": "input.spoed", "values": { "true": "snel", "false": "gewoon" } } }""", """{ "spoed": true }""")!
            .GetValue<string>().Should().Be("snel");
    }

    [Theory]
    [InlineData("""{ "bestuursmodel": "zonderBacs", "pijler": "ZorgEnVeiligheid" }""", "Zorg en Veiligheid")]
    [InlineData("""{ "bestuursmodel": "zonderBacs", "pijler": "PubliekeGezondheid" }""", "Publieke Gezondheid")]
    [InlineData("""{ "bestuursmodel": "metBacs", "pijler": "ZorgEnVeiligheid" }""", null)]
    public void Choose_gives_the_value_of_the_first_case_whose_rule_holds_else_otherwise(string input, string? expected)
    {
        const string raw = """
            { "choose": { "cases": [
                { "when": { "all": [ { "subject": "input.bestuursmodel", "op": "is", "value": "zonderBacs" },
                                     { "subject": "input.pijler", "op": "is", "value": "ZorgEnVeiligheid" } ] }, "value": "Zorg en Veiligheid" },
                { "when": { "subject": "input.bestuursmodel", "op": "is", "value": "zonderBacs" }, "value": "Publieke Gezondheid" } ],
              "otherwise": null } }
            """;
        var value = Evaluate(raw, input);
        (value is null ? null : value.GetValue<string>()).Should().Be(expected);
    }

    [Fact]
    public void A_template_fills_inputs_and_variable_fields_and_leaves_other_braces_for_the_step()
    {
        var text = Evaluate("""{ "template": "Kaderbrief: {input.titel} ({variables.ronde.aantal} raden), beste {naam}, uiterlijk {uiterlijk}; {input.ontbreekt}." }""",
            """{ "titel": "Kaders 2028" }""", """{ "ronde": { "aantal": 3 } }""");

        text!.GetValue<string>().Should().Be("Kaderbrief: Kaders 2028 (3 raden), beste {naam}, uiterlijk {uiterlijk}; .");
    }

    [Fact]
    public void A_chosen_value_may_itself_be_a_template()
    {
        const string raw = """
            { "choose": { "cases": [ { "when": { "subject": "input.termijn", "op": "isSet" }, "value": { "template": "{input.termijn}" } } ], "otherwise": "P2W" } }
            """;

        Evaluate(raw, """{ "termijn": "P3D" }""")!.GetValue<string>().Should().Be("P3D");
        Evaluate(raw, """{ "termijn": "" }""")!.GetValue<string>().Should().Be("P2W");
        Evaluate(raw)!.GetValue<string>().Should().Be("P2W");
    }

    [Fact]
    public void A_literal_object_with_other_keys_is_a_literal()
    {
        Evaluate("""{ "perValue": "geen object", "x": 1 }""")!.ToJsonString().Should().Be("""{"perValue":"geen object","x":1}""");
        Evaluate("\"vast\"")!.GetValue<string>().Should().Be("vast");
    }

    [Fact]
    public void Subjects_lists_what_a_value_reads_without_repeats()
    {
        var subjects = RouteValues.Subjects(JsonNode.Parse("""
            { "choose": { "cases": [ { "when": { "any": [ { "subject": "input.a", "op": "isSet" }, { "subject": "variables.v.f", "op": "is", "value": 1 } ] },
                                       "value": { "template": "{input.b} {input.a}" } } ], "otherwise": { "perValue": { "subject": "input.c", "values": {} } } } }
            """));

        subjects.Should().Equal("input.a", "variables.v.f", "input.b", "input.c");
    }
}
