using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Workflows.Tests.Runtime;

[Collection(EngineCollection.Name)]
public sealed class RoutingTests : IAsyncLifetime
{
    private const string Route = """
    {
      "definitionId": "routering",
      "name": "Routering met beslissing, splitsing, timer en signalen",
      "variables": [ { "name": "advies" } ],
      "inputs": [ { "name": "spoed", "type": "boolean", "required": true } ],
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "spoed", "type": "Decision", "inputs": { "condition": "input.spoed === true" } },
          { "id": "splits", "type": "Fork", "inputs": { "branches": ["advies", "termijn"] } },
          { "id": "wachtAdvies", "type": "WaitForSignal", "inputs": { "signal": "advies", "resultVariable": "advies" } },
          { "id": "termijn", "type": "Timer", "inputs": { "after": "P2W" } },
          { "id": "samen", "type": "Join", "inputs": { "mode": "all" } },
          { "id": "uitkomst", "type": "Switch", "inputs": { "cases": [ { "name": "positief", "condition": "variables.advies && variables.advies.keuze === 'positief'" } ] } },
          { "id": "eindePositief", "type": "End", "inputs": { "result": "positief" } },
          { "id": "eindeNegatief", "type": "End", "inputs": { "result": "negatief" } },
          { "id": "wachtBesluit", "type": "WaitForSignal", "inputs": { "signal": "besluit" } },
          { "id": "eindeGewoon", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "spoed", "port": "In" } },
          { "source": { "activity": "spoed", "port": "True" }, "target": { "activity": "splits", "port": "In" } },
          { "source": { "activity": "spoed", "port": "False" }, "target": { "activity": "wachtBesluit", "port": "In" } },
          { "source": { "activity": "splits", "port": "advies" }, "target": { "activity": "wachtAdvies", "port": "In" } },
          { "source": { "activity": "splits", "port": "termijn" }, "target": { "activity": "termijn", "port": "In" } },
          { "source": { "activity": "wachtAdvies", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },
          { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "samen", "port": "In" } },
          { "source": { "activity": "samen", "port": "Done" }, "target": { "activity": "uitkomst", "port": "In" } },
          { "source": { "activity": "uitkomst", "port": "positief" }, "target": { "activity": "eindePositief", "port": "In" } },
          { "source": { "activity": "uitkomst", "port": "Default" }, "target": { "activity": "eindeNegatief", "port": "In" } },
          { "source": { "activity": "wachtBesluit", "port": "Done" }, "target": { "activity": "eindeGewoon", "port": "In" } }
        ]
      }
    }
    """;

    private EngineHost _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHost.StartAsync();
        await _engine.SaveAsync(Route);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData("positief", "eindePositief")]
    [InlineData("negatief", "eindeNegatief")]
    public async Task Urgent_route_waits_for_advice_and_period_then_ends_by_the_advice(string keuze, string expectedEnd)
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": true }"""), new Trigger("secretaris", Channel.Api));

        started.Status.Should().Be(WorkflowStatus.Suspended);
        started.Bookmarks.Select(b => b.ActivityId).Should().BeEquivalentTo(["wachtAdvies", "termijn"]);
        var advies = started.Bookmarks.Single(b => b.ActivityId == "wachtAdvies");
        var termijn = started.Bookmarks.Single(b => b.ActivityId == "termijn");
        termijn.DueAt.Should().Be(_engine.Clock.GetUtcNow().AddDays(14));

        var afterAdvice = await _engine.Runtime.ResumeAsync(started.InstanceId, advies.Id, new JsonObject { ["keuze"] = keuze }, new Trigger("lid", Channel.Link));
        afterAdvice.Status.Should().Be(WorkflowStatus.Suspended, "the Join still waits for the period");
        afterAdvice.Bookmarks.Should().ContainSingle(b => b.ActivityId == "termijn");

        _engine.Clock.Advance(TimeSpan.FromDays(14));
        (await EngineHost.EventuallyAsync(async () => (await _engine.InstanceAsync(started.InstanceId)).Status == nameof(WorkflowStatus.Finished)))
            .Should().BeTrue("the real Hangfire server fires the timer once the fake clock passed it");

        var instance = await _engine.InstanceAsync(started.InstanceId);
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, WorkflowJson.Options)!;
        state.EndActivityId.Should().Be(expectedEnd);
        state.Result!.GetValue<string>().Should().Be(keuze);
        (await _engine.BookmarksAsync(started.InstanceId)).Should().BeEmpty();
        var journal = await _engine.JournalAsync(started.InstanceId);
        journal.Where(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "samen").Should().ContainSingle();
        journal.Should().ContainSingle(j => j.Kind == JournalKinds.BookmarkResumed && j.Channel == "Timer" && j.ActivityId == "termijn");
        journal.Should().ContainSingle(j => j.Kind == JournalKinds.BookmarkResumed && j.Channel == "Link" && j.Actor == "lid");
        journal.Select(j => j.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Ordinary_route_ends_after_the_decision_signal()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": false }"""), new Trigger("secretaris", Channel.Api));
        started.Bookmarks.Should().ContainSingle(b => b.ActivityId == "wachtBesluit" && b.Name == "besluit");

        var done = await _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, null, new Trigger("secretaris", Channel.Api));

        done.Status.Should().Be(WorkflowStatus.Finished);
        var state = JsonSerializer.Deserialize<InstanceState>((await _engine.InstanceAsync(started.InstanceId)).StateJson, WorkflowJson.Options)!;
        state.EndActivityId.Should().Be("eindeGewoon");
    }

    [Fact]
    public async Task Start_without_required_input_is_refused_and_stores_nothing()
    {
        var act = () => _engine.Runtime.StartAsync("routering", [], new Trigger("secretaris", Channel.Api));

        await act.Should().ThrowAsync<WorkflowInputException>().WithMessage("*spoed*");
        (await _engine.WithDbAsync(db => Task.FromResult(db.Instances.Count()))).Should().Be(0);
    }

    [Fact]
    public async Task Resuming_a_consumed_bookmark_is_refused_and_changes_nothing()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": false }"""), new Trigger("secretaris", Channel.Api));
        await _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, null, new Trigger("secretaris", Channel.Api));
        var journalBefore = (await _engine.JournalAsync(started.InstanceId)).Count;

        var again = () => _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id, null, new Trigger("secretaris", Channel.Api));

        await again.Should().ThrowAsync<InstanceStateException>();
        (await _engine.JournalAsync(started.InstanceId)).Should().HaveCount(journalBefore);
    }

    [Fact]
    public async Task A_repeated_request_id_is_applied_once()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": true }"""), new Trigger("secretaris", Channel.Api));
        var advies = started.Bookmarks.Single(b => b.ActivityId == "wachtAdvies");
        var trigger = new Trigger("lid", Channel.Api, RequestId: "verzoek-1");

        var first = await _engine.Runtime.ResumeAsync(started.InstanceId, advies.Id, new JsonObject { ["keuze"] = "positief" }, trigger);
        var second = await _engine.Runtime.ResumeAsync(started.InstanceId, advies.Id, new JsonObject { ["keuze"] = "positief" }, trigger);

        first.AlreadyApplied.Should().BeFalse();
        second.AlreadyApplied.Should().BeTrue();
        (await _engine.JournalAsync(started.InstanceId)).Count(j => j.RequestId == "verzoek-1").Should().Be(1);
    }

    [Fact]
    public async Task Cancel_removes_bookmarks_and_timers()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": true }"""), new Trigger("secretaris", Channel.Api));

        var cancelled = await _engine.Runtime.CancelAsync(started.InstanceId, new Trigger("secretaris", Channel.Page), "ingetrokken");

        cancelled.Status.Should().Be(WorkflowStatus.Cancelled);
        (await _engine.BookmarksAsync(started.InstanceId)).Should().BeEmpty();
        (await _engine.WithDbAsync(db => Task.FromResult(db.Timers.Count(t => t.InstanceId == started.InstanceId)))).Should().Be(0);
        (await _engine.JournalAsync(started.InstanceId)).Should().ContainSingle(j => j.Kind == JournalKinds.InstanceCancelled && j.DataJson!.Contains("ingetrokken"));
    }

    [Fact]
    public async Task A_timer_bookmark_cannot_be_resumed_by_a_person_or_program_only_by_the_timer()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": true }"""), new Trigger("secretaris", Channel.Api));
        var timer = started.Bookmarks.Single(b => b.DueAt is not null);
        var journalBefore = (await _engine.JournalAsync(started.InstanceId)).Count;

        var early = () => _engine.Runtime.ResumeAsync(started.InstanceId, timer.Id, null, new Trigger("secretaris", Channel.Api));

        await early.Should().ThrowAsync<InstanceStateException>().WithMessage("*is een termijn*gaat vanzelf af*");
        (await _engine.JournalAsync(started.InstanceId)).Should().HaveCount(journalBefore);
        (await _engine.BookmarksAsync(started.InstanceId)).Should().Contain(b => b.Id == timer.Id);
    }

    [Fact]
    public async Task Amending_the_input_of_a_waiting_instance_keeps_it_waiting_and_journals_who_changed_what()
    {
        var started = await _engine.Runtime.StartAsync("routering", EngineHost.Json("""{ "spoed": true }"""), new Trigger("secretaris", Channel.Api));
        var bookmarksBefore = (await _engine.BookmarksAsync(started.InstanceId)).Select(b => b.Id).ToList();

        var amended = await _engine.Runtime.AmendInputAsync(started.InstanceId, input =>
        {
            input["bijlage"] = "advies.pdf";
            return new JsonObject { ["stuk"] = "advies.pdf" };
        }, new Trigger("secretaris", Channel.Page));

        amended.Status.Should().Be(WorkflowStatus.Suspended);
        (await _engine.BookmarksAsync(started.InstanceId)).Select(b => b.Id).Should().Equal(bookmarksBefore);
        var row = await _engine.WithDbAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == started.InstanceId));
        JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!.Input["bijlage"]!.GetValue<string>().Should().Be("advies.pdf");
        var line = (await _engine.JournalAsync(started.InstanceId)).Should().ContainSingle(j => j.Kind == JournalKinds.InputAmended).Subject;
        line.Actor.Should().Be("secretaris");
        line.Channel.Should().Be(nameof(Channel.Page));
        JsonNode.Parse(line.DataJson!)!["stuk"]!.GetValue<string>().Should().Be("advies.pdf");

        await _engine.Runtime.CancelAsync(started.InstanceId, new Trigger("secretaris", Channel.Page));
        var afterEnd = () => _engine.Runtime.AmendInputAsync(started.InstanceId, input => null, new Trigger("secretaris", Channel.Page));
        await afterEnd.Should().ThrowAsync<InstanceStateException>();
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection
{
    /// <summary>Engine tests share one collection: each starts a Hangfire server, and two at once only cost time.</summary>
    public const string Name = "Engine";
}
