using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Activities.Flow;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Workflows.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    private readonly IExpressionEvaluator _expressions = FlowValidation.CreateExpressions();
    private readonly DefinitionValidator _validator;

    public DefinitionValidatorTests() => _validator = new DefinitionValidator(FlowValidation.Registry, _expressions);

    /// <summary>Start, a Timer and an End in a line; tests add their mistake to it.</summary>
    private static DefinitionBuilder Minimal() => new DefinitionBuilder()
        .Activity("start", "Start")
        .Activity("wait", "Timer", new { after = "P2W" })
        .Activity("end", "End")
        .Chain("start", "wait", "end");

    private IReadOnlyList<ValidationError> Validate(DefinitionBuilder builder) => _validator.Validate(builder.Build());

    [Fact]
    public void Definition_using_every_flow_activity_has_no_errors()
    {
        var builder = new DefinitionBuilder("subsidie", "Subsidieaanvraag")
            .Variable("amount", JsonValue.Create(0))
            .Input("amount", "number", required: true)
            .Activity("start", "Start")
            .Activity("set", "SetVariable", new { variable = "amount", value = new { expression = "input.amount ?? 0" } })
            .Activity("decide", "Decision", new { condition = "variables.amount > 1000" })
            .Activity("fork", "Fork", new { branches = new[] { "advice", "deadline" } })
            .Activity("advice", "WaitForSignal", new { signal = "advies", resultVariable = "advice" })
            .Activity("deadline", "Timer", new { after = "P6W" })
            .Activity("join", "Join", new { mode = "any" })
            .Activity("route", "Switch", new { cases = new[] { new { name = "high", condition = "variables.amount > 5000" } } })
            .Activity("end", "End", new { result = new { expression = "variables.advice" } })
            .Chain("start", "set", "decide")
            .Connect("decide", "True", "fork")
            .Connect("decide", "False", "end")
            .Connect("fork", "advice", "advice")
            .Connect("fork", "deadline", "deadline")
            .Chain("advice", "join")
            .Chain("deadline", "join", "route")
            .Connect("route", "high", "end")
            .Connect("route", "Default", "end");

        Validate(builder).Should().BeEmpty();
        _validator.Invoking(v => v.EnsureValid(builder.Build())).Should().NotThrow();
    }

    [Fact]
    public void Missing_definition_id_and_name_are_reported_at_their_fields()
    {
        var errors = Validate(Minimal().WithId("").Named(" "));

        errors.Should().BeEquivalentTo(
            [
                new { Path = "$.definitionId", Code = ValidationCodes.MissingField },
                new { Path = "$.name", Code = ValidationCodes.MissingField },
            ],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Second_activity_with_the_same_id_is_a_duplicate()
    {
        var errors = Validate(Minimal().Activity("wait", "Timer", new { after = "P1W" }));

        errors.Should().ContainSingle(e => e.Code == ValidationCodes.DuplicateActivityId)
            .Which.Path.Should().Be("$.root.activities[3].id");
    }

    [Fact]
    public void Activity_without_id_is_a_missing_field()
    {
        var errors = Validate(Minimal().Activity("", "End"));

        errors.Should().ContainSingle(e => e.Code == ValidationCodes.MissingField && e.Path == "$.root.activities[3].id");
    }

    [Fact]
    public void Variable_and_input_names_must_be_unique()
    {
        var errors = Validate(Minimal().Variable("amount").Variable("amount").Input("zaak").Input("zaak"));

        errors.Should().BeEquivalentTo(
            [
                new { Path = "$.variables[1].name", Code = ValidationCodes.DuplicateName },
                new { Path = "$.inputs[1].name", Code = ValidationCodes.DuplicateName },
            ],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Unknown_activity_type_is_reported_at_its_type()
    {
        var errors = Validate(Minimal().Activity("mail", "SendTelegram").Connect("wait", "Done", "mail"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[3].type", Code = ValidationCodes.UnknownActivityType });
    }

    [Fact]
    public void Unknown_pinned_type_version_is_reported_at_its_type_version()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start", typeVersion: 7)
            .Activity("end", "End", typeVersion: 1)
            .Chain("start", "end"));

        errors.Should().ContainSingle(e => e.Code == ValidationCodes.UnknownActivityVersion && e.Path == "$.root.activities[0].typeVersion")
            .Which.Message.Should().Contain("versie 7");
    }

    [Fact]
    public void Definition_without_a_start_is_a_start_count_error()
    {
        var errors = Validate(new DefinitionBuilder().Activity("end", "End"));

        errors.Should().ContainSingle(e => e.Code == ValidationCodes.StartCount && e.Path == "$.root.activities");
    }

    [Fact]
    public void Definition_with_two_starts_is_a_start_count_error()
    {
        var errors = Validate(Minimal().Activity("start2", "Start").Connect("start2", "Done", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities", Code = ValidationCodes.StartCount });
    }

    [Fact]
    public void Timer_without_a_moment_or_a_period_is_missing_one_of_them()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("wait", "Timer")
            .Activity("end", "End")
            .Chain("start", "wait", "end"));

        var error = errors.Should().ContainSingle().Which;
        error.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs", Code = ValidationCodes.MissingInput });
        error.Message.Should().Be("De stap ‘Timer’ heeft ‘Op moment’ of ‘Na periode’ nodig.", "inputs are named as the property panel names them");
    }

    [Fact]
    public void Required_input_without_value_or_default_is_missing()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("decide", "Decision")
            .Activity("join", "Join")
            .Activity("end", "End")
            .Chain("start", "decide")
            .Connect("decide", "True", "join")
            .Connect("decide", "False", "join")
            .Chain("join", "end"));

        // Join's "mode" is not given either, but it is optional and has a default.
        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.condition", Code = ValidationCodes.MissingInput });
    }

    [Fact]
    public void Literal_of_the_wrong_type_is_an_invalid_input_type()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("wait", "Timer", new { after = "twee weken" })
            .Activity("end", "End")
            .Chain("start", "wait", "end"));

        errors.Should().ContainSingle(e => e.Code == ValidationCodes.InvalidInputType && e.Path == "$.root.activities[1].inputs.after")
            .Which.Message.Should().Contain("ISO 8601-duur");
    }

    [Fact]
    public void Input_the_activity_does_not_declare_is_unknown()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("wait", "Timer", new { after = "P2W", every = "P1D" })
            .Activity("end", "End")
            .Chain("start", "wait", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.every", Code = ValidationCodes.UnknownInput });
    }

    [Fact]
    public void Expression_for_an_input_without_expression_support_is_an_invalid_input_type()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("signal", "WaitForSignal", new { signal = new { expression = "'advies'" } })
            .Activity("end", "End")
            .Chain("start", "signal", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.signal", Code = ValidationCodes.InvalidInputType });
    }

    [Fact]
    public void Expression_inputs_with_bad_syntax_are_reported_with_the_parser_message()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("set", "SetVariable", new { variable = "total", value = new { expression = "1 +" } })
            .Activity("decide", "Decision", new { condition = "variables.total >" })
            .Activity("end", "End")
            .Chain("start", "set", "decide")
            .Connect("decide", "True", "end")
            .Connect("decide", "False", "end"));

        errors.Should().BeEquivalentTo(
            [
                new { Path = "$.root.activities[1].inputs.value", Code = ValidationCodes.ExpressionSyntax },
                new { Path = "$.root.activities[2].inputs.condition", Code = ValidationCodes.ExpressionSyntax },
            ],
            o => o.WithStrictOrdering());
        errors[0].Message.Should().EndWith(_expressions.CheckSyntax("1 +")!);
        errors[1].Message.Should().EndWith(_expressions.CheckSyntax("variables.total >")!);
    }

    [Fact]
    public void Switch_case_condition_is_syntax_checked_at_its_own_path()
    {
        var errors = Validate(Switch(new { name = "low", condition = "variables.amount < 10" }, new { name = "high", condition = "variables.amount >>> >" }));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.cases[1].condition", Code = ValidationCodes.ExpressionSyntax });
    }

    [Fact]
    public void Switch_case_without_a_name_is_an_invalid_input_type_at_the_case()
    {
        var errors = Validate(Switch(new { name = "low", condition = "true" }, new { label = "high", condition = "false" }));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.cases[1]", Code = ValidationCodes.InvalidInputType });
    }

    [Fact]
    public void Switch_case_without_a_condition_is_missing_its_condition()
    {
        var errors = Validate(Switch(new { name = "low" }));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.cases[0].condition", Code = ValidationCodes.MissingInput });
    }

    [Fact]
    public void Port_names_from_inputs_must_be_unique()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("fork", "Fork", new { branches = new[] { "a", "b", "a" } })
            .Activity("end", "End")
            .Chain("start", "fork")
            .Connect("fork", "a", "end")
            .Connect("fork", "b", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1].inputs.branches[2]", Code = ValidationCodes.DuplicateName });
    }

    [Fact]
    public void Connection_to_or_from_a_missing_activity_is_dangling()
    {
        var errors = Validate(Minimal().Connect("ghost", "Done", "end").Connect("wait", "Done", "nowhere"));

        errors.Should().BeEquivalentTo(
            [
                new { Path = "$.root.connections[2].source.activity", Code = ValidationCodes.DanglingConnection },
                new { Path = "$.root.connections[3].target.activity", Code = ValidationCodes.DanglingConnection },
            ],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Connection_from_a_port_the_activity_does_not_have_is_an_unknown_port()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("decide", "Decision", new { condition = "true" })
            .Activity("end", "End")
            .Chain("start", "decide")
            .Connect("decide", "True", "end")
            .Connect("decide", "Maybe", "end")
            .Connect("decide", "False", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.connections[2].source.port", Code = ValidationCodes.UnknownPort });
        errors[0].Message.Should().Be("De stap ‘Beslissing’ heeft geen uitgang ‘Maybe’. Mogelijke uitgangen: Waar, Onwaar.");
    }

    [Fact]
    public void An_unknown_port_names_the_step_by_its_title_and_the_ports_by_their_labels_never_Done_or_Default()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start", displayName: "Aanvraag binnen")
            .Activity("route", "Switch", new { cases = new[] { new { name = "groot", label = "Groot bedrag", condition = "true" } } }, displayName: "Soort aanvraag")
            .Activity("end", "End")
            .Connect("start", "Done", "route")
            .Connect("route", "groot", "end")
            .Connect("route", "Default", "end")
            .Connect("route", "klein", "end")
            .Connect("start", "verder", "end"));

        errors.Select(e => e.Message).Should().Equal(
            "De stap ‘Soort aanvraag’ heeft geen uitgang ‘klein’. Mogelijke uitgangen: Anders, Groot bedrag.",
            "De stap ‘Aanvraag binnen’ heeft geen uitgang ‘verder’. Mogelijke uitgangen: Verder.");
    }

    [Fact]
    public void Two_steps_that_would_read_the_same_are_told_apart_by_their_place()
    {
        var errors = Validate(Minimal()
            .Activity("w1", "Timer", new { after = "P1W" })
            .Activity("w2", "Timer", new { after = "P1W" }));

        errors.Where(e => e.Code == ValidationCodes.UnreachableActivity).Select(e => e.Message).Should().Equal(
            "De stap ‘Timer’ (stap 4) is vanaf het begin van de route niet bereikbaar.",
            "De stap ‘Timer’ (stap 5) is vanaf het begin van de route niet bereikbaar.");
    }

    [Fact]
    public void A_missing_or_wrong_input_is_named_by_its_label_and_a_wrong_choice_lists_the_labels_of_the_choices()
    {
        var errors = Validate(Minimal()
            .Activity("join", "Join", new { mode = "sommige" }, displayName: "Beide adviezen binnen")
            .Activity("set", "SetVariable", new { value = 1 })
            .Chain("wait", "join", "set", "end"));

        errors.Select(e => e.Message).Should().Equal(
            "De invoer ‘Wijze’ van de stap ‘Beide adviezen binnen’ is ongeldig. Kies uit: ‘Alle paden’, ‘Eén pad’ of ‘Een aantal paden’.",
            "Bij de stap ‘Variabele zetten’ ontbreekt de verplichte invoer ‘Variabele’.");
    }

    [Fact]
    public void Connection_into_a_port_other_than_In_is_an_unknown_port()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("end", "End")
            .Connect("start", "Done", "end", targetPort: "Done"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.connections[0].target.port", Code = ValidationCodes.UnknownPort });
    }

    [Fact]
    public void Same_connection_twice_is_reported_on_the_later_one()
    {
        var errors = Validate(Minimal().Connect("start", "Done", "wait"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.connections[2]", Code = ValidationCodes.DuplicateConnection });
    }

    [Fact]
    public void Activity_not_reachable_from_start_is_unreachable()
    {
        var errors = Validate(Minimal().Activity("orphan", "SetVariable", new { variable = "x", value = 1 }).Chain("orphan", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[3]", Code = ValidationCodes.UnreachableActivity });
    }

    [Fact]
    public void Reachable_activity_that_cannot_reach_an_end_has_no_path_to_end()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("decide", "Decision", new { condition = "true" })
            .Activity("end", "End")
            .Activity("stuck", "SetVariable", new { variable = "x", value = 1 })
            .Chain("start", "decide")
            .Connect("decide", "True", "end")
            .Connect("decide", "False", "stuck"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[3]", Code = ValidationCodes.NoPathToEnd });
    }

    [Fact]
    public void Definition_without_an_end_has_no_path_to_end()
    {
        var errors = Validate(new DefinitionBuilder().Activity("start", "Start"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities", Code = ValidationCodes.NoPathToEnd });
    }

    [Fact]
    public void Loop_without_a_blocking_activity_is_reported_at_its_first_activity_in_document_order()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("end", "End")
            .Activity("count", "SetVariable", new { variable = "n", value = new { expression = "variables.n + 1" } })
            .Activity("again", "Decision", new { condition = "variables.n < 3" })
            .Chain("start", "again")
            .Connect("again", "True", "count")
            .Chain("count", "again")
            .Connect("again", "False", "end"));

        var error = errors.Should().ContainSingle().Which;
        error.Should().BeEquivalentTo(new { Path = "$.root.activities[2]", Code = ValidationCodes.LoopWithoutBlockingActivity });
        error.Message.Should().StartWith("Lus zonder wachtende stap: ‘Variabele zetten’, ‘Beslissing’.");
    }

    [Fact]
    public void Activity_connected_to_itself_without_blocking_is_a_loop()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("again", "Decision", new { condition = "Math.random() < 0.5" })
            .Activity("end", "End")
            .Chain("start", "again")
            .Connect("again", "True", "again")
            .Connect("again", "False", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[1]", Code = ValidationCodes.LoopWithoutBlockingActivity });
    }

    [Fact]
    public void Loop_through_a_blocking_activity_is_allowed()
    {
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("remind", "Timer", new { after = "P1W" })
            .Activity("done", "Decision", new { condition = "variables.answered" })
            .Activity("end", "End")
            .Chain("start", "remind", "done")
            .Connect("done", "False", "remind")
            .Connect("done", "True", "end"));

        errors.Should().BeEmpty();
    }

    [Fact]
    public void Tight_loop_inside_a_larger_loop_with_a_timer_is_still_reported()
    {
        // remind -> check -> remind waits, but check -> bump -> check spins without waiting.
        var errors = Validate(new DefinitionBuilder()
            .Activity("start", "Start")
            .Activity("remind", "Timer", new { after = "P1W" })
            .Activity("check", "Switch", new { cases = new[] { new { name = "bump", condition = "variables.n < 3" }, new { name = "wait", condition = "!variables.answered" } } })
            .Activity("bump", "SetVariable", new { variable = "n", value = new { expression = "variables.n + 1" } })
            .Activity("end", "End")
            .Chain("start", "remind")
            .Chain("remind", "check")
            .Connect("check", "wait", "remind")
            .Connect("check", "bump", "bump")
            .Chain("bump", "check")
            .Connect("check", "Default", "end"));

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = "$.root.activities[2]", Code = ValidationCodes.LoopWithoutBlockingActivity });
    }

    [Fact]
    public void All_errors_are_reported_in_a_fixed_order()
    {
        var model = new DefinitionBuilder()
            .Named("")
            .Activity("start", "Start")
            .Activity("decide", "Decision", new { condition = "(" })
            .Activity("decide", "End")
            .Activity("odd", "Teleport")
            .Chain("start", "decide")
            .Connect("decide", "Perhaps", "end")
            .Build();

        var first = _validator.Validate(model);
        var second = _validator.Validate(model);

        first.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.name", ValidationCodes.MissingField),
            ("$.root.activities[1].inputs.condition", ValidationCodes.ExpressionSyntax),
            ("$.root.activities[2].id", ValidationCodes.DuplicateActivityId),
            ("$.root.activities[3].type", ValidationCodes.UnknownActivityType),
            ("$.root.connections[1].source.port", ValidationCodes.UnknownPort),
            ("$.root.connections[1].target.activity", ValidationCodes.DanglingConnection),
            ("$.root.activities[3]", ValidationCodes.UnreachableActivity),
            ("$.root.activities", ValidationCodes.NoPathToEnd));
        second.Should().Equal(first);
    }

    [Fact]
    public void EnsureValid_throws_with_every_error()
    {
        var model = Minimal().WithId("").Connect("start", "Done", "wait").Build();

        var thrown = _validator.Invoking(v => v.EnsureValid(model)).Should().Throw<DefinitionValidationException>().Which;

        thrown.Errors.Select(e => e.Code).Should().Equal(ValidationCodes.MissingField, ValidationCodes.DuplicateConnection);
        thrown.Message.Should().StartWith("De definitie is ongeldig: $.definitionId:");
    }

    private static DefinitionBuilder Switch(params object[] cases) => new DefinitionBuilder()
        .Activity("start", "Start")
        .Activity("route", "Switch", new { cases })
        .Activity("end", "End")
        .Chain("start", "route")
        .Connect("route", "Default", "end");
}

/// <summary>The engine's own activities (Start, Decision, Fork, ...) and the real, Jint-based syntax check.</summary>
internal static class FlowValidation
{
    public static ActivityRegistry Registry { get; } = new(new ServiceCollection().BuildServiceProvider(), [typeof(StartActivity).Assembly]);

    public static IExpressionEvaluator CreateExpressions() => new JintExpressionEvaluator(Options.Create(new ExpressionOptions()));

    public static DefinitionValidator CreateValidator() => new(Registry, CreateExpressions());
}
