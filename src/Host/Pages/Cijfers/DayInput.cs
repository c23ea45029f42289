using System.Globalization;

namespace AdviesRoute.Host.Pages.Cijfers;

/// <summary>
/// A day a person types on a page, as Dutch people write it (dag-maand-jaar: "1-1-2027", also with / or .), or as a
/// program or an older link gives it ("2027-01-01"); and the sentence that says why a text is not a day.
/// </summary>
public static class DayInput
{
    private static readonly string[] Formats = ["d-M-yyyy", "yyyy-M-d", "d/M/yyyy", "d.M.yyyy"];

    /// <summary>A day as the field shows it: "1-1-2027".</summary>
    public static string Format(DateOnly day) => day.ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year is >= 2000 and <= 2100;

    /// <param name="what">The field in words, e.g. "begindatum".</param>
    public static string Refusal(string what, string text, int year) =>
        $"De {what} '{text}' is geen bestaande datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 1-1-{year}.";
}
