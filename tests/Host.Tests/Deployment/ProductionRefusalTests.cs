using System.Net;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Deployment;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Deployment;

/// <summary>
/// Outside Development and Testing the host refuses to start on a setting that is only fit for a laptop, each time
/// naming the setting; the Testing environment's allowances are the ones <see cref="EnvironmentAllowances"/> lists.
/// </summary>
public sealed class ProductionRefusalTests
{
    [Fact]
    public async Task Production_refuses_links_on_plain_http_and_names_the_setting()
    {
        var failures = await StartFailuresAsync(("Links:PublicBaseUrl", "http://adviesroute.example.org"));

        failures.Should().ContainSingle().Which.Should().StartWith("Links:PublicBaseUrl is 'http://adviesroute.example.org': in Production moet dat een https-adres zijn");
    }

    [Fact]
    public async Task Production_refuses_mail_to_the_pickup_folder_and_names_the_setting()
    {
        var failures = await StartFailuresAsync(("Mail:Smtp:Host", ""));

        failures.Should().ContainSingle().Which.Should().StartWith("Mail:Smtp:Host is niet ingesteld: in Production gaat mail naar een SMTP-server");
    }

    [Fact]
    public async Task Production_refuses_demo_data_switched_on_and_names_the_setting()
    {
        var failures = await StartFailuresAsync(("Governance:SeedDemo", "true"));

        failures.Should().ContainSingle().Which.Should().StartWith("Governance:SeedDemo staat aan: in Production komen er geen verzonnen bestuurders");
    }

    [Fact]
    public async Task Production_refuses_to_start_without_the_key_ring_certificate_and_names_the_setting()
    {
        var failures = await StartFailuresAsync(("DataProtection:CertificateFile", ""));

        failures.Should().ContainSingle().Which.Should().StartWith("DataProtection:CertificateFile is niet ingesteld");
    }

    [Fact]
    public async Task Production_with_every_setting_right_starts_without_demo_data()
    {
        await UsingAsync(new ConfiguredHost("Production", []), async production =>
        {
            using var response = await production.Anonymous().GetAsync("/health");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var governance = production.Services.GetRequiredService<IGovernanceDirectory>().Current;
            governance.Model.Members.Should().BeEmpty("outside Development and Testing no fictional people are stored unless asked, and asking is refused");
        });
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void Only_development_and_testing_have_the_allowances_of_a_laptop(string environment, bool lenient)
    {
        var allowances = EnvironmentAllowances.For(new Environment(environment));

        allowances.Should().Be(new EnvironmentAllowances(environment, lenient, lenient, lenient, lenient));
    }

    [Fact]
    public async Task The_testing_environment_runs_on_http_with_the_pickup_folder_and_demo_data()
    {
        await UsingAsync(new HostFixture(), async testing =>
        {
            using var client = testing.Anonymous();

            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            testing.Services.GetRequiredService<IOptions<Host.Links.RequestLinkOptions>>().Value.PublicBaseUrl.Should().StartWith("http://");
            testing.Services.GetRequiredService<IOptions<Host.Mail.MailOptions>>().Value.UsesPickupFolder.Should().BeTrue();
            testing.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.Members.Should().NotBeEmpty();
        });
    }

    private static async Task<IReadOnlyList<string>> StartFailuresAsync(params (string Key, string Value)[] settings)
    {
        IReadOnlyList<string> failures = [];
        await UsingAsync(new ConfiguredHost("Production", settings), production =>
        {
            var start = () => production.CreateClient();
            failures = start.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
            return Task.CompletedTask;
        });
        return failures;
    }

    /// <summary>Runs <paramref name="test"/> on a host and removes the host and its folder afterwards.</summary>
    private static async Task UsingAsync(HostFixture host, Func<HostFixture, Task> test)
    {
        try
        {
            await test(host);
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    /// <summary>A host in an environment, on the fixture's settings for it, with some replaced.</summary>
    private sealed class ConfiguredHost(string environment, (string Key, string Value)[] settings)
        : HostFixture(folder: null, environment: environment, adminPassword: AdminPassword)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "AdviesRoute.Host";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
