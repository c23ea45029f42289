using AdviesRoute.Host.Mail;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>A mail server that refuses an address for good (5xx on RCPT TO): recorded once, never retried.</summary>
public sealed class RecipientRefusalTests(RefusingSmtpHostFixture host) : IClassFixture<RefusingSmtpHostFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_recipient_refused_for_good_is_reported_to_the_observers_and_the_mail_is_not_retried()
    {
        var record = await host.QueueMailAsync(MailHostFixture.SampleMail("Verzoek om advies: Nota reserves",
            new MailAddress("Onbekende", RefusingSmtpHostFixture.UnknownAddress)));

        var handled = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);

        handled.Single().Attempts.Should().Be(1, "a refused address stays refused: no retry");
        handled.Single().LastError.Should().BeNull();
        var refusal = host.Observer.Refused.Should().ContainSingle(r => r.Message.Id == record.Id).Subject;
        refusal.Refusal.Email.Should().Be(RefusingSmtpHostFixture.UnknownAddress);
        refusal.Refusal.Reason.Should().Be("550 5.1.1 user unknown");
        refusal.Mail.Subject.Should().Be("Verzoek om advies: Nota reserves");
        host.Observer.Delivered.Should().NotContain(d => d.Message.Id == record.Id);
        host.Smtp.Recipients.Where(r => r == RefusingSmtpHostFixture.UnknownAddress).Should().ContainSingle();
        host.Logs.Entries.Should().Contain(e => e.Message.Contains(record.MessageId) && e.Message.Contains("Not retried"));
    }

    [Fact]
    public async Task A_mail_to_a_refused_and_an_accepted_address_reaches_the_accepted_one_and_counts_as_delivered()
    {
        var record = await host.QueueMailAsync(MailHostFixture.SampleMail("Verzoek om uw stem: Jaarrekening 2026",
            new MailAddress("Onbekende", RefusingSmtpHostFixture.UnknownAddress), new MailAddress("Bert Jansen", "bert.jansen@example.org")));

        var handled = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);

        handled.Single().Attempts.Should().Be(1);
        host.Observer.Delivered.Should().ContainSingle(d => d.Message.Id == record.Id);
        host.Observer.Refused.Should().NotContain(r => r.Message.Id == record.Id);
        host.Smtp.Messages.Should().ContainSingle(m => m.Contains($"Message-Id: {record.MessageId}", StringComparison.OrdinalIgnoreCase));
        host.Logs.Entries.Should().Contain(e => e.Message.Contains(record.MessageId) && e.Message.Contains(RefusingSmtpHostFixture.UnknownAddress + ": 550 5.1.1 user unknown"));
    }
}
