using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Governance.Journal;
using AdviesRoute.Activities.Governance.Requests;
using AdviesRoute.Activities.Governance.Simulation;
using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// The board's reactions to the zienswijzen written anew: when the DB did not adopt them as drafted (returned or
/// rejected, they go back to the DB), or adopted them with changes (the text as adopted, before they go out). The
/// secretariat rewrites the reaction to every zienswijze given; the step goes on when each has its new text.
/// </summary>
[Activity("ReactiesHerzien", Category = Bestuur.Category, IsBlocking = true)]
public sealed class ReactiesHerzien : Activity, ISimulatedActivity, IDeclaredStep, IHasInputs<ReactiesZienswijzenInputs>
{
    public const string Gereed = "gereed";

    public static readonly StepDeclaration Declared = new("ReactiesHerzien", "Reacties op de zienswijzen herzien",
        "De reactie op elke zienswijze opnieuw vastleggen, zoals het dagelijks bestuur heeft besloten: opnieuw ter vaststelling, of zoals gewijzigd vastgesteld.")
    {
        Outcomes = [new(Gereed, "Gereed: elke zienswijze heeft haar nieuwe reactie")],
        Requests =
        [
            new(Zienswijzenronde.ReactionBookmark, "Reactie op de zienswijze herzien", Answerer.Secretariat)
            {
                Fields = Zienswijzenronde.Declared.Request(Zienswijzenronde.ReactionBookmark)!.Fields,
                Action = "Reactie vastleggen",
                Task = payload => $"Reactie op de zienswijze van {payload.Name} herzien",
                Party = payload => payload.Name,
                Intro = payload => $"Zienswijze ({Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!.ChoiceLabel(payload.Zienswijze ?? "").ToLowerInvariant()}): {payload.Text ?? "(zonder tekst)"}\nReactie tot nu toe: {payload.Reaction ?? "(geen)"}",
            },
        ],
    };

    public StepDeclaration Declaration => Declared;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var round = Round(context, out _);
        var given = (round["raden"] as JsonObject ?? []).Where(kv => kv.Value?["zienswijze"]?.GetValue<string>() is { } z && z != Zienswijzenronde.GeenZienswijze).ToList();
        if (given.Count == 0)
        {
            return ValueTask.FromResult(ActivityResult.Complete(Gereed));
        }

        context.State["open"] = new JsonArray([.. given.Select(kv => (JsonNode)kv.Key)]);
        return ValueTask.FromResult(ActivityResult.Wait([.. given.Select(kv => new BookmarkRequest(Zienswijzenronde.ReactionBookmark, new RequestPayload
        {
            Body = kv.Key,
            Name = kv.Value!["naam"]?.GetValue<string>(),
            Zienswijze = kv.Value["zienswijze"]?.GetValue<string>(),
            Text = kv.Value["tekst"]?.GetValue<string>(),
            Reaction = kv.Value["reactie"]?.GetValue<string>(),
        }.ToJson()))]));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        var round = Round(context, out var name);
        var bodyId = RequestPayload.Read(resume.Payload).Body ?? throw new InvalidOperationException("De reactie-bladwijzer noemt geen orgaan.");
        var reaction = Declared.Request(Zienswijzenronde.ReactionBookmark)!.Check(resume.Input, context.Trigger.Channel).Text("reactie")!;
        var entry = round["raden"]![bodyId]!.AsObject();
        entry["reactie"] = reaction;
        entry["reactieOp"] = context.Now;
        entry["reactieDoor"] = context.Trigger.Actor;
        context.SetVariable(name, round);
        context.Journal(new ReactieOpZienswijze(bodyId, entry["naam"]?.GetValue<string>()));

        var open = context.State["open"] as JsonArray ?? [];
        foreach (var done in open.Where(n => n?.GetValue<string>() == bodyId).ToList())
        {
            open.Remove(done);
        }

        return ValueTask.FromResult(open.Count == 0 ? ActivityResult.Complete(Gereed) : ActivityResult.Wait());
    }

    private static JsonObject Round(ActivityContext context, out string name)
    {
        name = context.Inputs<ReactiesZienswijzenInputs>().Zienswijzen;
        return context.GetVariable(name)?.DeepClone() as JsonObject
            ?? throw new InvalidOperationException($"De variabele '{name}' met de zienswijzenronde ontbreekt.");
    }

    public SimulatedStep Simulate(SimulationContext context) => new(Gereed, context.Date, "Reacties op de zienswijzen herzien");
}
