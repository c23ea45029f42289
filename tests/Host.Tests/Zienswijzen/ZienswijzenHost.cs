using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Zienswijzen;

/// <summary>
/// The host in memory (environment Testing, its clock from Monday 4 January 2027 so the seeded jaarkalender gives the
/// meetings) on a loopback port for the browser, sending its mail to a real SMTP server (maildev), with an
/// administrator's API key that moves the clock.
/// </summary>
public sealed class ZienswijzenHost(MaildevServer maildev) : HostFixture
{
    public const string AdminKey = "zienswijzen-beheer-sleutel-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", "2027-01-04T09:00:00+01:00");
        builder.UseSetting("Security:ApiKeys:2:Name", "zienswijzen-beheer");
        builder.UseSetting("Security:ApiKeys:2:Key", AdminKey);
        builder.UseSetting("Security:ApiKeys:2:Roles:0", "admin");
        builder.UseSetting("Links:PostsPerMinute", "1000");
        builder.UseSetting("Mail:Smtp:Host", MaildevServer.Host);
        builder.UseSetting("Mail:Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");

        // The links in the mails lead to this host, so the councils open them as they would from their mail.
        builder.UseSetting("Links:PublicBaseUrl", Address.ToString().TrimEnd('/'));
    }
}
