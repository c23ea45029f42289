using System.Net;
using System.Net.Http.Json;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AdviesRoute.Host.Tests.Testing;

/// <summary><c>Testing:Now</c>: the Testing clock starts at a chosen moment, in the past or the future, and moves on from there.</summary>
public sealed class TestingClockStartTests
{
    private static readonly DateTimeOffset Moment = new(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void The_offset_clock_started_at_a_moment_reads_that_moment_and_runs_on_from_there()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var started = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));

        var clock = new OffsetTimeProvider(wall, started);

        clock.GetUtcNow().Should().Be(started);
        clock.Offset.Should().Be(started - wall.GetUtcNow()).And.BeNegative();
        wall.Advance(TimeSpan.FromMinutes(5));
        clock.GetUtcNow().Should().Be(started.AddMinutes(5));
        clock.Advance(TimeSpan.FromHours(1)).Should().Be(started.AddMinutes(65));
    }

    [Theory]
    [InlineData("2027-02-01T09:00:00+01:00", "2027-02-01T08:00:00Z")]
    [InlineData("2027-02-01T09:00+01:00", "2027-02-01T08:00:00Z")]
    [InlineData("2027-02-01T08:00:00Z", "2027-02-01T08:00:00Z")]
    [InlineData("2027-07-01T09:30:15.250+02:00", "2027-07-01T07:30:15.250Z")]
    [InlineData(" 2027-02-01T09:00:00+01:00 ", "2027-02-01T08:00:00Z")]
    public void Testing_Now_takes_an_ISO_8601_moment_with_its_offset(string value, string utc)
    {
        TestingClock.StartMoment(value).Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_Testing_Now_the_clock_starts_at_the_wall_clock(string? value)
    {
        TestingClock.StartMoment(value).Should().BeNull();
    }

    [Theory]
    [InlineData("2027-02-01T09:00:00")]
    [InlineData("2027-02-01")]
    [InlineData("1 februari 2027 09:00")]
    [InlineData("2027-02-30T09:00:00+01:00")]
    [InlineData("2027-02-01T09:00:00+0100")]
    public void Testing_Now_refuses_a_moment_without_offset_or_that_cannot_be_read(string value)
    {
        FluentActions.Invoking(() => TestingClock.StartMoment(value)).Should().Throw<InvalidOperationException>()
            .WithMessage($"Testing:Now '{value}' is geen ISO 8601-moment met tijdzone*");
    }

    [Fact]
    public async Task A_host_with_Testing_Now_starts_its_clock_at_that_moment_and_the_clock_endpoint_moves_it_on()
    {
        var host = new PinnedClockHost(Moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        await ((IAsyncLifetime)host).InitializeAsync();
        try
        {
            using var admin = await host.SignInForApiAsync();

            using var response = await admin.PostAsJsonAsync(TestingClock.Route, new { advance = "PT1H" });

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var moved = (await response.Content.ReadFromJsonAsync<TestingClock.Response>())!;
            moved.Now.Should().BeOnOrAfter(Moment.AddHours(1)).And.BeBefore(Moment.AddHours(1).AddMinutes(1));
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_host_with_an_unreadable_Testing_Now_does_not_start_and_says_which_setting()
    {
        var host = new PinnedClockHost("morgen om negen");
        try
        {
            var refused = FluentActions.Invoking(() => host.Server).Should().Throw<Exception>().Which;

            Messages(refused).Should().Contain(m => m.StartsWith("Testing:Now 'morgen om negen' is geen ISO 8601-moment met tijdzone", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }

        static IEnumerable<string> Messages(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                yield return e.Message;
            }
        }
    }

    /// <summary>A host of its own, its clock started at <c>Testing:Now</c>.</summary>
    private sealed class PinnedClockHost(string now) : HostFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(TestingClock.NowSetting, now);
        }
    }
}
