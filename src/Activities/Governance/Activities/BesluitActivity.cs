using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A decision of the DB or the AB, in a meeting or in writing, counted with a quorum, a majority of the votes cast
/// and the body's weights. A tie follows art. 32 Gemeentewet (applied to the boards of a GR by art. 22 Wgr): in a
/// full meeting the proposal is rejected, otherwise it is held over to the next meeting, and rejected when the
/// votes tie there again. Held-over ("aangehouden") and returned ("teruggestuurd") items leave by their own ports,
/// so the definition sends them to the next meeting or back to preparation.
/// </summary>
[Activity("Besluit", Category = Bestuur.Category, IsBlocking = true)]
public sealed class BesluitActivity(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar)
    : VotingActivity<BesluitInputs>(directory, deadlines, calendar)
{
    public const string Vastgesteld = "vastgesteld";
    public const string GewijzigdVastgesteld = "gewijzigdVastgesteld";
    public const string Verworpen = "verworpen";
    public const string Aangehouden = "aangehouden";
    public const string Teruggestuurd = "teruggestuurd";

    private static readonly AnswerChoice[] VoteChoicesDeclared = [new("voor", "Voor"), new("tegen", "Tegen"), new("onthouding", "Onthouding")];

    public static readonly StepDeclaration Declared = new("Besluit", "Besluit (DB of AB)", "Besluit van het dagelijks of algemeen bestuur, in een vergadering of schriftelijk.")
    {
        Outcomes =
        [
            new(Vastgesteld, "Vastgesteld"), new(GewijzigdVastgesteld, "Gewijzigd vastgesteld"), new(Verworpen, "Verworpen"),
            new(Aangehouden, "Aangehouden (naar een volgende vergadering)"), new(Teruggestuurd, "Teruggestuurd (terug naar de voorbereiding)"),
        ],
        Requests =
        [
            VoteRequest("Stem (schriftelijke ronde)", "Uw stem wordt gevraagd", "verzoekStem", VoteChoicesDeclared),
            MeetingRequest(
            [
                new(Vastgesteld, "Vastgesteld"), new(GewijzigdVastgesteld, "Gewijzigd vastgesteld"), new(Verworpen, "Verworpen"),
                new(Aangehouden, "Aangehouden (naar een volgende vergadering)"), new(Teruggestuurd, "Teruggestuurd (terug naar de voorbereiding)"),
            ], VoteChoicesDeclared),
        ],
    };

    public override StepDeclaration Declaration => Declared;
    protected override string FavourablePort => Vastgesteld;
    protected override bool IsDecision => true;
    protected override string Verb => "besluit";

    protected override VoteChoice Count(string choice) => choice switch
    {
        "voor" => VoteChoice.Voor,
        "tegen" => VoteChoice.Tegen,
        _ => VoteChoice.Onthouding,
    };

    protected override string? WrittenOutcome(VoteOutcome outcome, IReadOnlyList<string> choices) => outcome.Result switch
    {
        VoteResult.Aangenomen => Vastgesteld,
        VoteResult.Verworpen => Verworpen,
        _ => null,
    };

    protected override string MeetingOutcome(ActivityContext context, string? recorded, VoteOutcome? counted, bool fullMeeting)
    {
        // Art. 32 lid 2: only a tie at the meeting right after a tie rejects; any other outcome starts afresh.
        var tiedBefore = context.State["stakenEerder"]?.GetValue<bool>() == true;
        context.State.Remove("stakenEerder");
        if (counted is null)
        {
            return recorded!;
        }

        switch (counted.Result)
        {
            case VoteResult.GeenQuorum:
                // Art. 20 Gemeentewet: without a quorum the meeting cannot decide; the item goes to the next one.
                return Aangehouden;
            case VoteResult.Staken:
                if (fullMeeting || tiedBefore)
                {
                    return Verworpen;
                }

                context.State["stakenEerder"] = true;
                return Aangehouden;
            case VoteResult.Verworpen:
                if (recorded is Vastgesteld or GewijzigdVastgesteld)
                {
                    throw new ResumeRejectedException($"De gekozen uitkomst '{Declared.OutcomeLabel(recorded!)}' past niet bij de stemmen: {counted.Explanation}");
                }

                return Verworpen;
            default:
                if (recorded is Verworpen)
                {
                    throw new ResumeRejectedException($"De gekozen uitkomst '{Declared.OutcomeLabel(recorded!)}' past niet bij de stemmen: {counted.Explanation}");
                }

                return recorded == GewijzigdVastgesteld ? GewijzigdVastgesteld : Vastgesteld;
        }
    }

    /// <summary>The board answers every zienswijze in writing, with reasons, before the AB decides (art. 35 Wgr; DOMAIN).</summary>
    protected override void EnsureMayAct(ActivityContext context)
    {
        var inputs = context.Inputs<BesluitInputs>();
        var name = inputs.Zienswijzen;
        if (context.GetVariable(name) is not JsonObject round || round["raden"] is not JsonObject councils)
        {
            return;
        }

        var missing = councils
            .Where(kv => kv.Value?["zienswijze"]?.GetValue<string>() is { } z && z != Zienswijzenronde.GeenZienswijze
                && kv.Value["reactie"] is null)
            .Select(kv => kv.Value!["naam"]?.GetValue<string>() ?? kv.Key)
            .ToList();
        var open = councils.Where(kv => kv.Value?["zienswijze"] is null).Select(kv => kv.Value!["naam"]?.GetValue<string>() ?? kv.Key).ToList();
        if (open.Count > 0 || missing.Count > 0)
        {
            var reason = open.Count > 0
                ? $"De zienswijzenronde loopt nog ({string.Join(", ", open)})."
                : $"Er kan pas besloten worden als elke zienswijze een schriftelijke, gemotiveerde reactie heeft; die ontbreekt nog voor: {string.Join(", ", missing)}.";
            throw new ResumeRejectedException(reason);
        }

        EnsureReactionsAdopted(inputs, round, councils);
    }

    /// <summary>
    /// Where the route asks it, the zienswijzen go to this body only after the DB adopted its reactions and sent them to
    /// the councils (art. 35 lid 3 Wgr): <see cref="ReactiesZienswijzen"/> marks the round when it did.
    /// </summary>
    private static void EnsureReactionsAdopted(BesluitInputs inputs, JsonObject round, JsonObject councils)
    {
        var anyGiven = councils.Any(kv => kv.Value?["zienswijze"]?.GetValue<string>() is { } z && z != Zienswijzenronde.GeenZienswijze);
        if (inputs.ReactiesVastgesteld && anyGiven && round[ReactiesZienswijzen.AdoptedProperty] is null)
        {
            throw new ResumeRejectedException(
                $"Er kan pas besloten worden als het dagelijks bestuur de reacties op de zienswijzen heeft vastgesteld en aan de raden gezonden ({ReactiesZienswijzen.Article}).");
        }
    }
}
