using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Host.Tests.EndToEnd;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// The real host as a process in Production, as it runs behind nginx: it believes <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c> only from the proxy its configuration names; it sends everything else to https, tells browsers
/// to stay there (HSTS), and every cookie is <c>Secure</c>.
/// </summary>
public sealed partial class BehindProxyTests
{
    private const string PublicHost = "adviesroute.example.org";

    [Fact]
    public async Task Through_the_trusted_proxy_a_page_is_https_with_hsts_and_only_secure_cookies()
    {
        await using var host = await StartAsync(trustedProxy: "127.0.0.1");
        using var client = Client(host);

        using var page = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/Account/Login", forwardedFor: "203.0.113.7"));

        page.StatusCode.Should().Be(HttpStatusCode.OK, host.Output);
        page.Headers.GetValues("Strict-Transport-Security").Single().Should().Be("max-age=31536000");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty().And.OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase), "every cookie goes out Secure");
    }

    [Fact]
    public async Task A_plain_http_request_is_sent_to_the_public_https_address_but_the_health_probe_is_answered()
    {
        await using var host = await StartAsync(trustedProxy: "127.0.0.1");
        using var client = Client(host);

        using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = PublicHost } });
        using var health = await client.GetAsync("/health");

        page.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        page.Headers.Location.Should().Be(new Uri($"https://{PublicHost}/Account/Login"));
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_the_proxy_are_ignored_and_the_request_is_sent_to_https()
    {
        // The proxy is 127.0.0.2; this test connects from 127.0.0.1 and sends the headers itself.
        await using var host = await StartAsync(trustedProxy: "127.0.0.2");
        using var client = Client(host);

        using var page = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/Account/Login", forwardedFor: "203.0.113.7"));
        using var post = ThroughProxy(HttpMethod.Post, "/Account/Login", forwardedFor: "203.0.113.7");
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "niemand@example.org", ["Input.Password"] = "x" });
        using var posted = await client.SendAsync(post);

        // Both headers are believed from the same proxies only: the request stays plain http and is sent to https,
        // so no page (and no login, whose throttle counts by address) ever sees the address the client claims.
        page.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect, "X-Forwarded-Proto from a stranger does not make the request https");
        posted.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        host.Output.Should().NotContain("203.0.113.7");
    }

    [Fact]
    public async Task The_trusted_proxy_names_the_visitor_so_failures_count_against_the_visitor_not_the_proxy()
    {
        await using var host = await StartAsync(trustedProxy: "127.0.0.1");
        using var client = Client(host);

        var refusedFrom = await RefusedAddressAfterFailuresAsync(host, client);

        refusedFrom.Should().Be("203.0.113.7");
    }

    /// <summary>Fails to log in until the throttle refuses, claiming 203.0.113.7; returns the address the host's log names.</summary>
    private static async Task<string?> RefusedAddressAfterFailuresAsync(HostProcess host, HttpClient client)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var form = ThroughProxy(HttpMethod.Get, "/Account/Login", forwardedFor: "203.0.113.7");
            using var loginPage = await client.SendAsync(form);
            var html = await loginPage.Content.ReadAsStringAsync();
            var token = TokenField().Match(html).Groups[1].Value;
            // The cookies are Secure and this client speaks plain http to the host (the proxy's part): hand them on as a browser behind TLS would.
            var cookies = string.Join("; ", loginPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            using var post = ThroughProxy(HttpMethod.Post, "/Account/Login", forwardedFor: "203.0.113.7");
            post.Headers.Add("Cookie", cookies);
            post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "niemand@example.org",
                ["Input.Password"] = "fout-wachtwoord",
                ["__RequestVerificationToken"] = token,
            });
            using var _ = await client.SendAsync(post);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (RefusedLine().Match(host.Output) is { Success: true } line)
            {
                return line.Groups[1].Value;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static HttpRequestMessage ThroughProxy(HttpMethod method, string path, string forwardedFor)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static HttpClient Client(HostProcess host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HostProcess> StartAsync(string trustedProxy)
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-proxy-").FullName;
        return await HostProcess.StartAsync(folder, settings: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Links__PublicBaseUrl"] = $"https://{PublicHost}",
            ["Mail__Smtp__Host"] = "smtp.example.org",
            ["Proxy__KnownProxies__0"] = trustedProxy,
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("Inlogpoging voor niemand@example.org vanaf ([0-9.:a-f]+) geweigerd")]
    private static partial Regex RefusedLine();
}
