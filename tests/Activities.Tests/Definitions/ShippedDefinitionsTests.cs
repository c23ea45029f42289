using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Definitions;

public sealed class ShippedDefinitionsTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ShippedDefinitions.Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_definition_is_valid(string file)
    {
        var model = DefinitionParser.Parse(File.ReadAllText(file));
        using var services = ActivityServices.Build();
        var validator = new DefinitionValidator(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<IExpressionEvaluator>());

        validator.Validate(model).Should().BeEmpty();
        model.DefinitionId.Should().Be(Path.GetFileNameWithoutExtension(file), "the file is named after its definition");
    }

    [Fact]
    public void Both_governance_models_and_every_kind_have_a_shipped_route()
    {
        var ids = Directory.GetFiles(ShippedDefinitions.Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        ids.Should().Contain(["voorstel", "wijziging-regeling", "zvhd-jaarplan", "netwerktafel-thema"]);

        var voorstel = File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json"));
        foreach (var kind in new[] { "beleidsvoorstel", "begroting", "begrotingswijziging", "jaarrekening", "kaderbrief", "beleidsbrief" })
        {
            voorstel.Should().Contain($"'{kind}'", "the kind {0} chooses its branch in the one definition", kind);
        }

        voorstel.Should().Contain("input.bestuursmodel === 'zonderBacs'");
    }
}
