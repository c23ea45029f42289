using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Tests.Support;

namespace AdviesRoute.Workflows.Tests.Definitions;

public sealed class DefinitionParserTests
{
    [Fact]
    public void Parses_a_definition_as_the_builder_writes_it()
    {
        var json = new DefinitionBuilder("subsidie", "Subsidieaanvraag")
            .Variable("amount")
            .Activity("start", "Start")
            .Activity("wait", "Timer", new { after = "P2W" }, typeVersion: 1)
            .Activity("end", "End")
            .Chain("start", "wait", "end")
            .ToJson();

        var model = DefinitionParser.Parse(json);

        model.DefinitionId.Should().Be("subsidie");
        model.Name.Should().Be("Subsidieaanvraag");
        model.Variables.Should().ContainSingle(v => v.Name == "amount");
        model.Root.Activities.Select(a => a.Id).Should().Equal("start", "wait", "end");
        model.Root.Activities[1].TypeVersion.Should().Be(1);
        model.Root.Activities[1].Inputs["after"]!.GetValue<string>().Should().Be("P2W");
        model.Root.Connections.Select(c => c.Key).Should().Equal("start:Done->wait:In", "wait:Done->end:In");
    }

    [Fact]
    public void Malformed_json_is_reported_with_one_based_line_and_position()
    {
        const string json = """
            {
              "definitionId": "subsidie",
              "name": "Subsidie"
              "root": {}
            }
            """;

        var error = ParseError(json);

        // Line 4 starts with two spaces; the offending quote is the third byte.
        error.Should().BeEquivalentTo(new { Code = ValidationCodes.MalformedJson, Path = "$", Line = 4, Position = 3 });
        error.Message.Should().StartWith("Ongeldige JSON op regel 4, positie 3: ");
    }

    [Fact]
    public void Json_cut_off_midway_is_malformed_at_the_path_reached()
    {
        const string json = """
            {
              "definitionId": "subsidie",
              "root": { "activities": [ { "id": "start", "type": "Start" },
            """;

        var error = ParseError(json);

        error.Code.Should().Be(ValidationCodes.MalformedJson);
        error.Path.Should().Be("$.root.activities[1]");
        error.Line.Should().Be(3);
    }

    [Fact]
    public void Value_of_the_wrong_json_type_is_malformed_with_its_path()
    {
        const string json = """
            {
              "definitionId": "subsidie",
              "root": {
                "activities": 5
              }
            }
            """;

        var error = ParseError(json);

        error.Should().BeEquivalentTo(new { Code = ValidationCodes.MalformedJson, Path = "$.root.activities", Line = 4 });
        error.Message.Should().Contain("verwacht een lijst");
    }

    [Fact]
    public void Text_where_a_number_belongs_is_malformed_with_its_path()
    {
        const string json = """{ "root": { "activities": [ { "id": "wait", "type": "Timer", "typeVersion": "one" } ] } }""";

        var error = ParseError(json);

        error.Should().BeEquivalentTo(new { Code = ValidationCodes.MalformedJson, Path = "$.root.activities[0].typeVersion", Line = 1 });
        error.Message.Should().Contain("verwacht een geheel getal");
    }

    [Fact]
    public void Null_where_a_list_or_object_belongs_is_malformed_with_its_location()
    {
        const string json = """
            {
              "definitionId": "subsidie",
              "root": {
                "activities": null,
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": null }
                ]
              }
            }
            """;

        var errors = ParseErrors(json);

        errors.Should().BeEquivalentTo(
            [
                new { Code = ValidationCodes.MalformedJson, Path = "$.root.activities", Line = 4, Position = 19 },
                new { Code = ValidationCodes.MalformedJson, Path = "$.root.connections[0].target", Line = 6, Position = 70 },
            ],
            o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{} {}")]
    public void Empty_or_null_document_is_malformed_at_the_root(string json)
    {
        ParseError(json).Should().BeEquivalentTo(new { Code = ValidationCodes.MalformedJson, Path = "$" });
    }

    [Fact]
    public void Locate_adds_lines_to_validation_errors_and_falls_back_to_the_enclosing_element()
    {
        const string json = """
            {
              "definitionId": "subsidie",
              "name": "Subsidie",
              "root": {
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "decide", "type": "Decision", "inputs": {} },
                  { "id": "end", "type": "End" }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "decide", "port": "In" } },
                  { "source": { "activity": "decide", "port": "Maybe" }, "target": { "activity": "end", "port": "In" } }
                ]
              }
            }
            """;
        var errors = FlowValidation.CreateValidator().Validate(DefinitionParser.Parse(json));

        var located = DefinitionParser.Locate(json, errors);

        located.Select(e => (e.Path, e.Code, e.Line, e.Position)).Should().Equal(
            ("$.root.activities[1].inputs.condition", ValidationCodes.MissingInput, 7, 55),
            ("$.root.connections[1].source.port", ValidationCodes.UnknownPort, 12, 51));
    }

    private static ValidationError ParseError(string json) => ParseErrors(json).Should().ContainSingle().Which;

    private static IReadOnlyList<ValidationError> ParseErrors(string json) =>
        FluentActions.Invoking(() => DefinitionParser.Parse(json)).Should().Throw<DefinitionValidationException>().Which.Errors;
}
