using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Tests.Activities;

/// <summary>An activity's inputs declared once, as a record: the descriptor is made from it and the activity reads into it.</summary>
public sealed class InputRecordTests
{
    private static ActivityDescriptor Describe<T>() => ActivityRegistry.Describe(typeof(T), new ActivityAttribute(typeof(T).Name));

    [Fact]
    public void The_descriptor_lists_the_records_inputs_with_their_names_types_labels_choices_and_defaults()
    {
        var descriptor = Describe<ReminderActivity>();

        descriptor.Inputs.Select(i => i.Name).Should().Equal("aan", "wijze", "termijn", "aantal", "dringend", "dagen", "extra");
        var wijze = descriptor.FindInput("wijze")!;
        wijze.Type.Should().Be(InputType.Choice);
        wijze.DisplayName.Should().Be("Wijze");
        wijze.Choices.Should().Equal("mail", "brief");
        wijze.ChoiceLabels.Should().Equal(new Dictionary<string, string> { ["mail"] = "Per e-mail", ["brief"] = "Per brief" });
        wijze.Default!.GetValue<string>().Should().Be("mail");
        descriptor.FindInput("aan")!.Required.Should().BeTrue();
        descriptor.FindInput("aantal")!.Default!.GetValue<int>().Should().Be(3);
        descriptor.FindInput("dagen")!.Default!.ToJsonString().Should().Be("""["1","2"]""");
        descriptor.FindInput("termijn")!.Description.Should().Be("Hoe lang er gewacht wordt.");
        descriptor.InputRequirements.Should().ContainSingle(r => r.Given == "dringend" && r.Requires.SequenceEqual(new[] { "aan" }),
            "a rule between inputs is declared on the record as well");
    }

    [Fact]
    public void Reading_a_node_fills_each_property_with_its_value_and_a_missing_one_with_its_declared_default()
    {
        var given = new Dictionary<string, JsonNode?>
        {
            ["aan"] = "ab",
            ["termijn"] = "P2W",
            ["dringend"] = true,
            ["dagen"] = JsonNode.Parse("""["5"]"""),
            ["extra"] = JsonNode.Parse("""{"a":1}"""),
        };

        var inputs = InputRecord.Read<ReminderInputs>(name => given.GetValueOrDefault(name));

        inputs.Should().BeEquivalentTo(new ReminderInputs
        {
            Aan = "ab",
            Wijze = "mail",
            Termijn = IsoDuration.Parse("P2W"),
            Aantal = 3,
            Dringend = true,
            Dagen = ["5"],
        }, o => o.Excluding(i => i.Extra));
        inputs.Extra!.ToJsonString().Should().Be("""{"a":1}""");
    }

    [Fact]
    public void A_blank_or_mistyped_value_reads_as_the_declared_default()
    {
        var given = new Dictionary<string, JsonNode?> { ["aan"] = "  ", ["wijze"] = 7, ["aantal"] = "veel", ["dringend"] = "ja", ["dagen"] = "4" };

        var inputs = InputRecord.Read<ReminderInputs>(name => given.GetValueOrDefault(name));

        inputs.Aan.Should().BeNull("a blank text is no value");
        inputs.Wijze.Should().Be("7", "a number given for a text reads as its digits");
        inputs.Aantal.Should().Be(3);
        inputs.Dringend.Should().BeFalse();
        inputs.Dagen.Should().Equal(["4"], "one text given for a list is a list of one");
    }

    [Fact]
    public void A_duration_that_is_no_duration_is_refused_with_the_inputs_name()
    {
        var act = () => InputRecord.Read<ReminderInputs>(name => name == "termijn" ? "twee weken" : null);

        act.Should().Throw<InvalidOperationException>().WithMessage("Invoer 'termijn': 'twee weken' is geen duur*");
    }

    [Fact]
    public void Inputs_declared_both_on_the_class_and_in_its_record_are_refused_at_start_up()
    {
        var act = () => Describe<TwiceDeclaredActivity>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*declares inputs both on its class (oud) and in its input record ReminderInputs*");
    }

    [Fact]
    public void Choices_and_labels_that_do_not_pair_up_are_refused_at_start_up()
    {
        var act = () => Describe<UnpairedChoicesActivity>();

        act.Should().Throw<InvalidOperationException>().WithMessage("Input 'wijze' has 2 choices and 1 choice labels.");
    }

    [Fact]
    public void A_property_of_a_type_the_reader_cannot_fill_is_refused_at_start_up()
    {
        var act = () => Describe<UnreadableActivity>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*input 'wanneer'*cannot hold a DateOnly*");
    }
}

[InputRequires("dringend", "aan")]
public sealed record ReminderInputs
{
    [Input("aan", InputType.String, DisplayName = "Aan", Required = true)]
    public string? Aan { get; init; }

    [Input("wijze", InputType.Choice, DisplayName = "Wijze", Default = "mail", Choices = ["mail", "brief"], ChoiceLabels = ["Per e-mail", "Per brief"])]
    public string Wijze { get; init; } = "";

    [Input("termijn", InputType.Duration, DisplayName = "Termijn", Description = "Hoe lang er gewacht wordt.", Default = "P1W")]
    public IsoDuration Termijn { get; init; }

    [Input("aantal", InputType.Integer, DisplayName = "Aantal", Default = 3)]
    public int Aantal { get; init; }

    [Input("dringend", InputType.Boolean, DisplayName = "Dringend")]
    public bool Dringend { get; init; }

    [Input("dagen", InputType.StringList, DisplayName = "Dagen", Default = new[] { "1", "2" })]
    public IReadOnlyList<string> Dagen { get; init; } = [];

    [Input("extra", InputType.Json, DisplayName = "Extra")]
    public JsonNode? Extra { get; init; }
}

// No [Activity]: the registries of other tests scan this assembly and must not find these.
public sealed class ReminderActivity : Activity, IHasInputs<ReminderInputs>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}

[Input("oud", InputType.String)]
public sealed class TwiceDeclaredActivity : Activity, IHasInputs<ReminderInputs>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}

public sealed record UnpairedChoicesInputs
{
    [Input("wijze", InputType.Choice, Choices = ["mail", "brief"], ChoiceLabels = ["Per e-mail"])]
    public string? Wijze { get; init; }
}

public sealed class UnpairedChoicesActivity : Activity, IHasInputs<UnpairedChoicesInputs>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}

public sealed record UnreadableInputs
{
    [Input("wanneer", InputType.String)]
    public DateOnly Wanneer { get; init; }
}

public sealed class UnreadableActivity : Activity, IHasInputs<UnreadableInputs>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}
