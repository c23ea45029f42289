using AdviesRoute.Host.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>The <c>Mail</c> section: its defaults, where the pickup folder lands, and what is refused at start.</summary>
public sealed class MailOptionsTests
{
    private const string ContentRoot = "/srv/adviesroute";

    [Fact]
    public void Without_settings_mail_goes_to_data_mail_under_the_content_root_from_samendrenthe()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;

        options.UsesPickupFolder.Should().BeTrue();
        options.PickupFolder.Should().Be("/srv/adviesroute/data/mail");
        options.From.Name.Should().Be("SamenDrenthe (AdviesRoute)");
        options.From.Address.Should().Be("adviesroute@example.org");
        options.Smtp.Port.Should().Be(587);
        options.Smtp.Security.Should().Be(SmtpSecurity.StartTls);
        services.GetRequiredService<IMailSender>().Should().BeOfType<PickupFolderMailSender>();
    }

    [Fact]
    public void With_an_smtp_host_mail_goes_over_smtp_with_the_configured_settings()
    {
        using var services = Build(new()
        {
            ["Mail:Smtp:Host"] = "smtp.samendrenthe.example",
            ["Mail:Smtp:Port"] = "465",
            ["Mail:Smtp:Security"] = "SslOnConnect",
            ["Mail:Smtp:UserName"] = "adviesroute",
            ["Mail:Smtp:Password"] = "geheim",
            ["Mail:PickupFolder"] = "/var/mail/adviesroute",
        });

        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;

        options.UsesPickupFolder.Should().BeFalse();
        options.Smtp.Should().BeEquivalentTo(new SmtpOptions { Host = "smtp.samendrenthe.example", Port = 465, Security = SmtpSecurity.SslOnConnect, UserName = "adviesroute", Password = "geheim" });
        options.PickupFolder.Should().Be("/var/mail/adviesroute", "an absolute folder stays as it is");
        services.GetRequiredService<IMailSender>().Should().BeOfType<SmtpMailSender>();
    }

    [Fact]
    public void A_password_in_plain_text_to_another_machine_a_lone_user_name_a_bad_port_and_a_bad_sender_are_refused_in_dutch()
    {
        using var services = Build(new()
        {
            ["Mail:From:Address"] = "AdviesRoute <adviesroute@example.org>",
            ["Mail:Smtp:Host"] = "smtp.samendrenthe.example",
            ["Mail:Smtp:Port"] = "0",
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:UserName"] = "adviesroute",
        });

        var failure = FluentActions.Invoking(() => services.GetRequiredService<IOptions<MailOptions>>().Value).Should().Throw<OptionsValidationException>().Which;

        failure.Failures.Should().BeEquivalentTo(
            "Mail:From:Address moet één e-mailadres zijn (nu: 'AdviesRoute <adviesroute@example.org>').",
            "Mail:Smtp:Port moet tussen 1 en 65535 liggen (nu: 0).",
            "Mail:Smtp:UserName en Mail:Smtp:Password horen bij elkaar: geef beide of geen van beide.",
            "Mail:Smtp:Security is None maar er is een gebruikersnaam ingesteld: het wachtwoord zou onversleuteld naar smtp.samendrenthe.example gaan. Kies StartTls of SslOnConnect.");
    }

    [Fact]
    public void A_relay_on_this_machine_may_take_a_password_without_tls()
    {
        using var services = Build(new()
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = "25",
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:UserName"] = "adviesroute",
            ["Mail:Smtp:Password"] = "geheim",
        });

        services.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Security.Should().Be(SmtpSecurity.None);
    }

    [Theory]
    [InlineData(null, null, "<7f3a@example.org>")]
    [InlineData("adviesroute@samendrenthe.nl", null, "<7f3a@samendrenthe.nl>")]
    [InlineData("adviesroute@samendrenthe.nl", "post.samendrenthe.nl", "<7f3a@post.samendrenthe.nl>")]
    public void A_message_id_is_the_outbox_id_at_the_configured_domain_or_else_the_senders(string? from, string? domain, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (from is not null)
        {
            settings["Mail:From:Address"] = from;
        }

        if (domain is not null)
        {
            settings["Mail:MessageIdDomain"] = domain;
        }

        using var services = Build(settings);

        var ids = services.GetRequiredService<MessageIds>();

        ids.For("7f3a").Should().Be(expected);
        services.GetRequiredService<AdviesRoute.Workflows.Outbox.IOutboxMessageIds>().Should().BeSameAs(ids, "the engine asks the same maker");
        ids.For(new AdviesRoute.Workflows.Outbox.OutboxMessage("7f3a", null, "mail.code.v1", [], "", 1)).Should().Be(expected, "a row stored without one gets one made from its id");
    }

    [Fact]
    public void A_message_id_stored_by_an_earlier_version_is_kept_for_the_mail_and_its_copies()
    {
        using var services = Build(new() { ["Mail:MessageIdDomain"] = "post.samendrenthe.nl" });
        var ids = services.GetRequiredService<MessageIds>();
        var stored = new AdviesRoute.Workflows.Outbox.OutboxMessage("9c1e", "voorstel-1", "melding", [], "<0a1b2c@adviesroute>", 1);

        ids.For(stored).Should().Be("<0a1b2c@adviesroute>");
        ids.For(stored, 2).Should().Be("<0a1b2c.2@adviesroute>", "the second recipient's copy, as the earlier version named it");
    }

    [Theory]
    [InlineData("adviesroute@samendrenthe.nl")]
    [InlineData("samen drenthe.nl")]
    [InlineData("<samendrenthe.nl>")]
    [InlineData("-samendrenthe.nl")]
    public void A_message_id_domain_that_is_no_domain_name_is_refused_in_dutch(string domain)
    {
        using var services = Build(new() { ["Mail:MessageIdDomain"] = domain });

        var failure = FluentActions.Invoking(() => services.GetRequiredService<IOptions<MailOptions>>().Value).Should().Throw<OptionsValidationException>().Which;

        failure.Failures.Should().Equal(
            $"Mail:MessageIdDomain moet een domeinnaam zijn zoals samendrenthe.nl: letters, cijfers, '-' en punten, zonder '@' of spaties (nu: '{domain}').");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAdviesRouteMail(configuration, new Environment());
        return services.BuildServiceProvider();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "AdviesRoute.Host";

        public string ContentRootPath { get; set; } = ContentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
