using System.Net;
using System.Net.Http.Json;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Testing;

public sealed class ProductionEnvironmentTests(ProductionHostFixture host) : IClassFixture<ProductionHostFixture>
{
    [Fact]
    public async Task The_clock_endpoint_does_not_exist_in_production()
    {
        using var admin = await host.SignInAsync();

        using var response = await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "P12W" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Production_runs_on_the_system_clock()
    {
        host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        host.Services.GetService<OffsetTimeProvider>().Should().BeNull();
    }
}
