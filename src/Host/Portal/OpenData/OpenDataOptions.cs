using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// Configuration section <c>OpenData</c>: the licence under which the GR offers its public data, and how many requests
/// one address may make. The licence is the GR's choice: the shipped value (CC0 1.0, as <c>appsettings.json</c> sets it)
/// is only where a GR starts; the API and the open-data page show whatever is configured.
/// </summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>The licence's name as people know it, e.g. "CC0 1.0".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "OpenData:Licence is verplicht: de licentie waaronder de GR de openbare gegevens beschikbaar stelt, bijvoorbeeld CC0 1.0.")]
    [StringLength(80, ErrorMessage = "OpenData:Licence is ten hoogste 80 tekens.")]
    public string Licence { get; set; } = "CC0 1.0";

    /// <summary>Where the licence's text is, e.g. the Creative Commons page.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "OpenData:LicenceUrl is verplicht: het adres van de tekst van de licentie.")]
    [Url(ErrorMessage = "OpenData:LicenceUrl is geen geldig adres.")]
    public string LicenceUrl { get; set; } = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl";

    /// <summary>Requests one address may make per minute before it is answered 429.</summary>
    [Range(1, 100_000, ErrorMessage = "OpenData:RequestsPerMinute ligt tussen 1 en 100000.")]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>How long a client or a cache may keep an answer before asking again (with its ETag).</summary>
    [Range(0, 86_400, ErrorMessage = "OpenData:CacheSeconds ligt tussen 0 en 86400.")]
    public int CacheSeconds { get; set; } = 60;
}
