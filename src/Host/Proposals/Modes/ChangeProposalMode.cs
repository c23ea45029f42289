using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Journal;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Host.Proposals.Modes;

/// <summary>
/// The secretary changes, on the proposal page, whether the BAC advises or the DB decides in a meeting or in writing,
/// while that step has not begun: the proposal's input changes (journaled), and the route's switch reads it when it comes
/// there. Once the route reached the step (its switch or the step itself started), the choice stands: the item may
/// already be on an agenda, or the members asked.
/// </summary>
public sealed class ChangeProposalMode(IWorkflowReader reader, IWorkflowRuntime runtime, IGovernanceDirectory directory)
{
    /// <summary>What the proposal page shows per step of this proposal's route whose mode can be chosen.</summary>
    /// <param name="Begun">The step (or its switch) has started: the mode can no longer change.</param>
    public sealed record ModeState(ModeStep Step, string Legend, string Mode, bool Begun, string? NotAllowed);

    /// <summary>The steps of the instance's route that read a mode from the input, with where each stands; empty for a route without them.</summary>
    public async Task<IReadOnlyList<ModeState>> StatesAsync(InstanceView instance, WorkflowDefinitionModel definition, CancellationToken cancellationToken)
    {
        var started = (await reader.GetJournalAsync(instance.Id, [JournalKinds.ActivityStarted], cancellationToken))
            .Select(j => j.ActivityId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var input = ProposalInput.Read(instance.Input);
        var model = directory.Current.Model;
        var states = new List<ModeState>();
        foreach (var offer in ProposalModes.Offers(model))
        {
            var readers = StepsReading(definition, offer.Step);
            if (readers.Count == 0 || (offer.Step == ModeStep.Bac && !ProposalModes.PassesBac(input)))
            {
                continue; // a route without the choice, or a proposal that does not pass the BAC (a P&C kind, the model without BACs)
            }

            var begun = readers.Any(id => started.Contains(id) || instance.Tokens.Any(t => t.ActivityId == id));
            var mode = (offer.Step == ModeStep.Bac ? input.BacMode : input.DbMode) ?? WrittenRoundRule.Meeting;
            var other = mode == WrittenRoundRule.Written ? WrittenRoundRule.Meeting : WrittenRoundRule.Written;
            states.Add(new ModeState(offer.Step, offer.Legend, mode, begun,
                ProposalModes.Refusal(model, offer.Step, other, input.Kind, input.Pillar, input.GovernanceModel)));
        }

        return states;
    }

    /// <summary>Changes the mode; returns why not (in Dutch) when it may not change, and then changes nothing.</summary>
    /// <exception cref="WorkflowException">The proposal does not exist, or is finished or cancelled.</exception>
    public async Task<string?> ChangeAsync(string instanceId, ModeStep step, string? mode, Trigger trigger, CancellationToken cancellationToken)
    {
        var instance = await reader.GetInstanceAsync(instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Voorstel {instanceId} bestaat niet.");
        var definition = await reader.GetDefinitionModelAsync(instance.DefinitionVersionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"De route van voorstel {instanceId} is niet gevonden.");
        var state = (await StatesAsync(instance, definition, cancellationToken)).FirstOrDefault(s => s.Step == step);
        if (state is null)
        {
            return "De route van dit voorstel laat deze keuze niet toe.";
        }

        if (state.Begun)
        {
            return $"{state.Legend}: deze stap is al begonnen; de keuze tussen vergadering en schriftelijk staat vast. Er is niets gewijzigd.";
        }

        var input = ProposalInput.Read(instance.Input);
        if (ProposalModes.Refusal(directory.Current.Model, step, mode, input.Kind, input.Pillar, input.GovernanceModel) is { } refusal)
        {
            return refusal + " Er is niets gewijzigd.";
        }

        if (mode == state.Mode)
        {
            return null;
        }

        var key = ProposalModes.Key(step);
        await runtime.AmendInputAsync(instanceId, stored =>
        {
            var was = stored[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : WrittenRoundRule.Meeting;
            stored[key] = mode;
            return new JsonObject { ["wijzeGewijzigd"] = step == ModeStep.Bac ? "bac" : "db", ["wijze"] = mode, ["was"] = was };
        }, trigger, cancellationToken);
        return null;
    }

    /// <summary>The activities of a route whose inputs read the step's mode key (<c>input.wijzeBac</c>): its switch and its step.</summary>
    public static IReadOnlyList<string> StepsReading(WorkflowDefinitionModel definition, ModeStep step)
    {
        var reference = "input." + ProposalModes.Key(step);
        return [.. definition.Root.Activities
            .Where(a => a.Inputs.Any(i => i.Value?.ToJsonString().Contains(reference, StringComparison.Ordinal) == true))
            .Select(a => a.Id)];
    }
}
