using System.Diagnostics;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>"Alle paden" on the shipped voorstel route, without the host: which inputs branch, which steps are reached, and how long it takes.</summary>
public sealed class RoutePathsTests(ITestOutputHelper output)
{
    private static RouteAnalysis Analyse(JsonObject json)
    {
        var snapshot = ActivityServices.Demo(ActivityServices.Deadlines());
        using var services = ActivityServices.Build(snapshot);
        var paths = new RoutePaths(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<IExpressionEvaluator>());
        return paths.Analyse(DefinitionParser.Parse(json.ToJsonString()));
    }

    [Fact]
    public void Voorstel_branches_on_kind_model_and_ways_of_deciding_and_every_step_is_on_a_path()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json")))!.AsObject();
        Analyse(json); // warm up
        var stopwatch = Stopwatch.StartNew();
        var analysis = Analyse(json);
        stopwatch.Stop();
        output.WriteLine($"{analysis.Paths.Count} paths, {analysis.Paths.Count(p => p.ExpectedOnly)} with only expected outcomes, in {stopwatch.ElapsedMilliseconds} ms");

        analysis.Complete.Should().BeTrue();
        analysis.Unreached.Should().BeEmpty();
        analysis.Paths.Should().Contain(p => p.Outcomes.Contains("Advies van de BAC: Negatief advies"));
    }
}
