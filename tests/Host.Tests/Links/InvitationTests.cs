using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Proposals.Meetings;
using AdviesRoute.Host.Tests.Mail;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>
/// One calendar invitation per meeting and member (ADR 24): items scheduled before the convocation send the members
/// nothing; the convocation carries one .ics with every item; an item added later updates that same invitation. The
/// browser and maildev version of this is <see cref="Proposals.ConvocationBrowserTests"/>.
/// </summary>
public sealed class InvitationTests(MailHostFixture host) : IClassFixture<MailHostFixture>
{
    [Fact]
    public async Task Items_before_the_convocation_send_nothing_the_convocation_holds_one_invitation_and_a_later_item_updates_it_once()
    {
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(NearMeetings(host.Today, ("db", 20, "10:00")), "test"));
        var first = await ToDbAsync("Regionaal preventieplan");
        var second = await ToDbAsync("Aanpassing tarieven");
        await DeliveredAsync(first, second);
        var governance = host.Services.GetRequiredService<Activities.Governance.Directory.IGovernanceDirectory>().Current;
        var meeting = governance.Calendar.Meetings.Single(m => m.Id == "db-proef");
        var members = governance.Model.MembersOf("db", meeting.Date).Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Mails().Where(m => m.To.Mailboxes.Any(a => members.Contains(a.Address))).Should().BeEmpty("no member gets a mail per item before the convocation");

        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().SendAsync(meeting, "secretaris@example.org", CancellationToken.None))).Should().Be(5);
        var convocations = await WaitForAsync(() => Mails().Where(m => (m.Subject ?? "").StartsWith("Convocatie Dagelijks bestuur", StringComparison.Ordinal)).ToList(), 5);
        convocations.Should().HaveCount(5);
        convocations.Select(m => m.To.Mailboxes.Single().Address).Should().OnlyHaveUniqueItems();
        foreach (var mail in convocations)
        {
            var invitation = await InvitationAsync(mail);
            invitation.Uid.Should().Be("db-proef@adviesroute");
            invitation.Sequence.Should().Be(0);
            invitation.Description.Should().Contain("Regionaal preventieplan").And.Contain("Aanpassing tarieven");
            invitation.Attendees.Should().ContainSingle().Which.Value!.ToString().Should().Be("mailto:" + mail.To.Mailboxes.Single().Address);
        }

        // A third item after the convocation: every member gets the same event again, one SEQUENCE higher, with all three.
        var third = await ToDbAsync("Huisvesting archief");
        await DeliveredAsync(third);
        var updates = await WaitForAsync(() => Mails().Where(m => (m.Subject ?? "").StartsWith("Aanvulling agenda Dagelijks bestuur", StringComparison.Ordinal)).ToList(), 5);
        updates.Should().HaveCount(5);
        foreach (var mail in updates)
        {
            mail.TextBody.Should().Contain("is toegevoegd: ‘Huisvesting archief’");
            var invitation = await InvitationAsync(mail);
            invitation.Uid.Should().Be("db-proef@adviesroute");
            invitation.Sequence.Should().Be(1);
            invitation.Description.Should().Contain("Regionaal preventieplan").And.Contain("Aanpassing tarieven").And.Contain("Huisvesting archief");
        }

        // The same notice again (a retried delivery) queues nothing new; an item the invitation holds sends nothing.
        var queued = (await host.OutboxRowsAsync()).Count(r => r.Kind == ConvocationMail.Kind);
        await host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().ItemAddedAsync("db-proef", third, CancellationToken.None));
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().ItemAddedAsync("db-proef", first, CancellationToken.None))).Should().Be(0);
        (await host.OutboxRowsAsync()).Count(r => r.Kind == ConvocationMail.Kind).Should().Be(queued);
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().InvitationAsync("db-proef", CancellationToken.None)))!.Sequence.Should().Be(1);
    }

    [Fact]
    public async Task The_convocation_page_answers_an_unknown_meeting_with_404_and_sends_nothing_for_a_meeting_without_items()
    {
        using var secretary = await host.SignInAsync();
        (await secretary.GetAsync("/Vergaderingen/bestaat-niet/Convocatie")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        // A DB meeting of next year has no items: the page says so and a post (even confirmed) sends nothing.
        var empty = host.Services.GetRequiredService<Activities.Governance.Directory.IGovernanceDirectory>().Current.Calendar.Meetings
            .First(m => m.Body == "ab" && m.Date > host.Today.AddDays(60));
        var path = $"/Vergaderingen/{empty.Id}/Convocatie";
        var page = System.Net.WebUtility.HtmlDecode(await secretary.GetStringAsync(path));
        page.Should().Contain("Er staan nog geen voorstellen op deze vergadering: er is nog niets te versturen.").And.NotContain("Convocatie versturen");
        var before = (await host.OutboxRowsAsync()).Count(r => r.Kind == ConvocationMail.Kind);
        using var posted = await secretary.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HostFixture.AntiforgeryToken(page), ["zeker"] = "ja",
        }));
        posted.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
        System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()).Should().Contain("Er staan nog geen voorstellen op deze vergadering. Er is niets verstuurd.");
        (await host.OutboxRowsAsync()).Count(r => r.Kind == ConvocationMail.Kind).Should().Be(before);
        (await host.WithScopeAsync(sp => sp.GetRequiredService<ConvocationSender>().InvitationAsync(empty.Id, CancellationToken.None))).Should().BeNull();
    }

    private async Task<string> ToDbAsync(string title)
    {
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var input = new JsonObject { ["titel"] = title, ["pijler"] = "PubliekeGezondheid", ["soort"] = "viermaandsrapportage" };
        var started = await runtime.StartAsync("voorstel", input, new Trigger("test", Channel.Api));
        var atDb = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks.Single().Id, new JsonObject { ["uitkomst"] = "gereed" }, new Trigger("test", Channel.Api));
        atDb.Bookmarks.Should().Contain(b => b.Name == "Vergadering");
        return started.InstanceId;
    }

    /// <summary>Waits until every outbox message of these proposals (their agendering notices) was handled.</summary>
    private async Task DeliveredAsync(params string[] instanceIds)
    {
        var ids = (await host.OutboxRowsAsync()).Where(r => r.InstanceId is not null && instanceIds.Contains(r.InstanceId)).Select(r => r.Id).ToList();
        ids.Should().NotBeEmpty("scheduling on the DB writes an agendering notice");
        var rows = await host.WaitForOutboxAsync(ids, r => r.SentAt is not null, TimeSpan.FromSeconds(30));
        rows.Should().OnlyContain(r => r.SentAt != null && r.LastError == null);
    }

    private static async Task<CalendarEvent> InvitationAsync(MimeMessage mail)
    {
        var ics = mail.Attachments.OfType<MimePart>().Should().ContainSingle(a => a.ContentType.MimeType == "text/calendar").Subject;
        ics.FileName.Should().Be("uitnodiging.ics");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        calendar.Method.Should().Be("REQUEST");
        return calendar.Events.Should().ContainSingle().Subject;
    }

    private List<MimeMessage> Mails() => Directory.Exists(host.PickupFolder)
        ? Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
        : [];

    private static async Task<List<T>> WaitForAsync<T>(Func<List<T>> read, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var found = read();
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            found = read();
        }

        return found;
    }
}
