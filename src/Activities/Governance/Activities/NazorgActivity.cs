using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Legal follow-up after a decision, as a task with its deadline: e.g. the adopted begroting to Gedeputeerde
/// Staten within 2 weeks of adoption and before 15 September (art. 34 lid 2 Wgr), the earlier of the two. When the
/// deadline passes with the task open, the secretary is told and the task stays open.
/// </summary>
[Activity("Nazorg", Category = Bestuur.Category, IsBlocking = true)]
public sealed class NazorgActivity(DeadlineCalculator deadlines) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep, IHasInputs<NazorgInputs>
{
    public static readonly StepDeclaration Declared = new("Nazorg", "Nazorg",
        "Wettelijke vervolgstap als taak met een termijn, bijvoorbeeld de begroting naar Gedeputeerde Staten.")
    {
        Outcomes = [new(Gereed, "Gereed")],
        Requests =
        [
            new(TaskBookmark, "Nazorg gereed melden", Answerer.Secretariat)
            {
                ChoiceField = "uitkomst",
                Choices = [new(Gereed, "Gereed")],
                Fields = [new AnswerField("toelichting", "Toelichting", "De toelichting")],
                Action = "Gereed melden",
                Task = payload => $"Nazorg: {payload.Task}",
                Party = payload => payload.Task,
                Intro = payload => payload.DeadlineText is { } deadline ? $"Termijn: {deadline}." : null,
            },
        ],
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input == NazorgInputs.UiterlijkOpKey ? Bestuur.CheckDayOfYear(value) : null;

    public const string Gereed = "gereed";
    public const string TaskBookmark = "Nazorg";
    public const string DeadlineBookmark = "Termijn";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = context.Inputs<NazorgInputs>();
        var deadline = Deadline(inputs, Bestuur.Today(context.Now));
        context.State["termijn"] = Bestuur.ToJson(deadline);
        context.Journal(new NazorgGestart(inputs.Taak, deadline.Display));
        return ValueTask.FromResult(ActivityResult.WaitInstead(
            new BookmarkRequest(TaskBookmark, new RequestPayload { Task = inputs.Taak, Deadline = Bestuur.ToJson(deadline) }.ToJson()),
            new BookmarkRequest(DeadlineBookmark, new RequestPayload { Deadline = deadline.Display }.ToJson(), deadline.Moment)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        if (resume.BookmarkName == DeadlineBookmark)
        {
            var display = context.State["termijn"]?["tekst"]?.GetValue<string>();
            var task = context.Inputs<NazorgInputs>().Taak;
            context.Journal(new TermijnVerstreken.NazorgOpen(task, display));
            context.AddOutboxMessage(MeldingActivity.OutboxKind, new NotificationMail
            {
                NotificationKind = "termijnVerstreken",
                ToRole = "secretary",
                Subject = $"Termijn verstreken: {task}",
                Text = $"De nazorgtaak is nog niet gereed; de termijn was {display}.",
                Proposal = MailProposal.From(context.WorkflowInput, summary: false),
            }.ToJson());
            return ValueTask.FromResult(ActivityResult.Wait());
        }

        var answer = Declared.Request(TaskBookmark)!.Check(resume.Input, context.Trigger.Channel);
        context.Journal(new NazorgGereed(answer.Text("toelichting")));
        return ValueTask.FromResult(ActivityResult.Complete(Gereed));
    }

    private Deadline Deadline(NazorgInputs inputs, DateOnly decided)
    {
        var period = deadlines.PeriodAfter(decided, inputs.Termijn, inputs.Regel, inputs.Artikel, inputs.Atw, movesToWorkingDay: true);
        if (inputs.UiterlijkOp is not { } fixedText)
        {
            return period;
        }

        var last = Bestuur.DayOfYear(fixedText, decided.Year, NazorgInputs.UiterlijkOpKey);
        return DeadlineCalculator.Earliest(period, DeadlineCalculator.FixedDate(last, inputs.UiterlijkRegel, inputs.Artikel));
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = context.Inputs<NazorgInputs>();
        var deadline = Deadline(inputs, context.Date);
        return new SimulatedStep(Gereed, context.Date, $"Nazorg: {inputs.Taak}, {deadline.Display}", Deadline: deadline);
    }
}
