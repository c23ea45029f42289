using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Workflows.Runtime;

/// <summary>Where a running instance would land in another version of its definition, and what cannot be mapped.</summary>
/// <param name="LandsOn">The activities its tokens stand on (in the target version), by id.</param>
/// <param name="Problems">Why it cannot move, in Dutch; empty when it can.</param>
public sealed record MigrationPlan(string InstanceId, int FromVersion, int ToVersion, IReadOnlyList<string> LandsOn, IReadOnlyList<string> Problems)
{
    public bool Mappable => Problems.Count == 0;
}

/// <summary>
/// Maps an instance's state onto another version of its definition by activity id. A token (waiting, ready or with
/// an incident) may move when its activity exists in the target with the same type, so the bookmarks it holds mean
/// the same thing there; a Join that has seen some of its paths may move when those paths still lead into it. The
/// state itself (input, variables, the activities' own state, bookmarks, timers) is kept as it is: the next burst
/// runs on the target version from where the tokens stand.
/// </summary>
public static class InstanceMigration
{
    internal static MigrationPlan Plan(string instanceId, InstanceState state, CompiledDefinition from, CompiledDefinition to) =>
        Plan(instanceId, state.Tokens.Select(t => t.ActivityId), state.ActivityStates, from, to);

    /// <summary>The plan for an instance as read through <see cref="Queries.IWorkflowReader"/> (a dry run over many instances).</summary>
    public static MigrationPlan Plan(Queries.InstanceView instance, CompiledDefinition from, CompiledDefinition to)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Plan(instance.Id, instance.Tokens.Select(t => t.ActivityId), instance.ActivityStates, from, to);
    }

    private static MigrationPlan Plan(string instanceId, IEnumerable<string> tokenActivities, IEnumerable<KeyValuePair<string, System.Text.Json.Nodes.JsonObject>> activityStates,
        CompiledDefinition from, CompiledDefinition to)
    {
        var problems = new List<string>();
        var lands = new List<string>();
        foreach (var activityId in tokenActivities)
        {
            var old = from.TryGetNode(activityId, out var known) ? known : null;
            var name = old?.Node.DisplayName ?? activityId;
            var type = old?.Node.Type ?? "?";
            if (!to.TryGetNode(activityId, out var target))
            {
                problems.Add($"De stap '{name}' ({type}), waar het proces nu staat, bestaat niet in versie {to.Version}.");
                continue;
            }

            if (target.Node.Type != type)
            {
                problems.Add($"De stap '{name}' is in versie {to.Version} geen {type} maar een {target.Node.Type}.");
                continue;
            }

            if (!lands.Contains(activityId))
            {
                lands.Add(activityId);
            }
        }

        foreach (var (activityId, activityState) in activityStates)
        {
            if (activityState["arrived"] is not System.Text.Json.Nodes.JsonArray arrived || !to.TryGetNode(activityId, out var join))
            {
                continue;
            }

            var inbound = join.Inbound.ToHashSet();
            var lost = arrived.Select(a => a!.GetValue<string>()).Where(key => !inbound.Contains(key)).ToList();
            if (lost.Count > 0)
            {
                problems.Add($"De samenvoeging '{join.Node.DisplayName ?? activityId}' heeft al paden binnen ({string.Join(", ", lost)}) die in versie {to.Version} niet meer naar haar leiden.");
            }
        }

        return new MigrationPlan(instanceId, from.Version, to.Version, lands, problems);
    }
}
