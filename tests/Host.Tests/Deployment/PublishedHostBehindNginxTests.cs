using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using MimeKit;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// The README's deployment, tested: the published host started with the unit's <c>ExecStart</c> in Production, behind
/// nginx with the README's site and TLS (<see cref="PublishedHostBehindNginx"/>). A person logs in and a member follows
/// the link in a mail, both over https through nginx; a client that goes around nginx is not believed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PublishedHostBehindNginxTests(PublishedHostBehindNginx deployment, ITestOutputHelper output) : IClassFixture<PublishedHostBehindNginx>
{
    [Fact]
    public async Task The_readme_site_passes_nginx_t_and_the_readme_unit_passes_systemd_analyze_verify_and_started_the_host()
    {
        deployment.Timings.ForEach(output.WriteLine);
        var (nginxExit, nginxOutput) = await deployment.NginxTestAsync();
        var (systemdExit, systemdOutput) = await PublishedHostBehindNginx.RunAsync("systemd-analyze", ["verify", deployment.UnitFile]);

        nginxExit.Should().Be(0, nginxOutput);
        nginxOutput.Should().Contain("test is successful");
        systemdExit.Should().Be(0, systemdOutput);
        systemdOutput.Should().BeEmpty("systemd-analyze verify has nothing to say about the unit");
        var execStart = SystemdService.Parse(await File.ReadAllTextAsync(deployment.UnitFile)).ExecStart;
        deployment.HostCommand.Should().Equal(execStart).And.HaveCount(2);
        deployment.HostCommand[1].Should().EndWith("/AdviesRoute.Host.dll", "the host runs from the publish folder");
        PublishedHostBehindNginx.Files(deployment.PublishFolder).Should().Equal(deployment.PublishedFiles,
            "the host writes nothing where it is installed (the unit makes /opt/adviesroute read-only)");
        var readme = await File.ReadAllTextAsync(Path.Combine(DeploymentFiles.RepositoryRoot(), "README.md"));
        readme.Should().Contain(DeploymentFiles.UnitText.TrimEnd('\n'), "the README quotes the unit file as it is").And.Contain(DeploymentFiles.SiteText.TrimEnd('\n'), "and the nginx site");
    }

    [Fact]
    public async Task Logging_in_through_nginx_gives_only_secure_cookies_and_hsts_and_the_oidc_redirect_uri_is_https()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cookies = new CookieContainer();
        using var browser = deployment.Https(cookies);
        var setCookies = new List<string>();

        using var loginPage = await browser.GetAsync("/Account/Login");
        var html = await loginPage.Content.ReadAsStringAsync();
        loginPage.StatusCode.Should().Be(HttpStatusCode.OK, deployment.HostOutput);
        loginPage.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");
        setCookies.AddRange(SetCookies(loginPage));
        using var signedIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "beheer@example.org",
            ["Input.Password"] = PublishedHostBehindNginx.AdminPassword,
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(html),
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        setCookies.AddRange(SetCookies(signedIn));
        setCookies.Should().Contain(c => c.StartsWith("AdviesRoute.Sessie=", StringComparison.Ordinal), "the login gave a session");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: signed in");
        using var overview = await browser.GetAsync("/Voorstellen");
        overview.StatusCode.Should().Be(HttpStatusCode.OK, "the session holds over https");
        overview.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: overview");
        // The organisation's provider: the challenge sends the browser there with the callback on the public https address.
        using var anonymous = deployment.Https(new CookieContainer());
        using var page = await anonymous.GetAsync("/Account/Login");
        setCookies.AddRange(SetCookies(page));
        using var challenge = await anonymous.PostAsync("/Account/Login?handler=Oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        }));
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect, deployment.HostOutput);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: OIDC challenge");
        setCookies.AddRange(SetCookies(challenge));
        var location = challenge.Headers.Location!;
        location.GetLeftPart(UriPartial.Authority).Should().Be(deployment.Provider.Authority.GetLeftPart(UriPartial.Authority));
        HttpUtility.ParseQueryString(location.Query)["redirect_uri"].Should().Be(deployment.PublicBaseUrl.ToString().TrimEnd('/') + "/signin-oidc");

        setCookies.Should().HaveCountGreaterThanOrEqualTo(4).And.OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase), "every cookie goes out Secure");
    }

    [Fact]
    public async Task A_members_mail_link_is_on_the_public_https_address_and_records_a_choice_through_nginx()
    {
        const string title = "Regionale huisvesting statushouders 2027";
        using var api = deployment.Https();
        api.DefaultRequestHeaders.Add("X-Api-Key", PublishedHostBehindNginx.ApiKey);
        using var started = await api.PostAsJsonAsync($"/api/definitions/{PublishedHostBehindNginx.DefinitionId}/instances", new { input = new { titel = title, samenvatting = "Samenvatting." } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();

        var mails = await deployment.Maildev.WaitForAsync(m => m.Count(x => x.Subject == "Verzoek om uw stem: " + title) >= 5, TimeSpan.FromSeconds(30));
        var raw = mails.Where(m => m.Subject == "Verzoek om uw stem: " + title).Should().HaveCount(5, deployment.HostOutput).And.Subject.First();
        using var source = new MemoryStream(await deployment.Maildev.SourceAsync(raw.Id));
        var mail = LinkMail.From(await MimeMessage.LoadAsync(source));

        mail.Link.Should().StartWith(deployment.PublicBaseUrl.ToString().TrimEnd('/') + "/verzoek/");
        Addresses().Matches(mail.Text + mail.Html).Select(m => m.Value).Should().NotBeEmpty()
            .And.OnlyContain(a => a.StartsWith("https://", StringComparison.Ordinal), "every link in the mail is https");
        using var member = deployment.Https(new CookieContainer());
        using var opened = await member.GetAsync(mail.Path);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        opened.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");
        var (response, confirmation, _) = await mail.ChooseAsync(member, "voor", "Akkoord.");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirmation.Should().Contain("Uw keuze is vastgelegd.");
        SetCookies(opened).Concat(SetCookies(response)).Should().NotBeEmpty()
            .And.OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase), "the link page's cookies go out Secure");

        using var instance = await api.GetAsync($"/api/instances/{instanceId}");
        (await instance.Content.ReadAsStringAsync()).Should().Contain("\"stem\"", "the choice made through nginx is in the journal");
    }

    [Fact]
    public async Task Forwarded_headers_sent_straight_to_the_host_are_ignored_and_nginx_forwards_the_visitors_own_address()
    {
        // Around nginx, from 127.0.0.1: the host does not take the request for https, so it sends it there.
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = deployment.HostAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var refused = await direct.SendAsync(request);
        refused.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect, "X-Forwarded-Proto from 127.0.0.1 is not believed");
        refused.Headers.Location!.Scheme.Should().Be("https");
        refused.Headers.Location.Port.Should().Be(deployment.PublicBaseUrl.Port);

        // Through nginx, a visitor's own X-Forwarded-For is replaced by the address nginx saw (127.0.0.1), and the host
        // believes nginx (connecting from 127.0.0.2): failed logins count against the visitor's address.
        using var browser = deployment.Https(new CookieContainer());
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var page = await browser.GetAsync("/Account/Login");
            var token = HostFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync());
            using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = "niemand@example.org",
                    ["Input.Password"] = "fout-wachtwoord",
                    ["__RequestVerificationToken"] = token,
                }),
            };
            post.Headers.Add("X-Forwarded-For", "198.51.100.9");
            using var _ = await browser.SendAsync(post);
        }

        var refusedFrom = await RefusedAddressAsync();
        refusedFrom.Should().Be("127.0.0.1", deployment.HostOutput);
        deployment.HostOutput.Should().NotContain("203.0.113.7").And.NotContain("198.51.100.9");
    }

    private async Task<string?> RefusedAddressAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (RefusedLine().Match(deployment.HostOutput) is { Success: true } line)
            {
                return line.Groups["address"].Value;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Addresses();

    [GeneratedRegex("Inlogpoging voor niemand@example.org vanaf (?<address>[0-9.:a-f]+) geweigerd")]
    private static partial Regex RefusedLine();
}
