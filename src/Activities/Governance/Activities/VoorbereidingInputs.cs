using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>The inputs of Voorbereiding, declared once for the designer and read typed by the step and the route simulation.</summary>
public sealed record VoorbereidingInputs
{
    public const string GroepKey = "groep";

    [Input(GroepKey, InputType.String, DisplayName = "Groep", Description = "De voorbereidings- of partnergroep die het voorstel voorbereidt.", Required = true,
        Picks = ["body"], PickKinds = ["Voorbereidingsgroep", "Partnergroep"])]
    public string? Groep { get; init; }

    [Input("taak", InputType.Text, DisplayName = "Taak", Description = "Wat de groep moet doen.")]
    public string? Taak { get; init; }

    [Input("doorlooptijd", InputType.Duration, DisplayName = "Verwachte doorlooptijd", Description = "Voor de planning en de route-simulatie.", Default = "P2W")]
    public IsoDuration Doorlooptijd { get; init; }
}
