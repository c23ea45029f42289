using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>The inputs of Agenderen, declared once for the designer and read typed by the step and the route simulation.</summary>
public sealed record AgenderenInputs
{
    public const string OrgaanKey = "orgaan";

    [Input(OrgaanKey, InputType.String, DisplayName = "Orgaan", Description = "Het orgaan in wiens vergadering het voorstel komt.", Required = true,
        Picks = ["body"], PickKinds = ["Bac", "DagelijksBestuur", "AlgemeenBestuur", "Netwerktafel", "Stuurgroep", "Partnergroep", "Voorbereidingsgroep"])]
    public string? Orgaan { get; init; }

    [Input("variabele", InputType.String, DisplayName = "Bewaar vergadering in", Default = "vergadering", SupportsExpression = false, Picks = ["variable"])]
    public string Variabele { get; init; } = "";

    [Input("nietVoor", InputType.String, DisplayName = "Niet vóór (datum)",
        Description = "Vroegste vergaderdatum, bijvoorbeeld het einde van de zienswijzetermijn.")]
    public string? NietVoor { get; init; }

    [Input("agendadeel", InputType.String, DisplayName = "Agendadeel", Description = "Het deel van de agenda, bijvoorbeeld per pijler in het model zonder BAC's.")]
    public string? Agendadeel { get; init; }

    [Input("uitnodigen", InputType.Boolean, DisplayName = "Leden uitnodigen",
        Description = "Houdt de agenda-uitnodiging (.ics) van de leden bij: vóór de convocatie neemt die het agendapunt mee, daarna krijgen de leden een bijgewerkte uitnodiging voor dezelfde vergadering.", Default = false)]
    public bool Uitnodigen { get; init; }
}
