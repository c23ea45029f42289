using System.Net;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>A host that allows two public searches a minute per address.</summary>
public sealed class TwoSearchesAMinuteHost : HostFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:PublicSearchesPerMinute", "2");
    }
}

/// <summary>The public search is rate-limited per address (policy <c>openbaar-zoeken</c>); the signed-in search is not.</summary>
public sealed class PublicSearchRateLimitTests(TwoSearchesAMinuteHost host) : IClassFixture<TwoSearchesAMinuteHost>
{
    [Fact]
    public async Task A_third_public_search_within_a_minute_gets_429_with_a_dutch_page_and_the_signed_in_search_goes_on()
    {
        using var anonymous = host.Anonymous();
        (await anonymous.GetAsync("/openbaar/zoeken?q=begroting")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/openbaar/zoeken?q=jaarrekening")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var refused = await anonymous.GetAsync("/openbaar/zoeken?q=kadernota");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
        var page = await refused.Content.ReadAsStringAsync();
        page.Should().Contain("<html lang=\"nl\">").And.Contain("<h1>Even wachten</h1>")
            .And.Contain("Er is vanaf uw adres in korte tijd vaak gezocht. Wacht een minuut en probeer het dan opnieuw.")
            .And.Contain("<a href=\"/openbaar/zoeken\">Terug naar zoeken</a>");

        using var admin = await host.SignInAsync();
        for (var i = 0; i < 3; i++)
        {
            (await admin.GetAsync("/Zoeken?q=kadernota")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
