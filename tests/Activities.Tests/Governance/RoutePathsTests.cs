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
    private static (RoutePaths Paths, ServiceProvider Services) Services()
    {
        var services = ActivityServices.Build(ActivityServices.Demo(ActivityServices.Deadlines()));
        return (new RoutePaths(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<IExpressionEvaluator>()), services);
    }

    [Fact]
    public void Voorstel_branches_on_kind_model_and_ways_of_deciding_and_every_step_is_on_a_path()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json")))!.AsObject();
        var (paths, _) = Services();
        var definition = DefinitionParser.Parse(json.ToJsonString());
        paths.Analyse(definition); // warm up
        var times = new List<long>();
        RouteAnalysis analysis = null!;
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            analysis = paths.Analyse(definition);
            times.Add(stopwatch.ElapsedMilliseconds);
        }

        output.WriteLine($"{analysis.Paths.Count} paths, {analysis.Paths.Count(p => p.ExpectedOnly)} with only expected outcomes, in {string.Join(", ", times)} ms");

        analysis.Complete.Should().BeTrue();
        analysis.Unreached.Should().BeEmpty();
        analysis.Paths.Should().Contain(p => p.Outcomes.Contains("Advies van de BAC: Negatief advies"));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void Voorstel_lists_every_combination_of_outcomes_as_one_path_per_sequence_of_steps()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedDefinitions.Folder, "voorstel.json")))!.AsObject();
        var (paths, _) = Services();
        var definition = DefinitionParser.Parse(json.ToJsonString());
        paths.Analyse(definition); // warm up
        var stopwatch = Stopwatch.StartNew();
        var analysis = paths.Analyse(definition);
        var elapsed = stopwatch.ElapsedMilliseconds;
        var counts = analysis.Paths.GroupBy(p => p.Deviations).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{analysis.Paths.Count} paths in {elapsed} ms; by number of other outcomes {string.Join(", ", counts)}");

        analysis.Complete.Should().BeTrue("every combination of outcomes is walked, each loop at most once");
        analysis.Paths.Should().HaveCount(2024, "voorstel has this many distinct sequences of steps (measured; a change to the route or the walk shows here)");
        analysis.Paths.Select(p => string.Join('>', p.Steps.Select(s => s.ActivityId))).Should().OnlyHaveUniqueItems("outcomes that lead to the same steps are one path");
        analysis.Paths.Should().Contain(p => p.Deviations == 2
            && p.Outcomes.Contains("Advies van de BAC: Negatief advies")
            && p.Outcomes.Contains("Dagelijks bestuur: Teruggestuurd (terug naar de voorbereiding)"));
        analysis.Paths.Select(p => p.Deviations).Should().BeInAscendingOrder("the paths with the fewest other outcomes come first");
        analysis.Paths.Should().OnlyContain(p => p.Deviations == p.Outcomes.Count);
        analysis.Paths[0].Steps.Should().Contain(s => s.ActivityId == "advies" && s.Outcome == "Positief advies of Positief advies met kanttekeningen",
            "outcomes that lead the same way are named together on the path");
        output.WriteLine($"{System.Text.Json.JsonSerializer.Serialize(analysis, Web).Length} characters as JSON");
    }
}
