using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Designer;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Designer;

/// <summary>
/// Only an administrator writes JavaScript in a route (ADR 0031): a process owner's draft that adds or changes an
/// <c>expression</c> value or a condition written as text is refused with Dutch problem details and nothing is stored,
/// while JavaScript an administrator put in may stay as the process owner edits other steps.
/// </summary>
public sealed class ScriptOnlyForAdministratorsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static JsonObject Route(string id, JsonNode? value = null) => new()
    {
        ["definitionId"] = id,
        ["name"] = "Proef met programmacode",
        ["variables"] = new JsonArray(new JsonObject { ["name"] = "uitkomst" }, new JsonObject { ["name"] = "tweede" }),
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject { ["id"] = "wacht", ["type"] = "SetVariable", ["displayName"] = "Uitkomst zetten", ["inputs"] = new JsonObject { ["variable"] = "uitkomst", ["value"] = value ?? "klaar" } },
                new JsonObject { ["id"] = "wacht2", ["type"] = "SetVariable", ["displayName"] = "Tweede waarde", ["inputs"] = new JsonObject { ["variable"] = "tweede", ["value"] = "verder" } },
                new JsonObject { ["id"] = "einde", ["type"] = "End" },
            },
            ["connections"] = new JsonArray
            {
                Connection("start", "wacht"), Connection("wacht", "wacht2"), Connection("wacht2", "einde"),
            },
        },
    };

    private static JsonObject Connection(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static JsonObject Inputs(JsonNode definition, string step) =>
        definition["root"]!["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == step)!["inputs"]!.AsObject();

    [Fact]
    public async Task A_process_owner_keeps_an_administrators_JavaScript_but_may_not_add_or_change_any()
    {
        var id = Definitions.UniqueId("code");
        using var owner = host.ProcessOwner();
        using (var imported = await owner.PostAsync("/api/definitions/import", new StringContent(Route(id).ToJsonString(), Encoding.UTF8, "application/json")))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        // An administrator puts JavaScript in the first step.
        using (var scope = host.Services.CreateScope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<DesignerDrafts>();
            var withScript = Route(id, new JsonObject { ["expression"] = "'klaar'" });
            await drafts.SaveAsync(id, 1, withScript, "beheerder", mayWriteScript: true, CancellationToken.None);
        }

        // The process owner renames the other step: the administrator's JavaScript stays, the draft is stored.
        var draft = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!;
        var definition = draft["definition"]!.AsObject();
        definition["root"]!["activities"]![2]!["displayName"] = "Tweede waarde, hernoemd";
        using (var kept = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 2, definition }))
        {
            kept.StatusCode.Should().Be(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync());
        }

        // Changing that JavaScript is refused, naming the step and the field; nothing is stored.
        var changed = definition.DeepClone();
        Inputs(changed, "wacht")["value"] = new JsonObject { ["expression"] = "'anders'" };
        await ExpectRefusedAsync(owner, id, changed, revision: 3, "stap ‘Uitkomst zetten’, veld ‘Waarde’");

        // So is new JavaScript in another step, and a condition written as text.
        var added = definition.DeepClone();
        Inputs(added, "wacht2")["value"] = new JsonObject { ["expression"] = "'verder'" };
        await ExpectRefusedAsync(owner, id, added, revision: 3, "stap ‘Tweede waarde, hernoemd’, veld ‘Waarde’");

        // Removing it is the process owner's to do: a fixed value instead.
        var removed = definition.DeepClone();
        Inputs(removed, "wacht")["value"] = "klaar";
        using (var plain = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 3, definition = removed }))
        {
            plain.StatusCode.Should().Be(HttpStatusCode.OK, await plain.Content.ReadAsStringAsync());
        }

        var stored = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!;
        stored["revision"]!.GetValue<int>().Should().Be(4);
        Inputs(stored["definition"]!, "wacht")["value"]!.GetValue<string>().Should().Be("klaar");
    }

    [Fact]
    public async Task A_process_owner_may_not_bring_JavaScript_in_through_an_import_and_nothing_is_stored()
    {
        var id = Definitions.UniqueId("codeimport");
        using var owner = host.ProcessOwner();
        using (var imported = await owner.PostAsync("/api/definitions/import", new StringContent(Route(id).ToJsonString(), Encoding.UTF8, "application/json")))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        var withScript = Route(id, new JsonObject { ["expression"] = "'klaar'" });
        withScript["name"] = "Proef met programmacode, ingelezen";
        using (var refused = await owner.PostAsync("/api/definitions/import", new StringContent(withScript.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
            problem!.Title.Should().Be("Programmacode alleen voor beheerders");
            problem.Detail.Should().Contain("stap ‘Uitkomst zetten’, veld ‘Waarde’").And.Contain("er is niets opgeslagen");
        }

        var stored = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!;
        stored["revision"]!.GetValue<int>().Should().Be(1, "the refused import stored nothing");
        stored["definition"]!["name"]!.GetValue<string>().Should().Be("Proef met programmacode");
        Inputs(stored["definition"]!, "wacht")["value"]!.GetValue<string>().Should().Be("klaar");
    }

    private static async Task ExpectRefusedAsync(HttpClient owner, string id, JsonNode definition, int revision, string place)
    {
        using var response = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision, definition });
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Programmacode alleen voor beheerders");
        problem.Detail.Should().Contain("Alleen een beheerder mag programmacode (JavaScript)").And.Contain(place).And.Contain("er is niets opgeslagen");
        var stored = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/draft"))!;
        stored["revision"]!.GetValue<int>().Should().Be(revision, "nothing was stored");
    }
}
