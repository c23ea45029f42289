using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>A mail about an item on a meeting carries the meeting as a calendar invitation.</summary>
public sealed class InvitationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task Scheduling_an_item_mails_the_members_an_ics_invitation_for_the_meeting()
    {
        // The only DB meeting on the calendar: 30 days from today at 10:00.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime).AddDays(30);
        var calendar = CalendarJson(k =>
        {
            var meetings = k["meetings"]!.AsArray();
            foreach (var db in meetings.Where(m => m!["body"]!.GetValue<string>() == "db").ToList())
            {
                meetings.Remove(db);
            }

            meetings.Add(new JsonObject { ["id"] = "db-proef", ["body"] = "db", ["date"] = day.ToString("yyyy-MM-dd"), ["time"] = "10:00", ["place"] = "Kantoor SamenDrenthe, Assen" });
        });
        await host.WithScopeAsync(sp => sp.GetRequiredService<GovernanceStore>().ReplaceCalendarAsync(calendar, "test"));
        var definitionId = Definitions.UniqueId("uitnodiging");
        await host.SaveAsync($$"""
            {
              "definitionId": "{{definitionId}}",
              "name": "Uitnodiging",
              "root": {
                "type": "Flowchart",
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "agenderen", "type": "Agenderen", "inputs": { "orgaan": "db", "uitnodigen": true, "agendadeel": "Publieke Gezondheid" } },
                  { "id": "einde", "type": "End" }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "agenderen", "port": "In" } },
                  { "source": { "activity": "agenderen", "port": "geagendeerd" }, "target": { "activity": "einde", "port": "In" } }
                ]
              }
            }
            """);
        await host.WithScopeAsync(sp => sp.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new JsonObject { ["titel"] = "Regionaal preventieplan" }, new Trigger("secretaris", Channel.Api)));

        var files = await WaitForAsync(() => Directory.Exists(host.MailFolder)
            ? Directory.GetFiles(host.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.Subject ?? "").StartsWith("Geagendeerd: Regionaal preventieplan", StringComparison.Ordinal)).ToList()
            : [], 5);
        files.Select(m => m.To.Mailboxes.Single().Address).Should().Contain("roos.zijlstra@assen.example.org").And.HaveCount(5);
        var roos = files.Single(m => m.To.Mailboxes.Single().Address == "roos.zijlstra@assen.example.org");
        roos.TextBody.Should().Contain("staat op de agenda van de vergadering van Dagelijks bestuur").And.Contain("om 10:00 in Kantoor SamenDrenthe, Assen")
            .And.Contain("Agendadeel: Publieke Gezondheid");
        var ics = roos.Attachments.OfType<MimePart>().Should().ContainSingle(a => a.FileName == "uitnodiging.ics").Subject;
        ics.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var text = System.Text.Encoding.UTF8.GetString(content.ToArray());
        text.Should().Contain("METHOD:REQUEST").And.Contain("BEGIN:DAYLIGHT");
        var invitation = Calendar.Load(text)!.Events.Should().ContainSingle().Subject;
        invitation.Uid.Should().Be("db-proef@adviesroute");
        invitation.Start!.TzId.Should().Be("Europe/Amsterdam");
        invitation.Start.Value.Should().Be(day.ToDateTime(new TimeOnly(10, 0)));
        invitation.Attendees.Should().ContainSingle().Which.Value!.ToString().Should().Be("mailto:roos.zijlstra@assen.example.org");
        invitation.Description.Should().Be("Op de agenda: Regionaal preventieplan (agendadeel Publieke Gezondheid)");
    }

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
