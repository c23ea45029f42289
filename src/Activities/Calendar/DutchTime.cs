namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// Dutch time: days, deadlines and terms are counted in the Netherlands (Europe/Amsterdam), summer or winter time,
/// whatever the server's own time zone.
/// </summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The day in the Netherlands at a moment.</summary>
    public static DateOnly Today(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>A moment as the Netherlands' clock shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);
}
