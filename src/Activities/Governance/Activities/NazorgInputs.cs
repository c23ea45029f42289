using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>The inputs of Nazorg, declared once for the designer and read typed by the step and the route simulation.</summary>
public sealed record NazorgInputs
{
    public const string UiterlijkOpKey = "uiterlijkOp";

    [Input("taak", InputType.Text, DisplayName = "Taak", Required = true)]
    public string? Taak { get; init; }

    [Input("termijn", InputType.Duration, DisplayName = "Termijn na het besluit", Default = "P2W")]
    public IsoDuration Termijn { get; init; }

    [Input("regel", InputType.String, DisplayName = "Regel", Default = "2 weken na vaststelling")]
    public string Regel { get; init; } = "";

    [Input("artikel", InputType.String, DisplayName = "Artikel", Default = "art. 34 lid 2 Wgr")]
    public string Artikel { get; init; } = "";

    [Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", Default = true)]
    public bool Atw { get; init; }

    [Input(UiterlijkOpKey, InputType.String, DisplayName = "Uiterlijk op (mm-dd)", Description = "Vaste laatste dag in het jaar van het besluit, bijvoorbeeld 09-14 voor 'vóór 15 september'.")]
    public string? UiterlijkOp { get; init; }

    [Input("uiterlijkRegel", InputType.String, DisplayName = "Regel vaste datum", Default = "vóór 15 september")]
    public string UiterlijkRegel { get; init; } = "";
}
