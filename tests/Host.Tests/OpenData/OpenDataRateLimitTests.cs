using System.Net;
using System.Text.Json.Nodes;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// The open-data rate limit on a host of its own with a limit of three requests a minute: the fourth is answered 429
/// with problem details in Dutch and Retry-After, as the OpenAPI document says; the rest of the host is not limited by it.
/// </summary>
public sealed class OpenDataRateLimitTests(OpenDataRateLimitTests.LowLimitHost host) : IClassFixture<OpenDataRateLimitTests.LowLimitHost>
{
    public sealed class LowLimitHost : IAsyncLifetime
    {
        public OpenDataHost Host { get; } = new() { RequestsPerMinute = 3 };

        public Task InitializeAsync() => ((IAsyncLifetime)Host).InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
    }

    [Fact]
    public async Task The_request_over_the_limit_gets_429_problem_details_with_retry_after_as_documented()
    {
        using var client = host.Host.Anonymous();
        var contract = OpenApiContract.Parse(await client.GetStringAsync("/openapi/openbaar.json")); // the first of three
        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync("/api/openbaar/v1/organen")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync("/api/openbaar/v1/organen");
        var text = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, text);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(text)!.AsObject();
        ((string?)problem["title"], (int?)problem["status"]).Should().Be(("Te veel verzoeken", 429));
        ((string?)problem["detail"]).Should().StartWith("Vanaf uw adres kwamen meer verzoeken dan de open-data-API per minuut beantwoordt. Probeer het over ")
            .And.EndWith(" seconden opnieuw.");
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        seconds.Should().BeInRange(1, 60);
        ((string?)problem["detail"]).Should().Contain($" {seconds} seconden");
        var operation = contract.Operations().Single(o => o.Path == "/api/openbaar/v1/organen").Operation;
        contract.Check(operation, "429", "application/problem+json", problem).Should().BeEmpty("the 429 is as the document describes it");
        operation["responses"]!["429"]!["headers"]!["Retry-After"].Should().NotBeNull("the document names the Retry-After header");

        // The rest of the host is not limited by the open-data policy.
        using var secretary = host.Host.Secretary();
        (await secretary.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
