using AdviesRoute.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Support;

public static class Definitions
{
    /// <summary>Start, wait for an approval (kept in variable <c>besluit</c>), wait twelve weeks, end.</summary>
    public static string ApprovalThenTwelveWeeks(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Goedkeuring en termijn",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring", "resultVariable": "besluit" } },
              { "id": "termijn", "type": "Timer", "inputs": { "after": "P12W" } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "termijn", "port": "In" } },
              { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Stores and publishes a definition through the engine, as the import at start-up would.</summary>
    public static Task<DefinitionSaveResult> SaveAsync(this HostFixture host, string json) =>
        host.WithScopeAsync(services => services.GetRequiredService<DefinitionStore>().SaveAsync(json, publish: true, actor: "test", source: null));

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
