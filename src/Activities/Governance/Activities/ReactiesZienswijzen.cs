using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// After the DB adopted its reasoned reactions to the zienswijzen (art. 35 lid 3 Wgr), tells every council what
/// concerns it: a council that gave a zienswijze is sent its own zienswijze with the board's reaction to it, and no
/// other; a council that gave none is sent one notice that the ontwerpbegroting goes to the AB with the
/// zienswijzennota. The step writes one outbox message (<see cref="OutboxKind"/>); the host makes the nota and the
/// mails from it. It marks the round as adopted, so the AB cannot decide on zienswijzen the DB has not adopted.
/// </summary>
[Activity("ReactiesZienswijzen", Category = Bestuur.Category)]
public sealed class ReactiesZienswijzen(IGovernanceDirectory directory) : Activity, ISimulatedActivity, IDeclaredStep, IHasInputs<ReactiesZienswijzenInputs>
{
    /// <summary>The outbox kind; its payload is a <see cref="ZienswijzenReactiesMail"/>.</summary>
    public const string OutboxKind = "zienswijzenReacties";

    /// <summary>The article the procedure follows, as texts name it.</summary>
    public const string Article = "art. 35 lid 3 Wgr";

    /// <summary>Set on the round when the DB's reactions went out: the moment.</summary>
    public const string AdoptedProperty = "reactiesVastgesteld";

    public static readonly StepDeclaration Declared = new("ReactiesZienswijzen", "Reacties op de zienswijzen naar de raden",
        $"Na de vaststelling door het DB krijgt elke raad die een zienswijze gaf zijn eigen zienswijze met de reactie van het bestuur; de andere raden krijgen één bericht dat de begroting met de zienswijzennota naar het AB gaat ({Article}).")
    {
        Outcomes = [new(Ports.Done, "Verstuurd")],
    };

    public StepDeclaration Declaration => Declared;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = context.Inputs<ReactiesZienswijzenInputs>();
        var round = context.GetVariable(inputs.Zienswijzen)?.DeepClone() as JsonObject
            ?? throw new InvalidOperationException($"De variabele '{inputs.Zienswijzen}' met de zienswijzenronde ontbreekt.");
        var councils = round["raden"] as JsonObject ?? throw new InvalidOperationException("De zienswijzenronde heeft geen raden.");
        var model = directory.Current.Model;
        var today = Bestuur.Today(context.Now);
        var given = new List<ZienswijzeWithReaction>();
        var silent = new List<CouncilNotice>();
        foreach (var (bodyId, node) in councils)
        {
            var entry = node!.AsObject();
            var name = entry["naam"]?.GetValue<string>() ?? bodyId;
            var to = model.MembersOf(bodyId, today).Where(m => m.SubstituteFor is null).Select(MailRecipient.Of).ToList();
            var zienswijze = entry["zienswijze"]?.GetValue<string>() ?? entry["antwoord"]?.GetValue<string>();
            if (zienswijze is null or Zienswijzenronde.GeenZienswijze)
            {
                silent.Add(new CouncilNotice(bodyId, name, to));
                continue;
            }

            var reaction = entry["reactie"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"De zienswijze van {name} heeft nog geen reactie van het bestuur; zonder reactie gaat er niets naar de raden.");
            given.Add(new ZienswijzeWithReaction(bodyId, name, zienswijze, Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!.ChoiceLabel(zienswijze),
                entry["tekst"]?.GetValue<string>(), reaction, entry["ontvangen"] is JsonValue received && received.TryGetValue<DateTimeOffset>(out var at) ? at : null, to));
        }

        round[AdoptedProperty] = context.Now;
        context.SetVariable(inputs.Zienswijzen, round);
        var proposal = ProposalInput.Read(context.WorkflowInput);
        context.AddOutboxMessage(OutboxKind, new ZienswijzenReactiesMail
        {
            Proposal = MailProposal.From(context.WorkflowInput, summary: false),
            Reference = proposal.Reference,
            Kind = proposal.Kind,
            Adopted = today,
            Given = given,
            Silent = silent,
        }.ToJson());
        context.Journal(new ReactiesVerzonden(given.Count, silent.Count));
        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }

    public SimulatedStep Simulate(SimulationContext context) =>
        new(Ports.Done, context.Date, $"Reacties op de zienswijzen naar de raden ({Article})");
}

/// <summary>The inputs of <see cref="ReactiesZienswijzen"/>.</summary>
public sealed record ReactiesZienswijzenInputs
{
    [Input("zienswijzen", InputType.String, DisplayName = "Zienswijzen in variabele",
        Description = "De variabele waarin de zienswijzenronde haar zienswijzen en de reacties van het bestuur bewaart.", Default = "zienswijzen", SupportsExpression = false, Picks = ["variable"])]
    public string Zienswijzen { get; init; } = "zienswijzen";
}

/// <summary>One council's zienswijze with the board's reaction, and who in that council receives it.</summary>
public sealed record ZienswijzeWithReaction(
    [property: JsonPropertyName("orgaan")] string Body,
    [property: JsonPropertyName("naam")] string Name,
    [property: JsonPropertyName("zienswijze")] string Zienswijze,
    [property: JsonPropertyName("zienswijzeLabel")] string ZienswijzeLabel,
    [property: JsonPropertyName("tekst")] string? Text,
    [property: JsonPropertyName("reactie")] string Reaction,
    [property: JsonPropertyName("ontvangen")] DateTimeOffset? Received,
    [property: JsonPropertyName("aan")] IReadOnlyList<MailRecipient> To);

/// <summary>A council that gave no zienswijze, and who in it receives the notice.</summary>
public sealed record CouncilNotice(
    [property: JsonPropertyName("orgaan")] string Body,
    [property: JsonPropertyName("naam")] string Name,
    [property: JsonPropertyName("aan")] IReadOnlyList<MailRecipient> To);

/// <summary>
/// The payload of an outbox message of kind <c>zienswijzenReacties</c> (<see cref="ReactiesZienswijzen.OutboxKind"/>):
/// every council's zienswijze with the board's adopted reaction, and the councils that gave none. The host makes the
/// zienswijzennota and one mail per council member from it.
/// </summary>
/// <remarks>Version 1, stored until delivered: the JSON names must stay, a new property must be optional.</remarks>
public sealed record ZienswijzenReactiesMail
{
    [JsonPropertyName("voorstel")]
    public required MailProposal Proposal { get; init; }

    [JsonPropertyName("kenmerk")]
    public string? Reference { get; init; }

    [JsonPropertyName("soort")]
    public string? Kind { get; init; }

    /// <summary>The day the reactions went out, after the DB adopted them.</summary>
    [JsonPropertyName("vastgesteld")]
    public required DateOnly Adopted { get; init; }

    [JsonPropertyName("zienswijzen")]
    public required IReadOnlyList<ZienswijzeWithReaction> Given { get; init; }

    [JsonPropertyName("zonderZienswijze")]
    public required IReadOnlyList<CouncilNotice> Silent { get; init; }

    public JsonObject ToJson() => OutboxJson.Write(this);

    public static ZienswijzenReactiesMail Read(JsonObject payload) => OutboxJson.Read<ZienswijzenReactiesMail>(payload, ReactiesZienswijzen.OutboxKind);
}
