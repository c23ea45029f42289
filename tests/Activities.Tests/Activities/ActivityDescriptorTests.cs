using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Activities;

/// <summary>The designer builds its palette and property panel from the descriptors, so they must be complete.</summary>
public sealed class ActivityDescriptorTests
{
    [Fact]
    public void Every_governance_activity_has_a_Dutch_name_a_description_labelled_inputs_and_outcome_ports()
    {
        using var services = ActivityServices.Build();
        var registry = services.GetRequiredService<ActivityRegistry>();
        var governance = registry.LatestDescriptors.Where(d => d.Category == "Bestuur").ToList();

        governance.Select(d => d.Type).Should().BeEquivalentTo(
            ["Voorbereiding", "Advies", "Besluit", "Zienswijzenronde", "TerugkoppelingColleges", "Agenderen", "Melding", "Nazorg", "ReactiesZienswijzen", "ReactiesHerzien"]);
        foreach (var descriptor in governance)
        {
            descriptor.DisplayName.Should().NotBeNullOrWhiteSpace();
            descriptor.Description.Should().NotBeNullOrWhiteSpace();
            descriptor.Inputs.Should().NotBeEmpty().And.OnlyContain(i => i.DisplayName != i.Name, "{0} labels its inputs in Dutch", descriptor.Type);
            descriptor.Inputs.Where(i => i.Type == InputType.Choice).All(i => i.Choices is { Count: > 0 }).Should().BeTrue("{0} lists the values of its choices", descriptor.Type);
            descriptor.Ports.Should().NotBeEmpty();
        }

        governance.Single(d => d.Type == "Besluit").Ports.Should().Equal("vastgesteld", "gewijzigdVastgesteld", "verworpen", "aangehouden", "teruggestuurd");
        governance.Single(d => d.Type == "Advies").Ports.Should().Equal("positief", "positiefMetKanttekeningen", "negatief");
        governance.Single(d => d.Type == "Voorbereiding").Ports.Should().Equal("gereed", "herzien");
        governance.Single(d => d.Type == "TerugkoppelingColleges").Ports.Should().Equal("instemming", "bedenkingen");
    }

    [Fact]
    public void Every_governance_activity_declares_its_inputs_once_in_a_record_with_labelled_choices()
    {
        using var services = ActivityServices.Build();
        var registry = services.GetRequiredService<ActivityRegistry>();

        foreach (var descriptor in registry.LatestDescriptors.Where(d => d.Category == "Bestuur"))
        {
            registry.TryGet(descriptor.Type, null, out _, out var activity).Should().BeTrue();
            var record = InputRecord.RecordOf(activity.GetType());
            record.Should().NotBeNull("{0} reads its inputs typed, from one record", descriptor.Type);
            descriptor.Inputs.Select(i => i.Name).Should().Equal(InputRecord.Keys(record!), "{0}'s property panel is its record", descriptor.Type);
            foreach (var choice in descriptor.Inputs.Where(i => i.Type == InputType.Choice))
            {
                choice.ChoiceLabels.Keys.Should().BeEquivalentTo(choice.Choices!, "{0} labels every value of '{1}'", descriptor.Type, choice.Name);
            }
        }
    }
}
