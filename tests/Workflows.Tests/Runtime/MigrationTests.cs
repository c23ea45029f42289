using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Tests.Runtime;

/// <summary>Running instances move to a newer version of their definition only when asked, and only where they can be mapped.</summary>
[Collection(EngineCollection.Name)]
public sealed class MigrationTests : IAsyncLifetime
{
    /// <summary>v1: wait for "advies", then end.</summary>
    private const string V1 = """
    { "definitionId": "verhuizing", "name": "Verhuizing",
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "advies", "type": "WaitForSignal", "inputs": { "signal": "advies" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "advies", "port": "In" } },
          { "source": { "activity": "advies", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    /// <summary>v2: a new step "terugkoppeling" after "advies".</summary>
    private const string V2 = """
    { "definitionId": "verhuizing", "name": "Verhuizing",
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "advies", "type": "WaitForSignal", "inputs": { "signal": "advies" } },
          { "id": "terugkoppeling", "type": "WaitForSignal", "displayName": "Terugkoppeling", "inputs": { "signal": "terugkoppeling" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "advies", "port": "In" } },
          { "source": { "activity": "advies", "port": "Done" }, "target": { "activity": "terugkoppeling", "port": "In" } },
          { "source": { "activity": "terugkoppeling", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    /// <summary>v3: "advies" deleted.</summary>
    private const string V3 = """
    { "definitionId": "verhuizing", "name": "Verhuizing",
      "root": { "activities": [
          { "id": "start", "type": "Start" },
          { "id": "terugkoppeling", "type": "WaitForSignal", "inputs": { "signal": "terugkoppeling" } },
          { "id": "einde", "type": "End" } ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "terugkoppeling", "port": "In" } },
          { "source": { "activity": "terugkoppeling", "port": "Done" }, "target": { "activity": "einde", "port": "In" } } ] } }
    """;

    private EngineHost _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHost.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task An_instance_stays_on_its_version_until_moved_and_then_passes_the_new_step()
    {
        await _engine.SaveAsync(V1);
        var old = await _engine.Runtime.StartAsync("verhuizing", null, new Trigger("secretaris", Channel.Api));
        await _engine.SaveAsync(V2);

        // Published v2 does not touch the running instance: it would end after "advies" as v1 says.
        (await _engine.InstanceAsync(old.InstanceId)).DefinitionVersion.Should().Be(1);
        var plan = _engine.Runtime.PlanMigration(old.InstanceId, 2);
        plan.Mappable.Should().BeTrue();
        plan.LandsOn.Should().Equal("advies");
        (await _engine.InstanceAsync(old.InstanceId)).DefinitionVersion.Should().Be(1, "a dry run changes nothing");

        var moved = await _engine.Runtime.MigrateAsync(old.InstanceId, 2, new Trigger("eigenaar", Channel.Api));

        moved.Status.Should().Be(WorkflowStatus.Suspended);
        var record = await _engine.InstanceAsync(old.InstanceId);
        (record.DefinitionVersion, record.DefinitionRecordId).Should().Be((2, "verhuizing:v2"));
        var line = (await _engine.JournalAsync(old.InstanceId)).Should().ContainSingle(j => j.Kind == JournalKinds.InstanceMigrated).Subject;
        line.Actor.Should().Be("eigenaar");
        var data = JsonNode.Parse(line.DataJson!)!;
        (data["van"]!.GetValue<int>(), data["naar"]!.GetValue<int>()).Should().Be((1, 2));

        // Its waiting bookmark still works, and the route goes on along v2: the new step.
        var advies = moved.Bookmarks.Single(b => b.ActivityId == "advies");
        var after = await _engine.Runtime.ResumeAsync(old.InstanceId, advies.Id, null, new Trigger("lid", Channel.Api));
        after.Status.Should().Be(WorkflowStatus.Suspended);
        after.Bookmarks.Should().ContainSingle(b => b.ActivityId == "terugkoppeling");

        var again = () => _engine.Runtime.MigrateAsync(old.InstanceId, 2, new Trigger("eigenaar", Channel.Api));
        await again.Should().ThrowAsync<MigrationRefusedException>().WithMessage("*loopt al op versie 2*");
    }

    [Fact]
    public async Task An_instance_waiting_on_a_deleted_step_is_not_mappable_and_is_left_untouched()
    {
        await _engine.SaveAsync(V1);
        var waiting = await _engine.Runtime.StartAsync("verhuizing", null, new Trigger("secretaris", Channel.Api));
        await _engine.SaveAsync(V2);
        await _engine.SaveAsync(V3);
        var before = await _engine.InstanceAsync(waiting.InstanceId);

        var plan = _engine.Runtime.PlanMigration(waiting.InstanceId, 3);

        plan.Mappable.Should().BeFalse();
        plan.Problems.Should().Equal("De stap 'advies' (WaitForSignal), waar het proces nu staat, bestaat niet in versie 3.");
        var move = () => _engine.Runtime.MigrateAsync(waiting.InstanceId, 3, new Trigger("eigenaar", Channel.Api));
        await move.Should().ThrowAsync<MigrationRefusedException>().WithMessage("De stap 'advies' (WaitForSignal)*");
        var after = await _engine.InstanceAsync(waiting.InstanceId);
        (after.DefinitionVersion, after.Revision, after.StateJson).Should().Be((before.DefinitionVersion, before.Revision, before.StateJson));
        (await _engine.JournalAsync(waiting.InstanceId)).Should().NotContain(j => j.Kind == JournalKinds.InstanceMigrated);

        var unknown = () => Task.FromResult(_engine.Runtime.PlanMigration(waiting.InstanceId, 9));
        await unknown.Should().ThrowAsync<WorkflowNotFoundException>();
    }

    [Fact]
    public async Task A_plan_made_from_a_read_view_and_read_definitions_is_the_plan_the_runtime_makes()
    {
        await _engine.SaveAsync(V1);
        var waiting = await _engine.Runtime.StartAsync("verhuizing", null, new Trigger("secretaris", Channel.Api));
        await _engine.SaveAsync(V2);
        await _engine.SaveAsync(V3);
        var registry = _engine.Services.GetRequiredService<ActivityRegistry>();
        var view = (await _engine.ReadAsync(r => r.GetInstanceAsync(waiting.InstanceId)))!;
        var from = new CompiledDefinition(view.DefinitionVersionId, (await _engine.ReadAsync(r => r.GetDefinitionModelAsync(view.DefinitionVersionId)))!, registry);

        foreach (var version in new[] { 2, 3 })
        {
            var target = (await _engine.ReadAsync(r => r.GetDefinitionAsync(DefinitionRef.OfVersion("verhuizing", version))))!;

            var plan = InstanceMigration.Plan(view, from, new CompiledDefinition(target.Summary.VersionId, target.Model, registry));

            plan.Should().BeEquivalentTo(_engine.Runtime.PlanMigration(waiting.InstanceId, version));
        }
    }
}
