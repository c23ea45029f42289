using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Links;

/// <summary>Configuration section <c>Links</c>: where the links in mails point, and whom a member contacts.</summary>
public sealed class RequestLinkOptions
{
    public const string Section = "Links";

    /// <summary>The address of this host as members reach it, e.g. https://adviesroute.samendrenthe.nl.</summary>
    [Required(ErrorMessage = "Links:PublicBaseUrl is verplicht: het adres waarop leden de links in hun mail openen.")]
    [Url(ErrorMessage = "Links:PublicBaseUrl is geen geldig adres.")]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// The file with the key the link tokens are derived from (made on first start). Keep it outside the database: with
    /// the key and a stolen database together one could make links, with either alone not.
    /// </summary>
    public string KeyFile { get; set; } = "data/link-key";

    /// <summary>Whom a member contacts when a link has expired or does not work.</summary>
    [Required]
    public string Contact { get; set; } = "het bestuurssecretariaat (bestuurssecretariaat@samendrenthe.example.org)";

    /// <summary>How many choices one link may post per minute before it gets 429.</summary>
    [Range(1, 1000)]
    public int PostsPerMinute { get; set; } = 5;

    /// <summary>How many requests per minute one address may make with tokens that do not exist.</summary>
    [Range(1, 10000)]
    public int UnknownTokenRequestsPerMinute { get; set; } = 20;
}
