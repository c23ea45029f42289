using AdviesRoute.Host.Data;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>A mail server that refuses an address for good (5xx on RCPT TO): logged once, never retried.</summary>
public sealed class RecipientRefusalTests(RefusingSmtpHostFixture host) : IClassFixture<RefusingSmtpHostFixture>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_recipient_refused_for_good_is_logged_and_the_mail_is_not_retried()
    {
        var triedBefore = host.Smtp.Recipients.Count(r => r == RefusingSmtpHostFixture.UnknownAddress);
        var record = await host.QueueAsync(MailHostFixture.SampleNotice("Onbekende", RefusingSmtpHostFixture.UnknownAddress));

        var handled = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);

        handled.Single().Attempts.Should().Be(1, "a refused address stays refused: no retry");
        handled.Single().LastError.Should().BeNull();
        host.Smtp.Recipients.Count(r => r == RefusingSmtpHostFixture.UnknownAddress).Should().Be(triedBefore + 1, "the address is tried once");
        host.Logs.Entries.Should().ContainSingle(e => e.Message.Contains(record.MessageId) && e.Message.Contains("Not retried"))
            .Which.Message.Should().Contain("550 5.1.1 user unknown");
    }

    [Fact]
    public async Task A_mail_to_a_refused_and_an_accepted_address_reaches_the_accepted_one_and_counts_as_delivered()
    {
        await host.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<HostUser>>();
            foreach (var (email, name) in new[] { (RefusingSmtpHostFixture.UnknownAddress, "Onbekende"), ("bert.jansen@example.org", "Bert Jansen") })
            {
                var user = new HostUser { UserName = email, Email = email, DisplayName = name };
                (await users.CreateAsync(user, "Proef-Wachtwoord-2026!")).Succeeded.Should().BeTrue();
                (await users.AddToRoleAsync(user, Roles.Secretary)).Succeeded.Should().BeTrue();
            }

            return true;
        });
        var record = await host.QueueAsync(new SecretariatNotice("Let op: Jaarrekening 2026", ["De jaarrekening wacht op u."]));

        var handled = await host.WaitForOutboxAsync([record.Id], m => m.SentAt is not null, Delivery);

        handled.Single().Attempts.Should().Be(1);
        handled.Single().LastError.Should().BeNull();
        host.Smtp.Messages.Should().ContainSingle(m => m.Contains($"Message-Id: {record.MessageId}", StringComparison.OrdinalIgnoreCase))
            .Which.Should().Contain("<onbekend@example.org>").And.Contain("<bert.jansen@example.org>");
        host.Logs.Entries.Should().Contain(e => e.Message.Contains(record.MessageId) && e.Message.Contains(RefusingSmtpHostFixture.UnknownAddress + ": 550 5.1.1 user unknown"));
        host.Logs.Entries.Should().Contain(e => e.Message.Contains(record.MessageId) && e.Message.Contains("delivered to") && e.Message.Contains("bert.jansen@example.org"));
    }
}
