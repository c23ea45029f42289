using System.Net;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Health;

/// <summary>A host whose mail server is down stays ready (the outbox keeps the mail) and says it is degraded.</summary>
public sealed class DegradedMailTests(DegradedMailTests.HostWithoutMailServer host) : IClassFixture<DegradedMailTests.HostWithoutMailServer>
{
    [Fact]
    public async Task Readiness_is_200_degraded_while_liveness_stays_ok()
    {
        using var client = host.Anonymous();

        using var ready = await client.GetAsync("/health/ready");
        using var alias = await client.GetAsync("/health");
        using var live = await client.GetAsync("/health/live");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"degraded\"}");
        (await alias.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"degraded\"}");
        (await live.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"ok\"}");
    }

    /// <summary>The host with an SMTP server on a port nobody listens on.</summary>
    public sealed class HostWithoutMailServer : HostFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", EndToEnd.HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
        }
    }
}
