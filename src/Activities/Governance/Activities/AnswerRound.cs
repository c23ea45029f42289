using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Answers;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A round in which several bodies of the municipalities (the 12 councils, the 12 colleges) each answer, in
/// parallel, by a deadline computed from a legal rule. Each body has its own request; when every one has answered,
/// or the deadline passes, the round closes and the silent ones are recorded with the default answer. The answers
/// are kept in a variable so later steps and the board see them.
/// </summary>
public abstract class AnswerRound(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep
{
    public abstract StepDeclaration Declaration { get; }

    private RequestDeclaration AnswerDeclaration => Declaration.Request(AnswerBookmark)!;

    public const string ReminderBookmark = WrittenRound.ReminderBookmark;

    /// <summary>The kind of request mail the round sends, as its request declares it.</summary>
    protected string RequestKind => AnswerDeclaration.MailKind!;

    public string? CheckLiteral(string input, JsonNode value) => input == InputName ? Bestuur.CheckBodies(directory, value, Kind) : null;

    public const string AnswerBookmark = "Antwoord";
    public const string DeadlineBookmark = WrittenRound.DeadlineBookmark;

    protected abstract BodyKind Kind { get; }
    protected IReadOnlyList<string> Answers => [.. AnswerDeclaration.Choices.Select(c => c.Code)];

    protected string Silent => AnswerDeclaration.Silent!.Code;
    /// <summary>The property of the variable that holds the answers per body ("raden", "colleges").</summary>
    protected abstract string AnswersProperty { get; }

    /// <summary>What happens when the round has closed: go on, or ask for more (the reactions to zienswijzen).</summary>
    protected abstract ActivityResult Closed(ActivityContext context, JsonObject round, JsonObject answers);

    protected abstract string SimulatedPort { get; }

    protected string VariableName(ActivityContext context) => ReadInputs(context).Variabele;

    /// <summary>The node's inputs, read into the round's input record.</summary>
    protected abstract AnswerRoundInputs ReadInputs(ActivityContext context);

    /// <summary>The node's inputs in a simulation, read by the same reader.</summary>
    protected abstract AnswerRoundInputs ReadInputs(SimulationContext context);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = ReadInputs(context);
        var snapshot = directory.Current;
        var today = Bestuur.Today(context.Now);
        var bodies = Bodies(snapshot.Model, inputs);
        var deadline = Deadline(inputs, today);
        var written = Round(context);
        var number = written.Start();
        context.State.Remove("antwoorden");
        var answers = new JsonObject();
        var parties = new List<(RoundParty, JsonObject)>();
        foreach (var body in bodies)
        {
            var contacts = Contacts(snapshot.Model, body, today);
            answers[body.Id] = new JsonObject
            {
                ["naam"] = body.Name,
                ["gemeente"] = body.Municipality,
                ["status"] = "open",
            };
            parties.Add((new RoundParty(("orgaan", body.Id), body, contacts), new RequestPayload
            {
                Body = body.Id,
                Round = number,
                Name = body.Name,
                Municipality = body.Municipality,
                Choices = Answers,
                Deadline = deadline.Display,
                Contacts = new JsonArray(contacts.Select(c => (JsonNode)Bestuur.Person(c)).ToArray()),
            }.ToJson()));
        }

        var result = written.Open(AnswerBookmark, parties, deadline, inputs.Herinneringen, inputs.MailOnderwerp, inputs.MailTekst);
        var round = new JsonObject
        {
            ["verzonden"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["termijn"] = Bestuur.ToJson(deadline),
            [AnswersProperty] = answers,
        };
        context.SetVariable(inputs.Variabele, round);
        context.Journal(new RondeGestart(bodies.Count, deadline.Display));
        return ValueTask.FromResult(result);
    }

    /// <summary>The round of this step: its request mails, deadline and reminders.</summary>
    private WrittenRound Round(ActivityContext context) => new(context, calendar, RequestKind, Answers);

    /// <summary>Who answers for a body and gets its mails: the members sitting that day, substitutes left out.</summary>
    private static List<Member> Contacts(GovernanceModel model, Body body, DateOnly today) =>
        model.MembersOf(body.Id, today).Where(m => m.SubstituteFor is null).ToList();

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        var name = VariableName(context);
        var round = context.GetVariable(name)?.DeepClone().AsObject() ?? throw new InvalidOperationException($"De variabele '{name}' met de ronde ontbreekt.");
        var answers = round[AnswersProperty]!.AsObject();
        ActivityResult result;
        switch (resume.BookmarkName)
        {
            case AnswerBookmark:
                var bodyId = RequestPayload.Read(resume.Payload).Body ?? throw new InvalidOperationException("De antwoord-bladwijzer noemt geen orgaan.");
                var checkedAnswer = AnswerDeclaration.Check(resume.Input, context.Trigger.Channel);
                var answer = checkedAnswer.Choice!;
                var by = AnsweredBy(context, bodyId, checkedAnswer);
                var entry = answers[bodyId]!.AsObject();
                var earlier = entry["antwoord"]?.GetValue<string>();
                entry["status"] = "ontvangen";
                entry["antwoord"] = answer;
                entry["tekst"] = checkedAnswer.Text("tekst");
                entry["ontvangen"] = context.Now;
                entry["door"] = by;
                Recorded(entry);
                var given = context.State["antwoorden"] as JsonObject ?? [];
                context.State["antwoorden"] = given;
                given[bodyId] = new JsonObject { ["antwoord"] = answer, ["op"] = context.Now, ["door"] = entry["door"]?.DeepClone() };
                context.Journal(new AntwoordGegeven(answer, bodyId, entry["naam"]?.GetValue<string>(), entry["door"]?.GetValue<string>(), earlier,
                    checkedAnswer.OnBehalf is null ? null : new JournalNamens(context.Trigger.Actor, checkedAnswer.OnBehalf)));

                // Until every body has answered the round stays open, and an answer may still be changed by its link.
                result = answers.All(kv => kv.Value!["status"]!.GetValue<string>() != "open")
                    ? Close(context, round, answers)
                    : WrittenRound.KeepOpen(resume);
                break;
            case ReminderBookmark:
                result = Remind(context, round, answers);
                break;
            case DeadlineBookmark:
                foreach (var (bodyId2, value) in answers)
                {
                    if (value!["status"]!.GetValue<string>() == "open")
                    {
                        value["status"] = "verstreken";
                        value["antwoord"] = Silent;
                        context.Journal(new TermijnVerstreken.ZonderAntwoord(Silent, bodyId2, value["naam"]?.GetValue<string>()));
                    }
                }

                result = Close(context, round, answers);
                break;
            default:
                result = OnOtherResume(context, resume, round, answers);
                break;
        }

        context.SetVariable(name, round);
        return ValueTask.FromResult(result);
    }

    /// <summary>A reminder to the contacts of every body that has not answered; none once the round has closed.</summary>
    private ActivityResult Remind(ActivityContext context, JsonObject round, JsonObject answers)
    {
        var model = directory.Current.Model;
        var today = Bestuur.Today(context.Now);
        var silent = answers.Where(kv => kv.Value!["status"]!.GetValue<string>() == "open")
            .Select(kv => Bestuur.RequireBody(model, kv.Key, InputName))
            .Select(body => new RoundParty(("orgaan", body.Id), body, Contacts(model, body, today)));
        return Round(context).Remind(silent, Bestuur.DeadlineOf(round["termijn"]!.AsObject()));
    }

    /// <summary>
    /// Who gave a body's answer: the member named (through their personal link always), who must sit in that body on
    /// the day; else whoever recorded it on the body's behalf.
    /// </summary>
    private string? AnsweredBy(ActivityContext context, string bodyId, CheckedAnswer answer)
    {
        if (answer.MemberId is null)
        {
            return context.Trigger.Actor;
        }

        var model = directory.Current.Model;
        var body = Bestuur.RequireBody(model, bodyId, InputName);
        var member = model.FindMember(answer.MemberId) ?? throw new ResumeRejectedException($"Lid '{answer.MemberId}' is onbekend.");
        var check = SeatRule.ForBody(body, member, Bestuur.Today(context.Now));
        return check.Allowed ? member.Name : throw new ResumeRejectedException(check.Refusal!);
    }

    /// <summary>What a step adds to an answer as recorded (e.g. the zienswijze it is).</summary>
    protected virtual void Recorded(JsonObject entry)
    {
    }

    protected virtual ActivityResult OnOtherResume(ActivityContext context, ResumeArgs resume, JsonObject round, JsonObject answers) =>
        throw new InvalidOperationException($"Onbekende bladwijzer '{resume.BookmarkName}'.");

    private ActivityResult Close(ActivityContext context, JsonObject round, JsonObject answers)
    {
        round["gesloten"] = context.Now;
        return Closed(context, round, answers);
    }

    private List<Body> Bodies(GovernanceModel model, AnswerRoundInputs inputs)
    {
        var ids = inputs.Bodies;
        if (ids.Count == 0)
        {
            return model.Bodies.Where(b => b.Kind == Kind).ToList();
        }

        return ids.Select(id => Bestuur.RequireBody(model, id, InputName)).ToList();
    }

    /// <summary>The input that lists the bodies ("raden", "colleges").</summary>
    protected abstract string InputName { get; }

    /// <summary>
    /// The round's deadline. Bodies must meet it, so an end on a day off always moves to the next working day: by the
    /// Atw for a period of the law (the councils' 12 weeks, art. 35 lid 3 Wgr), by the rule that set it otherwise (the
    /// colleges' period, set by a DB decision), which the deadline's text then names.
    /// </summary>
    private Deadline Deadline(AnswerRoundInputs inputs, DateOnly today) =>
        deadlines.PeriodAfter(today, inputs.Termijn, inputs.Regel, inputs.Artikel, inputs.Atw, movesToWorkingDay: true);

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = ReadInputs(context);
        var deadline = Deadline(inputs, context.Date);
        var count = Bodies(context.Governance.Model, inputs).Count;
        return new SimulatedStep(SimulatedPort, deadline.Date, $"{count} {AnswersProperty} gevraagd; {deadline.Display}", Deadline: deadline);
    }
}

/// <summary>A round whose inputs are <typeparamref name="TInputs"/>: the registry describes them, the step reads them.</summary>
public abstract class AnswerRound<TInputs>(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar)
    : AnswerRound(directory, deadlines, calendar), IHasInputs<TInputs>
    where TInputs : AnswerRoundInputs, new()
{
    protected sealed override AnswerRoundInputs ReadInputs(ActivityContext context) => context.Inputs<TInputs>();

    protected sealed override AnswerRoundInputs ReadInputs(SimulationContext context) => context.Inputs<TInputs>();
}
