using System.Net;
using System.Net.Http.Json;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Testing;

[Collection(HostCollection.Name)]
public sealed class TestingClockTests(HostFixture host)
{
    [Fact]
    public void The_testing_environment_runs_the_engine_on_the_offset_clock()
    {
        host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(host.Services.GetRequiredService<OffsetTimeProvider>());
    }

    [Fact]
    public async Task An_admin_moves_the_clock_forward_by_an_iso_duration()
    {
        var clock = host.Services.GetRequiredService<OffsetTimeProvider>();
        var before = clock.Offset;
        using var admin = await host.SignInForApiAsync();

        using var response = await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "PT1H" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (clock.Offset - before).Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task The_clock_refuses_a_duration_it_cannot_read()
    {
        using var admin = await host.SignInForApiAsync();

        using var response = await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "twaalf weken" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_secretary_may_not_move_the_clock()
    {
        using var client = host.Secretary();

        using var response = await client.PostAsJsonAsync(TestingClock.Route, new { advance = "P12W" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void The_offset_clock_adds_the_offset_to_the_wall_clock_and_only_moves_forward()
    {
        var clock = new OffsetTimeProvider();
        var wall = DateTimeOffset.UtcNow;

        clock.Advance(TimeSpan.FromDays(84));

        clock.GetUtcNow().Should().BeCloseTo(wall + TimeSpan.FromDays(84), TimeSpan.FromMinutes(1));
        FluentActions.Invoking(() => clock.Advance(TimeSpan.FromHours(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
