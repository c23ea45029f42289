using System.Diagnostics;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Outbox;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>
/// The host with its mail settings: SMTP to <see cref="SmtpPort"/> on loopback when given, else the pickup folder in
/// the fixture's temp folder. Mails are queued the way the host queues them (<see cref="IOutbox"/> with a typed mail),
/// and Hangfire picks up a scheduled retry within a fifth of a second (instead of its 15 s schedule poll), so a retry
/// comes when its delay has passed.
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
            services.AddSingleton(new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromMilliseconds(200) }));
    }

    /// <summary>Queues a mail through the outbox, as the host does, and returns the outbox row written.</summary>
    public async Task<MailOutboxRow> QueueAsync<TMail>(TMail mail, string? key = null)
        where TMail : IQueuedMail
    {
        var ids = await Services.GetRequiredService<IOutbox>().EnqueueAsync([MailQueue.Entry(mail, key)], CancellationToken.None);
        var id = ids.Should().ContainSingle().Subject;
        return (await OutboxRowsAsync()).Should().ContainSingle(m => m.Id == id).Subject;
    }

    /// <summary>
    /// Every outbox row as stored, oldest first. The engine's read API does not show its outbox, so this asks the
    /// database on a connection of its own.
    /// </summary>
    public async Task<List<MailOutboxRow>> OutboxRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "InstanceId", "Kind", "PayloadJson", "MessageId", "CreatedAt", "SentAt", "Attempts", "LastError"
            FROM "Outbox" ORDER BY "CreatedAt", "Id"
            """;
        await using var rows = await command.ExecuteReaderAsync();
        var result = new List<MailOutboxRow>();
        while (await rows.ReadAsync())
        {
            result.Add(new MailOutboxRow(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.GetString(4),
                Utc(rows.GetDateTime(5)), rows.IsDBNull(6) ? null : Utc(rows.GetDateTime(6)), rows.GetInt32(7), rows.IsDBNull(8) ? null : rows.GetString(8)));
        }

        return result;
    }

    /// <summary>Polls the outbox rows until <paramref name="done"/> holds for all of them, within a bounded real-time wait.</summary>
    public async Task<IReadOnlyList<MailOutboxRow>> WaitForOutboxAsync(IReadOnlyCollection<string> ids, Func<MailOutboxRow, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = (await OutboxRowsAsync()).Where(m => ids.Contains(m.Id)).ToList();
            if ((rows.Count == ids.Count && rows.All(done)) || clock.Elapsed > timeout)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A stored document, as a convocation attaches it.</summary>
    public Task<ProposalDocument> StoreDocumentAsync(string fileName, string contentType, byte[] content) => WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<HostDbContext>();
        var document = new ProposalDocument
        {
            Id = Guid.NewGuid().ToString("N"), FileName = fileName, ContentType = contentType, Size = content.LongLength, Sha256 = "",
            Content = content, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
        };
        db.ProposalDocuments.Add(document);
        await db.SaveChangesAsync();
        return document;
    });

    /// <summary>A convocation of Anna de Vries with two agenda items and the given documents attached.</summary>
    public static ConvocationMail SampleConvocation(string bodyName, params ProposalDocument[] attached) => new(
        new MailAddress("Anna de Vries", "anna.devries@example.org"), bodyName, new DateOnly(2027, 3, 2), new TimeOnly(19, 30), "Provinciehuis, Assen",
        [
            new ConvocationMail.AgendaLine("Aanpassing tarieven", "hamerstuk", []),
            new ConvocationMail.AgendaLine("Begroting 2028", "bespreekstuk", [new ConvocationMail.AgendaDocument("Begroting 2028.pdf", false), new ConvocationMail.AgendaDocument("Notitie personeel", true)]),
        ],
        attached.Select(d => d.Id).ToList(), attached.Length);

    /// <summary>The engine stores UTC; SQLite gives it back without a kind.</summary>
    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

    /// <summary>A notice to an old address: one recipient, no attachment.</summary>
    public static AddressChangedMail SampleNotice(string name = "Anna de Vries", string email = "anna.devries@example.org") =>
        new(new MailAddress(name, email));
}

/// <summary>An outbox row as stored: what a queued mail carries and how its delivery went (times in UTC).</summary>
public sealed record MailOutboxRow(string Id, string? InstanceId, string Kind, string PayloadJson, string MessageId, DateTime CreatedAt, DateTime? SentAt,
    int Attempts, string? LastError);

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

