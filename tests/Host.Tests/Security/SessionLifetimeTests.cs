using System.Net;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>A session slides while it is used, but never beyond twelve hours after signing in.</summary>
public sealed class SessionLifetimeTests(SignInFixture host) : IClassFixture<SignInFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_older_than_twelve_hours_is_refused_even_though_it_was_used_minutes_ago(bool rememberMe)
    {
        using var client = host.From("192.0.2.50");
        var page = await client.GetStringAsync("/Account/Login");
        using var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = HostFixture.AdminEmail,
            ["Input.Password"] = HostFixture.AdminPassword,
            ["Input.RememberMe"] = rememberMe ? "true" : "false",
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page),
        }));
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var step in new[] { TimeSpan.FromHours(6), TimeSpan.FromHours(5), TimeSpan.FromMinutes(58) })
        {
            host.SessionTime.Advance(step);
            (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK, "the session slides while it is used");
        }

        host.SessionTime.Advance(TimeSpan.FromMinutes(3));
        using var refused = await client.GetAsync("/api/instances");

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "twelve hours after signing in the session ends, used or not");
        using var page2 = await client.GetAsync("/Voorstellen");
        page2.Headers.Location!.ToString().Should().Contain("/Account/Login");
        using var again = await host.SignInFromAsync("192.0.2.50");
        (await again.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.OK, "signing in again starts a new twelve hours");
    }

    [Fact]
    public async Task A_session_still_ends_after_eight_idle_hours()
    {
        using var client = await host.SignInFromAsync("192.0.2.51");
        host.SessionTime.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        (await client.GetAsync("/api/instances")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
