using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Tests.Api;

/// <summary>What the command endpoints hand to the engine: who acted, through which channel, with which request id.</summary>
public sealed class InstanceCommandTests(FakeRuntimeHostFixture host) : IClassFixture<FakeRuntimeHostFixture>
{
    [Fact]
    public async Task Starting_answers_201_with_the_burst_summary_and_the_instance_location()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync("/api/definitions/voorstel/instances", new { input = new { titel = "Begroting 2027" }, version = 2 });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/api/instances/inst-1");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("instanceId").GetString().Should().Be("inst-1");
        body.GetProperty("status").GetString().Should().Be("Suspended");
        body.GetProperty("bookmarks")[0].GetProperty("name").GetString().Should().Be("goedkeuring");
        var call = host.Runtime.Calls.Last(c => c.Operation == "start" && c.Id == "voorstel");
        call.Input!["titel"]!.GetValue<string>().Should().Be("Begroting 2027");
        call.Trigger.Should().Be(new Trigger(HostFixture.SecretaryKeyName, Channel.Api));
    }

    [Fact]
    public async Task A_resume_takes_the_idempotency_key_header_as_request_id_and_the_signed_in_user_as_actor()
    {
        using var admin = await host.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances/inst-7/bookmarks/bm-1/resume")
        {
            Content = JsonContent.Create(new { input = new { besluit = "akkoord" } }),
        };
        request.Headers.Add("Idempotency-Key", "sleutel-42");

        using var response = await admin.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = host.Runtime.Calls.Last(c => c.Operation == "resume" && c.Id == "inst-7");
        call.Trigger.Should().Be(new Trigger(HostFixture.AdminEmail, Channel.Api, "sleutel-42"));
        call.Input!["besluit"]!.GetValue<string>().Should().Be("akkoord");
    }

    [Fact]
    public async Task A_resume_takes_the_request_id_from_the_body()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync("/api/instances/inst-8/bookmarks/bm-1/resume", new { input = true, requestId = "verzoek-1" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Runtime.Calls.Last(c => c.Id == "inst-8").Trigger.RequestId.Should().Be("verzoek-1");
    }

    [Fact]
    public async Task A_resume_with_two_different_request_ids_is_refused_before_reaching_the_engine()
    {
        using var client = host.Secretary();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances/inst-9/bookmarks/bm-1/resume")
        {
            Content = JsonContent.Create(new { requestId = "a" }),
        };
        request.Headers.Add("Idempotency-Key", "b");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Runtime.Calls.Should().NotContain(c => c.Id == "inst-9");
    }

    [Fact]
    public async Task Cancelling_passes_the_reason_and_answers_the_summary()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync("/api/instances/inst-10/cancel", new { reason = "Voorstel ingetrokken" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Cancelled");
        host.Runtime.Calls.Last(c => c.Id == "inst-10").Input!.GetValue<string>().Should().Be("Voorstel ingetrokken");
    }

    [Fact]
    public async Task Retrying_an_incident_needs_no_body()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsync("/api/instances/inst-11/incidents/inc-1/retry", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Runtime.Calls.Last(c => c.Id == "inst-11").Operation.Should().Be("retry");
    }

    [Fact]
    public async Task A_processowner_may_not_resume_cancel_or_retry()
    {
        using var client = host.ProcessOwner();

        (await client.PostAsJsonAsync("/api/instances/inst-12/bookmarks/bm-1/resume", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/instances/inst-12/cancel", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/instances/inst-12/incidents/inc-1/retry", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        host.Runtime.Calls.Should().NotContain(c => c.Id == "inst-12");
    }
}
