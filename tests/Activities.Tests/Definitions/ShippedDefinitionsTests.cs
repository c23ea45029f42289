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
            voorstel.Should().Contain($"\"{kind}\"", "the kind {0} chooses its branch in the one definition", kind);
        }

        voorstel.Should().Contain("\"subject\": \"input.bestuursmodel\"").And.Contain("\"zonderBacs\"");
    }
}

public sealed class ShippedDefinitionsWithoutJavaScriptTests
{
    [Theory]
    [MemberData(nameof(ShippedDefinitionsTests.Files), MemberType = typeof(ShippedDefinitionsTests))]
    public void No_shipped_definition_holds_an_expression_or_a_javascript_condition(string file)
    {
        var found = new List<string>();
        Walk(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file)), "$", found);

        found.Should().BeEmpty("the shipped routes route with rules a process owner can read, not JavaScript ({0})", Path.GetFileName(file));
    }

    [Theory]
    [MemberData(nameof(ShippedDefinitionsTests.Files), MemberType = typeof(ShippedDefinitionsTests))]
    public void Every_choice_input_of_a_shipped_definition_has_dutch_labels(string file)
    {
        var model = DefinitionParser.Parse(File.ReadAllText(file));

        foreach (var input in model.Inputs.Where(i => i.Type == RouteInputTypes.Choice))
        {
            input.Choices.Should().NotBeNullOrEmpty();
            input.Choices!.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Label) && c.Label != c.Value, "a person reads a label, not the stored value");
        }

        model.Inputs.Where(i => i.Name is "bestuursmodel" or "pijler" or "soort" or "wijzeBac" or "wijzeDb")
            .Should().NotContain(i => i.Type != RouteInputTypes.Choice, "inputs with a fixed set of values are declared as choice lists");
    }

    private static void Walk(System.Text.Json.Nodes.JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == "expression")
                    {
                        found.Add($"{path}.{key}");
                    }

                    if (key == "condition" && child is System.Text.Json.Nodes.JsonValue)
                    {
                        found.Add($"{path}.{key}: {child.ToJsonString()}");
                    }

                    Walk(child, $"{path}.{key}", found);
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", found);
                }

                break;
        }
    }
}
