using System.Net;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Tests.Support;
using MimeKit;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>Mail from the outbox to a real SMTP server (maildev), through MailKit.</summary>
public sealed class SmtpDeliveryTests(MaildevHostFixture host) : IClassFixture<MaildevHostFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    // Hangfire's first retry of OutboxDeliveryJob comes 5 s after the failure ([AutomaticRetry] on the job, fixed
    // delays that configuration cannot change); the bound leaves room for that and a slow CI machine.
    private static readonly TimeSpan AfterRetries = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_outbox_mail_reaches_the_smtp_server_with_text_html_attachment_sender_subject_and_its_message_id()
    {
        await host.Maildev.StartAsync();
        var record = await host.QueueMailAsync(MailHostFixture.SampleMail("Verzoek om uw stem: Begroting 2027"));

        var mails = await host.Maildev.WaitForAsync(m => m.Any(x => x.MessageId == record.MessageId), Delivery);

        var arrived = mails.Should().ContainSingle(m => m.MessageId == record.MessageId).Subject;
        arrived.Subject.Should().Be("Verzoek om uw stem: Begroting 2027");
        arrived.From.Should().Equal(new MaildevAddress("adviesroute@example.org", "SamenDrenthe (AdviesRoute)"));
        arrived.To.Should().Equal(new MaildevAddress("anna.devries@example.org", "Anna de Vries"));

        using var source = new MemoryStream(await host.Maildev.SourceAsync(arrived.Id));
        var message = await MimeMessage.LoadAsync(source);
        message.MessageId.Should().Be(MailMessageFactory.BareMessageId(record.MessageId));
        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.Body!.ContentType.MimeType.Should().Be("multipart/mixed");
        var parts = (Multipart)message.Body;
        parts[0].ContentType.MimeType.Should().Be("multipart/alternative");
        var alternative = (MultipartAlternative)parts[0];
        alternative.Select(p => p.ContentType.MimeType).Should().Equal("text/plain", "text/html");
        message.TextBody.Should().Be("Beste Anna,\n\nWilt u uw stem uitbrengen? https://adviesroute.example.org/stem/abc");
        message.HtmlBody.Should().Be("<p>Beste Anna,</p><p>Wilt u uw stem uitbrengen? <a href=\"https://adviesroute.example.org/stem/abc\">Stem uitbrengen</a></p>");
        var attachment = message.Attachments.Should().ContainSingle().Which.Should().BeAssignableTo<MimePart>().Subject;
        attachment.FileName.Should().Be("vergadering.ics");
        attachment.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        content.ToArray().Should().Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());

        var sent = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);
        sent.Single().SentAt.Should().NotBeNull();
        sent.Single().Attempts.Should().Be(1);
        sent.Single().LastError.Should().BeNull();
        host.Observer.Delivered.Should().ContainSingle(d => d.Message.Id == record.Id)
            .Which.Mail.MessageId.Should().Be(record.MessageId, "without a messageId in the payload the outbox message's Message-Id is used");
    }

    [Fact]
    public async Task Mails_queued_while_the_smtp_server_is_down_arrive_once_each_after_it_comes_back()
    {
        await host.Maildev.StopAsync();
        var queued = new List<string>();
        var messageIds = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var record = await host.QueueMailAsync(MailHostFixture.SampleMail($"Herinnering {i}: Kaderbrief 2028"));
            queued.Add(record.Id);
            messageIds.Add(record.MessageId);
        }

        // Every first attempt fails on the refused connection, and the outbox keeps the message unsent.
        var failed = await host.WaitForOutboxAsync(queued, m => m.Attempts >= 1, Delivery);
        failed.Should().OnlyContain(m => m.SentAt == null && m.LastError != null);

        await host.Maildev.StartAsync();
        var sent = await host.WaitForOutboxAsync(queued, m => m.SentAt is not null, AfterRetries);

        sent.Should().HaveCount(5).And.OnlyContain(m => m.SentAt != null && m.Attempts >= 2);
        var arrived = await host.Maildev.ListAsync();
        arrived.Where(m => messageIds.Contains(m.MessageId!)).Select(m => m.MessageId).Should().BeEquivalentTo(messageIds, "each mail arrives exactly once");
    }

    [Fact]
    public async Task With_an_smtp_server_configured_the_local_mailbox_does_not_exist()
    {
        using var admin = await host.SignInAsync();

        (await admin.GetAsync("/Mailbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync("/Mailbox/Message/20261123T100000000Z_abc@adviesroute")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
