using System.Text;

namespace AdviesRoute.Tests.Shared;

/// <summary>Test definitions shared by the engine's and the host's tests (linked into both projects).</summary>
internal static class WideJoinDefinition
{
    /// <summary>
    /// A Fork into <paramref name="branches"/> signal waits (signals s1…sN) that meet in one Join with the given
    /// mode, then the activity <c>{ "id": "daarna", … }</c> given as <paramref name="afterJoin"/>, then an End.
    /// </summary>
    public static string Json(string definitionId, int branches, string mode, string afterJoin)
    {
        var activities = new StringBuilder();
        var connections = new StringBuilder();
        var names = string.Join(",", Enumerable.Range(1, branches).Select(i => $"\"b{i}\""));
        for (var i = 1; i <= branches; i++)
        {
            activities.Append($$"""{ "id": "wacht{{i}}", "type": "WaitForSignal", "inputs": { "signal": "s{{i}}" } },""");
            connections.Append($$"""{ "source": { "activity": "splits", "port": "b{{i}}" }, "target": { "activity": "wacht{{i}}", "port": "In" } },""");
            connections.Append($$"""{ "source": { "activity": "wacht{{i}}", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },""");
        }

        return $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Brede samenvoeging",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "splits", "type": "Fork", "inputs": { "branches": [{{names}}] } },
              {{activities}}
              { "id": "samen", "type": "Join", "inputs": { "mode": "{{mode}}" } },
              {{afterJoin}},
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "splits", "port": "In" } },
              {{connections}}
              { "source": { "activity": "samen", "port": "Done" }, "target": { "activity": "daarna", "port": "In" } },
              { "source": { "activity": "daarna", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;
    }
}
