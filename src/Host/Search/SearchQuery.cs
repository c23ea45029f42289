namespace AdviesRoute.Host.Search;

/// <summary>The checks on what a person typed, with the Dutch sentence that says what to do instead.</summary>
public static class SearchQuery
{
    public const int MinLength = 2;
    public const int MaxLength = 200;

    /// <summary>The problem with the query, or null when it can be searched.</summary>
    public static string? Problem(string? query, IReadOnlyList<string> stems)
    {
        var trimmed = query?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Vul een of meer woorden in om te zoeken.";
        }

        if (trimmed.Length < MinLength)
        {
            return $"Vul minstens {MinLength} tekens in om te zoeken.";
        }

        if (trimmed.Length > MaxLength)
        {
            return $"Uw zoekvraag is te lang: gebruik hoogstens {MaxLength} tekens.";
        }

        if (stems.Count == 0)
        {
            return "Uw zoekvraag bevat alleen veelvoorkomende woorden (zoals ‘de’, ‘het’ en ‘van’), waarop niet gezocht wordt. Voeg een woord toe dat meer zegt.";
        }

        return null;
    }
}
