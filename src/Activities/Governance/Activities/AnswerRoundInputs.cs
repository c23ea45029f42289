using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>
/// The inputs of a round among the municipalities' bodies (the councils' zienswijzen, the colleges' answers): what every
/// round has (reminders, the mail's text), and the bodies, deadline and variable, whose keys and defaults each round
/// declares itself. The reader sets every property; the initial values only keep a non-nullable property from being null.
/// </summary>
public abstract record AnswerRoundInputs
{
    [Input("herinneringen", InputType.StringList, DisplayName = "Herinneringen (werkdagen vóór de termijn)",
        Description = "Een herinnering aan wie nog niet antwoordde, zoveel werkdagen vóór het einde van de termijn.", Default = new[] { "5" },
        Unit = "werkdagen", UnitOne = "werkdag", UnitAfter = "vóór de termijn")]
    public IReadOnlyList<string> Herinneringen { get; init; } = [];

    [Input("mailOnderwerp", InputType.String, DisplayName = "Onderwerp van de mail",
        Description = "Met {naam}, {titel}, {orgaan} en {uiterlijk}; leeg is de standaardtekst.")]
    public string? MailOnderwerp { get; init; }

    [Input("mailTekst", InputType.Text, DisplayName = "Tekst van de mail",
        Description = "Met {naam}, {titel}, {orgaan} en {uiterlijk}; de persoonlijke link komt eronder. Leeg is de standaardtekst.")]
    public string? MailTekst { get; init; }

    /// <summary>The ids of the bodies asked; empty is every body of the round's kind.</summary>
    public abstract IReadOnlyList<string> Bodies { get; init; }

    public abstract IsoDuration Termijn { get; init; }

    /// <summary>The rule the deadline follows, as the deadline names it.</summary>
    public abstract string Regel { get; init; }

    /// <summary>The article or decision the deadline comes from.</summary>
    public abstract string Artikel { get; init; }

    /// <summary>Whether the Algemene termijnenwet moves a deadline off a weekend or holiday.</summary>
    public abstract bool Atw { get; init; }

    /// <summary>The variable that keeps the round.</summary>
    public abstract string Variabele { get; init; }
}

/// <summary>The inputs of the councils' zienswijzen round.</summary>
public sealed record ZienswijzenInputs : AnswerRoundInputs
{
    public const string RadenKey = "raden";

    [Input(RadenKey, InputType.StringList, DisplayName = "Raden", Description = "Geen gekozen: alle raden.", Picks = ["body"], PickKinds = ["Gemeenteraad"])]
    public override IReadOnlyList<string> Bodies { get; init; } = [];

    [Input("termijn", InputType.Duration, DisplayName = "Termijn", Default = "P12W")]
    public override IsoDuration Termijn { get; init; }

    [Input("regel", InputType.String, DisplayName = "Regel", Default = "12 weken na verzending")]
    public override string Regel { get; init; } = "";

    [Input("artikel", InputType.String, DisplayName = "Artikel", Default = "art. 35 lid 3 Wgr")]
    public override string Artikel { get; init; } = "";

    [Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", Default = true)]
    public override bool Atw { get; init; }

    [Input("variabele", InputType.String, DisplayName = "Bewaar in variabele", Default = "zienswijzen", SupportsExpression = false, Picks = ["variable"])]
    public override string Variabele { get; init; } = "";
}

/// <summary>The inputs of the colleges' round (ruggespraak).</summary>
public sealed record CollegesInputs : AnswerRoundInputs
{
    public const string CollegesKey = "colleges";

    [Input(CollegesKey, InputType.StringList, DisplayName = "Colleges", Description = "Geen gekozen: alle colleges.", Picks = ["body"], PickKinds = ["College"])]
    public override IReadOnlyList<string> Bodies { get; init; } = [];

    [Input("termijn", InputType.Duration, DisplayName = "Termijn", Default = "P6W")]
    public override IsoDuration Termijn { get; init; }

    [Input("regel", InputType.String, DisplayName = "Regel", Default = "6 weken na verzending")]
    public override string Regel { get; init; } = "";

    [Input("artikel", InputType.String, DisplayName = "Grondslag", Default = "besluit van het dagelijks bestuur")]
    public override string Artikel { get; init; } = "";

    [Input("atw", InputType.Boolean, DisplayName = "Algemene termijnenwet van toepassing", Default = false)]
    public override bool Atw { get; init; }

    [Input("allenMoetenInstemmen", InputType.Boolean, DisplayName = "Alle colleges moeten instemmen",
        Description = "Bijvoorbeeld bij een wijziging van de regeling: wie niet reageert, stemt niet in.", Default = false)]
    public bool AllenMoetenInstemmen { get; init; }

    [Input("variabele", InputType.String, DisplayName = "Bewaar in variabele", Default = "terugkoppeling", SupportsExpression = false, Picks = ["variable"])]
    public override string Variabele { get; init; } = "";
}
