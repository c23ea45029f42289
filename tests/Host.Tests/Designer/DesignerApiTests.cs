using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Designer;

/// <summary>
/// The designer's API on the real host: drafts saved while invalid and never seen by running instances, publishing
/// refused while anything is wrong, versions with who and when, diff, revert, import and export, a test run, and
/// moving running instances after a dry run.
/// </summary>
public sealed class DesignerApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static string Route(string id, bool withExtraStep = false, bool withoutAdvies = false)
    {
        var activities = new JsonArray
        {
            new JsonObject { ["id"] = "start", ["type"] = "Start", ["designer"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
        };
        var connections = new JsonArray();
        var previous = "start";
        void Step(string stepId, string name)
        {
            activities.Add(new JsonObject { ["id"] = stepId, ["type"] = "WaitForSignal", ["displayName"] = name, ["inputs"] = new JsonObject { ["signal"] = stepId } });
            connections.Add(Connection(previous, "Done", stepId));
            previous = stepId;
        }

        if (!withoutAdvies)
        {
            Step("advies", "Advies");
        }

        if (withExtraStep)
        {
            Step("terugkoppeling", "Terugkoppeling colleges");
        }

        activities.Add(new JsonObject { ["id"] = "einde", ["type"] = "End" });
        connections.Add(Connection(previous, "Done", "einde"));
        return new JsonObject
        {
            ["definitionId"] = id, ["name"] = "Proef van de ontwerper", ["inputs"] = new JsonArray(new JsonObject { ["name"] = "titel", ["type"] = "string" }),
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        }.ToJsonString();
    }

    private static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    [Fact]
    public async Task A_draft_with_a_dangling_connection_is_saved_with_the_error_on_that_connection_and_publishing_is_refused()
    {
        var id = Definitions.UniqueId("ontwerp");
        using var owner = host.ProcessOwner();
        (await ImportAsync(owner, Route(id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PublishAsync(owner, id)).GetProperty("version").GetInt32().Should().Be(1);

        var draft = await GetDraftAsync(owner, id);
        draft["revision"]!.GetValue<int>().Should().Be(0);
        draft["basedOnVersion"]!.GetValue<int>().Should().Be(1);
        var definition = draft["definition"]!.AsObject();
        definition["root"]!["connections"]![1]!["target"]!["activity"] = "bestaatNiet";

        using var saved = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 0, definition });
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!;
        view["revision"]!.GetValue<int>().Should().Be(1);
        view["savedBy"]!.GetValue<string>().Should().Be(HostFixture.ProcessOwnerKeyName);
        view["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Should().Contain(p => p.StartsWith("$.root.connections[1].target", StringComparison.Ordinal));

        using var refused = await owner.PostAsync($"/api/definitions/{id}/draft/publish", null);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Should().Contain(e => e!["path"]!.GetValue<string>().StartsWith("$.root.connections[1].target", StringComparison.Ordinal));
        (await VersionsAsync(owner, id)).Should().ContainSingle("nothing was published");
        (await GetDraftAsync(owner, id))["revision"]!.GetValue<int>().Should().Be(1, "the draft stays");

        // Someone saving on the old revision is told, and nothing is stored.
        using var stale = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 0, definition });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("intussen opgeslagen door");

        // Fixed and published: version 2, by the process owner; the draft is gone.
        definition["root"]!["connections"]![1]!["target"]!["activity"] = "einde";
        using var fixedDraft = await owner.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision = 1, definition });
        JsonNode.Parse(await fixedDraft.Content.ReadAsStringAsync())!["errors"]!.AsArray().Should().BeEmpty();
        // The same content as version 1: nothing new is published.
        var unchanged = await PublishAsync(owner, id);
        (unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("changed").GetBoolean()).Should().Be((1, false));
    }

    [Fact]
    public async Task Publishing_makes_a_new_version_with_who_and_when_and_the_diff_names_what_changed()
    {
        var id = Definitions.UniqueId("ontwerp");
        using var owner = host.ProcessOwner();
        await ImportAsync(owner, Route(id));
        await PublishAsync(owner, id);
        await SaveDraftAsync(owner, id, 0, JsonNode.Parse(Route(id, withExtraStep: true))!);

        var published = await PublishAsync(owner, id);

        published.GetProperty("version").GetInt32().Should().Be(2);
        var versions = await VersionsAsync(owner, id);
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(2, 1);
        versions[0].GetProperty("createdBy").GetString().Should().Be(HostFixture.ProcessOwnerKeyName);
        versions[0].GetProperty("source").GetString().Should().Be("ontwerper");
        versions[0].GetProperty("isPublished").GetBoolean().Should().BeTrue();
        var when = versions[0].GetProperty("createdAt").GetString()!;
        when.Should().EndWith("Z", "the moment is stored in UTC and says so, so the designer shows it in Dutch time");
        DateTimeOffset.Parse(when, CultureInfo.InvariantCulture).Should().BeCloseTo(host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeSpan.FromMinutes(1));

        var diff = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/diff?from=1&to=2"))!;
        diff["activities"]!["added"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Should().Equal("terugkoppeling");
        diff["activities"]!["removed"]!.AsArray().Should().BeEmpty();
        diff["connections"]!["added"]!.AsArray().Select(c => $"{c!["source"]!["activity"]}->{c["target"]!["activity"]}").Should().BeEquivalentTo("advies->terugkoppeling", "terugkoppeling->einde");
        diff["connections"]!["removed"]!.AsArray().Select(c => $"{c!["source"]!["activity"]}->{c["target"]!["activity"]}").Should().Equal("advies->einde");

        // Version 1 back as the draft, to publish as version 3.
        using var reverted = await owner.PostAsync($"/api/definitions/{id}/versions/1/revert", null);
        var draft = JsonNode.Parse(await reverted.Content.ReadAsStringAsync())!;
        draft["basedOnVersion"]!.GetValue<int>().Should().Be(1);
        JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/diff?from=1&to=draft"))!["activities"]!["added"]!.AsArray().Should().BeEmpty();
        (await owner.PostAsync($"/api/definitions/{id}/versions/9/revert", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_then_import_gives_the_same_definition_and_a_malformed_or_invalid_file_changes_nothing()
    {
        using var owner = host.ProcessOwner();
        var exported = await owner.GetStringAsync("/api/definitions/voorstel/versions/1");

        using (var imported = await ImportAsync(owner, exported))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        var diff = JsonNode.Parse(await owner.GetStringAsync("/api/definitions/voorstel/diff?from=1&to=draft"))!;
        diff["activities"]!["added"]!.AsArray().Should().BeEmpty();
        diff["activities"]!["removed"]!.AsArray().Should().BeEmpty();
        diff["activities"]!["changed"]!.AsArray().Should().BeEmpty();
        diff["connections"]!["added"]!.AsArray().Should().BeEmpty();
        diff["other"]!.AsArray().Should().BeEmpty();
        var revision = (await GetDraftAsync(owner, "voorstel"))["revision"]!.GetValue<int>();

        using (var malformed = await ImportAsync(owner, "{ \"definitionId\": \"voorstel\", \"root\": [ }"))
        {
            malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var problem = JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!;
            problem["detail"]!.GetValue<string>().Should().Contain("geen leesbare definitie");
            problem["errors"]![0]!["line"]!.GetValue<int>().Should().Be(1);
        }

        var invalid = JsonNode.Parse(exported)!;
        invalid["root"]!["activities"]![1]!["type"] = "BestaatNiet";
        using (var refused = await ImportAsync(owner, invalid.ToJsonString()))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            problem["detail"]!.GetValue<string>().Should().Be("Het bestand is geen geldige definitie; er is niets ingelezen.");
            problem["errors"]!.AsArray().Should().Contain(e => e!["path"]!.GetValue<string>() == "$.root.activities[1].type");
        }

        (await GetDraftAsync(owner, "voorstel"))["revision"]!.GetValue<int>().Should().Be(revision, "a refused import changes nothing");
        (await owner.DeleteAsync("/api/definitions/voorstel/draft")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_test_run_walks_the_draft_on_simulated_time_without_starting_anything()
    {
        var id = Definitions.UniqueId("ontwerp");
        using var owner = host.ProcessOwner();
        var exported = JsonNode.Parse(await owner.GetStringAsync("/api/definitions/voorstel/versions/1"))!;
        exported["definitionId"] = id;
        await ImportAsync(owner, exported.ToJsonString());
        var before = (await host.InstancesAsync(InstanceQuery.All)).Count;

        using var response = await owner.PostAsJsonAsync($"/api/definitions/{id}/draft/test-run",
            new { start = "2027-01-06", input = new { titel = "Begroting 2028", soort = "begroting", pijler = "PubliekeGezondheid", bestuursmodel = "zonderBacs" } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var path = run["path"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        path.First().Should().Be("start");
        path.Should().ContainInOrder("besluitDb", "zienswijzenronde", "besluitDbReacties", "reactiesVerzonden", "besluitAb");

        // The DB adopts the reactions to the zienswijzen on 16 June (art. 35 lid 3 Wgr), so the AB of 7 July decides.
        run["decisionDate"]!.GetValue<string>().Should().Be("2027-07-07");
        var decision = run["steps"]!.AsArray().Single(s => s!["activityId"]!.GetValue<string>() == "besluitAb")!;
        decision["title"]!.GetValue<string>().Should().Be("Algemeen bestuur");
        decision["dateText"]!.GetValue<string>().Should().Be("7 juli 2027", "people read the day in words");
        (await host.InstancesAsync(InstanceQuery.All)).Should().HaveCount(before);
    }

    [Fact]
    public async Task Running_instances_stay_on_their_version_until_moved_and_one_on_a_deleted_step_is_not_mappable()
    {
        var id = Definitions.UniqueId("ontwerp");
        using var owner = host.ProcessOwner();
        await ImportAsync(owner, Route(id));
        await PublishAsync(owner, id);
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var atAdvies = (await runtime.StartAsync(id, new JsonObject { ["titel"] = "Bij het advies" }, new Trigger("test", Channel.Api))).InstanceId;

        // v2 adds a step; v3 drops "advies". Neither touches the running instance.
        await SaveDraftAsync(owner, id, 0, JsonNode.Parse(Route(id, withExtraStep: true))!);
        await PublishAsync(owner, id);
        var started2 = await runtime.StartAsync(id, new JsonObject { ["titel"] = "Op versie 2" }, new Trigger("test", Channel.Api));
        await SaveDraftAsync(owner, id, 0, JsonNode.Parse(Route(id, withExtraStep: true, withoutAdvies: true))!);
        await PublishAsync(owner, id);

        var toTwo = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/migration?to=2"))!.AsArray();
        var line = toTwo.Should().ContainSingle().Subject!;
        (line["instanceId"]!.GetValue<string>(), line["title"]!.GetValue<string>(), line["fromVersion"]!.GetValue<int>(), line["mappable"]!.GetValue<bool>())
            .Should().Be((atAdvies, "Bij het advies", 1, true));
        line["landsOn"]![0]!["name"]!.GetValue<string>().Should().Be("Advies");

        var toThree = JsonNode.Parse(await owner.GetStringAsync($"/api/definitions/{id}/migration?to=3"))!.AsArray();
        toThree.Should().HaveCount(2).And.OnlyContain(l => !l!["mappable"]!.GetValue<bool>());
        toThree[0]!["problems"]![0]!.GetValue<string>().Should().Be("De stap 'Advies' (WaitForSignal), waar het proces nu staat, bestaat niet in versie 3.");

        // Moving both to 3: refused for both, nothing changes. Moving the first to 2: done and journaled.
        var refused = await MoveAsync(owner, id, 3, atAdvies, started2.InstanceId);
        refused.Should().OnlyContain(r => !r.GetProperty("migrated").GetBoolean());
        (await RecordAsync(atAdvies)).DefinitionVersion.Should().Be(1);
        var moved = await MoveAsync(owner, id, 2, atAdvies);
        moved.Single().GetProperty("migrated").GetBoolean().Should().BeTrue();
        (await RecordAsync(atAdvies)).DefinitionVersion.Should().Be(2);
        var journal = await host.ReadAsync(reader => reader.GetJournalAsync(atAdvies));
        journal.Should().ContainSingle(j => j.Kind == JournalKinds.InstanceMigrated && j.Actor == HostFixture.ProcessOwnerKeyName);

        // It now passes the new step.
        var advies = (await runtime.ResumeAsync(atAdvies, Waiting(await RecordAsync(atAdvies)), null, new Trigger("test", Channel.Api)));
        advies.Bookmarks.Should().ContainSingle(b => b.ActivityId == "terugkoppeling");
        (await owner.GetAsync($"/api/definitions/{id}/migration?to=7")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_process_owners_and_admins_use_the_designer_api()
    {
        using var secretary = host.Secretary();
        using var anonymous = host.Anonymous();
        foreach (var (method, path) in new[] { ("GET", "/api/definitions/voorstel/draft"), ("PUT", "/api/definitions/voorstel/draft"), ("POST", "/api/definitions/voorstel/draft/publish"),
            ("GET", "/api/definitions/voorstel/versions"), ("POST", "/api/definitions/import"), ("GET", "/api/definitions/voorstel/migration?to=1"), ("POST", "/api/definitions/voorstel/migration") })
        {
            using var content = new StringContent("{}", Encoding.UTF8, "application/json");
            (await secretary.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : content })).StatusCode
                .Should().Be(HttpStatusCode.Forbidden, $"{method} {path} for a secretary");
            using var anonymousContent = new StringContent("{}", Encoding.UTF8, "application/json");
            (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : anonymousContent })).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} anonymously");
        }
    }

    private static string Waiting(InstanceView instance) => instance.AllBookmarks().Single().Id;

    private async Task<InstanceView> RecordAsync(string id) =>
        await host.ReadAsync(reader => reader.GetInstanceAsync(id)) ?? throw new InvalidOperationException($"Instance {id} is not stored.");

    private static async Task<List<JsonElement>> MoveAsync(HttpClient client, string id, int to, params string[] instances)
    {
        using var response = await client.PostAsJsonAsync($"/api/definitions/{id}/migration", new { to, instances });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string json) =>
        await client.PostAsync("/api/definitions/import", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> PublishAsync(HttpClient client, string id)
    {
        using var response = await client.PostAsync($"/api/definitions/{id}/draft/publish", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonNode> GetDraftAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/definitions/{id}/draft"))!;

    private static async Task SaveDraftAsync(HttpClient client, string id, int revision, JsonNode definition)
    {
        using var response = await client.PutAsJsonAsync($"/api/definitions/{id}/draft", new { revision, definition });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<JsonElement>> VersionsAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/definitions/{id}/versions")).EnumerateArray().ToList();
}
