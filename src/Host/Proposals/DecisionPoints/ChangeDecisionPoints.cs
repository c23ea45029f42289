using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Proposals.DecisionPoints;

/// <summary>How a change of the beslispunten ended.</summary>
public enum DecisionPointsOutcome
{
    Changed,

    /// <summary>The points sent are the points stored: nothing journaled.</summary>
    Unchanged,

    /// <summary>The points cannot be stored (none, too many, one too long); <see cref="DecisionPointsResult.Reasons"/> says why.</summary>
    Refused,

    /// <summary>The DB has decided, or the proposal ended: nothing may change any more.</summary>
    Locked,

    NotFound,
}

/// <summary>What a change of the beslispunten did, with the Dutch reasons when it did nothing.</summary>
public sealed record DecisionPointsResult(DecisionPointsOutcome Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<Beslispunt> Points)
{
    public string Reason => string.Join(" ", Reasons);
}

/// <summary>
/// The secretary changes a proposal's beslispunten while the DB has not decided: the new list replaces the old one in the
/// proposal's input through <see cref="IWorkflowRuntime.AmendInputAsync"/>, journaled with both lists, so the timeline
/// says "Beslispunten gewijzigd: …". The page and the API both come here.
/// </summary>
public sealed class ChangeDecisionPoints(IWorkflowReader workflows, IWorkflowRuntime runtime, Search.SearchIndex search)
{
    /// <summary>Whether the proposal's beslispunten may change now; the DB's decision when they may not.</summary>
    public static DbDecision? Lock(IReadOnlyList<JournalEntry> journal, WorkflowDefinitionModel? definition) =>
        DecisionPointLock.Find(journal, definition is null ? null : StepBodies(definition));

    /// <summary>The body each step of the route acts for, where the route names it as a fixed value (<c>orgaan: "db"</c>).</summary>
    public static IReadOnlyDictionary<string, string> StepBodies(WorkflowDefinitionModel definition) =>
        definition.Root.Activities
            .Where(a => a.Inputs.TryGetValue("orgaan", out var body) && body is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(a => a.Id, a => a.Inputs["orgaan"]!.GetValue<string>(), StringComparer.Ordinal);

    public async Task<DecisionPointsResult> ChangeAsync(string instanceId, IReadOnlyList<Beslispunt> points, Trigger trigger, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return new(DecisionPointsOutcome.NotFound, [$"Voorstel {instanceId} bestaat niet."], []);
        }

        var current = ProposalInput.Read(instance.Input).DecisionPoints ?? [];
        if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            return new(DecisionPointsOutcome.Locked, [$"Het voorstel is {(instance.Status == WorkflowStatus.Finished ? "afgerond" : "afgebroken")}: de beslispunten kunnen niet meer worden gewijzigd. Er is niets gewijzigd."], current);
        }

        if (DecisionPointRules.Check(points) is { Count: > 0 } refusals)
        {
            return new(DecisionPointsOutcome.Refused, [.. refusals, "Er is niets gewijzigd."], current);
        }

        var journal = await workflows.GetJournalAsync(instanceId, cancellationToken: cancellationToken);
        if (Lock(journal, await workflows.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken)) is { } decision)
        {
            return new(DecisionPointsOutcome.Locked, [DecisionPointLock.Refusal(decision)], current);
        }

        if (!new DecisionPointChange(current, points).Changes)
        {
            return new(DecisionPointsOutcome.Unchanged, [], current);
        }

        try
        {
            await runtime.AmendInputAsync(instanceId, input =>
            {
                // The list as it is at this moment, which may differ from what was read above when two people save at once.
                var before = ProposalInput.ReadPoints(input["beslispunten"]) ?? [];
                input["beslispunten"] = DecisionPointChange.ToJson(points);
                return new DecisionPointChange(before, points).ToData();
            }, trigger, cancellationToken);
        }
        catch (InstanceStateException ex)
        {
            return new(DecisionPointsOutcome.Locked, [ex.Message], current);
        }

        await search.ProposalChangedAsync(instanceId, []);
        return new(DecisionPointsOutcome.Changed, [], points);
    }
}
