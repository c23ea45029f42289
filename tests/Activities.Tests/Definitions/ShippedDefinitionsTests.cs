using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Tests.Definitions;

public sealed class ShippedDefinitionsTests
{
    public static TheoryData<string> Files()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "AdviesRoute.sln")))
        {
            dir = dir.Parent;
        }

        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(dir.FullName, "workflow-definitions"), "*.json").Order(StringComparer.Ordinal))
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

        var registry = new ActivityRegistry(new ServiceCollection().BuildServiceProvider(), [ActivityLibrary.Assembly, typeof(Activity).Assembly]);
        var validator = new DefinitionValidator(registry, new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));

        validator.Validate(model).Should().BeEmpty();
        model.DefinitionId.Should().Be(Path.GetFileNameWithoutExtension(file), "the file is named after its definition");
    }
}
