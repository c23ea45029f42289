using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Search;

/// <summary>Settings of the full-text search (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many characters of one document's text are indexed; the rest is not searched (and not held in memory).</summary>
    [Range(10_000, 5_000_000)]
    public int MaxTextCharacters { get; set; } = 400_000;

    /// <summary>Searches per minute per client address on the public portal (policy <c>openbaar-zoeken</c>).</summary>
    [Range(1, 10_000)]
    public int PublicSearchesPerMinute { get; set; } = 30;

    /// <summary>How often the index looks for proposals changed outside this host's pages (started through the API, another host).</summary>
    [Range(1, 1440)]
    public int RefreshMinutes { get; set; } = 5;
}
