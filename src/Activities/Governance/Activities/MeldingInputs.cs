using AdviesRoute.Workflows.Activities;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>The inputs of Melding, declared once for the designer and read typed by the step and the route simulation.</summary>
[InputRequires(UiterlijkOpKey, "uiterlijkRegel", "artikel")]
public sealed record MeldingInputs
{
    public const string AanKey = "aan";
    public const string UiterlijkOpKey = "uiterlijkOp";

    [Input(AanKey, InputType.StringList, DisplayName = "Aan", Description = "Organen, leden, alle raden, alle colleges of de portefeuillehouder van het voorstel.", Required = true,
        Picks = ["body", "member"], PickAlso = ["raden", "colleges", "portefeuillehouder"],
        PickAlsoLabels = ["Alle raden", "Alle colleges", "De portefeuillehouder van het voorstel"])]
    public IReadOnlyList<string> Aan { get; init; } = [];

    [Input("soort", InputType.Choice, DisplayName = "Soort", Default = "mededeling",
        Choices = ["mededeling", "verzoekAdvies", "verzoekStem", "verzoekZienswijze", "verzoekColleges", "herinnering", "besluitGenomen", "termijnVerstreken"],
        ChoiceLabels =
        [
            "Mededeling", "Verzoek om advies", "Verzoek om een stem", "Verzoek om een zienswijze", "Verzoek aan de colleges", "Herinnering",
            "Besluit genomen", "Termijn verstreken",
        ])]
    public string Soort { get; init; } = "";

    [Input("onderwerp", InputType.String, DisplayName = "Onderwerp", Required = true)]
    public string? Onderwerp { get; init; }

    [Input("tekst", InputType.Text, DisplayName = "Tekst")]
    public string? Tekst { get; init; }

    [Input(UiterlijkOpKey, InputType.String, DisplayName = "Wettelijk uiterlijk op (mm-dd)",
        Description = "Laatste dag in het jaar van verzending, bijvoorbeeld 04-29 voor 'vóór 30 april' (art. 34b Wgr).")]
    public string? UiterlijkOp { get; init; }

    [Input("uiterlijkRegel", InputType.String, DisplayName = "Regel vaste datum", Description = "Bijvoorbeeld 'vóór 30 april naar de raden'.")]
    public string? UiterlijkRegel { get; init; }

    [Input("artikel", InputType.String, DisplayName = "Artikel", Description = "Het artikel waar de uiterste datum uit volgt, bijvoorbeeld 'art. 34b Wgr'.")]
    public string? Artikel { get; init; }
}
