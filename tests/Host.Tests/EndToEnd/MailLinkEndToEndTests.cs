using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Links;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.EndToEnd;

/// <summary>
/// A written DB decision from start to end through a real SMTP server (maildev): the request mails, the personal
/// links in them, a mail scanner that opens every link, the reminders on the engine's (moved) clock, and the round
/// that closes early once the majority is certain.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MailLinkEndToEndTests(MaildevHostFixture host, ITestOutputHelper output) : IClassFixture<MaildevHostFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static readonly string[] DbMembers =
    [
        "roos.zijlstra@assen.example.org", "sander.kamps@emmen.example.org", "tineke.uneken@hoogeveen.example.org",
        "vincent.meijer@meppel.example.org", "wilma.veenstra@tynaarlo.example.org",
    ];

    /// <summary>Start → Besluit (DB, in writing, two weeks, reminders 3 and 1 working days before the end) → End per port.</summary>
    internal static string WrittenDecisionWithReminders(string id) =>
        AdviesRoute.Tests.Shared.Governance.WrittenDecision.Definition(id, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P2W", "herinneringen": ["3", "1"] }""");

    [Fact]
    public async Task A_written_DB_vote_by_mail_links_reaches_a_majority_and_reminds_only_those_who_did_not_answer()
    {
        var elapsed = Stopwatch.StartNew();
        await host.Maildev.StartAsync();
        const string title = "Gemeenschappelijke inkoop jeugdzorg 2027";
        var definitionId = Support.Definitions.UniqueId("mail-e2e");
        await host.SaveAsync(WrittenDecisionWithReminders(definitionId));
        var started = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = title, ["samenvatting"] = "Samenvatting van " + title }, new Trigger("secretaris", Channel.Api)));
        var id = started.InstanceId;

        // Exactly five request mails, one per DB member, each with its own link.
        var requests = await ArrivedAsync(m => m.Subject == "Verzoek om uw stem: " + title, 5);
        await AllSentAsync(id, 5);
        requests.Select(m => m.Mail.To).Should().BeEquivalentTo(DbMembers);
        requests.Select(m => m.Mail.Link).Should().OnlyHaveUniqueItems().And.OnlyContain(l => l.Length > 0);
        (await host.Maildev.ListAsync()).Should().HaveCount(5, "only the five request mails were sent");
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: five request mails arrived");

        // A mail scanner opens every link before anyone votes: the journal and the state stay as they were.
        var journalBefore = await JournalAsync(id);
        var recordBefore = await InstanceAsync(id);
        foreach (var (_, mail) in requests)
        {
            using var scanner = host.Anonymous();
            using var response = await scanner.GetAsync(mail.Path);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Contain("value=\"voor\"");
        }

        (await JournalAsync(id)).Select(j => (j.Sequence, j.Kind)).Should().Equal(journalBefore.Select(j => (j.Sequence, j.Kind)), "a GET never changes anything");
        var recordAfterScan = await InstanceAsync(id);
        recordAfterScan.UpdatedAt.Should().Be(recordBefore.UpdatedAt);
        JsonSerializer.Serialize(recordAfterScan).Should().Be(JsonSerializer.Serialize(recordBefore));

        // One member votes for.
        var byAddress = requests.ToDictionary(m => m.Mail.To, m => m.Mail);
        await VoteAsync(byAddress[DbMembers[0]]);

        // The clock moves to just after the first reminder (three working days before the end): the four others get one.
        var state = await InstanceAsync(id);
        var reminders = state.AllBookmarks().Where(b => b.Name == VotingActivity.ReminderBookmark).OrderBy(b => b.DueAt).ToList();
        reminders.Should().HaveCount(2);
        reminders[0].Payload!["werkdagen"]!.GetValue<int>().Should().Be(3);
        var deadline = state.AllBookmarks().Single(b => b.Name == VotingActivity.DeadlineBookmark).DueAt!.Value;
        reminders.Select(b => b.DueAt!.Value).Should().OnlyContain(at => at < deadline);
        MoveClockTo(reminders[0].DueAt!.Value + TimeSpan.FromMinutes(1));

        var reminded = await ArrivedAsync(m => m.Subject == "Herinnering: " + title, 4);
        await AllSentAsync(id, 9);
        reminded.Select(m => m.Mail.To).Should().BeEquivalentTo(DbMembers.Skip(1), "only those who did not answer are reminded");
        foreach (var (_, mail) in reminded)
        {
            mail.Text.Should().Contain("Wij hebben uw reactie op ‘" + title + "’ nog niet ontvangen.");
            mail.Link.Should().Be(byAddress[mail.To].Link, "the reminder carries the member's own link of this round");
        }

        (await JournalAsync(id)).Should().ContainSingle(j => j.Kind == "herinnering").Which.Data!["aantal"]!.GetValue<int>().Should().Be(4);
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: four reminders arrived");

        // Two more vote for: three of five, the majority is certain and the instance finishes.
        await VoteAsync(byAddress[DbMembers[1]]);
        await VoteAsync(byAddress[DbMembers[2]]);
        var finished = await InstanceAsync(id);
        finished.Status.Should().Be(WorkflowStatus.Finished);
        finished.Result!.GetValue<string>().Should().Be("vastgesteld");
        finished.ActivityStates["besluit"]["uitslag"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        (await JournalAsync(id)).Where(j => j.Kind == "stem").Should().HaveCount(3).And.OnlyContain(j => j.Channel == Channel.Link && j.Outcome == "voor");
        (await TimersAsync(id)).Should().Be(0, "the closed round cancels its second reminder and its deadline");

        // The two who did not vote find the round closed.
        foreach (var address in DbMembers.Skip(3))
        {
            using var member = host.Anonymous();
            var page = WebUtility.HtmlDecode(await member.GetStringAsync(byAddress[address].Path));
            page.Should().Contain("Deze ronde is gesloten.").And.NotContain("value=\"voor\"");
        }

        // Past the second reminder and the deadline: nothing is due for the instance, and no mail follows.
        MoveClockTo(deadline + TimeSpan.FromDays(1));
        await WaitUntilAsync(async () => await TimersAsync(id) == 0, "no timer of the instance is left to fire");
        await AllSentAsync(id, 9);
        (await host.OutboxRowsAsync()).Count(m => m.InstanceId == id)
            .Should().Be(9, "five requests and four reminders; nothing after the round closed");
        (await JournalAsync(id)).Count(j => j.Kind == "herinnering").Should().Be(1);

        var all = await host.Maildev.ListAsync();
        all.Should().HaveCount(9);
        all.Select(m => m.MessageId).Should().OnlyHaveUniqueItems().And.NotContainNulls();
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: done");
    }

    private async Task VoteAsync(LinkMail mail)
    {
        using var member = host.Anonymous();
        var (response, page, _) = await mail.ChooseAsync(member, "voor", "Akkoord.");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().Contain("Uw keuze is vastgelegd.");
    }

    /// <summary>Moves the engine's clock forward to <paramref name="to"/> and wakes the timer sweep.</summary>
    private void MoveClockTo(DateTimeOffset to)
    {
        var clock = host.Services.GetRequiredService<OffsetTimeProvider>();
        var by = to - clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            clock.Advance(by);
        }

        host.Services.GetRequiredService<TimerSignal>().Notify();
    }

    /// <summary>
    /// The mails in maildev that match, as a member reads them (parsed from the raw source), once there are at least
    /// <paramref name="count"/>; a bounded real-time wait.
    /// </summary>
    private async Task<List<(MaildevMail Raw, LinkMail Mail)>> ArrivedAsync(Func<MaildevMail, bool> where, int count)
    {
        var mails = await host.Maildev.WaitForAsync(m => m.Count(where) >= count, Within);
        var matching = mails.Where(where).ToList();
        matching.Should().HaveCount(count, "maildev should hold exactly {0} such mails (it holds: {1})", count, string.Join(", ", mails.Select(m => m.Subject + " → " + m.To.FirstOrDefault()?.Address)));
        var parsed = new List<(MaildevMail, LinkMail)>();
        foreach (var raw in matching)
        {
            using var source = new MemoryStream(await host.Maildev.SourceAsync(raw.Id));
            parsed.Add((raw, LinkMail.From(await MimeMessage.LoadAsync(source))));
        }

        return parsed;
    }

    /// <summary>Waits until the instance's outbox holds <paramref name="count"/> messages, all marked sent.</summary>
    private async Task AllSentAsync(string instanceId, int count)
    {
        await WaitUntilAsync(
            async () =>
            {
                var rows = (await host.OutboxRowsAsync()).Where(m => m.InstanceId == instanceId).ToList();
                return rows.Count == count && rows.All(m => m.SentAt is not null);
            },
            $"the outbox of the instance holds {count} messages, all sent");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string because)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Within)
            {
                (await condition()).Should().BeTrue(because);
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The instance's rows in the engine's timer table: the read API shows what an instance waits on, not whether a
    /// timer row was left behind, so this asks the database on a connection of its own.
    /// </summary>
    private async Task<long> TimersAsync(string instanceId)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Timers\" WHERE \"InstanceId\" = $instance";
        count.Parameters.AddWithValue("$instance", instanceId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(instanceId));

    private async Task<InstanceView> InstanceAsync(string instanceId) => (await host.WithScopeAsync(sp =>
        sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(instanceId)))!;
}
