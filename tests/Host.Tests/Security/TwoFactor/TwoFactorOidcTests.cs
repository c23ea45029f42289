using System.Net;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.TwoFactor;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Security.TwoFactor;

/// <summary>Who signs in through the organisation's provider is not asked for a code, also when their role requires one.</summary>
public sealed class TwoFactorOidcTests(OidcLoginFixture fixture) : IClassFixture<OidcLoginFixture>
{
    [Fact]
    public async Task A_provider_sign_in_in_a_role_that_requires_a_second_factor_opens_pages_and_the_api_without_a_code()
    {
        await fixture.Host.CreateAccountAsync("secretaris.bram", "bram.hoekstra@samendrenthe.example", Roles.Secretary);
        await fixture.Host.WithScopeAsync(sp => sp.GetRequiredService<RoleRequirements>().SetAsync([Roles.Secretary], "test"));
        using var browser = fixture.Browser("bram.hoekstra@samendrenthe.example");

        using var response = await browser.SignInThroughProviderAsync("/Voorstellen/Taken");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.PathAndQuery.Should().Be("/Voorstellen/Taken", "the provider's own second factor applies");
        (await browser.Host.GetAsync("/Voorstellen")).StatusCode.Should().Be(HttpStatusCode.OK, "also on the next requests, whose principal is rebuilt");
        (await browser.Host.GetAsync("/api/definitions")).StatusCode.Should().Be(HttpStatusCode.OK);
        var overview = WebUtility.HtmlDecode(await (await browser.Host.GetAsync(TwoFactorSetup.OverviewPage)).Content.ReadAsStringAsync());
        overview.Should().Contain("U bent nu ingelogd via uw organisatie.");
    }
}
