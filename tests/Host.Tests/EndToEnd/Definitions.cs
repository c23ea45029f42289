using System.Text;
using AdviesRoute.Tests.Shared;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>Definitions the end-to-end tests put in the Host's definitions folder.</summary>
internal static class Definitions
{
    /// <summary>
    /// Two paths: a loop that waits for "stap" and then runs a long burst of <paramref name="burstLength"/>
    /// SetVariable steps (so a kill often lands in the middle of one), counting the resumes in variable n; and a
    /// timer after <paramref name="timer"/> that leads to a wait.
    /// </summary>
    public static string CrashLoop(int burstLength, string timer)
    {
        var activities = new StringBuilder();
        var connections = new StringBuilder();
        var previous = "wacht";
        for (var i = 1; i <= burstLength; i++)
        {
            var value = i == 1 ? "variables.n + 1" : "variables.n";
            activities.Append($$"""{ "id": "zet{{i}}", "type": "SetVariable", "inputs": { "variable": "n", "value": { "expression": "{{value}}" } } },""");
            connections.Append($$"""{ "source": { "activity": "{{previous}}", "port": "Done" }, "target": { "activity": "zet{{i}}", "port": "In" } },""");
            previous = $"zet{i}";
        }

        return $$"""
        {
          "definitionId": "crash-lus",
          "name": "Herstel na afbreken",
          "variables": [ { "name": "n", "default": 0 } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "splits", "type": "Fork", "inputs": { "branches": ["lus", "termijn"] } },
              { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "stap" } },
              {{activities}}
              { "id": "klaar", "type": "Decision", "inputs": { "condition": "variables.n >= 1000000" } },
              { "id": "termijn", "type": "Timer", "inputs": { "after": "{{timer}}" } },
              { "id": "naTermijn", "type": "WaitForSignal", "inputs": { "signal": "na-termijn" } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "splits", "port": "In" } },
              { "source": { "activity": "splits", "port": "lus" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "splits", "port": "termijn" }, "target": { "activity": "termijn", "port": "In" } },
              {{connections}}
              { "source": { "activity": "{{previous}}", "port": "Done" }, "target": { "activity": "klaar", "port": "In" } },
              { "source": { "activity": "klaar", "port": "False" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "klaar", "port": "True" }, "target": { "activity": "einde", "port": "In" } },
              { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "naTermijn", "port": "In" } },
              { "source": { "activity": "naTermijn", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;
    }

    /// <summary>A Fork into <paramref name="branches"/> signal waits that meet in one Join on "all", then a wait.</summary>
    public static string WideJoin(int branches) =>
        WideJoinDefinition.Json("breed", branches, "all", """{ "id": "daarna", "type": "WaitForSignal", "inputs": { "signal": "daarna" } }""");
}
