using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>
/// The designer offers a list instead of a text box because the step says what an input picks (ADR 0031): which
/// bodies fit, whether members may be chosen, which fixed values besides, and what a number counts.
/// </summary>
public sealed class PickerDeclarationTests
{
    private static Dictionary<string, ActivityDescriptor> Descriptors()
    {
        using var services = ActivityServices.Build();
        return services.GetRequiredService<ActivityRegistry>().LatestDescriptors.ToDictionary(d => d.Type);
    }

    [Fact]
    public void Every_input_that_names_a_body_member_or_variable_declares_it_and_no_body_is_asked_for_as_an_id()
    {
        var descriptors = Descriptors();
        var advies = descriptors["Advies"].FindInput("orgaan")!;
        advies.Picker!.Picks.Should().Equal("body");
        advies.Picker.Kinds.Should().Contain("Bac").And.Contain("DagelijksBestuur").And.NotContain("Gemeenteraad");
        descriptors["Voorbereiding"].FindInput("groep")!.Picker!.Kinds.Should().BeEquivalentTo(["Voorbereidingsgroep", "Partnergroep"]);
        descriptors["Zienswijzenronde"].FindInput("raden")!.Picker!.Kinds.Should().Equal("Gemeenteraad");
        descriptors["TerugkoppelingColleges"].FindInput("colleges")!.Picker!.Kinds.Should().Equal("College");
        descriptors["Agenderen"].FindInput("variabele")!.Picker!.Picks.Should().Equal("variable");
        descriptors["Besluit"].FindInput("vergadering")!.Picker!.Picks.Should().Equal("meeting");

        var aan = descriptors["Melding"].FindInput("aan")!.Picker!;
        aan.Picks.Should().Equal("body", "member");
        aan.Also.Should().Equal(
            new PickerChoice("raden", "Alle raden"), new PickerChoice("colleges", "Alle colleges"),
            new PickerChoice("portefeuillehouder", "De portefeuillehouder van het voorstel"));

        foreach (var descriptor in descriptors.Values.Where(d => d.Category == "Bestuur"))
        {
            descriptor.Inputs.Should().NotContain(i => i.Description.StartsWith("Id", StringComparison.Ordinal) || i.Description.Contains("ISO 8601", StringComparison.Ordinal),
                "{0} asks for a name, not for a code", descriptor.Type);
        }
    }

    [Fact]
    public void Counts_in_working_days_say_so()
    {
        var descriptors = Descriptors();
        descriptors["Advies"].FindInput("herinneringen")!.Unit.Should().Be(new InputUnit("werkdag", "werkdagen", "vóór de termijn"));
        descriptors["Zienswijzenronde"].FindInput("herinneringen")!.Unit!.Many.Should().Be("werkdagen");
        descriptors["Besluit"].FindInput("registratieTermijn")!.Unit.Should().Be(new InputUnit("werkdag", "werkdagen", null));
    }
}
