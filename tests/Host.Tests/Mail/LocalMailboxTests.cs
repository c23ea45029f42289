using System.Net;
using AdviesRoute.Host.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>Without an SMTP server: mail goes to the pickup folder, and admins read it on the local mailbox page.</summary>
public sealed class LocalMailboxTests(MailHostFixture host) : IClassFixture<MailHostFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_queued_mail_lands_in_the_pickup_folder_as_eml_and_the_admin_reads_it_on_the_mailbox_page()
    {
        var ics = await host.StoreDocumentAsync("vergadering.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());
        var record = await host.QueueAsync(MailHostFixture.SampleConvocation("Begroting 2027 & Coëvorden", ics));
        var handled = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);
        handled.Single().Attempts.Should().Be(1);

        var bare = MailMessageFactory.BareMessageId(record.MessageId);
        var file = Directory.GetFiles(host.PickupFolder).Should().ContainSingle(f => f.EndsWith($"_{bare}.eml", StringComparison.Ordinal)).Subject;
        Path.GetFileName(file).Should().MatchRegex(@"^\d{8}T\d{9}Z_[0-9a-f]{32}@example\.org\.eml$");
        var stored = await MimeMessage.LoadAsync(file);
        stored.MessageId.Should().Be(bare);
        stored.Subject.Should().Be("Convocatie Begroting 2027 & Coëvorden 2 maart 2027");
        var id = Path.GetFileNameWithoutExtension(file);
        var listed = host.Services.GetRequiredService<PickupFolder>().List().Should().ContainSingle(m => m.Id == id).Subject;
        listed.Subject.Should().Be("Convocatie Begroting 2027 & Coëvorden 2 maart 2027", "the list decodes the subject header");
        listed.To.Should().Be("anna.devries@example.org");
        listed.Date.Should().Be(stored.Date);

        using var admin = await host.SignInAsync();
        var list = await admin.GetStringAsync("/Mailbox");
        list.Should().Contain("<h1>Lokale postbus</h1>")
            .And.Contain($"<a href=\"/Mailbox/Message/{id}\">Convocatie Begroting 2027 &amp; Co&#xEB;vorden 2 maart 2027</a>")
            .And.Contain("<td data-label=\"Aan\">anna.devries@example.org</td>");

        var page = await admin.GetStringAsync($"/Mailbox/Message/{id}");
        page.Should().Contain("<h1>Convocatie Begroting 2027 &amp; Co&#xEB;vorden 2 maart 2027</h1>")
            .And.Contain("<dd>&quot;SamenDrenthe (AdviesRoute)&quot; &lt;adviesroute@example.org&gt;</dd>")
            .And.Contain("sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\"")
            .And.Contain("srcdoc=\"&lt;!DOCTYPE html&gt;&lt;html lang=&quot;nl&quot;&gt;&lt;head&gt;&lt;base target=&quot;_top&quot;&gt;&lt;meta charset=&quot;utf-8&quot;&gt;")
            .And.Contain("<pre class=\"mail-text\">Beste Anna de Vries,")
            .And.Contain("vergadering.ics</a>")
            .And.Contain("(text/calendar, 32 bytes)")
            .And.NotContain("allow-scripts").And.NotContain("allow-same-origin");

        using var download = await admin.GetAsync($"/Mailbox/Message/{id}?handler=Attachment&index=0");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream", "an attachment never runs in the site's origin");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("vergadering.ics");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());
    }

    [Fact]
    public async Task The_same_message_id_written_twice_replaces_its_file_instead_of_adding_one()
    {
        var sender = host.Services.GetRequiredService<IMailSender>();
        var mail = Sample("Tweemaal verzonden");

        await sender.SendAsync(mail, CancellationToken.None);
        await sender.SendAsync(mail with { Subject = "Tweemaal verzonden (kopie)" }, CancellationToken.None);

        var bare = MailMessageFactory.BareMessageId(mail.MessageId);
        var file = Directory.GetFiles(host.PickupFolder).Should().ContainSingle(f => f.EndsWith($"_{bare}.eml", StringComparison.Ordinal)).Subject;
        (await MimeMessage.LoadAsync(file)).Subject.Should().Be("Tweemaal verzonden (kopie)");
        Directory.GetFiles(host.PickupFolder, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task A_secretary_may_not_open_the_mailbox()
    {
        var id = await WriteMailAsync("Alleen voor beheerders");
        using var secretary = host.Secretary();

        (await secretary.GetAsync("/Mailbox")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.GetAsync($"/Mailbox/Message/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.GetAsync($"/Mailbox/Message/{id}?handler=Attachment&index=0")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("..%2Fadviesroute.db")]
    [InlineData("..%2F20260101T000000000Z_buiten@adviesroute")]
    [InlineData("%2E%2E%2F%2E%2E%2Fappsettings")]
    [InlineData("20260101T000000000Z_..%2F..%2Fbuiten@adviesroute")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("20260101T000000000Z_bestaat-niet@adviesroute")]
    public async Task A_mail_id_that_leaves_the_pickup_folder_or_names_no_mail_gives_404(string id)
    {
        await WriteMailAsync("Binnen de map");
        // a well-formed .eml one folder up, beside the database: reachable only through a path traversal
        await File.WriteAllTextAsync(Path.Combine(host.Folder, "20260101T000000000Z_buiten@adviesroute.eml"), "Subject: buiten\r\n\r\ngeheim\r\n");
        using var admin = await host.SignInAsync();

        using var page = await admin.GetAsync($"/Mailbox/Message/{id}");
        using var attachment = await admin.GetAsync($"/Mailbox/Message/{id}?handler=Attachment&index=0");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        attachment.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<string> WriteMailAsync(string subject)
    {
        var mail = Sample(subject);
        await host.Services.GetRequiredService<IMailSender>().SendAsync(mail, CancellationToken.None);
        return Path.GetFileNameWithoutExtension(Directory.GetFiles(host.PickupFolder, $"*_{MailMessageFactory.BareMessageId(mail.MessageId)}.eml").Single());
    }

    /// <summary>A mail as the outbox handlers hand it to the sender, for the pickup folder's own behaviour.</summary>
    private static OutgoingMail Sample(string subject) => new($"<{Guid.NewGuid():N}@example.org>", [new MailAddress("Anna de Vries", "anna.devries@example.org")], subject,
        "<p>Beste Anna,</p>", "Beste Anna,", [new MailAttachment("vergadering.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())]);
}
