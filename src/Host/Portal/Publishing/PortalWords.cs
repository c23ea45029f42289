using System.Globalization;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>How the portal says dates, sizes and kinds of file to a resident.</summary>
public static class PortalWords
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"20 januari 2027" for a stored UTC moment, on the Dutch calendar.</summary>
    public static string Day(DateTime utc) => DutchFormat.Day(DutchTime.Today(Utc(utc)));

    /// <summary>"Gepubliceerd op 20 januari 2027".</summary>
    public static string Published(DateTime utc) => "Gepubliceerd op " + Day(utc);

    /// <summary>"Teruggetrokken op 20 januari 2027: de reden."</summary>
    public static string Withdrawn(DateTime utc, string reason) => $"Teruggetrokken op {Day(utc)}: {reason.TrimEnd('.')}.";

    /// <summary>"PDF, 12 kB": what a download is and how large.</summary>
    public static string File(string contentType, long size) => $"{Kind(contentType)}, {Size(size)}";

    public static string Kind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word-document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel-bestand",
        _ => "bestand",
    };

    /// <summary>"850 bytes", "12 kB", "1,4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Max(1, (int)Math.Round(bytes / 1024.0))} kB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("0.#", Dutch) + " MB",
    };

    /// <summary>"Woensdag 14 april 2027": the day with its weekday, at the start of a line.</summary>
    public static string Weekday(DateOnly day)
    {
        var said = DutchFormat.DayWithWeekday(day);
        return char.ToUpperInvariant(said[0]) + said[1..];
    }

    /// <summary>The text with its first letter a capital.</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"januari" … "december".</summary>
    public static string Month(int month) => Dutch.DateTimeFormat.GetMonthName(month);

    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
