using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>
/// The command endpoints on the real engine: what a start, resume, cancel or retry did is read back from the
/// instance, and its journal says who acted (user or API key), through which channel and with which request id.
/// </summary>
public sealed class InstanceCommandTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Starting_answers_201_with_the_burst_summary_and_the_instance_location()
    {
        var definitionId = Definitions.UniqueId("start");
        (await host.SaveAsync(Definitions.ApprovalThenTwelveWeeks(definitionId))).Version.Should().Be(1);
        (await host.SaveAsync(Definitions.ApprovalThenEnd(definitionId))).Version.Should().Be(2);
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { input = new { titel = "Begroting 2027" }, version = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = body.GetProperty("instanceId").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/api/instances/{instanceId}");
        body.GetProperty("status").GetString().Should().Be("Suspended");
        body.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Which.GetProperty("name").GetString().Should().Be("goedkeuring");

        var instance = await InstanceAsync(instanceId);
        instance.GetProperty("definitionId").GetString().Should().Be(definitionId);
        instance.GetProperty("definitionVersion").GetInt32().Should().Be(1, "the version asked for, not the published 2");
        instance.GetProperty("status").GetString().Should().Be("Suspended");
        var started = instance.GetProperty("journal")[0];
        started.GetProperty("kind").GetString().Should().Be("InstanceStarted");
        started.GetProperty("actor").GetString().Should().Be(HostFixture.SecretaryKeyName);
        started.GetProperty("channel").GetString().Should().Be("Api");
        started.GetProperty("data").GetProperty("version").GetInt32().Should().Be(1);
        (await StateAsync(instanceId)).Input["titel"]!.GetValue<string>().Should().Be("Begroting 2027");
    }

    [Fact]
    public async Task A_resume_takes_the_idempotency_key_header_as_request_id_and_the_signed_in_user_as_actor()
    {
        using var admin = await host.SignInForApiAsync();
        var (instanceId, bookmarkId) = await StartWaitingAsync(admin, Definitions.ApprovalThenTwelveWeeks);

        var first = await ResumeAsync(admin, instanceId, bookmarkId, new { input = new { besluit = "akkoord" } }, idempotencyKey: "sleutel-42");
        var second = await ResumeAsync(admin, instanceId, bookmarkId, new { input = new { besluit = "afgewezen" } }, idempotencyKey: "sleutel-42");

        first.GetProperty("alreadyApplied").GetBoolean().Should().BeFalse();
        second.GetProperty("alreadyApplied").GetBoolean().Should().BeTrue();
        var instance = await InstanceAsync(instanceId);
        instance.GetProperty("variables").GetProperty("besluit").GetProperty("besluit").GetString().Should().Be("akkoord", "only the first resume took effect");
        instance.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Which.GetProperty("name").GetString().Should().Be("Timer");
        var resumed = instance.GetProperty("journal").EnumerateArray().Where(j => j.GetProperty("requestId").GetString() == "sleutel-42").Should().ContainSingle().Subject;
        resumed.GetProperty("kind").GetString().Should().Be("BookmarkResumed");
        resumed.GetProperty("actor").GetString().Should().Be(HostFixture.AdminEmail);
        resumed.GetProperty("channel").GetString().Should().Be("Api");
        resumed.GetProperty("data").GetProperty("bookmark").GetString().Should().Be(bookmarkId);
    }

    [Fact]
    public async Task A_resume_takes_the_request_id_from_the_body()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalThenTwelveWeeks);

        var first = await ResumeAsync(client, instanceId, bookmarkId, new { input = true, requestId = "verzoek-1" });
        var second = await ResumeAsync(client, instanceId, bookmarkId, new { input = false, requestId = "verzoek-1" });

        first.GetProperty("alreadyApplied").GetBoolean().Should().BeFalse();
        second.GetProperty("alreadyApplied").GetBoolean().Should().BeTrue();
        var instance = await InstanceAsync(instanceId);
        instance.GetProperty("variables").GetProperty("besluit").GetBoolean().Should().BeTrue("only the first resume took effect");
        var resumed = instance.GetProperty("journal").EnumerateArray().Where(j => j.GetProperty("requestId").GetString() == "verzoek-1").Should().ContainSingle().Subject;
        resumed.GetProperty("kind").GetString().Should().Be("BookmarkResumed");
        resumed.GetProperty("actor").GetString().Should().Be(HostFixture.SecretaryKeyName);
        resumed.GetProperty("channel").GetString().Should().Be("Api");
    }

    [Fact]
    public async Task A_resume_with_two_different_request_ids_is_refused_before_reaching_the_engine()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalThenTwelveWeeks);
        var before = await InstanceAsync(instanceId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume")
        {
            Content = JsonContent.Create(new { input = "akkoord", requestId = "a" }),
        };
        request.Headers.Add("Idempotency-Key", "b");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requestId").GetArrayLength().Should().Be(1);
        var after = await InstanceAsync(instanceId);
        after.GetProperty("status").GetString().Should().Be("Suspended");
        after.GetProperty("variables").TryGetProperty("besluit", out _).Should().BeFalse();
        BookmarkIds(after).Should().Equal(bookmarkId);
        after.GetProperty("journal").GetArrayLength().Should().Be(before.GetProperty("journal").GetArrayLength());
        after.GetProperty("updatedAt").GetDateTimeOffset().Should().Be(before.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Cancelling_keeps_the_reason_in_the_journal_and_answers_the_summary()
    {
        using var client = host.Secretary();
        var (instanceId, _) = await StartWaitingAsync(client, Definitions.ApprovalThenTwelveWeeks);

        using var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "Voorstel ingetrokken" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("status").GetString().Should().Be("Cancelled");
        summary.GetProperty("bookmarks").GetArrayLength().Should().Be(0);
        var instance = await InstanceAsync(instanceId);
        instance.GetProperty("status").GetString().Should().Be("Cancelled");
        instance.GetProperty("finishedAt").ValueKind.Should().Be(JsonValueKind.String);
        instance.GetProperty("bookmarks").GetArrayLength().Should().Be(0);
        var cancelled = instance.GetProperty("journal").EnumerateArray().Where(j => j.GetProperty("kind").GetString() == "InstanceCancelled").Should().ContainSingle().Subject;
        cancelled.GetProperty("actor").GetString().Should().Be(HostFixture.SecretaryKeyName);
        cancelled.GetProperty("channel").GetString().Should().Be("Api");
        cancelled.GetProperty("data").GetProperty("reden").GetString().Should().Be("Voorstel ingetrokken");
    }

    [Fact]
    public async Task Retrying_an_incident_needs_no_body_and_is_journaled_with_who_retried()
    {
        using var secretary = host.Secretary();
        var (instanceId, _) = await StartWaitingAsync(secretary, Definitions.ApprovalBesideFailingCheck, expectedStatus: "Faulted");
        var incidentId = SingleIncident(await InstanceAsync(instanceId)).GetProperty("id").GetString()!;
        using var admin = await host.SignInForApiAsync();

        using var response = await admin.PostAsync($"/api/instances/{instanceId}/incidents/{incidentId}/retry", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Faulted", "the check still has no approval to read");
        var instance = await InstanceAsync(instanceId);
        var journal = instance.GetProperty("journal").EnumerateArray().ToList();
        var retried = journal.Should().ContainSingle(j => j.GetProperty("kind").GetString() == "IncidentRetried").Subject;
        retried.GetProperty("actor").GetString().Should().Be(HostFixture.AdminEmail);
        retried.GetProperty("channel").GetString().Should().Be("Api");
        retried.GetProperty("activityId").GetString().Should().Be("controle");
        retried.GetProperty("data").GetProperty("incident").GetString().Should().Be(incidentId);
        var again = SingleIncident(instance);
        again.GetProperty("id").GetString().Should().NotBe(incidentId, "the retried incident is resolved and the step failed anew");
        again.GetProperty("activityId").GetString().Should().Be("controle");
        journal.Should().Contain(j => j.GetProperty("kind").GetString() == "IncidentCreated"
            && j.GetProperty("sequence").GetInt64() > retried.GetProperty("sequence").GetInt64()
            && j.GetProperty("data").GetProperty("incident").GetString() == again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_retry_after_the_cause_is_gone_runs_the_failed_step_again_to_the_end()
    {
        using var client = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(client, Definitions.ApprovalBesideFailingCheck, expectedStatus: "Faulted");
        var incidentId = SingleIncident(await InstanceAsync(instanceId)).GetProperty("id").GetString()!;
        (await ResumeAsync(client, instanceId, bookmarkId, new { input = new { akkoord = true } })).GetProperty("status").GetString().Should().Be("Faulted");

        using var response = await client.PostAsync($"/api/instances/{instanceId}/incidents/{incidentId}/retry", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Finished");
        var instance = await InstanceAsync(instanceId);
        instance.GetProperty("status").GetString().Should().Be("Finished");
        instance.GetProperty("incidents").GetArrayLength().Should().Be(0);
        var journal = instance.GetProperty("journal").EnumerateArray().ToList();
        var retried = journal.Should().ContainSingle(j => j.GetProperty("kind").GetString() == "IncidentRetried").Subject;
        retried.GetProperty("actor").GetString().Should().Be(HostFixture.SecretaryKeyName);
        retried.GetProperty("channel").GetString().Should().Be("Api");
        journal.Should().Contain(j => j.GetProperty("kind").GetString() == "ActivityCompleted"
            && j.GetProperty("activityId").GetString() == "controle" && j.GetProperty("outcome").GetString() == "True");
        journal[^1].GetProperty("kind").GetString().Should().Be("InstanceFinished");
    }

    [Fact]
    public async Task A_processowner_may_not_resume_cancel_or_retry()
    {
        using var secretary = host.Secretary();
        var (instanceId, bookmarkId) = await StartWaitingAsync(secretary, Definitions.ApprovalBesideFailingCheck, expectedStatus: "Faulted");
        var before = await InstanceAsync(instanceId);
        var incidentId = SingleIncident(before).GetProperty("id").GetString()!;
        using var client = host.ProcessOwner();

        (await client.PostAsJsonAsync($"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { input = new { akkoord = true } })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "Niet aan mij" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/instances/{instanceId}/incidents/{incidentId}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var after = await InstanceAsync(instanceId);
        after.GetProperty("status").GetString().Should().Be("Faulted");
        BookmarkIds(after).Should().Equal(bookmarkId);
        SingleIncident(after).GetProperty("id").GetString().Should().Be(incidentId);
        after.GetProperty("journal").GetArrayLength().Should().Be(before.GetProperty("journal").GetArrayLength());
        after.GetProperty("journal").EnumerateArray().Should().NotContain(j => j.GetProperty("actor").GetString() == HostFixture.ProcessOwnerKeyName);
    }

    /// <summary>Stores a definition and starts it through the API; returns the instance and the one bookmark it waits at.</summary>
    private async Task<(string InstanceId, string BookmarkId)> StartWaitingAsync(HttpClient client, Func<string, string> definition, string expectedStatus = "Suspended")
    {
        var definitionId = Definitions.UniqueId("opdracht");
        await host.SaveAsync(definition(definitionId));
        using var started = await client.PostAsJsonAsync($"/api/definitions/{definitionId}/instances", new { });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var summary = await started.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("status").GetString().Should().Be(expectedStatus);
        var bookmark = summary.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        return (summary.GetProperty("instanceId").GetString()!, bookmark.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> ResumeAsync(HttpClient client, string instanceId, string bookmarkId, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/bookmarks/{bookmarkId}/resume")
        {
            Content = JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The instance as <c>GET /api/instances/{id}</c> shows it: variables, bookmarks, open incidents, journal.</summary>
    private async Task<JsonElement> InstanceAsync(string instanceId)
    {
        using var reader = host.Secretary();
        return await reader.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
    }

    /// <summary>The instance as the engine's read API gives it, for what the JSON API does not show (its input).</summary>
    private async Task<InstanceView> StateAsync(string instanceId) =>
        await host.ReadAsync(reader => reader.GetInstanceAsync(instanceId)) ?? throw new InvalidOperationException($"Instance {instanceId} is not stored.");

    private static JsonElement SingleIncident(JsonElement instance) =>
        instance.GetProperty("incidents").EnumerateArray().Should().ContainSingle().Subject;

    private static IEnumerable<string?> BookmarkIds(JsonElement instance) =>
        instance.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetProperty("id").GetString());
}
