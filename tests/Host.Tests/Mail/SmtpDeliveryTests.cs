using System.Net;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>Mail from the outbox to a real SMTP server (maildev), through MailKit.</summary>
public sealed partial class SmtpDeliveryTests(MaildevHostFixture host) : IClassFixture<MaildevHostFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    // Hangfire's first retry of OutboxDeliveryJob comes 5 s after the failure ([AutomaticRetry] on the job, fixed
    // delays that configuration cannot change); the bound leaves room for that and a slow CI machine.
    private static readonly TimeSpan AfterRetries = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_queued_mail_reaches_the_smtp_server_in_the_one_layout_with_its_attachment_and_the_message_id_stored_with_it()
    {
        await host.Maildev.StartAsync();
        var pdf = await host.StoreDocumentAsync("Begroting 2028.pdf", "application/pdf", "%PDF-1.4\r\n%%EOF\r\n"u8.ToArray());
        var record = await host.QueueAsync(MailHostFixture.SampleConvocation("Algemeen bestuur", pdf));

        record.MessageId.Should().Be($"<{record.Id}@example.org>", "the host's maker gives the Message-Id, with the sender address's domain by default");
        var mails = await host.Maildev.WaitForAsync(m => m.Any(x => x.MessageId == record.MessageId), Delivery);

        var arrived = mails.Should().ContainSingle(m => m.MessageId == record.MessageId).Subject;
        arrived.Subject.Should().Be("Convocatie Algemeen bestuur 2 maart 2027");
        arrived.From.Should().Equal(new MaildevAddress("adviesroute@example.org", "SamenDrenthe (AdviesRoute)"));
        arrived.To.Should().Equal(new MaildevAddress("anna.devries@example.org", "Anna de Vries"));

        using var source = new MemoryStream(await host.Maildev.SourceAsync(arrived.Id));
        var message = await MimeMessage.LoadAsync(source);
        message.MessageId.Should().Be($"{record.Id}@example.org");
        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.Body!.ContentType.MimeType.Should().Be("multipart/mixed");
        var parts = (Multipart)message.Body;
        parts[0].ContentType.MimeType.Should().Be("multipart/alternative");
        ((MultipartAlternative)parts[0]).Select(p => p.ContentType.MimeType).Should().Equal("text/plain", "text/html");
        message.TextBody!.ReplaceLineEndings("\n").Should().Be("""
            Beste Anna de Vries,

            Hierbij wordt u uitgenodigd voor de vergadering van Algemeen bestuur op dinsdag 2 maart 2027 om 19:30 in Provinciehuis, Assen.

            Agenda:
            1. Aanpassing tarieven – hamerstuk
            2. Begroting 2028 – bespreekstuk (stukken: Begroting 2028.pdf, Notitie personeel, vertrouwelijk)

            De openbare stukken zitten bij deze mail. Vertrouwelijke stukken gaan niet per mail.

            -- 
            Deze mail is automatisch verstuurd door SamenDrenthe (AdviesRoute). Hebt u een vraag, neem dan contact op met het bestuurssecretariaat (bestuurssecretariaat@samendrenthe.example.org).

            """);
        message.HtmlBody.Should().StartWith("<!DOCTYPE html><html lang=\"nl\">")
            .And.Contain(">SamenDrenthe (AdviesRoute)</p>")
            .And.Contain("<li style=\"margin-bottom:.25em\">Begroting 2028 – bespreekstuk <span style=\"color:#545454\">(stukken: Begroting 2028.pdf, Notitie personeel, vertrouwelijk)</span></li>")
            .And.Contain("Deze mail is automatisch verstuurd door SamenDrenthe (AdviesRoute).");
        var attachment = message.Attachments.Should().ContainSingle().Which.Should().BeAssignableTo<MimePart>().Subject;
        attachment.FileName.Should().Be("Begroting 2028.pdf");
        attachment.ContentType.MimeType.Should().Be("application/pdf");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        content.ToArray().Should().Equal(pdf.Content);

        var sent = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);
        sent.Single().Attempts.Should().Be(1);
        sent.Single().LastError.Should().BeNull();
        record.PayloadJson.Should().NotContain("%PDF", "the document travels by id, not in the outbox row");
    }

    [Fact]
    public async Task Mails_queued_while_the_smtp_server_is_down_arrive_once_each_after_it_comes_back()
    {
        await host.Maildev.StopAsync();
        var queued = new List<string>();
        var messageIds = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var record = await host.QueueAsync(MailHostFixture.SampleNotice($"Lid {i}", $"lid{i}.terug@example.org"));
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
    public async Task A_code_asked_for_while_the_smtp_server_is_down_is_stored_queued_and_delivered_when_it_is_back_and_then_opens()
    {
        await host.Maildev.StopAsync();
        const string memberId = "m064";
        var email = host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.FindMember(memberId)!.Email;
        var link = new MailLink
        {
            TokenHash = LinkTokens.Hash(LinkDocumentAccessTests.RandomToken()), InstanceId = "proef-" + Guid.NewGuid().ToString("N")[..8], ActivityId = "besluit", Round = 1,
            TargetKind = "zetel", TargetId = memberId, MemberId = memberId, MemberName = "Henk Bos", Email = email, Kind = "verzoekStem",
            CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14),
        };
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostDbContext>();
            db.MailLinks.Add(link);
            return await db.SaveChangesAsync();
        });

        // The code is stored and its mail queued in the outbox before the page would answer, though no server is up.
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConfidentialDocuments>().SendCodeAsync(link, CancellationToken.None))).Should().Be(CodeRequest.Sent);
        var row = (await host.QueuedAsync("mail.code.v1", link.InstanceId)).Should().ContainSingle().Subject;
        row.MessageId.Should().Be($"<{row.Id}@example.org>");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().SingleAsync(l => l.TokenHash == link.TokenHash)))
            .CodeHash.Should().NotBeNull("the code is stored before its mail is queued");
        var failed = await host.WaitForOutboxAsync([row.Id], m => m.Attempts >= 1, Delivery);
        failed.Single().SentAt.Should().BeNull();
        failed.Single().LastError.Should().NotBeNull();

        // The server comes back: the outbox job's retry delivers it, once, with its stored Message-Id.
        await host.Maildev.StartAsync();
        (await host.WaitForOutboxAsync([row.Id], m => m.SentAt is not null, AfterRetries)).Single().Attempts.Should().BeGreaterThanOrEqualTo(2);
        var arrived = (await host.Maildev.ListAsync()).Should().ContainSingle(m => m.MessageId == row.MessageId).Subject;
        arrived.Subject.Should().Be("Uw code voor de vertrouwelijke stukken");
        arrived.To.Should().Equal(new MaildevAddress(email, "Henk Bos"));
        using var source = new MemoryStream(await host.Maildev.SourceAsync(arrived.Id));
        var code = CodePattern().Match((await MimeMessage.LoadAsync(source)).TextBody ?? "").Groups[1].Value;
        code.Should().MatchRegex(@"^\d{6}$");
        row.PayloadJson.Should().NotContain(code, "the outbox row keeps the code encrypted");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConfidentialDocuments>().TryUnlockAsync(new DefaultHttpContext(), link, code, "Proef", CancellationToken.None)))
            .Should().Be(CodeCheck.Opened, "the mailed code is the stored one");
    }

    [Fact]
    public async Task With_an_smtp_server_configured_the_local_mailbox_does_not_exist()
    {
        using var admin = await host.SignInAsync();

        (await admin.GetAsync("/Mailbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync("/Mailbox/Message/20261123T100000000Z_abc@adviesroute")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();
}
