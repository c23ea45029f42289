using System.Globalization;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Archive;

/// <summary>
/// Configuration section <c>Archief</c>: who forms the archive (the archiefvormer), the name the identifiers in a package
/// are issued under, and the selectielijst the GR applies: per kind of proposal the waardering, the retention period and
/// the category. Checked at start-up (<see cref="ArchiveOptionsValidator"/>).
/// </summary>
/// <remarks>
/// The shipped values are examples for SamenDrenthe (<see cref="Voorbeeld"/> is true): the GR must set the categories
/// and periods of the selectielijst its archive applies before it transfers anything.
/// </remarks>
public sealed class ArchiveOptions
{
    public const string Section = "Archief";

    /// <summary>The organisation whose records these are (MDTO <c>archiefvormer</c>).</summary>
    /// <remarks>
    /// The names have SamenDrenthe's defaults here as well as in appsettings.json, so a host started without that file (a
    /// published host run from another folder) still starts; the selectielijst itself has no default in code: a kind it
    /// does not name is refused at export, with the reason.
    /// </remarks>
    public ArchiveCreator Archiefvormer { get; set; } = new() { Naam = "Gemeenschappelijke regeling SamenDrenthe" };

    /// <summary>The system that issued the identifiers of the objects in a package (MDTO <c>identificatieBron</c>).</summary>
    public string IdentificatieBron { get; set; } = "AdviesRoute van de Gemeenschappelijke regeling SamenDrenthe";

    /// <summary>The name of the selectielijst the categories come from (the begrippenlijst of <c>informatiecategorie</c>).</summary>
    public string SelectielijstNaam { get; set; } = "Voorbeeldselectielijst AdviesRoute (in te vullen door de GR)";

    /// <summary>
    /// True while the selectielijst holds example values, not the GR's own: the archive page says so, and every package's
    /// category says "voorbeeld".
    /// </summary>
    public bool Voorbeeld { get; set; } = true;

    /// <summary>Per kind of proposal (its stored value, e.g. <c>begroting</c>): what the selectielijst says.</summary>
    public Dictionary<string, SelectionRule> Selectielijst { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule for a kind; null when the selectielijst does not name it.</summary>
    public SelectionRule? RuleFor(string? kind) =>
        kind is null ? null : Selectielijst.FirstOrDefault(r => string.Equals(r.Key, kind, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The archiefvormer: its name and, where the GR has one, its identifier in a register (e.g. an OIN).</summary>
public sealed class ArchiveCreator
{
    public string Naam { get; set; } = "";

    public string? Identificatie { get; set; }

    /// <summary>The register <see cref="Identificatie"/> comes from.</summary>
    public string? IdentificatieBron { get; set; }
}

/// <summary>What the selectielijst says of one kind of proposal.</summary>
public sealed class SelectionRule
{
    public const string Blijvend = "blijvend";
    public const string Vernietigen = "vernietigen";

    /// <summary><c>blijvend</c> (blijvend te bewaren) or <c>vernietigen</c> (te vernietigen after the retention period).</summary>
    public string Waardering { get; set; } = "";

    /// <summary>Years after closing before a record to be destroyed may be destroyed; only with <c>vernietigen</c>.</summary>
    public int? BewaartermijnJaren { get; set; }

    /// <summary>The category of the selectielijst, in its own words.</summary>
    public string Categorie { get; set; } = "";

    /// <summary>The category's number in the selectielijst, when the GR gives it.</summary>
    public string? CategorieCode { get; set; }

    public bool IsPermanent => string.Equals(Waardering, Blijvend, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Blijvend te bewaren" or "Te vernietigen na 10 jaar".</summary>
    public string Words => IsPermanent
        ? "Blijvend te bewaren"
        : $"Te vernietigen na {BewaartermijnJaren?.ToString(CultureInfo.InvariantCulture)} jaar";
}

/// <summary>Refuses a start with an archive configuration that would make packages an e-depot cannot take, naming the setting.</summary>
public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Archiefvormer.Naam))
        {
            errors.Add("Archief:Archiefvormer:Naam is verplicht: de naam van de GR die het archief vormt.");
        }

        if (options.Archiefvormer.Identificatie is { Length: > 0 } && string.IsNullOrWhiteSpace(options.Archiefvormer.IdentificatieBron))
        {
            errors.Add("Archief:Archiefvormer:IdentificatieBron is verplicht naast Archief:Archiefvormer:Identificatie: het register waar de identificatie uit komt.");
        }

        if (string.IsNullOrWhiteSpace(options.IdentificatieBron))
        {
            errors.Add("Archief:IdentificatieBron is verplicht: de naam van het systeem dat de kenmerken in een pakket uitgeeft.");
        }

        if (string.IsNullOrWhiteSpace(options.SelectielijstNaam))
        {
            errors.Add("Archief:SelectielijstNaam is verplicht: de selectielijst waar de categorieën uit komen.");
        }

        foreach (var (kind, rule) in options.Selectielijst)
        {
            var at = $"Archief:Selectielijst:{kind}";
            if (rule is null)
            {
                errors.Add($"{at} is leeg.");
                continue;
            }

            if (!string.Equals(rule.Waardering, SelectionRule.Blijvend, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(rule.Waardering, SelectionRule.Vernietigen, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:Waardering is ‘blijvend’ of ‘vernietigen’, niet ‘{rule.Waardering}’.");
            }
            else if (rule.IsPermanent && rule.BewaartermijnJaren is not null)
            {
                errors.Add($"{at}:BewaartermijnJaren hoort niet bij ‘blijvend’: blijvend te bewaren stukken worden niet vernietigd.");
            }
            else if (!rule.IsPermanent && rule.BewaartermijnJaren is not (>= 1 and <= 200))
            {
                errors.Add($"{at}:BewaartermijnJaren is verplicht bij ‘vernietigen’: een aantal jaren van 1 tot en met 200.");
            }

            if (string.IsNullOrWhiteSpace(rule.Categorie))
            {
                errors.Add($"{at}:Categorie is verplicht: de categorie van de selectielijst in haar eigen woorden.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
