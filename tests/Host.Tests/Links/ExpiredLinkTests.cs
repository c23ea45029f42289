using System.Net;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Testing;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

using AdviesRoute.Tests.Shared.Governance;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A link whose step's deadline has passed says so, names whom to contact, and records nothing.</summary>
public sealed class ExpiredLinkTests(HostFixture host) : IClassFixture<HostFixture>
{
    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, params string[] kinds) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetJournalAsync(instanceId, kinds.Length == 0 ? null : kinds));

    [Fact]
    public async Task An_expired_link_says_so_and_whom_to_contact_and_records_nothing()
    {
        var definitionId = Definitions.UniqueId("verlopen");
        await host.SaveAsync(WrittenDecision.Definition(definitionId, """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P1W", "herinneringen": [] }"""));
        var id = (await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Verlopen verzoek" }, new Trigger("secretaris", Channel.Api)))).InstanceId;
        var mails = await LinkMail.InFolderAsync(host.MailFolder, 5, m => m.Subject.EndsWith("Verlopen verzoek", StringComparison.Ordinal));
        using var client = host.Anonymous();
        var open = await client.GetStringAsync(mails[0].Path);

        // Past the deadline (a week, moved to the next working day when it ends on a weekend or holiday), the deadline
        // timer has closed the round.
        var instance = await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowReader>().GetInstanceAsync(id));
        var due = instance!.AllBookmarks().Single(b => b.Name == AdviesRoute.Activities.Governance.Activities.VotingActivity.DeadlineBookmark).DueAt!.Value;
        var clock = host.Services.GetRequiredService<OffsetTimeProvider>();
        clock.Advance(due - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        host.Services.GetRequiredService<TimerSignal>().Notify();
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await JournalAsync(id, "uitslag")).Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        // No one chose: no quorum, so the item went to the DB's meeting, and the written round is over.
        (await JournalAsync(id, "uitslag")).Should().ContainSingle().Which
            .Outcome.Should().Be("GeenQuorum");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(mails[0].Path));
        page.Should().Contain("De termijn van dit verzoek is verlopen.").And.Contain("Neem voor vragen contact op met het bestuurssecretariaat")
            .And.NotContain("value=\"voor\"");
        var journalBefore = (await JournalAsync(id)).Count;
        using var post = await client.PostAsync(mails[0].Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(open),
            ["formulier"] = new string('c', 32),
            ["keuze"] = "voor",
        }));
        WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()).Should().Contain("De termijn van dit verzoek is verlopen.");
        (await JournalAsync(id)).Should().HaveCount(journalBefore);
    }
}
