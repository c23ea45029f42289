using System.Globalization;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;
using AdviesRoute.Activities.Governance.Requests;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// Ambtelijke voorbereiding: a task for a group (the pillar's voorbereidingsgroep). The group reports it ready,
/// or that the proposal must be revised first (the definition routes "herzien" back for rework).
/// </summary>
[Activity("Voorbereiding", Category = Bestuur.Category, IsBlocking = true)]
public sealed class VoorbereidingActivity(IGovernanceDirectory directory) : Activity, ISimulatedActivity, IChecksLiteralInputs, IDeclaredStep, IHasInputs<VoorbereidingInputs>
{
    public static readonly StepDeclaration Declared = new("Voorbereiding", "Ambtelijke voorbereiding", "Taak voor een voorbereidingsgroep; uitkomst gereed of herzien.")
    {
        Outcomes = [new(Gereed, "Gereed"), new(Herzien, "Herzien (eerst aanpassen)")],
        Requests =
        [
            new(BookmarkName, "Voorbereiding afronden", Answerer.Group)
            {
                ChoiceField = "uitkomst",
                Choices = [new(Gereed, "Gereed"), new(Herzien, "Herzien") { Requires = ["toelichting"], RequiresMessage = "Geef bij 'Herzien' een toelichting: wat moet er anders?" }],
                Fields = [new AnswerField("toelichting", "Toelichting", "De toelichting")],
                Action = "Vastleggen",
                Party = payload => payload.GroupName,
                Intro = payload => payload.Task,
                Task = _ => "Voorbereiding afronden",
            },
        ],
    };

    public StepDeclaration Declaration => Declared;

    public string? CheckLiteral(string input, JsonNode value) => input == VoorbereidingInputs.GroepKey ? Bestuur.CheckBodies(directory, value) : null;

    public const string Gereed = "gereed";
    public const string Herzien = "herzien";
    public const string BookmarkName = "Voorbereiding";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inputs = context.Inputs<VoorbereidingInputs>();
        var group = Bestuur.RequireBody(directory.Current.Model, inputs.Groep, VoorbereidingInputs.GroepKey);
        var expected = inputs.Doorlooptijd.AddTo(Bestuur.Today(context.Now));
        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(BookmarkName, new RequestPayload
        {
            Group = group.Id,
            GroupName = group.Name,
            Task = inputs.Taak,
            ExpectedReady = expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.ToJson())));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        var answer = Declared.Request(BookmarkName)!.Check(resume.Input, context.Trigger.Channel);
        var outcome = answer.Choice!;
        var remark = answer.Text("toelichting");

        context.Journal(new VoorbereidingAfgerond(outcome, remark));
        return ValueTask.FromResult(ActivityResult.Complete(outcome));
    }

    public SimulatedStep Simulate(SimulationContext context)
    {
        var inputs = context.Inputs<VoorbereidingInputs>();
        var group = Bestuur.RequireBody(context.Governance.Model, inputs.Groep, VoorbereidingInputs.GroepKey);
        var done = inputs.Doorlooptijd.AddTo(context.Date);
        return new SimulatedStep(Gereed, done, $"{group.Name}: voorbereiding gereed (verwachte doorlooptijd {DutchFormat.Duration(inputs.Doorlooptijd)})");
    }
}
