using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// The zienswijzen of the councils on a draft (ontwerpbegroting, begrotingswijziging, a change of the regeling):
/// the legal deadline (default 12 weeks after dispatch, art. 35 lid 3 Wgr, shifted by the Atw), then a written,
/// reasoned reaction of the board to every zienswijze given. Only when each has its reaction does the round go on,
/// so the AB cannot decide before.
/// </summary>
[Activity("Zienswijzenronde", Category = Bestuur.Category, IsBlocking = true)]
public sealed class Zienswijzenronde(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : AnswerRound<ZienswijzenInputs>(directory, deadlines, calendar)
{

    public const string Gereed = "gereed";
    public const string Positief = "positief";
    public const string PositiefMetKanttekeningen = "positiefMetKanttekeningen";
    public const string Negatief = "negatief";
    public const string GeenZienswijze = "geenZienswijze";
    public const string ReactionBookmark = "Reactie";

    /// <summary>The field of the round's variable that holds how many councils gave a zienswijze, once the round has closed.</summary>
    public const string CountField = "aantalMetZienswijze";

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
                MailKind = "verzoekZienswijze",
                Party = payload => payload.Name,
                Intro = payload => payload.DeadlineText is { } deadline ? $"Termijn: {deadline}." : null,
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
                Task = payload => $"Reactie op de zienswijze van {payload.Name} schrijven",
                Party = payload => payload.Name,
                Intro = payload => payload.Zienswijze is { } given
                    ? $"Zienswijze: {Declared!.Request(AnswerBookmark)!.ChoiceLabel(given).ToLowerInvariant()}. {payload.Text}".TrimEnd()
                    : null,
            },
        ],
    };

    private const string ZienswijzeNeedsText = "Een zienswijze heeft een tekst; kies anders 'Geen zienswijze'.";
    private const string ReactionTooShort = "Een reactie op een zienswijze is schriftelijk en gemotiveerd: schrijf ten minste 20 tekens.";

    public override StepDeclaration Declaration => Declared;
    protected override string AnswersProperty => "raden";
    protected override string InputName => ZienswijzenInputs.RadenKey;
    protected override string SimulatedPort => Gereed;

    protected override void Recorded(JsonObject entry)
    {
        var zienswijze = entry["antwoord"]!.GetValue<string>();
        entry["zienswijze"] = zienswijze;

        // "Geen zienswijze" carries no text: a text typed before choosing it is not the council's zienswijze.
        if (zienswijze == GeenZienswijze)
        {
            entry.Remove("tekst");
        }
    }

    protected override ActivityResult Closed(ActivityContext context, JsonObject round, JsonObject answers)
    {
        foreach (var (_, value) in answers)
        {
            value!["zienswijze"] ??= value["antwoord"]!.GetValue<string>();
        }

        var given = answers.Where(kv => kv.Value!["zienswijze"]!.GetValue<string>() != GeenZienswijze).ToList();

        // A route's rules read the count as a field of the variable (variables.zienswijzen.aantalMetZienswijze).
        round[CountField] = given.Count;
        context.Journal(new ZienswijzenOntvangen(given.Count, answers.Count - given.Count));
        if (given.Count == 0)
        {
            return ActivityResult.Complete(Gereed);
        }

        return ActivityResult.WaitInstead([.. given.Select(kv => new BookmarkRequest(ReactionBookmark, new RequestPayload
        {
            Body = kv.Key,
            Name = kv.Value!["naam"]?.GetValue<string>(),
            Zienswijze = kv.Value["zienswijze"]?.GetValue<string>(),
            Text = kv.Value["tekst"]?.GetValue<string>(),
        }.ToJson()))]);
    }

    /// <summary>The board's written, reasoned reaction to one zienswijze.</summary>
    protected override ActivityResult OnOtherResume(ActivityContext context, ResumeArgs resume, JsonObject round, JsonObject answers)
    {
        if (resume.BookmarkName != ReactionBookmark)
        {
            return base.OnOtherResume(context, resume, round, answers);
        }

        var bodyId = RequestPayload.Read(resume.Payload).Body ?? throw new InvalidOperationException("De reactie-bladwijzer noemt geen orgaan.");
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
