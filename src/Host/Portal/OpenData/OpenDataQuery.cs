using System.Globalization;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// Reads the query parameters the API takes, as text, so a value that does not fit is answered with 400 naming the
/// parameter in Dutch (the framework's own binding would answer in English). The OpenAPI document still gives each its
/// real type (<see cref="OpenDataOperations"/>).
/// </summary>
internal sealed class OpenDataQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>A whole number in a range; the default when the parameter is absent or empty.</summary>
    public int Number(string name, string? value, int min, int max, int fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        _errors[name] = [max == int.MaxValue
            ? $"geef een heel getal van {min} of meer; ontvangen: '{Shorten(value)}'."
            : $"geef een heel getal van {min} tot en met {max}; ontvangen: '{Shorten(value)}'."];
        return fallback;
    }

    /// <summary>A year of four digits, or null when absent.</summary>
    public int? Year(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
        {
            return year;
        }

        _errors[name] = [$"geef een jaartal van vier cijfers, bijvoorbeeld 2027; ontvangen: '{Shorten(value)}'."];
        return null;
    }

    /// <summary>A date written JJJJ-MM-DD, or null when absent.</summary>
    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _errors[name] = [$"geef een datum als JJJJ-MM-DD, bijvoorbeeld 2027-04-14; ontvangen: '{Shorten(value)}'."];
        return null;
    }

    /// <summary>Refuses a range whose end lies before its start, naming the end.</summary>
    public void Range(string fromName, DateOnly? from, string toName, DateOnly? to)
    {
        if (from is { } start && to is { } end && end < start)
        {
            _errors[toName] = [$"de einddatum ligt vóór de begindatum ({fromName})."];
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
