namespace AdviesRoute.Host.Portal.Accessibility;

/// <summary>A success criterion of WCAG as the report names it: its number, its Dutch name and its level.</summary>
/// <param name="Number">"1.4.3".</param>
/// <param name="Name">The name in the Dutch translation of WCAG: "Contrast (minimum)".</param>
/// <param name="Level">"A", "AA" or "AAA".</param>
/// <param name="Note">What an auditor should know besides, e.g. that WCAG 2.2 dropped the criterion; null when nothing.</param>
public sealed record WcagCriterion(string Number, string Name, string Level, string? Note = null)
{
    /// <summary>"1.4.3 Contrast (minimum)".</summary>
    public override string ToString() => $"{Number} {Name}";
}

/// <summary>
/// The success criteria of WCAG that axe-core's rules name in their tags (<c>wcag143</c> is 1.4.3), with their Dutch names,
/// so the report says which criterion a rule checks in the words an auditor in the Netherlands reads. A test keeps this
/// list complete for the axe-core version the host ships.
/// </summary>
public static class WcagCriteria
{
    /// <summary>Per axe-core tag (<c>wcag143</c>) the criterion.</summary>
    public static IReadOnlyDictionary<string, WcagCriterion> ByTag { get; } = new Dictionary<string, WcagCriterion>(StringComparer.Ordinal)
    {
        ["wcag111"] = new("1.1.1", "Niet-tekstuele content", "A"),
        ["wcag121"] = new("1.2.1", "Louter-geluid en louter-video (vooraf opgenomen)", "A"),
        ["wcag122"] = new("1.2.2", "Ondertitels voor doven en slechthorenden (vooraf opgenomen)", "A"),
        ["wcag131"] = new("1.3.1", "Info en relaties", "A"),
        ["wcag134"] = new("1.3.4", "Weergavestand", "AA"),
        ["wcag135"] = new("1.3.5", "Identificeer het doel van de input", "AA"),
        ["wcag141"] = new("1.4.1", "Gebruik van kleur", "A"),
        ["wcag142"] = new("1.4.2", "Geluidsbediening", "A"),
        ["wcag143"] = new("1.4.3", "Contrast (minimum)", "AA"),
        ["wcag144"] = new("1.4.4", "Herschalen van tekst", "AA"),
        ["wcag146"] = new("1.4.6", "Contrast (versterkt)", "AAA"),
        ["wcag1412"] = new("1.4.12", "Tekstafstand", "AA"),
        ["wcag211"] = new("2.1.1", "Toetsenbord", "A"),
        ["wcag213"] = new("2.1.3", "Toetsenbord (geen uitzondering)", "AAA"),
        ["wcag221"] = new("2.2.1", "Timing aanpasbaar", "A"),
        ["wcag222"] = new("2.2.2", "Pauzeren, stoppen, verbergen", "A"),
        ["wcag224"] = new("2.2.4", "Onderbrekingen", "AAA"),
        ["wcag241"] = new("2.4.1", "Blokken omzeilen", "A"),
        ["wcag242"] = new("2.4.2", "Paginatitel", "A"),
        ["wcag244"] = new("2.4.4", "Linkdoel (in context)", "A"),
        ["wcag249"] = new("2.4.9", "Linkdoel (alleen link)", "AAA"),
        ["wcag253"] = new("2.5.3", "Label in naam", "A"),
        ["wcag258"] = new("2.5.8", "Grootte van het aanwijsgebied (minimum)", "AA", "nieuw in WCAG 2.2"),
        ["wcag311"] = new("3.1.1", "Taal van de pagina", "A"),
        ["wcag312"] = new("3.1.2", "Taal van onderdelen", "AA"),
        ["wcag325"] = new("3.2.5", "Verandering op verzoek", "AAA"),
        ["wcag332"] = new("3.3.2", "Labels of instructies", "A"),
        ["wcag411"] = new("4.1.1", "Parsen", "A", "vervallen in WCAG 2.2"),
        ["wcag412"] = new("4.1.2", "Naam, rol, waarde", "A"),
    };
}
