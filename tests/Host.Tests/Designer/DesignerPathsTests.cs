using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Tests.Designer;

/// <summary>
/// The designer's test run with chosen outcomes and its "alle paden" view on the shipped <c>voorstel</c> route: every
/// proposal kind in both governance models has a path, each path with only expected outcomes is the route simulation's
/// path for the same inputs, a chosen outcome is taken once, and a sample the route would refuse runs nothing.
/// </summary>
public sealed class DesignerPathsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string[] Kinds =
        ["beleidsvoorstel", "begroting", "begrotingswijziging", "jaarrekening", "jaarrapportage", "viermaandsrapportage", "achtmaandsrapportage", "kaderbrief", "beleidsbrief"];

    private static readonly string[] Models = ["metBacs", "zonderBacs"];

    /// <summary>The flow steps the route simulation passes without listing them.</summary>
    private static readonly string[] FlowTypes = ["Start", "End", "Switch", "Decision", "Fork", "Join", "SetVariable"];

    [Fact]
    public async Task Alle_paden_lists_every_kind_in_both_models_and_each_expected_path_is_the_simulated_path_for_the_same_inputs()
    {
        using var owner = host.ProcessOwner();
        var (id, definition) = await ImportVoorstelAsync(owner);
        var analysis = await PathsAsync(owner, id);
        var types = definition["root"]!["activities"]!.AsArray().ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!["type"]!.GetValue<string>());
        var expected = analysis["paths"]!.AsArray().Where(p => p!["expectedOnly"]!.GetValue<bool>()).ToList();

        var compared = 0;
        foreach (var kind in Kinds)
        {
            foreach (var model in Models)
            {
                var input = new JsonObject { ["titel"] = "Proef", ["pijler"] = "PubliekeGezondheid", ["soort"] = kind, ["bestuursmodel"] = model };
                var matching = expected.Where(p => p!["expectedWhen"]!.AsArray().Any(c => Matches(c!.AsObject(), input))).ToList();
                matching.Should().ContainSingle($"one path with only expected outcomes is listed for {kind} in model {model}");
                await ShouldEqualSimulationAsync(owner, id, matching[0]!, input, types);
                compared++;
            }
        }

        // And the other way round: every listed path with only expected outcomes, for each combination that leads to it.
        foreach (var path in expected)
        {
            foreach (var cube in path!["expectedWhen"]!.AsArray())
            {
                var input = new JsonObject { ["titel"] = "Proef", ["pijler"] = "PubliekeGezondheid" };
                foreach (var (name, values) in cube!.AsObject())
                {
                    input[name] = values!.AsArray()[0]?.DeepClone();
                }

                input["soort"] ??= "beleidsvoorstel";
                await ShouldEqualSimulationAsync(owner, id, path, input, types);
                compared++;
            }
        }

        compared.Should().BeGreaterThan(Kinds.Length * Models.Length);
    }

    [Fact]
    public async Task Alle_paden_says_in_words_which_inputs_and_outcomes_lead_to_a_path()
    {
        using var owner = host.ProcessOwner();
        var (id, _) = await ImportVoorstelAsync(owner);
        var stopwatch = Stopwatch.StartNew();
        var analysis = await PathsAsync(owner, id);
        stopwatch.Stop();
        Console.WriteLine($"alle paden of voorstel: {analysis["paths"]!.AsArray().Count} paths in {stopwatch.ElapsedMilliseconds} ms (request included)");
        analysis["complete"]!.GetValue<bool>().Should().BeTrue();

        var paths = analysis["paths"]!.AsArray();
        var negative = paths.Where(p => p!["outcomes"]!.AsArray().Any(o => o!.GetValue<string>() == "Advies van de BAC: Negatief advies")).ToList();
        negative.Should().NotBeEmpty("a path takes the negative BAC advice");
        var steps = negative[0]!["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).ToList();
        steps.IndexOf("voorbereiding").Should().BeLessThan(steps.IndexOf("advies"));
        steps.LastIndexOf("voorbereiding").Should().BeGreaterThan(steps.IndexOf("advies"), "negative advice goes back to preparation");
        steps.Count(s => s == "advies").Should().Be(2, "the loop is taken once");

        // Every combination of outcomes, not only one other outcome per path: negative advice and then the DB sending it back.
        paths.Should().HaveCount(2024, "voorstel has this many distinct sequences of steps, each loop taken at most once");
        var twice = paths.Where(p => p!["deviations"]!.GetValue<int>() == 2
            && p["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).SequenceEqual(["Advies van de BAC: Negatief advies", "Dagelijks bestuur: Teruggestuurd (terug naar de voorbereiding)"])).ToList();
        twice.Should().NotBeEmpty();
        var back = twice[0]!["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).ToList();
        back.Count(s => s == "voorbereiding").Should().Be(3, "preparation is done again after the advice and after the DB");

        var lines = paths.SelectMany(p => p!["inputs"]!.AsArray()).Select(l => l!.GetValue<string>()).ToList();
        lines.Should().Contain(l => l.Contains("Bestuursmodel: ", StringComparison.Ordinal) && l.Contains("Soort voorstel: ", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("metBacs", StringComparison.Ordinal) || l.Contains("zonderBacs", StringComparison.Ordinal), "choices read as their labels");
        analysis["unreached"]!.AsArray().Should().BeEmpty("every step of voorstel is on some path");
    }

    [Fact]
    public async Task A_test_run_with_negative_BAC_advice_goes_back_to_preparation_and_takes_the_advice_once()
    {
        using var owner = host.ProcessOwner();
        var (id, _) = await ImportVoorstelAsync(owner);
        using var response = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run", new
        {
            start = "2027-01-06",
            input = new { titel = "Beleidsnota gezondheid", soort = "beleidsvoorstel", pijler = "PubliekeGezondheid", bestuursmodel = "metBacs" },
            outcomes = new Dictionary<string, string> { ["advies"] = "negatief" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var steps = run["steps"]!.AsArray().Select(s => (Id: s!["activityId"]!.GetValue<string>(), Port: s["port"]!.GetValue<string>())).ToList();
        steps.Where(s => s.Id == "advies").Select(s => s.Port).Should().Equal("negatief", "positief");
        steps.Select(s => s.Id).Should().ContainInOrder("voorbereiding", "advies", "voorbereiding", "advies", "besluitDb", "besluitAb");
    }

    [Fact]
    public async Task A_test_run_refuses_a_missing_required_input_and_an_unknown_choice_by_name_and_writes_and_sends_nothing()
    {
        using var owner = host.ProcessOwner();
        var (id, _) = await ImportVoorstelAsync(owner);
        var instances = (await host.InstancesAsync(InstanceQuery.All)).Count;
        var outbox = (await host.OutboxAsync("1 = 1")).Count;
        var mails = Directory.Exists(host.MailFolder) ? Directory.GetFiles(host.MailFolder, "*", SearchOption.AllDirectories).Length : 0;

        using var refused = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run",
            new { start = "2027-01-06", input = new { titel = "Proef", pijler = "PubliekeGezondhied", bestuursmodel = "metBacs" } });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        var detail = problem["detail"]!.GetValue<string>();
        detail.Should().Contain("‘Soort voorstel’ is verplicht; vul het in.")
            .And.Contain("‘Pijler’ kan alleen ‘Publieke Gezondheid’ of ‘Zorg en Veiligheid’ zijn, niet ‘PubliekeGezondhied’.");

        using var wrongOutcome = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run", new
        {
            start = "2027-01-06", input = new { titel = "Proef", soort = "beleidsvoorstel", pijler = "PubliekeGezondheid" },
            outcomes = new Dictionary<string, string> { ["advies"] = "misschien" },
        });
        wrongOutcome.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await wrongOutcome.Content.ReadAsStringAsync()).Should().Contain("Negatief advies");

        // A run that goes through (with a chosen outcome) also leaves no instance, no outbox row and no mail behind.
        using var ran = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run", new
        {
            start = "2027-01-06", input = new { titel = "Proef", soort = "begroting", pijler = "ZorgEnVeiligheid", bestuursmodel = "zonderBacs" },
            outcomes = new Dictionary<string, string> { ["besluitDb"] = "aangehouden" },
        });
        ran.StatusCode.Should().Be(HttpStatusCode.OK, await ran.Content.ReadAsStringAsync());

        (await host.InstancesAsync(InstanceQuery.All)).Should().HaveCount(instances);
        (await host.OutboxAsync("1 = 1")).Should().HaveCount(outbox);
        (Directory.Exists(host.MailFolder) ? Directory.GetFiles(host.MailFolder, "*", SearchOption.AllDirectories).Length : 0).Should().Be(mails);
    }

    [Fact]
    public async Task Warnings_name_a_meeting_beside_a_written_round_for_the_same_body_a_round_without_deadline_and_a_step_no_path_reaches()
    {
        using var owner = host.ProcessOwner();
        var (id, definition) = await ImportVoorstelAsync(owner, d =>
        {
            // The BAC is put on the agenda and then asked in writing; and a step behind a rule no input meets.
            var activities = d["root"]!["activities"]!.AsArray();
            var advies = activities.Single(a => a!["id"]!.GetValue<string>() == "advies")!;
            advies["inputs"]!["wijze"] = "schriftelijk";
            advies["inputs"]!.AsObject().Remove("termijn");
            activities.Add(new JsonObject
            {
                ["id"] = "losseMelding", ["type"] = "Melding", ["displayName"] = "Losse melding",
                ["inputs"] = new JsonObject { ["aan"] = new JsonArray("db"), ["onderwerp"] = "Los", ["tekst"] = "Los" },
            });
            var naAb = activities.Single(a => a!["id"]!.GetValue<string>() == "naAb")!;
            naAb["inputs"]!["cases"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "nooit", ["label"] = "Nooit", ["condition"] = new JsonObject
                {
                    ["all"] = new JsonArray(
                        new JsonObject { ["subject"] = "input.soort", ["op"] = "is", ["value"] = "begroting" },
                        new JsonObject { ["subject"] = "input.soort", ["op"] = "is", ["value"] = "jaarrekening" }),
                },
            });
            var connections = d["root"]!["connections"]!.AsArray();
            connections.Add(Connection("naAb", "nooit", "losseMelding"));
            connections.Add(Connection("losseMelding", "Done", "besluitBekend"));
        });
        var warnings = (await PathsAsync(owner, id))["warnings"]!.AsArray().Select(w => (Kind: w!["kind"]!.GetValue<string>(), Message: w["message"]!.GetValue<string>(),
            Ids: w["activityIds"]!.AsArray().Select(x => x!.GetValue<string>()).ToList())).ToList();

        warnings.Should().Contain(w => w.Kind == "vergaderingEnSchriftelijk" && w.Ids.SequenceEqual(new[] { "agendeerBac", "advies" })
            && w.Message == "‘Agenderen in de BAC’ (in een vergadering) en ‘Advies van de BAC’ (schriftelijk) liggen op hetzelfde pad en gaan over hetzelfde orgaan. Is dat zo bedoeld?");
        warnings.Should().Contain(w => w.Kind == "geenTermijn" && w.Ids.SequenceEqual(new[] { "advies" })
            && w.Message == "De schriftelijke ronde ‘Advies van de BAC’ heeft geen eigen termijn; nu geldt de standaardtermijn van 1 week.");
        warnings.Should().Contain(w => w.Kind == "onbereikbaar" && w.Ids.SequenceEqual(new[] { "losseMelding" })
            && w.Message == "Geen enkel pad komt bij ‘Losse melding’, bij welke invoer ook.");
        _ = definition;
    }

    private static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private async Task ShouldEqualSimulationAsync(HttpClient owner, string id, JsonNode path, JsonObject input, IReadOnlyDictionary<string, string> types)
    {
        using var response = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run", new { start = "2027-01-06", input });
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{input.ToJsonString()}: {await response.Content.ReadAsStringAsync()}");
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var simulated = run["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).ToList();
        var listed = path["steps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).Where(s => !FlowTypes.Contains(types[s])).ToList();
        listed.Should().Equal(simulated, $"path {path["number"]} is the simulated route for {input.ToJsonString()}");
    }

    /// <summary>Whether a combination of the analysis covers the input: each input it names has one of its values (an absent yes/no reads as no).</summary>
    private static bool Matches(JsonObject cube, JsonObject input) => cube.All(kv =>
    {
        var value = input[kv.Key];
        return kv.Value!.AsArray().Any(v => v is null ? value is null : JsonNode.DeepEquals(v, value) || (value is null && v.ToJsonString() == "false"));
    });

    private static async Task<JsonNode> PathsAsync(HttpClient owner, string id)
    {
        using var response = await owner.GetAsync($"/api/definitions/{id}/draft/paths");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The shipped voorstel route under a new id, as the designer imports it.</summary>
    private async Task<(string Id, JsonObject Definition)> ImportVoorstelAsync(HttpClient owner, Action<JsonObject>? change = null)
    {
        var id = Definitions.UniqueId("paden");
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(MaildevServer.RepositoryRoot(), "workflow-definitions", "voorstel.json")))!.AsObject();
        definition["definitionId"] = id;
        change?.Invoke(definition);
        using var imported = await owner.PostAsync("/api/definitions/import", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        return (id, definition);
    }
}
