using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Governance.Answers;

/// <summary>A meeting's outcome is recorded on or after the meeting's day: a decision outside a meeting is a written round.</summary>
public sealed class MeetingOutcomeTests
{
    [Fact]
    public async Task An_outcome_before_the_meeting_is_refused_and_stores_nothing_and_on_the_day_it_is_recorded()
    {
        var today = new DateOnly(2026, 11, 10);
        await using var engine = await GovernanceEngine.StartAsync(today);
        await engine.Host.SaveAsync(WrittenDecision.Definition("db-vergadering", """{ "orgaan": "db", "wijze": "vergadering" }"""));
        var id = (await engine.StartAsync("db-vergadering", new { titel = "Inkoopbeleid 2027" })).InstanceId;
        var meeting = (await engine.WaitingAsync(id)).Single(w => w.Bookmark.Name == "Vergadering").Bookmark;
        var day = DateOnly.ParseExact(meeting.Payload!["vergadering"]!["datum"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        day.Should().BeAfter(today);
        var journal = (await engine.JournalAsync(id)).Count;

        var early = () => engine.Runtime.ResumeAsync(id, meeting.Id, System.Text.Json.Nodes.JsonNode.Parse("""{ "uitkomst": "vastgesteld" }"""), new Trigger("secretaris", Channel.Page));
        (await early.Should().ThrowAsync<ResumeRejectedException>()).Which.Message.Should()
            .StartWith($"De vergadering van {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} is nog niet geweest")
            .And.Contain("schriftelijk");
        (await engine.JournalAsync(id)).Should().HaveCount(journal, "a refused outcome stores nothing");
        (await engine.WaitingAtAsync(id)).Should().Equal("besluit");

        await engine.MoveToAsync(day, 20);
        await engine.Runtime.ResumeAsync(id, meeting.Id, System.Text.Json.Nodes.JsonNode.Parse("""{ "uitkomst": "vastgesteld" }"""), new Trigger("secretaris", Channel.Page));
        (await engine.StatusAsync(id)).Should().Be(WorkflowStatus.Finished);
    }
}
