using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Advice of a BAC: advisory only. In a meeting the secretary records it; in writing every member answers by link,
/// and the advice is positive when a majority (configurable, with a quorum) is positive. A tie or too few answers in
/// writing sends it to the next meeting.
/// </summary>
[Activity("Advies", Category = Bestuur.Category, IsBlocking = true)]
public sealed class AdviesActivity(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar)
    : VotingActivity<VotingInputs>(directory, deadlines, calendar)
{
    public const string Positief = "positief";
    public const string PositiefMetKanttekeningen = "positiefMetKanttekeningen";
    public const string Negatief = "negatief";
    public const string Onthouding = "onthouding";

    private static readonly AnswerChoice[] VoteChoicesDeclared =
        [new(Positief, "Positief"), new(PositiefMetKanttekeningen, "Positief met kanttekeningen"), new(Negatief, "Negatief"), new(Onthouding, "Onthouding")];

    public static readonly StepDeclaration Declared = new("Advies", "Advies (BAC)", "Advies van een bestuurlijke adviescommissie, in een vergadering of schriftelijk.")
    {
        Outcomes = [new(Positief, "Positief advies"), new(PositiefMetKanttekeningen, "Positief advies met kanttekeningen"), new(Negatief, "Negatief advies")],
        Requests =
        [
            VoteRequest("Advies (schriftelijke ronde)", "Uw advies wordt gevraagd", "verzoekAdvies", VoteChoicesDeclared),
            MeetingRequest([new(Positief, "Positief advies"), new(PositiefMetKanttekeningen, "Positief advies met kanttekeningen"), new(Negatief, "Negatief advies")], VoteChoicesDeclared),
        ],
    };

    public override StepDeclaration Declaration => Declared;
    protected override string FavourablePort => Positief;
    protected override bool IsDecision => false;
    protected override string Verb => "advies";

    protected override VoteChoice Count(string choice) => choice switch
    {
        Positief or PositiefMetKanttekeningen => VoteChoice.Voor,
        Negatief => VoteChoice.Tegen,
        _ => VoteChoice.Onthouding,
    };

    protected override string? WrittenOutcome(VoteOutcome outcome, IReadOnlyList<string> choices) => outcome.Result switch
    {
        VoteResult.Aangenomen => choices.Contains(PositiefMetKanttekeningen) ? PositiefMetKanttekeningen : Positief,
        VoteResult.Verworpen => Negatief,
        _ => null,
    };

    protected override string MeetingOutcome(ActivityContext context, string? recorded, VoteOutcome? counted, bool fullMeeting)
    {
        if (counted is null)
        {
            return recorded!;
        }

        var port = counted.Result switch
        {
            VoteResult.Aangenomen => recorded == PositiefMetKanttekeningen ? PositiefMetKanttekeningen : Positief,
            VoteResult.GeenQuorum => throw new ResumeRejectedException($"{counted.Explanation} De commissie kan zo geen advies geven."),
            _ => Negatief, // no majority for a positive advice
        };
        if (recorded is not null && (recorded == Negatief) != (port == Negatief))
        {
            throw new ResumeRejectedException($"De gekozen uitkomst '{Declared.OutcomeLabel(recorded!)}' past niet bij de stemmen: {counted.Explanation}");
        }

        return port;
    }
}
