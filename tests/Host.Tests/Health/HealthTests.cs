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
