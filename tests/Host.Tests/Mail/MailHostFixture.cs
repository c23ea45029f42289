using System.Collections.Concurrent;
using System.Diagnostics;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Outbox;
using AdviesRoute.Workflows.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>
/// The host with its mail settings: SMTP to <see cref="SmtpPort"/> on loopback when given, else the pickup folder in
/// the fixture's temp folder. It records what the mail handler tells its observers, and lets Hangfire pick up a
/// scheduled retry within a fifth of a second (instead of its 15 s schedule poll), so a retry comes when its delay
/// has passed.
/// </summary>
public class MailHostFixture : HostFixture
{
    private readonly Func<int>? _smtpPort;

    /// <summary>Without SMTP: mail goes to the pickup folder.</summary>
    public MailHostFixture()
        : this(smtpPort: null)
    {
    }

    /// <param name="smtpPort">The SMTP server's port on 127.0.0.1, asked when the host starts.</param>
    protected MailHostFixture(Func<int>? smtpPort) => _smtpPort = smtpPort;

    public RecordingMailObserver Observer { get; } = new();

    public string PickupFolder => Path.Combine(Folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupFolder", PickupFolder);
        if (_smtpPort is not null)
        {
            builder.UseSetting("Mail:Smtp:Host", MaildevServer.Host);
            builder.UseSetting("Mail:Smtp:Port", _smtpPort().ToString());
            builder.UseSetting("Mail:Smtp:Security", "None");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMailDeliveryObserver>(Observer);
            services.AddSingleton(new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromMilliseconds(200) });
        });
    }

    /// <summary>Writes an outbox message of kind <c>mail</c> as the engine does, and hands it to Hangfire.</summary>
    public async Task<OutboxMessageRecord> QueueMailAsync(OutgoingMail mail, bool withMessageId = false)
    {
        var id = Guid.NewGuid().ToString("N");
        var payload = MailPayload.Create(mail);
        if (!withMessageId)
        {
            payload.Remove("messageId"); // the usual case: the outbox message's own Message-Id is used
        }

        var record = new OutboxMessageRecord
        {
            Id = id,
            Kind = MailPayload.Kind,
            PayloadJson = payload.ToJsonString(),
            MessageId = $"<{id}@adviesroute>",
            CreatedAt = DateTime.UtcNow,
        };
        await WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            db.Outbox.Add(record);
            await db.SaveChangesAsync();
            return 0;
        });
        Services.GetRequiredService<OutboxDispatcher>().Dispatch([id]);
        return record;
    }

    public Task<OutboxMessageRecord> OutboxAsync(string id) =>
        WithScopeAsync(services => services.GetRequiredService<WorkflowDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Polls the outbox rows until <paramref name="done"/> holds for all of them, within a bounded real-time wait.</summary>
    public async Task<IReadOnlyList<OutboxMessageRecord>> WaitForOutboxAsync(IReadOnlyCollection<string> ids, Func<OutboxMessageRecord, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await WithScopeAsync(services => services.GetRequiredService<WorkflowDbContext>().Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
            if ((rows.Count == ids.Count && rows.All(done)) || clock.Elapsed > timeout)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    public static OutgoingMail SampleMail(string subject, params MailAddress[] to) => new(
        MessageId: "",
        To: to.Length > 0 ? to : [new MailAddress("Anna de Vries", "anna.devries@example.org")],
        Subject: subject,
        HtmlBody: "<p>Beste Anna,</p><p>Wilt u uw stem uitbrengen? <a href=\"https://adviesroute.example.org/stem/abc\">Stem uitbrengen</a></p>",
        TextBody: "Beste Anna,\n\nWilt u uw stem uitbrengen? https://adviesroute.example.org/stem/abc",
        Attachments: [new MailAttachment("vergadering.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())]);
}

/// <summary>
/// The host with SMTP to a maildev it owns. The host starts without waiting for maildev; a test starts maildev
/// itself (<c>await host.Maildev.StartAsync()</c>, a no-op when it runs), so each test says which state it needs.
/// </summary>
public sealed class MaildevHostFixture : MailHostFixture
{
    public MaildevHostFixture()
        : this(new MaildevServer())
    {
    }

    private MaildevHostFixture(MaildevServer maildev)
        : base(() => maildev.SmtpPort) => Maildev = maildev;

    public MaildevServer Maildev { get; }

    // WebApplicationFactory's Dispose calls this again after xunit's DisposeAsync; maildev stops once.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Maildev.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>What the mail handler told its observers.</summary>
public sealed class RecordingMailObserver : IMailDeliveryObserver
{
    public ConcurrentQueue<(OutboxMessage Message, OutgoingMail Mail)> Delivered { get; } = new();

    public ConcurrentQueue<(OutboxMessage Message, OutgoingMail Mail, MailRecipientRefusedException Refusal)> Refused { get; } = new();

    public Task DeliveredAsync(OutboxMessage message, OutgoingMail mail, CancellationToken cancellationToken)
    {
        Delivered.Enqueue((message, mail));
        return Task.CompletedTask;
    }

    public Task RefusedAsync(OutboxMessage message, OutgoingMail mail, MailRecipientRefusedException refusal, CancellationToken cancellationToken)
    {
        Refused.Enqueue((message, mail, refusal));
        return Task.CompletedTask;
    }
}
