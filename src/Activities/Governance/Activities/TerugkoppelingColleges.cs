using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// College return (ruggespraak): the 12 colleges are consulted and each answers instemming or bedenkingen by a
/// deadline the board sets (not a legal period, so the Atw is off by default); the silent ones are recorded as
/// geen reactie. Leaves by "bedenkingen" when any college has them (or, when every college must agree, when one
/// stayed silent), else by "instemming"; the summary is kept for the board.
/// </summary>
[Activity("TerugkoppelingColleges", Category = Bestuur.Category, IsBlocking = true)]
public sealed class TerugkoppelingColleges(IGovernanceDirectory directory, DeadlineCalculator deadlines, WorkingDayCalendar calendar) : AnswerRound<CollegesInputs>(directory, deadlines, calendar)
{

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
                MailKind = "verzoekColleges",
                Party = payload => payload.Name,
                Intro = payload => payload.DeadlineText is { } deadline ? $"Termijn: {deadline}." : null,
            },
        ],
    };

    public override StepDeclaration Declaration => Declared;
    protected override string AnswersProperty => "colleges";
    protected override string InputName => CollegesInputs.CollegesKey;
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
        var allMust = context.Inputs<CollegesInputs>().AllenMoetenInstemmen;
        var port = concerns > 0 || (allMust && silent > 0) ? Bedenkingen : Instemming;
        context.Journal(new TerugkoppelingGesloten(port, summary));
        return ActivityResult.Complete(port);
    }
}
