using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Runtime;

/// <summary>
/// Two engines (two service providers, as two hosts) on one database file: the guard against a doubled resume is the
/// revision check and the journal's request ids in the database, not a lock in one process.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class TwoHostResumeTests
{
    /// <summary>A resume of "akkoord" passes the gate, writes an outbox message and then waits on "verder".</summary>
    private const string Gated = """
    {
      "definitionId": "poort",
      "name": "Akkoord door een poort",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "akkoord", "type": "WaitForSignal", "inputs": { "signal": "akkoord", "resultVariable": "akkoord" } },
          { "id": "poort", "type": "Test.Gate" },
          { "id": "melding", "type": "Test.Notify", "inputs": { "kind": "test-bericht" } },
          { "id": "verder", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "akkoord", "port": "In" } },
          { "source": { "activity": "akkoord", "port": "Done" }, "target": { "activity": "poort", "port": "In" } },
          { "source": { "activity": "poort", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
          { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "verder", "port": "In" } },
          { "source": { "activity": "verder", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task A_resume_that_another_host_committed_while_this_one_ran_it_answers_already_applied_and_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-twohosts-").FullName;
        var gate = new StepGate();
        await using var hostA = await EngineHost.StartAsync(folder);
        await using var hostB = await EngineHost.StartAsync(folder, s => s.AddSingleton(gate));
        await hostA.SaveAsync(Gated);
        var started = await hostA.Runtime.StartAsync("poort", null, new Trigger("test", Channel.Api));
        var akkoord = started.Bookmarks.Single();

        // B loads the instance and runs the step up to the gate: it holds the state from before A's commit.
        var onB = hostB.Runtime.ResumeAsync(started.InstanceId, akkoord.Id, EngineHost.Json("""{ "via": "B" }"""), new Trigger("lid", Channel.Api, RequestId: "akkoord-R"));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        onB.IsCompleted.Should().BeFalse();

        var onA = await hostA.Runtime.ResumeAsync(started.InstanceId, akkoord.Id, EngineHost.Json("""{ "via": "A" }"""), new Trigger("lid", Channel.Api, RequestId: "akkoord-R"));
        onA.AlreadyApplied.Should().BeFalse();
        var afterA = await hostA.InstanceAsync(started.InstanceId);
        var journalAfterA = await hostA.JournalAsync(started.InstanceId);

        // B goes on: its commit meets A's newer revision; run again, it finds its request id applied.
        gate.Open();
        var answerB = await onB.WaitAsync(TimeSpan.FromSeconds(30));

        answerB.AlreadyApplied.Should().BeTrue();
        answerB.InstanceId.Should().Be(started.InstanceId);
        answerB.Status.Should().Be(WorkflowStatus.Suspended);
        answerB.Bookmarks.Should().Equal(onA.Bookmarks, "B tells the state A left");
        answerB.Bookmarks.Should().ContainSingle().Which.ActivityId.Should().Be("verder");
        var stored = await hostB.InstanceAsync(started.InstanceId);
        stored.Revision.Should().Be(afterA.Revision);
        stored.StateJson.Should().Be(afterA.StateJson).And.Contain("\"via\":\"A\"").And.NotContain("\"via\":\"B\"");
        var journal = await hostB.JournalAsync(started.InstanceId);
        journal.Select(j => (j.Sequence, j.Kind, j.ActivityId, j.RequestId)).Should().Equal(journalAfterA.Select(j => (j.Sequence, j.Kind, j.ActivityId, j.RequestId)));
        journal.Where(j => j.RequestId == "akkoord-R").Should().ContainSingle().Which.Kind.Should().Be(JournalKinds.BookmarkResumed);
        (await hostB.WithDbAsync(db => db.Outbox.CountAsync(m => m.InstanceId == started.InstanceId))).Should().Be(1);
    }
}
