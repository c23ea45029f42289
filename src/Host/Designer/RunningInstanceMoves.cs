using System.Text.Json;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Persistence;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Designer;

/// <summary>Where one running instance would land in the target version (a dry run line).</summary>
public sealed record MovePlan(string InstanceId, string Title, int FromVersion, bool Mappable, IReadOnlyList<MoveStep> LandsOn, IReadOnlyList<string> Problems);

public sealed record MoveStep(string ActivityId, string Name);

/// <summary>What happened to one instance asked to move.</summary>
public sealed record MoveResult(string InstanceId, bool Migrated, IReadOnlyList<string> Problems);

/// <summary>
/// Moving the running instances of a definition to a newly published version: a dry run over every running instance
/// (where it would land, what cannot be mapped), then the move of the chosen ones, each journaled by the engine.
/// </summary>
public sealed class RunningInstanceMoves(WorkflowDbContext engine, IWorkflowRuntime runtime, ActivityRegistry registry)
{
    /// <exception cref="WorkflowNotFoundException">No such version.</exception>
    public async Task<IReadOnlyList<MovePlan>> DryRunAsync(string definitionId, int toVersion, CancellationToken cancellationToken)
    {
        // Every definition version involved is read and compiled once; each instance is planned from the row read here.
        var target = new CompiledDefinition($"{definitionId}:v{toVersion}", await TargetAsync(definitionId, toVersion, cancellationToken), registry);
        var rows = await engine.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.DefinitionVersion != toVersion && (i.Status == "Suspended" || i.Status == "Faulted"))
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.DefinitionRecordId, i.StateJson })
            .ToListAsync(cancellationToken);
        var sourceIds = rows.Select(r => r.DefinitionRecordId).Distinct().ToList();
        var sources = (await engine.Definitions.AsNoTracking().Where(d => sourceIds.Contains(d.Id)).Select(d => new { d.Id, d.Json }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => new CompiledDefinition(d.Id, DefinitionParser.Parse(d.Json), registry));
        var plans = new List<MovePlan>();
        foreach (var row in rows)
        {
            var state = JsonSerializer.Deserialize<InstanceState>(row.StateJson, WorkflowJson.Options)!;
            var plan = InstanceMigration.Plan(row.Id, state, sources[row.DefinitionRecordId], target);
            plans.Add(new MovePlan(row.Id, state.Input["titel"]?.GetValue<string>() ?? "(zonder titel)", plan.FromVersion, plan.Mappable,
                plan.LandsOn.Select(id => new MoveStep(id, target.Node(id).Node.DisplayName ?? id)).ToList(), plan.Problems));
        }

        return plans;
    }

    public async Task<IReadOnlyList<MoveResult>> MoveAsync(string definitionId, int toVersion, IReadOnlyList<string> instanceIds, Trigger trigger, CancellationToken cancellationToken)
    {
        await TargetAsync(definitionId, toVersion, cancellationToken); // the version exists, or 404
        var results = new List<MoveResult>();
        foreach (var id in instanceIds.Distinct())
        {
            var belongs = await engine.Instances.AsNoTracking().AnyAsync(i => i.Id == id && i.DefinitionId == definitionId, cancellationToken);
            if (!belongs)
            {
                results.Add(new MoveResult(id, false, [$"Instantie {id} is geen lopend voorstel van '{definitionId}'."]));
                continue;
            }

            try
            {
                await runtime.MigrateAsync(id, toVersion, trigger, cancellationToken);
                results.Add(new MoveResult(id, true, []));
            }
            catch (WorkflowException ex)
            {
                results.Add(new MoveResult(id, false, [ex.Message]));
            }
        }

        return results;
    }

    private async Task<WorkflowDefinitionModel> TargetAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var json = await engine.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == version && d.IsPublished)
            .Select(d => d.Json).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowNotFoundException($"Er is geen gepubliceerde versie {version} van '{definitionId}'.");
        return DefinitionParser.Parse(json);
    }
}
