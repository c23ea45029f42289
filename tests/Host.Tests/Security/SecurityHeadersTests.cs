using System.Net;
using System.Text;
using AdviesRoute.Host.Security.Headers;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// The headers of the host's answers (docs/decisions/0034): a Content-Security-Policy without inline script on every
/// page (the designer and the Hangfire dashboard too), Permissions-Policy, nosniff, a Referrer-Policy that keeps a link
/// page's token to itself, no-store on everything personal, and caching left to static files.
/// </summary>
public sealed class SecurityHeadersTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_page_of_a_signed_in_person_forbids_inline_script_framing_plugins_and_caching()
    {
        using var client = await host.SignInAsync();

        using var response = await client.GetAsync("/Beheer");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = Directives(response);
        policy["script-src"].Should().Be("'self'");
        policy["style-src"].Should().Be("'self'");
        policy["object-src"].Should().Be("'none'");
        policy["base-uri"].Should().Be("'self'");
        policy["frame-ancestors"].Should().Be("'none'");
        policy["form-action"].Should().Be("'self'");
        policy["report-uri"].Should().Be(ContentSecurityPolicy.ReportPath);
        string.Join(' ', policy.Values).Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        Header(response, "Permissions-Policy").Should().Contain("camera=()").And.Contain("microphone=()").And.Contain("geolocation=()")
            .And.Contain("payment=()").And.Contain("usb=()");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("same-origin");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task A_link_page_sends_no_referer_at_all_and_is_never_stored()
    {
        using var client = host.Anonymous();

        // An unknown token gets the link page's own Dutch answer; the headers are those of every link page.
        using var response = await client.GetAsync("/verzoek/" + new string('a', 43));

        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        Directives(response)["script-src"].Should().Be("'self'");
    }

    [Fact]
    public async Task The_designer_page_loads_its_bundle_from_this_host_and_has_no_inline_script()
    {
        using var client = await host.SignInAsync();

        using var response = await client.GetAsync("/Ontwerper/voorstel");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Directives(response)["script-src"].Should().Be("'self'");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        html.Should().Contain("<script type=\"module\" src=\"/designer/designer.js");
        InlineScripts(html).Should().BeEmpty();
    }

    [Fact]
    public async Task The_hangfire_dashboard_allows_exactly_its_own_inline_code_by_hash()
    {
        using var client = await host.SignInAsync();

        using var response = await client.GetAsync("/hangfire");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = Directives(response);
        string.Join(' ', policy.Values).Should().NotContain("'unsafe-inline'").And.NotContain("unsafe-eval");
        policy["frame-ancestors"].Should().Be("'none'");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var styles = System.Text.RegularExpressions.Regex.Matches(html, "\\sstyle=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        foreach (var style in styles)
        {
            policy["style-src-attr"].Should().Contain(ContentSecurityPolicy.Hash(style));
        }

        foreach (var script in InlineScripts(html))
        {
            policy["script-src"].Should().Contain(ContentSecurityPolicy.Hash(script));
        }
    }

    [Fact]
    public async Task An_api_answer_with_personal_data_is_never_stored()
    {
        using var client = host.Secretary();

        using var response = await client.GetAsync("/api/instances");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Directives(response)["default-src"].Should().Be("'self'");
    }

    [Fact]
    public async Task A_static_file_keeps_its_caching()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/css/site.css");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.Should().NotBe(true);
        response.Headers.ETag.Should().NotBeNull("a static file can be revalidated instead of fetched again");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
    }

    [Fact]
    public async Task A_report_of_a_blocked_script_is_logged_without_the_link_token_and_kept_in_testing()
    {
        using var client = host.Anonymous();
        var token = new string('b', 43);
        var report = $$$"""{"csp-report":{"document-uri":"http://localhost/verzoek/{{{token}}}?x=1","violated-directive":"script-src-elem","effective-directive":"script-src-elem","blocked-uri":"inline","source-file":"http://localhost/verzoek/{{{token}}}","line-number":12,"script-sample":"alert(1)"}}""";

        using var response = await client.PostAsync(ContentSecurityPolicy.ReportPath, new StringContent(report, Encoding.UTF8, "application/csp-report"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var kept = CspWatch.Reported(host.Services).Should().ContainSingle().Subject;
        kept.Should().Be(new CspViolation("http://localhost/verzoek/[link]", "script-src-elem", "inline", "http://localhost/verzoek/[link]", 12, "alert(1)"));
        host.Logs.Entries.Select(e => e.Message).Should().Contain(m => m.Contains("script-src-elem") && m.Contains("/verzoek/[link]")).And.NotContain(m => m.Contains(token));
        host.ExpectsCspViolations = true; // this report was sent on purpose
    }

    [Fact]
    public async Task A_report_endpoint_answers_a_body_that_is_no_report_with_a_dutch_problem()
    {
        using var client = host.Anonymous();

        using var broken = await client.PostAsync(ContentSecurityPolicy.ReportPath, new StringContent("{niet", Encoding.UTF8, "application/csp-report"));
        using var huge = await client.PostAsync(ContentSecurityPolicy.ReportPath, new StringContent(new string(' ', 20_000), Encoding.UTF8, "application/reports+json"));

        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await broken.Content.ReadAsStringAsync()).Should().Contain("Dit is geen rapport");
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task One_address_sends_at_most_thirty_reports_a_minute()
    {
        var own = new HostFixture(); // its own limiter, so the other tests' reports do not count
        await ((IAsyncLifetime)own).InitializeAsync();
        own.ExpectsCspViolations = true;
        var client = own.Anonymous();
        const string report = """{"csp-report":{"document-uri":"http://localhost/Beheer","effective-directive":"style-src-attr","blocked-uri":"inline"}}""";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= CspReports.ReportsPerMinute; i++)
        {
            using var response = await client.PostAsync(ContentSecurityPolicy.ReportPath, new StringContent(report, Encoding.UTF8, "application/csp-report"));
            answers.Add(response.StatusCode);
        }

        answers.Take(CspReports.ReportsPerMinute).Should().OnlyContain(s => s == HttpStatusCode.NoContent);
        answers.Last().Should().Be(HttpStatusCode.TooManyRequests);
        CspWatch.Reported(own.Services).Should().HaveCount(CspReports.ReportsPerMinute);
        client.Dispose();
        await ((IAsyncLifetime)own).DisposeAsync();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    // Inline code the browser would run; a data block (<script type="application/json">, the designer's pick lists) is
    // never run, so the policy does not apply to it.
    private static List<string> InlineScripts(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<script\\b(?![^>]*\\bsrc=)(?![^>]*\\btype=\"application/json\")[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();
}

/// <summary>The Content-Security-Policy with OIDC on: the login button's form may lead to the provider, and only there.</summary>
public sealed class OidcFormActionTests(OidcLoginFixture fixture) : IClassFixture<OidcLoginFixture>
{
    [Fact]
    public async Task The_login_form_may_lead_to_the_provider_and_every_redirect_after_it_stays_within_that()
    {
        var provider = fixture.Provider.Authority.GetLeftPart(UriPartial.Authority);
        using var browser = fixture.Browser("a.devries@example.org");

        using var login = await browser.Host.GetAsync("/Account/Login");
        using var signedIn = await browser.SignInThroughProviderAsync();

        var policy = login.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries);
        policy.Should().Contain($"form-action 'self' {provider}");
        // The browser checks form-action along the redirects that answer the form: each leaves the host only for the provider.
        browser.Visited.Should().Contain(u => u.GetLeftPart(UriPartial.Authority) == provider)
            .And.OnlyContain(u => u.GetLeftPart(UriPartial.Authority) == provider || u.Host == "localhost");
    }
}
