using System.Net;
using AdviesRoute.Host.Portal.Accessibility;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Accessibility;

/// <summary>
/// Framing (ADR 40): a page of the host may be shown in a frame only when the accessibility report loads it into its own
/// frame (a frame's request, from this origin, from the report page); every other answer keeps
/// <c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>.
/// </summary>
public sealed class AccessibilityFrameHeadersTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Report = "http://localhost" + AccessibilityCheckFrame.ReportPath;

    [Fact]
    public async Task A_page_the_report_loads_into_its_frame_may_be_framed_by_this_host_only()
    {
        using var client = await host.SignInAsync();

        using var response = await GetAsync(client, "/Voorstellen", dest: "iframe", site: "same-origin", referer: Report);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FrameAncestors(response).Should().Be("'self'");
        Header(response, "X-Frame-Options").Should().Be("SAMEORIGIN");
        Header(response, "Content-Security-Policy").Should().Contain("script-src 'self';").And.NotContain("unsafe");
    }

    [Theory]
    [InlineData("document", "same-origin", Report)]                                   // opened as a page, not in a frame
    [InlineData("iframe", "cross-site", Report)]                                      // a frame of another site
    [InlineData("iframe", "same-site", Report)]                                       // a frame of a neighbouring host
    [InlineData("iframe", "same-origin", "http://localhost/Beheer")]                  // a frame of another page of this host
    [InlineData("iframe", "same-origin", "http://localhost/Beheer/Toegankelijkheid/x")]
    [InlineData("iframe", "same-origin", null)]                                       // no Referer
    [InlineData(null, null, Report)]                                                  // no Fetch Metadata at all
    public async Task Any_other_request_keeps_the_page_unframeable(string? dest, string? site, string? referer)
    {
        using var client = await host.SignInAsync();

        using var response = await GetAsync(client, "/Voorstellen", dest, site, referer);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FrameAncestors(response).Should().Be("'none'");
        Header(response, "X-Frame-Options").Should().Be("DENY");
    }

    [Fact]
    public async Task The_report_page_itself_cannot_be_framed()
    {
        using var client = await host.SignInAsync();

        using var response = await GetAsync(client, AccessibilityCheckFrame.ReportPath, "document", "same-origin", "http://localhost/Beheer");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FrameAncestors(response).Should().Be("'none'");
        Header(response, "X-Frame-Options").Should().Be("DENY");
    }

    [Fact]
    public async Task A_secretary_is_sent_to_the_refusal_page_with_403()
    {
        const string email = "secretaris.toegankelijkheid@samendrenthe.example.org";
        await host.AddAccountAsync(email, "Sanne de Wit", AdviesRoute.Host.Security.Roles.Secretary, "Secretaris-Proef-2027!");
        using var client = await host.SignInAsync(email, "Secretaris-Proef-2027!");

        using var response = await client.GetAsync(AccessibilityCheckFrame.ReportPath);
        using var refusal = await client.GetAsync(response.Headers.Location);

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        var location = response.Headers.Location!;
        (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).Should().StartWith("/Account/AccessDenied");
        refusal.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? dest, string? site, string? referer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (dest is not null)
        {
            request.Headers.Add("Sec-Fetch-Dest", dest);
        }

        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await client.SendAsync(request);
    }

    private static string FrameAncestors(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal))["frame-ancestors ".Length..];

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
