using System.Net;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security;

public sealed class SessionPersistenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adviesroute-session-").FullName;

    [Fact]
    public async Task A_session_cookie_survives_a_restart_because_the_keys_live_in_the_database()
    {
        string session;
        await using (var first = HostFixture.OnFolder(_folder, HostFixture.AdminPassword))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var page = await client.GetAsync("/Account/Login");
            var antiforgeryCookie = Cookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = HostFixture.AdminEmail,
                    ["Input.Password"] = HostFixture.AdminPassword,
                    ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                }),
            };
            login.Headers.Add("Cookie", antiforgeryCookie);
            using var signedIn = await client.SendAsync(login);
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
            session = Cookies(signedIn).Single(c => c.StartsWith("AdviesRoute.Sessie=", StringComparison.Ordinal));
        }

        await using var second = HostFixture.OnFolder(_folder, HostFixture.AdminPassword);
        using var again = second.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
        request.Headers.Add("Cookie", session);

        using var response = await again.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.WithScopeAsync(services => services.GetRequiredService<HostDbContext>().DataProtectionKeys.CountAsync()))
            .Should().BePositive("the key ring is in the database, not in a folder of one machine");
    }

    /// <summary>The name=value part of each Set-Cookie header.</summary>
    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]).ToList() : [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
