using System.Net;
using AdviesRoute.Host.Security.SignIn;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// The host for sign-in throttling and session lifetime: each client may say which IP address it comes from (a
/// test-only startup filter, never part of the host), the session clock can be moved without moving the engine's,
/// and the slow-down waits are milliseconds.
/// </summary>
public sealed class SignInFixture : HostFixture
{
    /// <summary>The request header from which the test-only filter takes the client's address.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    public FakeTimeProvider SessionTime { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SignIn:SlowDownStep", "00:00:00.010");
        builder.UseSetting("Security:SignIn:SlowDownMaximum", "00:00:00.050");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<SessionClock>();
            services.AddSingleton(new SessionClock(SessionTime));
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>A client without credentials, coming from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    /// <summary>Signs in through the form from <paramref name="address"/>.</summary>
    public async Task<HttpClient> SignInFromAsync(string address, string userName = AdminEmail, string password = AdminPassword)
    {
        var client = From(address);
        using var response = await PostLoginFormAsync(client, userName, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the right password from {0} signs in", address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
