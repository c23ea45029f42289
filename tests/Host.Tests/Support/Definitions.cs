using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    /// <summary>Start, wait for an approval, end: one resume finishes the instance.</summary>
    public static string ApprovalThenEnd(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Goedkeuring en einde",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring" } },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Declares the required input <c>titel</c>; with it the instance runs straight to its end.</summary>
    public static string RequiresTitle(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Titel verplicht",
          "inputs": [ { "name": "titel", "type": "string", "required": true, "displayName": "Titel" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Well-formed JSON, but its second activity has a type the engine does not know.</summary>
    public static string WithUnknownActivityType(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Met onbekende activiteit",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "overleg", "type": "Vergadering" },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "overleg", "port": "In" } },
              { "source": { "activity": "overleg", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Not a definition document: its activities (line 5) are a number instead of a list.</summary>
    public static string WithActivitiesNotAList(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Activiteiten geen lijst",
          "root": {
            "activities": 5,
            "connections": []
          }
        }
        """;

    /// <summary>
    /// Forks into a wait for an approval (kept in variable <c>besluit</c>) and a check of <c>variables.besluit.akkoord</c>;
    /// both meet in a Join before the end. Until the approval is in, the check throws at runtime, so every start
    /// leaves the instance Faulted with one incident at <c>controle</c> and one bookmark at <c>wacht</c>; once the
    /// approval is in, retrying the incident runs the instance to its end.
    /// </summary>
    public static string ApprovalBesideFailingCheck(string definitionId) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Goedkeuring naast een controle die eerst faalt",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "splits", "type": "Fork", "inputs": { "branches": ["goedkeuring", "controle"] } },
              { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "goedkeuring", "resultVariable": "besluit" } },
              { "id": "controle", "type": "Decision", "inputs": { "condition": "variables.besluit.akkoord" } },
              { "id": "samen", "type": "Join" },
              { "id": "einde", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "splits", "port": "In" } },
              { "source": { "activity": "splits", "port": "goedkeuring" }, "target": { "activity": "wacht", "port": "In" } },
              { "source": { "activity": "splits", "port": "controle" }, "target": { "activity": "controle", "port": "In" } },
              { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },
              { "source": { "activity": "controle", "port": "True" }, "target": { "activity": "samen", "port": "In" } },
              { "source": { "activity": "controle", "port": "False" }, "target": { "activity": "einde", "port": "In" } },
              { "source": { "activity": "samen", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Stores and publishes a definition through the engine, as the import at start-up would.</summary>
    public static Task<DefinitionSaveResult> SaveAsync(this HostFixture host, string json) =>
        host.WithScopeAsync(services => services.GetRequiredService<DefinitionStore>().SaveAsync(json, publish: true, actor: "test", source: null));

    /// <summary>Approves ("akkoord") through the API with an Idempotency-Key, as the secretary would; expects 200.</summary>
    public static async Task<JsonElement> ResumeApprovalAsync(HttpClient client, string instanceId, string bookmarkId, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume")
        {
            Content = JsonContent.Create(new { input = "akkoord" }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
