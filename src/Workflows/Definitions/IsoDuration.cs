using System.Globalization;
using System.Text.RegularExpressions;

namespace AdviesRoute.Workflows.Definitions;

/// <summary>
/// An ISO 8601 duration with calendar parts (<c>P1Y2M3W4DT5H6M7S</c>). Years, months, weeks and days are added
/// on the calendar, so "P12W" after a date is the same weekday twelve weeks on.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Weeks, int Days, TimeSpan Time)
{
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success || text.Trim() is "P" or "PT" || text.Trim().EndsWith('T'))
        {
            return false;
        }

        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = m.Groups["s"].Success ? double.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(Part("y"), Part("mo"), Part("w"), Part("d"), new TimeSpan(Part("h"), Part("mi"), 0) + TimeSpan.FromSeconds(seconds));
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is geen ISO 8601-duur (bijvoorbeeld P12W of PT30M).");

    public DateTimeOffset AddTo(DateTimeOffset moment) =>
        moment.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days).Add(Time);

    /// <summary>The calendar day this period after <paramref name="date"/> (the time part is ignored).</summary>
    public DateOnly AddTo(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days);

    /// <summary>The calendar day this period before <paramref name="date"/> (the time part is ignored).</summary>
    public DateOnly SubtractFrom(DateOnly date) => date.AddYears(-Years).AddMonths(-Months).AddDays(-((Weeks * 7) + Days));

    public override string ToString()
    {
        var date = $"{(Years > 0 ? $"{Years}Y" : "")}{(Months > 0 ? $"{Months}M" : "")}{(Weeks > 0 ? $"{Weeks}W" : "")}{(Days > 0 ? $"{Days}D" : "")}";
        var time = Time == TimeSpan.Zero ? "" : $"T{(Time.Hours + (Time.Days * 24) > 0 ? $"{Time.Hours + (Time.Days * 24)}H" : "")}{(Time.Minutes > 0 ? $"{Time.Minutes}M" : "")}{(Time.Seconds + (Time.Milliseconds / 1000.0) > 0 ? $"{(Time.Seconds + (Time.Milliseconds / 1000.0)).ToString(CultureInfo.InvariantCulture)}S" : "")}";
        return "P" + (date.Length == 0 && time.Length == 0 ? "0D" : date) + time;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
