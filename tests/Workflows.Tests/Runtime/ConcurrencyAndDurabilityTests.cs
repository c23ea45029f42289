using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Tests.Shared;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using AdviesRoute.Workflows.Timers;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Runtime;

[Collection(EngineCollection.Name)]
public sealed class ConcurrencyAndDurabilityTests
{
    /// <summary>A Fork into <paramref name="branches"/> signal waits that meet in one Join; after it an outbox message.</summary>
    public static string WideJoin(int branches, string mode = "all") =>
        WideJoinDefinition.Json($"breed-{branches}-{mode}", branches, mode, """{ "id": "daarna", "type": "Test.Notify", "inputs": { "kind": "samengevoegd" } }""");

    [Fact]
    public async Task Fifty_simultaneous_resumes_into_a_fifty_branch_join_are_all_recorded_and_the_join_continues_once()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(WideJoin(50));
        var started = await engine.Runtime.StartAsync("breed-50-all", null, new Trigger("test", Channel.Api));
        started.Bookmarks.Should().HaveCount(50);

        using var gate = new ManualResetEventSlim();
        var resumes = started.Bookmarks.Select(b => Task.Run(async () =>
        {
            gate.Wait();
            return await engine.Runtime.ResumeAsync(started.InstanceId, b.Id, null, new Trigger("lid", Channel.Api, RequestId: b.Id));
        })).ToList();
        gate.Set();
        await Task.WhenAll(resumes);

        var journal = await engine.JournalAsync(started.InstanceId);
        journal.Count(j => j.Kind == JournalKinds.BookmarkResumed).Should().Be(50);
        journal.Where(j => j.Kind == JournalKinds.BookmarkResumed).Select(j => j.RequestId).Should().OnlyHaveUniqueItems();
        journal.Count(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "samen" && j.Outcome == "Done").Should().Be(1);
        (await engine.InstanceAsync(started.InstanceId)).Status.Should().Be(nameof(WorkflowStatus.Finished));
        (await engine.WithDbAsync(db => db.Outbox.CountAsync(m => m.InstanceId == started.InstanceId && m.Kind == "samengevoegd"))).Should().Be(1);
    }

    [Fact]
    public async Task A_join_on_any_continues_with_the_first_branch_and_cancels_the_others_with_their_timers()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(WideJoin(3, "any"));
        var started = await engine.Runtime.StartAsync("breed-3-any", null, new Trigger("test", Channel.Api));

        var done = await engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[1].Id, null, new Trigger("lid", Channel.Api));

        done.Status.Should().Be(WorkflowStatus.Finished);
        (await engine.BookmarksAsync(started.InstanceId)).Should().BeEmpty();
        (await engine.JournalAsync(started.InstanceId)).Count(j => j.Kind == JournalKinds.TokenCancelled).Should().Be(2);
    }

    private const string FlakyRoute = """
    {
      "definitionId": "wankel",
      "name": "Wankele stap",
      "variables": [ { "name": "fail", "default": true } ],
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "extern", "type": "Test.Flaky" },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "extern", "port": "In" } },
          { "source": { "activity": "extern", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task An_activity_that_throws_leaves_an_incident_and_retrying_it_continues_the_instance()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(FlakyRoute);

        var started = await engine.Runtime.StartAsync("wankel", null, new Trigger("test", Channel.Api));

        started.Status.Should().Be(WorkflowStatus.Faulted);
        var incident = await engine.WithDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == started.InstanceId));
        incident.ActivityId.Should().Be("extern");
        incident.Message.Should().Be("De externe dienst antwoordde niet.");
        incident.ResolvedAt.Should().BeNull();

        // Still failing: the retry leaves a new incident, the instance stays Faulted.
        var stillFailing = await engine.Runtime.RetryIncidentAsync(started.InstanceId, incident.Id, new Trigger("beheer", Channel.Api));
        stillFailing.Status.Should().Be(WorkflowStatus.Faulted);

        // Fix the cause (the variable), then retry the new incident.
        await engine.WithDbAsync(async db =>
        {
            var row = await db.Instances.SingleAsync(i => i.Id == started.InstanceId);
            var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
            state.Variables["fail"] = false;
            row.StateJson = JsonSerializer.Serialize(state, WorkflowJson.Options);
            row.Revision++;
            return await db.SaveChangesAsync();
        });
        var open = await engine.WithDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == started.InstanceId && i.ResolvedAt == null));
        var retried = await engine.Runtime.RetryIncidentAsync(started.InstanceId, open.Id, new Trigger("beheer", Channel.Api));

        retried.Status.Should().Be(WorkflowStatus.Suspended);
        retried.Bookmarks.Should().ContainSingle(b => b.ActivityId == "wacht");
        (await engine.WithDbAsync(db => db.Incidents.CountAsync(i => i.InstanceId == started.InstanceId && i.ResolvedAt == null))).Should().Be(0);
    }

    private const string TimerRoute = """
    {
      "definitionId": "termijn",
      "name": "Termijn",
      "root": {
        "activities": [
          { "id": "start", "type": "Start" },
          { "id": "termijn", "type": "Timer", "inputs": { "after": "P1D" } },
          { "id": "melding", "type": "Test.Notify", "inputs": { "kind": "verlopen" } },
          { "id": "wacht", "type": "WaitForSignal", "inputs": { "signal": "verder" } },
          { "id": "einde", "type": "End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "termijn", "port": "In" } },
          { "source": { "activity": "termijn", "port": "Done" }, "target": { "activity": "melding", "port": "In" } },
          { "source": { "activity": "melding", "port": "Done" }, "target": { "activity": "wacht", "port": "In" } },
          { "source": { "activity": "wacht", "port": "Done" }, "target": { "activity": "einde", "port": "In" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task A_timer_job_that_runs_twice_advances_the_instance_once()
    {
        await using var engine = await EngineHost.StartAsync(settings: new Dictionary<string, string?> { ["Workflows:TimerPollMilliseconds"] = "60000" });
        await engine.SaveAsync(TimerRoute);
        var started = await engine.Runtime.StartAsync("termijn", null, new Trigger("test", Channel.Api));
        var timerId = started.Bookmarks.Single().Id;
        engine.Clock.Advance(TimeSpan.FromDays(2));

        var jobs = engine.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<TimerFiringJob>(j => j.FireAsync(timerId));
        jobs.Enqueue<TimerFiringJob>(j => j.FireAsync(timerId));

        (await EngineHost.EventuallyAsync(async () => (await engine.JournalAsync(started.InstanceId)).Any(j => j.ActivityId == "wacht"))).Should().BeTrue();
        await EngineHost.EventuallyAsync(() => Task.FromResult(engine.Services.GetRequiredService<TimerSignal>().InFlight.IsEmpty), TimeSpan.FromSeconds(2));
        var journal = await engine.JournalAsync(started.InstanceId);
        journal.Count(j => j.Kind == JournalKinds.BookmarkResumed && j.ActivityId == "termijn").Should().Be(1);
        journal.Count(j => j.Kind == JournalKinds.ActivityStarted && j.ActivityId == "wacht").Should().Be(1);
        (await engine.WithDbAsync(db => db.Outbox.CountAsync(m => m.InstanceId == started.InstanceId))).Should().Be(1);
    }

    [Fact]
    public async Task A_timer_scheduled_before_a_restart_fires_after_it_with_in_memory_hangfire()
    {
        var folder = Directory.CreateTempSubdirectory("adviesroute-restart-").FullName;
        string instanceId;
        await using (var first = await EngineHost.StartAsync(folder))
        {
            await first.SaveAsync(TimerRoute);
            instanceId = (await first.Runtime.StartAsync("termijn", null, new Trigger("test", Channel.Api))).InstanceId;
        }

        await using var second = await EngineHost.StartAsync(folder);
        second.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        (await EngineHost.EventuallyAsync(async () => (await second.BookmarksAsync(instanceId)).Any(b => b.ActivityId == "wacht")))
            .Should().BeTrue("the rows are the truth; the new process's sweep finds the due timer");
        (await second.WithDbAsync(db => db.Timers.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_timer_does_not_fire_before_the_engine_clock_reaches_it()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.SaveAsync(TimerRoute);
        var started = await engine.Runtime.StartAsync("termijn", null, new Trigger("test", Channel.Api));

        engine.Clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(300); // several sweeps of 50 ms

        (await engine.BookmarksAsync(started.InstanceId)).Should().ContainSingle(b => b.ActivityId == "termijn");
        engine.Clock.Advance(TimeSpan.FromHours(1));
        (await EngineHost.EventuallyAsync(async () => (await engine.BookmarksAsync(started.InstanceId)).Any(b => b.ActivityId == "wacht"))).Should().BeTrue();
    }

    [Fact]
    public async Task After_a_hundred_pooled_uses_an_application_connection_reads_back_wal_and_synchronous_full()
    {
        await using var engine = await EngineHost.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await engine.WithDbAsync(db => db.Instances.CountAsync());
        }

        var (mode, synchronous) = await engine.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode";
                var m = (string)(await command.ExecuteScalarAsync())!;
                command.CommandText = "PRAGMA synchronous";
                var s = (long)(await command.ExecuteScalarAsync())!;
                return (m, s);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        mode.Should().Be("wal");
        synchronous.Should().Be(2, "2 is FULL");
        var readerSynchronous = engine.Services.GetRequiredService<ReaderPool>().Use(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)command.ExecuteScalar()!;
        });
        readerSynchronous.Should().Be(2);
    }
}
