namespace AdviesRoute.Host.Proposals.Start;

/// <summary>The values the <c>voorstel</c> route reads from its input, with the Dutch labels the form shows.</summary>
public static class ProposalChoices
{
    public const string MetBacs = "metBacs";
    public const string ZonderBacs = "zonderBacs";
    public const string DefaultDefinition = "voorstel";

    public static IReadOnlyList<(string Value, string Label)> Pijlers { get; } =
    [
        ("PubliekeGezondheid", "Publieke Gezondheid"),
        ("ZorgEnVeiligheid", "Zorg en Veiligheid"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Soorten { get; } =
    [
        ("beleidsvoorstel", "Beleidsvoorstel"),
        ("begroting", "(Ontwerp)begroting"),
        ("begrotingswijziging", "Begrotingswijziging"),
        ("jaarrekening", "Jaarrekening"),
        ("jaarrapportage", "Jaarrapportage"),
        ("viermaandsrapportage", "Viermaandsrapportage"),
        ("achtmaandsrapportage", "Achtmaandsrapportage"),
        ("kaderbrief", "Kaderbrief"),
        ("beleidsbrief", "Beleidsbrief"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Bestuursmodellen { get; } =
    [
        (MetBacs, "Met bestuurlijke adviescommissies (BAC's)"),
        (ZonderBacs, "Zonder BAC's (dagelijks en algemeen bestuur met een agendadeel per pijler)"),
    ];

    /// <summary>
    /// The category of a definition that shows how the engine works rather than carrying a proposal (such as
    /// <c>voorbeeld-termijn</c>): a process owner sees it in the designer; the start form does not offer it.
    /// </summary>
    public const string ExampleCategory = "voorbeeld";

    /// <summary>Whether the start form leaves a route out: an engine example. A definition without a category is a route.</summary>
    public static bool IsHiddenFromSecretaries(AdviesRoute.Workflows.Definitions.WorkflowDefinitionModel definition) =>
        string.Equals(definition.Category, ExampleCategory, StringComparison.OrdinalIgnoreCase);

    public static bool IsOneOf(IReadOnlyList<(string Value, string Label)> choices, string? value) =>
        value is not null && choices.Any(c => c.Value == value);
}
