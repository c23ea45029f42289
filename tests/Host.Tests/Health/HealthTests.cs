using System.Net;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Health;
using AdviesRoute.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdviesRoute.Host.Tests.Health;

[Collection(HostCollection.Name)]
public sealed class HealthTests(HostFixture host)
{
    [Fact]
    public async Task Health_is_public_and_says_ok_when_the_database_answers()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"ok\"}");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Liveness_and_readiness_are_public_and_say_ok(string path)
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"ok\"}");
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_leaves_the_host_ready_but_degraded()
    {
        var closedPort = EndToEnd.HostProcess.FreePort();
        var check = new MailServerHealthCheck(Microsoft.Extensions.Options.Options.Create(new Host.Mail.MailOptions
        {
            Smtp = new Host.Mail.SmtpOptions { Host = "127.0.0.1", Port = closedPort },
        }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Be($"De mailserver 127.0.0.1:{closedPort} is niet bereikbaar; de mail wacht in de outbox.");
    }

    [Fact]
    public async Task A_mail_server_that_takes_the_connection_is_healthy()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var check = new MailServerHealthCheck(Microsoft.Extensions.Options.Options.Create(new Host.Mail.MailOptions
        {
            Smtp = new Host.Mail.SmtpOptions { Host = "127.0.0.1", Port = port },
        }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Probes_within_half_a_minute_reuse_one_look_at_the_mail_server_instead_of_connecting_each_time()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var check = new MailServerHealthCheck(Microsoft.Extensions.Options.Options.Create(new Host.Mail.MailOptions
        {
            Smtp = new Host.Mail.SmtpOptions { Host = "127.0.0.1", Port = port },
        }));
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);

        listener.Stop();
        var again = await check.CheckHealthAsync(new HealthCheckContext());

        again.Status.Should().Be(HealthStatus.Healthy, "the second probe, a moment later, does not connect again");
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_when_the_database_cannot_be_opened()
    {
        var options = new DbContextOptionsBuilder<HostDbContext>()
            .UseSqlite($"Data Source={Path.Combine(host.Folder, "bestaat-niet", "x.db")};Mode=ReadOnly")
            .Options;
        await using var db = new HostDbContext(options);

        var result = await new DatabaseHealthCheck(db).CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Unhealthy);
    }
}
