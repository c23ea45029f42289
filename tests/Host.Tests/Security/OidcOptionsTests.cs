using AdviesRoute.Host.Security.Oidc;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>The <c>Security:Oidc</c> section: off by default, and a configuration that cannot be right stops the start.</summary>
public sealed class OidcOptionsTests
{
    private readonly OidcOptionsValidator _validator = new();

    [Fact]
    public void Without_settings_oidc_is_off_and_the_password_form_stays()
    {
        var options = new OidcOptions();

        _validator.Validate(null, options).Succeeded.Should().BeTrue();
        options.Enabled.Should().BeFalse();
        options.PasswordLoginAllowed.Should().BeTrue();
        options.DisplayName.Should().Be("Inloggen met uw organisatie-account");
    }

    [Theory]
    [InlineData("https://login.samendrenthe.example/realms/medewerkers")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1:5001")]
    [InlineData("http://[::1]:5001/")]
    public void An_https_authority_or_http_on_this_machine_is_accepted(string authority)
    {
        _validator.Validate(null, new OidcOptions { Authority = authority, ClientId = "adviesroute" }).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("http://login.samendrenthe.example/", "Security:Oidc:Authority must use https (now: 'http://login.samendrenthe.example/'); plain http is only accepted for a provider on this machine (localhost, 127.0.0.1, ::1).")]
    [InlineData("http://10.0.0.5/", "Security:Oidc:Authority must use https (now: 'http://10.0.0.5/'); plain http is only accepted for a provider on this machine (localhost, 127.0.0.1, ::1).")]
    [InlineData("login.samendrenthe.example", "Security:Oidc:Authority must be an absolute https URL (now: 'login.samendrenthe.example').")]
    [InlineData("ftp://login.samendrenthe.example/", "Security:Oidc:Authority must be an absolute https URL (now: 'ftp://login.samendrenthe.example/').")]
    [InlineData("https://login.samendrenthe.example/?tenant=x", "Security:Oidc:Authority must not have a query or fragment (now: 'https://login.samendrenthe.example/?tenant=x').")]
    public void Any_other_authority_is_refused_with_the_reason(string authority, string message)
    {
        var result = _validator.Validate(null, new OidcOptions { Authority = authority, ClientId = "adviesroute" });

        result.Failures.Should().Equal(message);
    }

    [Fact]
    public void An_authority_without_a_client_id_a_button_text_or_an_email_claim_is_refused()
    {
        var result = _validator.Validate(null, new OidcOptions
        {
            Authority = "https://login.samendrenthe.example/",
            DisplayName = " ",
            EmailClaim = "",
            Scopes = ["profile", "groups roles"],
        });

        result.Failures.Should().Equal(
            "Security:Oidc:ClientId is required when Security:Oidc:Authority is set.",
            "Security:Oidc:DisplayName must not be empty: it is the text of the login button.",
            "Security:Oidc:EmailClaim must not be empty: accounts are found by the e-mail address in that claim.",
            "Security:Oidc:Scopes:1 must be one scope without spaces (now: 'groups roles').");
    }

    [Fact]
    public void Switching_off_the_password_form_without_a_provider_is_refused()
    {
        var result = _validator.Validate(null, new OidcOptions { LocalLogin = false });

        result.Failures.Should().Equal(
            "Security:Oidc:LocalLogin is false but Security:Oidc:Authority is empty: nobody could sign in. Set the Authority, or leave LocalLogin true.");
    }

    [Fact]
    public async Task The_host_does_not_start_with_an_invalid_oidc_configuration_and_says_why()
    {
        var host = new InvalidOidcHostFixture();
        try
        {
            var start = () => host.CreateClient();

            var failure = start.Should().Throw<OptionsValidationException>().Which;

            failure.Failures.Should().BeEquivalentTo(
                "Security:Oidc:Authority must use https (now: 'http://login.samendrenthe.example/'); plain http is only accepted for a provider on this machine (localhost, 127.0.0.1, ::1).",
                "Security:Oidc:ClientId is required when Security:Oidc:Authority is set.");
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    private sealed class InvalidOidcHostFixture : HostFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:Oidc:Authority", "http://login.samendrenthe.example/");
        }
    }
}

/// <summary>Without <c>Security:Oidc</c> nothing changes: no scheme, no button, no messages from the provider's codes.</summary>
[Collection(HostCollection.Name)]
public sealed class OidcOffTests(HostFixture host)
{
    [Fact]
    public async Task Without_an_authority_there_is_no_oidc_scheme_button_or_handler()
    {
        using var client = host.Anonymous();

        var html = await client.GetStringAsync("/Account/Login?fout=onbekend-account");
        using var challenge = await client.PostAsync("/Account/Login?handler=Oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(html),
        }));

        html.Should().NotContain("organisatie").And.NotContain("Inloggen is niet gelukt").And.Contain("id=\"Input_Password\"");
        challenge.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await host.WithScopeAsync(s => s.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcLogin.Scheme))).Should().BeNull();
    }
}
