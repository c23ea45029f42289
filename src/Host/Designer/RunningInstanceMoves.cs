using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Proposals;

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
public sealed class RunningInstanceMoves(IWorkflowReader reader, IWorkflowRuntime runtime)
{
    private static readonly WorkflowStatus[] Running = [WorkflowStatus.Suspended, WorkflowStatus.Faulted];

    /// <exception cref="WorkflowNotFoundException">No such version.</exception>
    public async Task<IReadOnlyList<MovePlan>> DryRunAsync(string definitionId, int toVersion, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(definitionId, toVersion, cancellationToken);
        var names = target.Model.Root.Activities.ToDictionary(a => a.Id, a => a.DisplayName ?? a.Id, StringComparer.Ordinal);
        var running = new List<(string Id, string Title)>();
        await foreach (var instance in reader.StreamInstancesAsync(new InstanceQuery { DefinitionId = definitionId, Statuses = Running }, cancellationToken))
        {
            if (instance.DefinitionVersion != toVersion)
            {
                running.Add((instance.Id, ProposalInput.Read(instance.Input).TitleOrUntitled));
            }
        }

        // The engine plans each instance on its own stored state (a dry run: nothing changes), oldest first.
        var plans = new List<MovePlan>();
        foreach (var (id, title) in running.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var plan = runtime.PlanMigration(id, toVersion);
            plans.Add(new MovePlan(id, title, plan.FromVersion, plan.Mappable,
                plan.LandsOn.Select(step => new MoveStep(step, names.GetValueOrDefault(step, step))).ToList(), plan.Problems));
        }

        return plans;
    }

    public async Task<IReadOnlyList<MoveResult>> MoveAsync(string definitionId, int toVersion, IReadOnlyList<string> instanceIds, Trigger trigger, CancellationToken cancellationToken)
    {
        await TargetAsync(definitionId, toVersion, cancellationToken); // the version exists, or 404
        var results = new List<MoveResult>();
        foreach (var id in instanceIds.Distinct())
        {
            var instance = await reader.GetInstanceAsync(id, cancellationToken);
            if (instance is null || instance.DefinitionId != definitionId)
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

    private async Task<StoredDefinition> TargetAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        await reader.GetDefinitionAsync(DefinitionRef.OfVersion(definitionId, version), cancellationToken) is { Summary.IsPublished: true } stored
            ? stored
            : throw new WorkflowNotFoundException($"Er is geen gepubliceerde versie {version} van '{definitionId}'.");
}
