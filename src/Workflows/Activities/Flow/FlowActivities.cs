using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Definitions;
using AdviesRoute.Workflows.Definitions.Rules;

namespace AdviesRoute.Workflows.Activities.Flow;

// The control-flow grammar of the engine. Governance activities live in src/Activities.

[Activity("Start", Category = "Stroom", DisplayName = "Start", Description = "Hier begint een instantie.", IsStart = true)]
[Outcomes(Ports.Done)]
public sealed class StartActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
}

[Activity("End", Category = "Stroom", DisplayName = "Einde", Description = "Beëindigt de instantie; andere paden worden gestopt.", IsEnd = true)]
[Input("result", InputType.Json, DisplayName = "Resultaat", Description = "Wordt bij de instantie bewaard als uitkomst.")]
public sealed class EndActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.HasInput("result"))
        {
            context.SetResult(context.GetInputValue("result"));
        }

        return ValueTask.FromResult(ActivityResult.EndInstance());
    }
}

[Activity("Decision", Category = "Stroom", DisplayName = "Beslissing", Description = "Kiest Waar of Onwaar op grond van een voorwaarde.")]
[Input("condition", InputType.Expression, DisplayName = "Voorwaarde",
    Description = "Een regel over de invoer en variabelen van de route, bijvoorbeeld ‘Bedrag na (meer dan) 1000’; samen te stellen met ‘en’ en ‘of’.", Required = true)]
[Outcomes("True", "False")]
[PortLabel("True", "Waar")]
[PortLabel("False", "Onwaar")]
public sealed class DecisionActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete(InputValues.Truthy(context.GetInputValue("condition")) ? "True" : "False"));
}

[Activity("Switch", Category = "Stroom", DisplayName = "Keuze", Description = "Volgt het eerste geval waarvan de voorwaarde waar is, anders de weg 'Anders'.")]
[Input("cases", InputType.ObjectList, DisplayName = "Gevallen",
    Description = "De gevallen, elk met een naam, wat men leest en een regel over de invoer en variabelen van de route; het eerste geval waarvan de regel klopt, wordt gevolgd.",
    Required = true, SupportsExpression = false)]
[PortsFromInput("cases", "Default", NameProperty = "name", LabelProperty = "label")]
[PortLabel("Default", "Anders")]
public sealed class SwitchActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        foreach (var item in context.Node.Inputs["cases"]!.AsArray().OfType<JsonObject>())
        {
            var name = item["name"]!.GetValue<string>();
            if (RouteRule.Holds(item["condition"], context.Scope))
            {
                return ValueTask.FromResult(ActivityResult.Complete(name));
            }
        }

        return ValueTask.FromResult(ActivityResult.Complete("Default"));
    }
}

[Activity("Fork", Category = "Stroom", DisplayName = "Splitsing", Description = "Start parallelle paden; elk pad heeft een eigen token.")]
[Input("branches", InputType.StringList, DisplayName = "Takken", Description = "Namen van de parallelle takken.", Required = true, SupportsExpression = false)]
[PortsFromInput("branches")]
public sealed class ForkActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. context.Ports]));
}

[Activity("Join", Category = "Stroom", DisplayName = "Samenvoeging", Description = "Wacht op binnenkomende paden: alle, één of N van M.")]
[Input("mode", InputType.Choice, DisplayName = "Wijze", Choices = ["all", "any", "count"], ChoiceLabels = ["Alle paden", "Eén pad", "Een aantal paden"],
    DefaultJson = "\"all\"", SupportsExpression = false)]
[Input("count", InputType.Integer, DisplayName = "Aantal (N)", Description = "Bij wijze 'count': na hoeveel binnengekomen paden verder.")]
[Outcomes(Ports.Done)]
public sealed class JoinActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var mode = context.GetInput<string>("mode") ?? "all";
        var arrived = context.State["arrived"] as JsonArray ?? [];
        context.State["arrived"] = arrived;
        var via = context.ArrivedVia ?? "";
        if (!arrived.Any(a => a!.GetValue<string>() == via))
        {
            arrived.Add(via);
        }

        var inbound = Math.Max(1, context.InboundConnections.Count);
        var needed = mode switch
        {
            "any" => 1,
            "count" => Math.Clamp(context.GetInput<int?>("count") ?? inbound, 1, inbound),
            _ => inbound,
        };

        if (arrived.Count < needed)
        {
            return ValueTask.FromResult(ActivityResult.Consume());
        }

        context.ClearState();
        if (mode != "all")
        {
            context.CancelConvergingTokens();
        }

        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}

[Activity("SetVariable", Category = "Gegevens", DisplayName = "Variabele zetten", Description = "Geeft een variabele een waarde (vast of berekend uit de invoer).")]
[Input("variable", InputType.String, DisplayName = "Variabele", Required = true, SupportsExpression = false)]
[Input("value", InputType.Json, DisplayName = "Waarde", Required = true)]
[Outcomes(Ports.Done)]
public sealed class SetVariableActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.GetInput<string>("variable")!, context.GetInputValue("value"));
        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}

[Activity("Timer", Category = "Tijd", DisplayName = "Timer", Description = "Wacht tot een moment of gedurende een periode.", IsBlocking = true)]
[Input("at", InputType.DateTime, DisplayName = "Op moment", Description = "ISO 8601 met tijdzone.")]
[Input("after", InputType.Duration, DisplayName = "Na periode", Description = "ISO 8601-duur, bijvoorbeeld P2W of PT1H.")]
[OneOfInputs("at", "after")]
[Outcomes(Ports.Done)]
public sealed class TimerActivity : Activity
{
    public const string BookmarkName = "Timer";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        DateTimeOffset due;
        if (context.HasInput("at"))
        {
            due = context.GetInput<DateTimeOffset>("at");
        }
        else if (context.HasInput("after"))
        {
            due = context.GetInput<IsoDuration>("after").AddTo(context.Now);
        }
        else
        {
            throw new InvalidOperationException("Timer heeft geen 'at' en geen 'after'.");
        }

        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(BookmarkName, DueAt: due)));
    }
}

[Activity("WaitForSignal", Category = "Wachten", DisplayName = "Wacht op signaal", Description = "Wacht tot een signaal met deze naam binnenkomt (API of later een stap).", IsBlocking = true)]
[Input("signal", InputType.String, DisplayName = "Signaal", Required = true, SupportsExpression = false)]
[Input("resultVariable", InputType.String, DisplayName = "Bewaar invoer in variabele", SupportsExpression = false)]
[Outcomes(Ports.Done)]
public sealed class WaitForSignalActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(context.GetInput<string>("signal")!)));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeArgs resume)
    {
        if (context.GetInput<string>("resultVariable") is { Length: > 0 } variable)
        {
            context.SetVariable(variable, resume.Input);
        }

        return ValueTask.FromResult(ActivityResult.Complete(Ports.Done));
    }
}
