using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>
/// The in-memory host (Testing) on a loopback port for the browser, with SMTP to a maildev it owns, its clock from a
/// fixed moment (the day a story's round opens) and link answers not throttled.
/// </summary>
public abstract class MaildevClockHost : MailHostFixture
{
    private readonly string _startsAt;

    /// <param name="startsAt">The Testing clock's first moment, ISO 8601 with offset.</param>
    protected MaildevClockHost(string startsAt)
        : this(new MaildevServer(), startsAt)
    {
    }

    private MaildevClockHost(MaildevServer maildev, string startsAt)
        : base(() => maildev.SmtpPort)
    {
        Maildev = maildev;
        _startsAt = startsAt;
    }

    public MaildevServer Maildev { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Testing:Now", _startsAt);
        builder.UseSetting("Links:PostsPerMinute", "1000");
    }

    // WebApplicationFactory's Dispose calls this again after xunit's DisposeAsync; maildev stops once.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Maildev.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
