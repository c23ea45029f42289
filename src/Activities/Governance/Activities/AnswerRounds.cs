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

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// A round in which several bodies of the municipalities (the 12 councils, the 12 colleges) each answer, in
/// parallel, by a deadline computed from a legal rule. Each body has its own request; when every one has answered,
/// or the deadline passes, the round closes and the silent ones are recorded with the default answer. The answers
/// are kept in a variable so later steps and the board see them.
/// </summary>
[Input("herinneringen", InputType.StringList, DisplayName = "Herinneringen (werkdagen vóór de termijn)",
    Description = "Een herinnering aan wie nog niet antwoordde, zoveel werkdagen vóór het einde van de termijn.", DefaultJson = "[\"5\"]")]
[Input("mailOnderwerp", InputType.String, DisplayName = "Onderwerp van de mail",
    Description = "Met {naam}, {titel}, {orgaan} en {uiterlijk}; leeg is de standaardtekst.")]
[Input("mailTekst", InputType.Text, DisplayName = "Tekst van de mail",
    Description = "Met {naam}, {titel}, {orgaan} en {uiterlijk}; de persoonlijke link komt eronder. Leeg is de standaardtekst.")]
public abstract class AnswerRound(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep
{
    public abstract StepDeclaration Declaration { get; }

    private RequestDeclaration AnswerDeclaration => Declaration.Request(AnswerBookmark)!;

    public const string ReminderBookmark = "Herinnering";

    /// <summary>The kind of request mail (<c>verzoekZienswijze</c>, <c>verzoekColleges</c>).</summary>
    protected abstract string RequestKind { get; }

    public string? CheckLiteral(string input, JsonNode value) => input == InputName ? Bestuur.CheckBodies(directory, value, Kind) : null;

    public const string AnswerBookmark = "Antwoord";
    public const string DeadlineBookmark = "Termijn";

    protected abstract BodyKind Kind { get; }
    protected IReadOnlyList<string> Answers => [.. AnswerDeclaration.Choices.Select(c => c.Code)];

    protected string Silent => AnswerDeclaration.Silent!.Code;
    protected abstract string DefaultVariable { get; }

    /// <summary>The property of the variable that holds the answers per body ("raden", "colleges").</summary>
    protected abstract string AnswersProperty { get; }

    protected abstract string DefaultPeriod { get; }
    protected abstract string DefaultRule { get; }
    protected abstract string DefaultArticle { get; }
    protected abstract bool DefaultAtw { get; }

    /// <summary>What happens when the round has closed: go on, or ask for more (the reactions to zienswijzen).</summary>
    protected abstract ActivityResult Closed(ActivityContext context, JsonObject round, JsonObject answers);

    protected abstract string SimulatedPort { get; }

    protected string VariableName(ActivityContext context) => context.GetInput<string>("variabele") ?? DefaultVariable;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = ActivityInputs.Of(context);
        var snapshot = directory.Current;
        var today = Bestuur.Today(context.Now);
        var bodies = Bodies(snapshot.Model, inputs);
        var deadline = Deadline(inputs, today);
        var number = (context.State["ronde"]?.GetValue<int>() ?? 0) + 1;
        context.State["ronde"] = number;
        context.State.Remove("antwoorden");
        var answers = new JsonObject();
        var requests = new List<BookmarkRequest>();
        foreach (var body in bodies)
        {
            var contacts = snapshot.Model.MembersOf(body.Id, today).Where(m => m.SubstituteFor is null).ToList();
            foreach (var contact in contacts)
            {
                RequestMails.Queue(context, RequestKind, contact, number, ("orgaan", body.Id), body, deadline, Answers, inputs.Text("mailOnderwerp"), inputs.Text("mailTekst"));
            }

            answers[body.Id] = new JsonObject
            {
                ["naam"] = body.Name,
                ["gemeente"] = body.Municipality,
                ["status"] = "open",
            };
            requests.Add(new BookmarkRequest(AnswerBookmark, new JsonObject
            {
                ["orgaan"] = body.Id,
                ["ronde"] = number,
                ["naam"] = body.Name,
                ["gemeente"] = body.Municipality,
                ["keuzes"] = new JsonArray(Answers.Select(a => (JsonNode)a).ToArray()),
                ["uiterlijk"] = deadline.Display,
                ["contacten"] = new JsonArray(contacts.Select(c => (JsonNode)Bestuur.Person(c)).ToArray()),
            }));
        }

        var round = new JsonObject
        {
            ["verzonden"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["termijn"] = Bestuur.ToJson(deadline),
            [AnswersProperty] = answers,
        };
        context.SetVariable(VariableName(context), round);
        context.Journal(new RondeGestart(bodies.Count, deadline.Display));
        requests.Add(new BookmarkRequest(DeadlineBookmark, new JsonObject { ["uiterlijk"] = deadline.Display }, deadline.Moment));
        foreach (var (days, at) in RequestMails.ReminderMoments(calendar, deadline, inputs.List("herinneringen"), context.Now))
        {
            requests.Add(new BookmarkRequest(ReminderBookmark, new JsonObject { ["werkdagen"] = days }, at));
        }

        return ValueTask.FromResult(ActivityResult.WaitInstead([.. requests]));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        var name = VariableName(context);
        var round = context.GetVariable(name)?.DeepClone().AsObject() ?? throw new InvalidOperationException($"De variabele '{name}' met de ronde ontbreekt.");
        var answers = round[AnswersProperty]!.AsObject();
        ActivityResult result;
        switch (resume.BookmarkName)
        {
            case AnswerBookmark:
                var bodyId = resume.Payload!["orgaan"]!.GetValue<string>();
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
                    : ActivityResult.Wait(new BookmarkRequest(AnswerBookmark, resume.Payload?.DeepClone().AsObject()));
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
        var snapshot = directory.Current;
        var today = Bestuur.Today(context.Now);
        var deadline = Bestuur.DeadlineOf(round["termijn"]!.AsObject());
        var number = context.State["ronde"]!.GetValue<int>();
        var reminded = 0;
        foreach (var (bodyId, value) in answers.Where(kv => kv.Value!["status"]!.GetValue<string>() == "open"))
        {
            var body = Bestuur.RequireBody(snapshot.Model, bodyId, InputName);
            foreach (var contact in snapshot.Model.MembersOf(bodyId, today).Where(m => m.SubstituteFor is null))
            {
                RequestMails.Queue(context, "herinnering", contact, number, ("orgaan", bodyId), body, deadline, Answers, null, null);
                reminded++;
            }
        }

        context.Journal(new HerinneringVerstuurd(reminded));
        return ActivityResult.Wait();
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

    private List<Body> Bodies(GovernanceModel model, ActivityInputs inputs)
    {
        var ids = inputs.List(InputName);
        if (ids.Count == 0)
        {
            return model.Bodies.Where(b => b.Kind == Kind).ToList();
        }

        return ids.Select(id => Bestuur.RequireBody(model, id, InputName)).ToList();
    }

    /// <summary>The input that lists the bodies ("raden", "colleges").</summary>
    protected abstract string InputName { get; }

    private Deadline Deadline(ActivityInputs inputs, DateOnly today) => deadlines.PeriodAfter(
        today,
        IsoDuration.Parse(inputs.Text("termijn") ?? DefaultPeriod),
        inputs.Text("regel") ?? DefaultRule,
        inputs.Text("artikel") ?? DefaultArticle,
        inputs.Boolean("atw") ?? DefaultAtw);

    public SimulatedStep Simulate(SimulationContext context)
    {
        var deadline = Deadline(context.Inputs, context.Date);
        var count = Bodies(context.Governance.Model, context.Inputs).Count;
        return new SimulatedStep(SimulatedPort, deadline.Date, $"{count} {AnswersProperty} gevraagd; {deadline.Display}", Deadline: deadline);
    }
}

/// <summary>
/// The zienswijzen of the councils on a draft (ontwerpbegroting, begrotingswijziging, a change of the regeling):
/// the legal deadline (default 12 weeks after dispatch, art. 35 lid 3 Wgr, shifted by the Atw), then a written,
/// reasoned reaction of the board to every zienswijze given. Only when each has its reaction does the round go on,
/// so the AB cannot decide before.
/// </summary>
[Activity("Zienswijzenronde", Category = Bestuur.Category, IsBlocking = true)]
[Input("raden", InputType.StringList, DisplayName = "Raden", Description = "Ids van de raden; leeg is alle raden.")]
[Input("termijn", InputType.Duration, DisplayName = "Termijn", DefaultJson = "\"P12W\"")]
[Input("regel", InputType.String, DisplayName = "Regel", DefaultJson = "\"12 weken na verzending\"")]
[Input("artikel", InputType.String, DisplayName = "Artikel", DefaultJson = "\"art. 35 lid 3 Wgr\"")]
[Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", DefaultJson = "true")]
[Input("variabele", InputType.String, DisplayName = "Bewaar in variabele", DefaultJson = "\"zienswijzen\"", SupportsExpression = false)]
public sealed class Zienswijzenronde(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : AnswerRound(directory, deadlines, calendar)
{
    protected override string RequestKind => "verzoekZienswijze";

    public const string Gereed = "gereed";
    public const string Positief = "positief";
    public const string PositiefMetKanttekeningen = "positiefMetKanttekeningen";
    public const string Negatief = "negatief";
    public const string GeenZienswijze = "geenZienswijze";
    public const string ReactionBookmark = "Reactie";

    protected override BodyKind Kind => BodyKind.Gemeenteraad;
    public static readonly StepDeclaration Declared = new("Zienswijzenronde", "Zienswijzenronde gemeenteraden",
        "Vraagt elke raad parallel om een zienswijze binnen de wettelijke termijn; daarna een gemotiveerde reactie per zienswijze.")
    {
        Outcomes = [new(Gereed, "Gereed: elke zienswijze heeft een reactie")],
        Requests =
        [
            new(AnswerBookmark, "Zienswijze van de raad", Answerer.Body)
            {
                ChoiceField = "antwoord",
                Choices =
                [
                    new(Positief, "Positief") { Requires = ["tekst"], RequiresMessage = ZienswijzeNeedsText },
                    new(PositiefMetKanttekeningen, "Positief met kanttekeningen") { Requires = ["tekst"], RequiresMessage = ZienswijzeNeedsText },
                    new(Negatief, "Negatief") { Requires = ["tekst"], RequiresMessage = ZienswijzeNeedsText },
                    new(GeenZienswijze, "Geen zienswijze"),
                ],
                Silent = new(GeenZienswijze, "Geen zienswijze (termijn verstreken)"),
                Fields = [new AnswerField("tekst", "Tekst van de zienswijze", "De tekst van de zienswijze")],
                Action = "Zienswijze vastleggen",
                Invitation = "Zienswijze van de raad",
                Party = payload => payload["naam"]?.GetValue<string>(),
                Intro = payload => payload["uiterlijk"]?.GetValue<string>() is { } deadline ? $"Termijn: {deadline}." : null,
            },
            new(ReactionBookmark, "Reactie op de zienswijze", Answerer.Secretariat)
            {
                Fields =
                [
                    new AnswerField("reactie", "Schriftelijke, gemotiveerde reactie van het bestuur", "De reactie")
                    {
                        Required = true,
                        RequiredMessage = ReactionTooShort,
                        MinLength = 20,
                        MinLengthMessage = ReactionTooShort,
                    },
                ],
                Action = "Reactie vastleggen",
                Task = payload => $"Reactie op de zienswijze van {payload["naam"]?.GetValue<string>()} schrijven",
                Party = payload => payload["naam"]?.GetValue<string>(),
                Intro = payload => payload["zienswijze"]?.GetValue<string>() is { } given
                    ? $"Zienswijze: {Declared!.Request(AnswerBookmark)!.ChoiceLabel(given).ToLowerInvariant()}. {payload["tekst"]?.GetValue<string>()}".TrimEnd()
                    : null,
            },
        ],
    };

    private const string ZienswijzeNeedsText = "Een zienswijze heeft een tekst; kies anders 'Geen zienswijze'.";
    private const string ReactionTooShort = "Een reactie op een zienswijze is schriftelijk en gemotiveerd: schrijf ten minste 20 tekens.";

    public override StepDeclaration Declaration => Declared;
    protected override string DefaultVariable => "zienswijzen";
    protected override string AnswersProperty => "raden";
    protected override string InputName => "raden";
    protected override string DefaultPeriod => "P12W";
    protected override string DefaultRule => "12 weken na verzending";
    protected override string DefaultArticle => "art. 35 lid 3 Wgr";
    protected override bool DefaultAtw => true;
    protected override string SimulatedPort => Gereed;

    protected override void Recorded(JsonObject entry) => entry["zienswijze"] = entry["antwoord"]!.GetValue<string>();

    protected override ActivityResult Closed(ActivityContext context, JsonObject round, JsonObject answers)
    {
        foreach (var (_, value) in answers)
        {
            value!["zienswijze"] ??= value["antwoord"]!.GetValue<string>();
        }

        var given = answers.Where(kv => kv.Value!["zienswijze"]!.GetValue<string>() != GeenZienswijze).ToList();
        context.Journal(new ZienswijzenOntvangen(given.Count, answers.Count - given.Count));
        if (given.Count == 0)
        {
            return ActivityResult.Complete(Gereed);
        }

        return ActivityResult.WaitInstead([.. given.Select(kv => new BookmarkRequest(ReactionBookmark, new JsonObject
        {
            ["orgaan"] = kv.Key,
            ["naam"] = kv.Value!["naam"]?.DeepClone(),
            ["zienswijze"] = kv.Value["zienswijze"]?.DeepClone(),
            ["tekst"] = kv.Value["tekst"]?.DeepClone(),
        }))]);
    }

    /// <summary>The board's written, reasoned reaction to one zienswijze.</summary>
    protected override ActivityResult OnOtherResume(ActivityContext context, ResumeArgs resume, JsonObject round, JsonObject answers)
    {
        if (resume.BookmarkName != ReactionBookmark)
        {
            return base.OnOtherResume(context, resume, round, answers);
        }

        var bodyId = resume.Payload!["orgaan"]!.GetValue<string>();
        var reaction = Declared.Request(ReactionBookmark)!.Check(resume.Input, context.Trigger.Channel).Text("reactie")!;

        var entry = answers[bodyId]!.AsObject();
        entry["reactie"] = reaction;
        entry["reactieOp"] = context.Now;
        entry["reactieDoor"] = context.Trigger.Actor;
        context.Journal(new ReactieOpZienswijze(bodyId, entry["naam"]?.GetValue<string>()));
        var waiting = answers.Any(kv => kv.Value!["zienswijze"]!.GetValue<string>() != GeenZienswijze && kv.Value["reactie"] is null);
        return waiting ? ActivityResult.Wait() : ActivityResult.Complete(Gereed);
    }
}

/// <summary>
/// College return (ruggespraak): the 12 colleges are consulted and each answers instemming or bedenkingen by a
/// deadline the board sets (not a legal period, so the Atw is off by default); the silent ones are recorded as
/// geen reactie. Leaves by "bedenkingen" when any college has them (or, when every college must agree, when one
/// stayed silent), else by "instemming"; the summary is kept for the board.
/// </summary>
[Activity("TerugkoppelingColleges", Category = Bestuur.Category, IsBlocking = true)]
[Input("colleges", InputType.StringList, DisplayName = "Colleges", Description = "Ids van de colleges; leeg is alle colleges.")]
[Input("termijn", InputType.Duration, DisplayName = "Termijn", DefaultJson = "\"P6W\"")]
[Input("regel", InputType.String, DisplayName = "Regel", DefaultJson = "\"6 weken na verzending\"")]
[Input("artikel", InputType.String, DisplayName = "Grondslag", DefaultJson = "\"besluit van het dagelijks bestuur\"")]
[Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", DefaultJson = "false")]
[Input("allenMoetenInstemmen", InputType.Boolean, DisplayName = "Alle colleges moeten instemmen",
    Description = "Bijvoorbeeld bij een wijziging van de regeling: wie niet reageert, stemt niet in.", DefaultJson = "false")]
[Input("variabele", InputType.String, DisplayName = "Bewaar in variabele", DefaultJson = "\"terugkoppeling\"", SupportsExpression = false)]
public sealed class TerugkoppelingColleges(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : AnswerRound(directory, deadlines, calendar)
{
    protected override string RequestKind => "verzoekColleges";

    public const string Instemming = "instemming";
    public const string Bedenkingen = "bedenkingen";
    public const string GeenReactie = "geenReactie";

    protected override BodyKind Kind => BodyKind.College;
    public static readonly StepDeclaration Declared = new("TerugkoppelingColleges", "Terugkoppeling colleges",
        "Raadpleegt de colleges van B en W parallel; elk antwoordt instemming of bedenkingen vóór de termijn.")
    {
        Outcomes = [new(Instemming, "Instemming van de colleges"), new(Bedenkingen, "Bedenkingen van een of meer colleges")],
        Requests =
        [
            new(AnswerBookmark, "Terugkoppeling van het college", Answerer.Body)
            {
                ChoiceField = "antwoord",
                Choices = [new(Instemming, "Instemming"), new(Bedenkingen, "Bedenkingen") { Requires = ["tekst"], RequiresMessage = "Geef bij bedenkingen aan welke." }],
                Silent = new(GeenReactie, "Geen reactie (termijn verstreken)"),
                Fields = [new AnswerField("tekst", "Bedenkingen of toelichting", "De tekst")],
                Action = "Antwoord vastleggen",
                Invitation = "Terugkoppeling van het college",
                Party = payload => payload["naam"]?.GetValue<string>(),
                Intro = payload => payload["uiterlijk"]?.GetValue<string>() is { } deadline ? $"Termijn: {deadline}." : null,
            },
        ],
    };

    public override StepDeclaration Declaration => Declared;
    protected override string DefaultVariable => "terugkoppeling";
    protected override string AnswersProperty => "colleges";
    protected override string InputName => "colleges";
    protected override string DefaultPeriod => "P6W";
    protected override string DefaultRule => "6 weken na verzending";
    protected override string DefaultArticle => "besluit van het dagelijks bestuur";
    protected override bool DefaultAtw => false;
    protected override string SimulatedPort => Instemming;


    protected override ActivityResult Closed(ActivityContext context, JsonObject round, JsonObject answers)
    {
        int Count(string answer) => answers.Count(kv => kv.Value!["antwoord"]!.GetValue<string>() == answer);
        var (yes, concerns, silent) = (Count(Instemming), Count(Bedenkingen), Count(GeenReactie));
        var summary = $"{yes} van de {answers.Count} colleges stemmen in, {concerns} hebben bedenkingen, {silent} reageerden niet.";
        if (concerns > 0)
        {
            summary += " Bedenkingen: " + string.Join("; ", answers.Where(kv => kv.Value!["antwoord"]!.GetValue<string>() == Bedenkingen)
                .Select(kv => $"{kv.Value!["naam"]}: {kv.Value["tekst"]}")) + ".";
        }

        round["samenvatting"] = summary;
        var allMust = context.GetInput<bool?>("allenMoetenInstemmen") == true;
        var port = concerns > 0 || (allMust && silent > 0) ? Bedenkingen : Instemming;
        context.Journal(new TerugkoppelingGesloten(port, summary));
        return ActivityResult.Complete(port);
    }
}
