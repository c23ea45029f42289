using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Tests.Definitions;

/// <summary>What a person reads for a port or a choice comes with the descriptor, and a route may label its own cases.</summary>
public sealed class PortLabelTests
{
    private static ActivityDescriptor Descriptor(string type)
    {
        FlowValidation.Registry.TryGet(type, null, out var descriptor, out _).Should().BeTrue();
        return descriptor;
    }

    [Fact]
    public void The_engine_activities_label_their_fixed_ports_and_choices()
    {
        Descriptor("Decision").PortLabels.Should().Equal(new Dictionary<string, string> { ["True"] = "Waar", ["False"] = "Onwaar" });
        Descriptor("Start").PortLabel(Ports.Done).Should().Be("Verder");
        Descriptor("Join").FindInput("mode")!.ChoiceLabels.Should().Equal(new Dictionary<string, string> { ["all"] = "Alle paden", ["any"] = "Eén pad", ["count"] = "Een aantal paden" });
    }

    [Fact]
    public void A_switch_case_reads_by_its_own_label_and_the_default_way_as_anders()
    {
        var node = new ActivityNode
        {
            Id = "route",
            Type = "Switch",
            Inputs = { ["cases"] = JsonNode.Parse("""[ { "name": "bacAdvies", "label": "BAC-advies nodig", "condition": "true" }, { "name": "zonder", "condition": "false" } ]""") },
        };
        var descriptor = Descriptor("Switch");
        descriptor.PortLabelOf(node, "bacAdvies").Should().Be("BAC-advies nodig");
        descriptor.PortLabelOf(node, "Default").Should().Be("Anders");
        descriptor.PortLabelOf(node, "zonder").Should().BeNull("a case without a label has none; the name is all there is");
    }
}
