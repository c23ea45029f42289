using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A notification to bodies or people, written to the outbox in the same transaction as the step, so it is sent
/// exactly when the step happened (delivery itself is the outbox's job). Recipients are resolved on the day:
/// a body means the members sitting that day; "raden" and "colleges" mean every council or college.
/// A notification the law gives a last day (e.g. the kaderbrief and the voorlopige jaarrekening to the councils before
/// 30 April, art. 34b Wgr) names that day and its article; sent after it, it still goes out (late is better than not at
/// all), the journal records the overrun and the secretaries are told. The route simulation marks it late beforehand.
/// </summary>
[Activity("Melding", Category = Bestuur.Category)]
[Input("aan", InputType.StringList, DisplayName = "Aan", Description = "Ids van organen of leden, of 'raden' / 'colleges'.", Required = true)]
[Input("soort", InputType.Choice, DisplayName = "Soort", DefaultJson = "\"mededeling\"")]
[Input("onderwerp", InputType.String, DisplayName = "Onderwerp", Required = true)]
[Input("tekst", InputType.Text, DisplayName = "Tekst")]
[Input("uiterlijkOp", InputType.String, DisplayName = "Wettelijk uiterlijk op (mm-dd)",
    Description = "Laatste dag in het jaar van verzending, bijvoorbeeld 04-29 voor 'vóór 30 april' (art. 34b Wgr).")]
[Input("uiterlijkRegel", InputType.String, DisplayName = "Regel vaste datum", Description = "Bijvoorbeeld 'vóór 30 april naar de raden'.")]
[Input("artikel", InputType.String, DisplayName = "Artikel", Description = "Het artikel waar de uiterste datum uit volgt, bijvoorbeeld 'art. 34b Wgr'.")]
[InputRequires("uiterlijkOp", "uiterlijkRegel", "artikel")]
public sealed class MeldingActivity(IGovernanceDirectory directory) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep
{
    public static readonly StepDeclaration Declared = new("Melding", "Melding", "Stuurt een bericht per e-mail aan organen of personen.")
    {
        Outcomes = [new(Ports.Done, "Verstuurd")],
        InputChoices = new Dictionary<string, IReadOnlyList<InputChoice>>
        {
            ["soort"] =
            [
                new("mededeling", "Mededeling"), new("verzoekAdvies", "Verzoek om advies"), new("verzoekStem", "Verzoek om een stem"),
                new("verzoekZienswijze", "Verzoek om een zienswijze"), new("verzoekColleges", "Verzoek aan de colleges"), new("herinnering", "Herinnering"),
                new("besluitGenomen", "Besluit genomen"), new("termijnVerstreken", "Termijn verstreken"),
            ],
        },
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input switch
    {
        "aan" => Bestuur.CheckBodies(directory, value, alsoAllowed: id => id is "raden" or "colleges" || directory.Current.Model.FindMember(id) is not null),
        "uiterlijkOp" => Bestuur.CheckDayOfYear(value),
        _ => null,
    };

    /// <summary>The outbox kind of a notification; its payload is a <see cref="NotificationMail"/>.</summary>
    public const string OutboxKind = "melding";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = ActivityInputs.Of(context);
        var model = directory.Current.Model;
        var today = Bestuur.Today(context.Now);
        var recipients = Recipients(model, inputs.List("aan"), today);
        if (recipients.Count == 0)
        {
            throw new InvalidOperationException($"De melding heeft op {Bestuur.Format(today)} geen ontvangers: {string.Join(", ", inputs.List("aan"))}.");
        }

        var subject = inputs.Text("onderwerp") ?? throw new InvalidOperationException("De melding heeft geen onderwerp.");
        var deadline = LegalDeadline(inputs, today);
        context.AddOutboxMessage(OutboxKind, new NotificationMail
        {
            NotificationKind = inputs.Text("soort") ?? "mededeling",
            Subject = subject,
            Text = inputs.Text("tekst"),
            To = recipients.Select(MailRecipient.Of).ToList(),
            Proposal = MailProposal.From(context.WorkflowInput),
        }.ToJson());
        context.Journal(new MeldingVerstuurd(subject, recipients.Count, deadline?.Display));
        if (deadline is not null && context.Now > deadline.Moment)
        {
            context.Journal(new TermijnOverschreden(subject, deadline.Display));
            context.AddOutboxMessage(OutboxKind, new NotificationMail
            {
                NotificationKind = "termijnVerstreken",
                ToRole = "secretary",
                Subject = $"Te laat verzonden: {subject}",
                Text = $"De melding is op {Bestuur.Format(today)} verzonden; de wettelijke termijn was {deadline.Display}.",
                Proposal = MailProposal.From(context.WorkflowInput, summary: false),
            }.ToJson());
        }

        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }

    /// <summary>The fixed last day the law sets for this notification in the year it is sent, if any.</summary>
    private static Deadline? LegalDeadline(ActivityInputs inputs, DateOnly sent) =>
        inputs.Text("uiterlijkOp") is { } day
            ? DeadlineCalculator.FixedDate(Bestuur.DayOfYear(day, sent.Year, "uiterlijkOp"),
                inputs.Text("uiterlijkRegel") ?? throw new InvalidOperationException("Invoer 'uiterlijkRegel' ontbreekt bij de uiterste datum."),
                inputs.Text("artikel") ?? throw new InvalidOperationException("Invoer 'artikel' ontbreekt bij de uiterste datum."))
            : null;

    internal static List<Member> Recipients(GovernanceModel model, IReadOnlyList<string> targets, DateOnly today)
    {
        var result = new List<Member>();
        foreach (var target in targets)
        {
            IEnumerable<Member> found = target switch
            {
                "raden" => model.Bodies.Where(b => b.Kind == BodyKind.Gemeenteraad).SelectMany(b => model.MembersOf(b.Id, today)),
                "colleges" => model.Bodies.Where(b => b.Kind == BodyKind.College).SelectMany(b => model.MembersOf(b.Id, today)),
                _ when model.FindBody(target) is { } body => model.MembersOf(body.Id, today).Where(m => m.SubstituteFor is null),
                _ when model.FindMember(target) is { } member => model.SeatHolder(member, today) is { } holder ? [holder] : [],
                _ => throw new InvalidOperationException($"Invoer 'aan': '{target}' is geen orgaan, lid, 'raden' of 'colleges'."),
            };
            result.AddRange(found.Where(m => result.All(r => r.Id != m.Id)));
        }

        return result;
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var deadline = LegalDeadline(context.Inputs, context.Date);
        var late = deadline is not null && context.Date > deadline.Date ? $" (te laat: {deadline.Display})" : "";
        return new SimulatedStep(Ports.Done, context.Date, $"Melding: {context.Inputs.Text("onderwerp")}{late}", Deadline: deadline);
    }
}

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
