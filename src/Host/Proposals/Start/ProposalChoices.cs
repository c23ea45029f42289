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

    public static bool IsOneOf(IReadOnlyList<(string Value, string Label)> choices, string? value) =>
        value is not null && choices.Any(c => c.Value == value);
}
