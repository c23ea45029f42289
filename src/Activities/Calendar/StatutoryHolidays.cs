namespace AdviesRoute.Activities.Calendar;

/// <summary>A day on which a statutory period does not end, with the rule that makes it so.</summary>
/// <param name="LegalBasis">The article it comes from, shown beside every deadline it moves.</param>
public sealed record PublicHoliday(DateOnly Date, string Name, string LegalBasis);

/// <summary>
/// The holidays of the Algemene termijnenwet (Atw): art. 3 lid 1 names Nieuwjaarsdag, the Christian second Easter
/// and Whit days, both Christmas days, Ascension Day, the day the King's birthday is celebrated and 5 May; art. 3
/// lid 2 adds Good Friday. Days set by decree (art. 3 lid 3) are not built in; they come from configuration.
/// First Easter and Whit days are not listed by the law: they are Sundays, which art. 1 treats alike anyway.
/// </summary>
public static class StatutoryHolidays
{
    public const string Article3Lid1 = "art. 3 lid 1 Atw";
    public const string Article3Lid2 = "art. 3 lid 2 Atw";

    /// <summary>The statutory holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        var easter = EasterSunday(year);
        return new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag", Article3Lid1),
            new(easter.AddDays(-2), "Goede Vrijdag", Article3Lid2),
            new(easter.AddDays(1), "Tweede Paasdag", Article3Lid1),
            new(KingsDay(year), "Koningsdag", Article3Lid1),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag", Article3Lid1),
            new(easter.AddDays(39), "Hemelvaartsdag", Article3Lid1),
            new(easter.AddDays(50), "Tweede Pinksterdag", Article3Lid1),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag", Article3Lid1),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag", Article3Lid1),
        }.OrderBy(h => h.Date).ToList();
    }

    /// <summary>Koningsdag: 27 April, or 26 April when the 27th is a Sunday.</summary>
    public static DateOnly KingsDay(int year)
    {
        var day = new DateOnly(year, 4, 27);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
