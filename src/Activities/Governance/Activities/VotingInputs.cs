using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// The inputs advice (BAC) and decision (DB, AB) share, declared once: the designer's property panel is made from these
/// properties and the step reads its node into them. The reader sets every property (a missing value reads as the
/// declared default); the initial values only keep a non-nullable property from being null.
/// </summary>
public record VotingInputs
{
    public const string OrgaanKey = "orgaan";
    public const string VergaderingKey = "vergadering";

    public const string InVergadering = "vergadering";
    public const string Schriftelijk = "schriftelijk";

    public const string UitgebrachteStemmen = "uitgebrachteStemmen";
    public const string Deelnemers = "deelnemers";
    public const string TweeDerde = "tweeDerde";
    public const string Unaniem = "unaniem";
    public const string EenIemand = "eenIemand";

    public const string GeenAntwoord = "geenAntwoord";
    public const string Escaleren = "escaleren";
    public const string Achterstallig = "achterstallig";

    [Input(OrgaanKey, InputType.String, DisplayName = "Orgaan", Description = "Het orgaan dat adviseert of besluit.", Required = true,
        Picks = ["body"], PickKinds = ["Bac", "DagelijksBestuur", "AlgemeenBestuur", "Netwerktafel", "Stuurgroep", "Partnergroep"])]
    public string? Orgaan { get; init; }

    [Input("wijze", InputType.Choice, DisplayName = "Wijze", Default = InVergadering,
        Choices = [InVergadering, Schriftelijk], ChoiceLabels = ["In een vergadering", "Schriftelijk (elk lid kiest via een persoonlijke link)"])]
    public string Wijze { get; init; } = InVergadering;

    [Input(VergaderingKey, InputType.Json, DisplayName = "Vergadering", Description = "De vergadering waarin het orgaan adviseert of besluit.", Picks = ["meeting"],
        DefaultJson = """{"expression":"variables.vergadering"}""")]
    public JsonNode? Vergadering { get; init; }

    [Input("termijn", InputType.Duration, DisplayName = "Termijn schriftelijke ronde", Default = "P1W")]
    public IsoDuration Termijn { get; init; }

    [Input("quorum", InputType.Integer, DisplayName = "Quorum (%)", Description = "Meer dan dit percentage van de zetels (of van het stemgewicht) moet deelnemen.", Default = 50, Unit = "procent")]
    public int Quorum { get; init; }

    [Input("meerderheid", InputType.Choice, DisplayName = "Beslisregel", Description = "Wanneer een voorstel is aangenomen.", Default = UitgebrachteStemmen,
        Choices = [UitgebrachteStemmen, Deelnemers, TweeDerde, Unaniem, EenIemand],
        ChoiceLabels = ["Meer stemmen voor dan tegen", "Meer dan de helft van wie deelnam", "Twee derde van de uitgebrachte stemmen", "Iedereen voor", "Eén instemming is genoeg"])]
    public string Meerderheid { get; init; } = UitgebrachteStemmen;

    [Input("registratieTermijn", InputType.Integer, DisplayName = "Werkdagen om de uitkomst vast te leggen",
        Description = "Daarna schuift een niet vastgelegd punt door naar de volgende vergadering.", Default = 5, Unit = "werkdagen", UnitOne = "werkdag")]
    public int RegistratieTermijn { get; init; }

    [Input("herinneringen", InputType.StringList, DisplayName = "Herinneringen (werkdagen vóór de termijn)",
        Description = "Schriftelijk: een herinnering aan wie nog niet koos, zoveel werkdagen vóór het einde van de termijn.", Default = new[] { "2" },
        Unit = "werkdagen", UnitOne = "werkdag", UnitAfter = "vóór de termijn")]
    public IReadOnlyList<string> Herinneringen { get; init; } = [];

    [Input("bijVerlopen", InputType.Choice, DisplayName = "Als de termijn verstrijkt",
        Description = "Schriftelijk: wat er gebeurt met de zetels die niet kozen.", Default = GeenAntwoord, SupportsExpression = false,
        Choices = [GeenAntwoord, Escaleren, Achterstallig],
        ChoiceLabels = ["Tellen: wie niet koos, nam niet deel", "Eerst de voorzitter en het secretariaat inlichten, dan tellen", "De ronde blijft open en het voorstel wordt achterstallig"])]
    public string BijVerlopen { get; init; } = GeenAntwoord;

    [Input("vroegBesluiten", InputType.Boolean, DisplayName = "Besluiten zodra de uitkomst vaststaat",
        Description = "Schriftelijk: de ronde sluit zodra de overige stemmen de uitkomst niet meer kunnen veranderen; uit: pas als iedereen koos of de termijn verstreek.", Default = true)]
    public bool VroegBesluiten { get; init; }

    [Input("mailOnderwerp", InputType.String, DisplayName = "Onderwerp van de mail",
        Description = "Schriftelijk: met {naam}, {titel}, {orgaan} en {uiterlijk}; leeg is de standaardtekst.")]
    public string? MailOnderwerp { get; init; }

    [Input("mailTekst", InputType.Text, DisplayName = "Tekst van de mail",
        Description = "Schriftelijk: met {naam}, {titel}, {orgaan} en {uiterlijk}; de persoonlijke link komt eronder. Leeg is de standaardtekst.")]
    public string? MailTekst { get; init; }
}

/// <summary>The inputs of a decision: those of every vote, and where the zienswijzen it must wait for are kept.</summary>
public sealed record BesluitInputs : VotingInputs
{
    [Input("zienswijzen", InputType.String, DisplayName = "Zienswijzen in variabele",
        Description = "Als deze variabele een zienswijzenronde bevat, kan er pas besloten worden als elke zienswijze een reactie heeft.", Default = DefaultVariable, SupportsExpression = false, Picks = ["variable"])]
    public string Zienswijzen { get; init; } = DefaultVariable;

    [Input("reactiesVastgesteld", InputType.Boolean, DisplayName = "Pas na vaststelling van de reacties door het DB",
        Description = "Er kan pas besloten worden als het dagelijks bestuur de reacties op de zienswijzen heeft vastgesteld en aan de raden gezonden (art. 35 lid 3 Wgr).", Default = false)]
    public bool ReactiesVastgesteld { get; init; }

    private const string DefaultVariable = "zienswijzen";
}
