using System.Text.Json.Nodes;

namespace AdviesRoute.Benchmarks;

/// <summary>The definitions the benchmark runs, as the JSON a designer or an import would store.</summary>
internal static class Definitions
{
    public const string WaitId = "bench-wait";
    public const string TimerId = "bench-timer";
    public const string SequenceId = "bench-sequence";
    public const string LiteralSequenceId = "bench-sequence-literals";
    public const string Signal = "go";

    /// <summary>Start -> WaitForSignal -> End: a start runs to the first bookmark, a resume finishes it.</summary>
    public static string Wait() => Build(WaitId,
        [Node("start", "Start"), Node("wait", "WaitForSignal", new JsonObject { ["signal"] = Signal }), Node("end", "End")],
        ["start", "wait", "end"]);

    /// <summary>Start -> Timer (at = input.due) -> End.</summary>
    public static string Timer() => Build(TimerId,
        [Node("start", "Start"), Node("timer", "Timer", new JsonObject { ["at"] = new JsonObject { ["expression"] = "input.due" } }), Node("end", "End")],
        ["start", "timer", "end"]);

    /// <summary>
    /// Ten activities: Start, four SetVariable (two literal, two expression) alternating with four Decisions (each a
    /// JavaScript condition), End. Each Decision's True port goes on; False goes to the same next step, so the
    /// run always takes ten steps.
    /// </summary>
    public static string Sequence()
    {
        var nodes = new List<JsonObject>
        {
            Node("start", "Start"),
            Node("set1", "SetVariable", new JsonObject { ["variable"] = "amount", ["value"] = 1500 }),
            Node("check1", "Decision", new JsonObject { ["condition"] = "variables.amount > 1000" }),
            Node("set2", "SetVariable", new JsonObject { ["variable"] = "fee", ["value"] = new JsonObject { ["expression"] = "variables.amount * 0.02" } }),
            Node("check2", "Decision", new JsonObject { ["condition"] = "variables.fee >= 30" }),
            Node("set3", "SetVariable", new JsonObject { ["variable"] = "label", ["value"] = "groot" }),
            Node("check3", "Decision", new JsonObject { ["condition"] = "variables.label === 'groot'" }),
            Node("set4", "SetVariable", new JsonObject { ["variable"] = "total", ["value"] = new JsonObject { ["expression"] = "variables.amount + variables.fee" } }),
            Node("check4", "Decision", new JsonObject { ["condition"] = "variables.total > variables.amount" }),
            Node("end", "End"),
        };
        var connections = new List<JsonObject>();
        for (var i = 1; i < nodes.Count; i++)
        {
            var source = nodes[i - 1];
            var sourceId = (string)source["id"]!;
            var target = (string)nodes[i]["id"]!;
            if ((string)source["type"]! == "Decision")
            {
                connections.Add(Connection(sourceId, "True", target));
                connections.Add(Connection(sourceId, "False", target));
            }
            else
            {
                connections.Add(Connection(sourceId, "Done", target));
            }
        }

        return Serialize(SequenceId, nodes, connections);
    }

    /// <summary>Start, eight SetVariable with literal values, End: the same ten steps without any JavaScript.</summary>
    public static string LiteralSequence()
    {
        var nodes = new List<JsonObject> { Node("start", "Start") };
        for (var i = 1; i <= 8; i++)
        {
            nodes.Add(Node($"set{i}", "SetVariable", new JsonObject { ["variable"] = $"v{i}", ["value"] = i * 100 }));
        }

        nodes.Add(Node("end", "End"));
        return Build(LiteralSequenceId, nodes, nodes.Select(n => (string)n["id"]!).ToArray());
    }

    private static JsonObject Node(string id, string type, JsonObject? inputs = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["inputs"] = inputs ?? [],
    };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static string Build(string id, List<JsonObject> nodes, string[] chain) =>
        Serialize(id, nodes, chain.Zip(chain.Skip(1), (a, b) => Connection(a, "Done", b)).ToList());

    private static string Serialize(string id, List<JsonObject> nodes, List<JsonObject> connections) => new JsonObject
    {
        ["definitionId"] = id,
        ["name"] = $"Benchmark {id}",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray([.. nodes]),
            ["connections"] = new JsonArray([.. connections]),
        },
    }.ToJsonString();
}
