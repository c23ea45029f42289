using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Tests.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>
/// The one-time code limits on PostgreSQL, as several hosts use them: each code and each try is taken by a conditional
/// UPDATE, so requests in parallel (each with its own database connection) cannot share a count.
/// </summary>
public sealed partial class PostgresCodeLimitTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task On_postgresql_a_link_gets_three_codes_an_hour_and_thirty_parallel_wrong_tries_take_no_more_than_ten()
    {
        // A member of the governance model at the address it holds now: codes go to no other address.
        const string memberId = "m064";
        var email = host.Services.GetRequiredService<IGovernanceDirectory>().Current.Model.FindMember(memberId)!.Email;
        var instanceId = "proef-" + Guid.NewGuid().ToString("N")[..8];
        var link = new MailLink
        {
            TokenHash = LinkTokens.Hash(LinkDocumentAccessTests.RandomToken()), InstanceId = instanceId, ActivityId = "besluit", Round = 1,
            TargetKind = "zetel", TargetId = memberId, MemberId = memberId, MemberName = "Proef Lid", Email = email, Kind = "verzoekStem",
            CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14),
        };
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HostDbContext>();
            db.MailLinks.Add(link);
            return await db.SaveChangesAsync();
        });

        var requests = new List<CodeRequest>();
        for (var i = 0; i < 4; i++)
        {
            requests.Add(await host.WithScopeAsync(sp => sp.GetRequiredService<ConfidentialDocuments>().SendCodeAsync(link, CancellationToken.None)));
        }

        requests.Should().Equal(CodeRequest.Sent, CodeRequest.Sent, CodeRequest.Sent, CodeRequest.HourLimit);
        var stored = await StoredAsync(link.TokenHash);
        stored.CodesSent.Should().Be(3);
        var code = (await CodesToAsync(email, 3)).Should().HaveCount(3).And.ContainSingle(c => Hash(link.TokenHash, c) == stored.CodeHash).Subject;
        var wrong = code == "000000" ? "111111" : "000000";

        var checks = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => host.WithScopeAsync(sp =>
            sp.GetRequiredService<ConfidentialDocuments>().TryUnlockAsync(new DefaultHttpContext(), link, wrong, "Proef", CancellationToken.None)))));

        checks.Should().NotContain(CodeCheck.Opened);
        stored = await StoredAsync(link.TokenHash);
        stored.CodeAttempts.Should().Be(10);
        stored.LockedAt.Should().NotBeNull();
        host.Logs.Entries.Count(e => e.Message.Contains($" of {instanceId} ", StringComparison.Ordinal) && e.Message.Contains("locked after", StringComparison.Ordinal))
            .Should().Be(1, "one lock, told once");
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConfidentialDocuments>().TryUnlockAsync(new DefaultHttpContext(), link, code, "Proef", CancellationToken.None)))
            .Should().Be(CodeCheck.Locked);
    }

    private Task<MailLink> StoredAsync(string hash) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<HostDbContext>().MailLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash));

    /// <summary>The codes mailed to an address, once <paramref name="count"/> have arrived (the outbox delivers them just after they are asked for).</summary>
    private async Task<List<string>> CodesToAsync(string email, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var codes = (Directory.Exists(host.MailFolder) ? Directory.GetFiles(host.MailFolder, "*.eml") : []).Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email))
                .Select(m => CodePattern().Match(m.TextBody ?? "").Groups[1].Value).ToList();
            if (codes.Count >= count || DateTime.UtcNow > deadline)
            {
                return codes;
            }

            await Task.Delay(50);
        }
    }

    private static string Hash(string tokenHash, string code) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tokenHash + ":" + code)));

    [GeneratedRegex(@"is: (\d{6})")]
    private static partial Regex CodePattern();
}
