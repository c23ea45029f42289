using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Legal follow-up after a decision, as a task with its deadline: e.g. the adopted begroting to Gedeputeerde
/// Staten within 2 weeks of adoption and before 15 September (art. 34 lid 2 Wgr), the earlier of the two. When the
/// deadline passes with the task open, the secretary is told and the task stays open.
/// </summary>
[Activity("Nazorg", Category = Bestuur.Category, IsBlocking = true)]
[Input("taak", InputType.Text, DisplayName = "Taak", Required = true)]
[Input("termijn", InputType.Duration, DisplayName = "Termijn na het besluit", DefaultJson = "\"P2W\"")]
[Input("regel", InputType.String, DisplayName = "Regel", DefaultJson = "\"2 weken na vaststelling\"")]
[Input("artikel", InputType.String, DisplayName = "Artikel", DefaultJson = "\"art. 34 lid 2 Wgr\"")]
[Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", DefaultJson = "true")]
[Input("uiterlijkOp", InputType.String, DisplayName = "Uiterlijk op (mm-dd)", Description = "Vaste laatste dag in het jaar van het besluit, bijvoorbeeld 09-14 voor 'vóór 15 september'.")]
[Input("uiterlijkRegel", InputType.String, DisplayName = "Regel vaste datum", DefaultJson = "\"vóór 15 september\"")]
public sealed class NazorgActivity(DeadlineCalculator deadlines) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep
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
                Task = payload => $"Nazorg: {payload["taak"]?.GetValue<string>()}",
                Party = payload => payload["taak"]?.GetValue<string>(),
                Intro = payload => payload["uiterlijk"]?["tekst"]?.GetValue<string>() is { } deadline ? $"Termijn: {deadline}." : null,
            },
        ],
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input == "uiterlijkOp" ? Bestuur.CheckDayOfYear(value) : null;

    public const string Gereed = "gereed";
    public const string TaskBookmark = "Nazorg";
    public const string DeadlineBookmark = "Termijn";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = ActivityInputs.Of(context);
        var deadline = Deadline(inputs, Bestuur.Today(context.Now));
        context.State["termijn"] = Bestuur.ToJson(deadline);
        context.Journal(new NazorgGestart(inputs.Text("taak"), deadline.Display));
        return ValueTask.FromResult(ActivityResult.WaitInstead(
            new BookmarkRequest(TaskBookmark, new JsonObject { ["taak"] = inputs.Text("taak"), ["uiterlijk"] = Bestuur.ToJson(deadline) }),
            new BookmarkRequest(DeadlineBookmark, new JsonObject { ["uiterlijk"] = deadline.Display }, deadline.Moment)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        if (resume.BookmarkName == DeadlineBookmark)
        {
            var display = context.State["termijn"]?["tekst"]?.GetValue<string>();
            context.Journal(new TermijnVerstreken.NazorgOpen(context.GetInput<string>("taak"), display));
            context.AddOutboxMessage(MeldingActivity.OutboxKind, new NotificationMail
            {
                NotificationKind = "termijnVerstreken",
                ToRole = "secretary",
                Subject = $"Termijn verstreken: {context.GetInput<string>("taak")}",
                Text = $"De nazorgtaak is nog niet gereed; de termijn was {display}.",
                Proposal = MailProposal.From(context.WorkflowInput, summary: false),
            }.ToJson());
            return ValueTask.FromResult(ActivityResult.Wait());
        }

        var answer = Declared.Request(TaskBookmark)!.Check(resume.Input, context.Trigger.Channel);
        context.Journal(new NazorgGereed(answer.Text("toelichting")));
        return ValueTask.FromResult(ActivityResult.Complete(Gereed));
    }

    private Deadline Deadline(ActivityInputs inputs, DateOnly decided)
    {
        var article = inputs.Text("artikel") ?? "art. 34 lid 2 Wgr";
        var period = deadlines.PeriodAfter(decided, IsoDuration.Parse(inputs.Text("termijn") ?? "P2W"), inputs.Text("regel") ?? "2 weken na vaststelling",
            article, inputs.Boolean("atw") ?? true);
        if (inputs.Text("uiterlijkOp") is not { } fixedText)
        {
            return period;
        }

        var last = Bestuur.DayOfYear(fixedText, decided.Year, "uiterlijkOp");
        return DeadlineCalculator.Earliest(period, DeadlineCalculator.FixedDate(last, inputs.Text("uiterlijkRegel") ?? "vóór 15 september", article));
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var deadline = Deadline(context.Inputs, context.Date);
        return new SimulatedStep(Gereed, context.Date, $"Nazorg: {context.Inputs.Text("taak")}, {deadline.Display}", Deadline: deadline);
    }
}
