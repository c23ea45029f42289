using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Calendar;

/// <summary>Days set equal to a holiday by decree (art. 3 lid 3 Atw), bound from <c>Calendar:DecreeDays</c>.</summary>
public sealed class WorkingDayOptions
{
    public const string Section = "Calendar";

    public List<DecreeDay> DecreeDays { get; set; } = [];
}

/// <summary>One day set equal to a holiday by royal decree, e.g. the Friday after Ascension Day.</summary>
public sealed class DecreeDay
{
    [Required]
    public DateOnly? Date { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";

    /// <summary>The decree, e.g. "Besluit van 2 juni 2025, Stb. 2025, 170"; shown beside a deadline it moves.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Decree { get; set; } = "";
}

/// <summary>
/// Working days in the sense of the Algemene termijnenwet: not a Saturday or Sunday (art. 1 lid 1), not a statutory
/// holiday (art. 3 lid 1 and 2) and not a day set equal to one by decree (art. 3 lid 3).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, PublicHoliday> _decreeDays;
    private readonly Dictionary<int, Dictionary<DateOnly, PublicHoliday>> _statutory = [];
    private readonly Lock _lock = new();

    public WorkingDayCalendar(IOptions<WorkingDayOptions> options)
    {
        _decreeDays = [];
        foreach (var day in options.Value.DecreeDays)
        {
            var date = day.Date ?? throw new ArgumentException("Een dag bij besluit heeft een datum nodig.", nameof(options));
            _decreeDays[date] = new PublicHoliday(date, day.Name, $"art. 3 lid 3 Atw ({day.Decree})");
        }
    }

    /// <summary>The holiday on <paramref name="date"/>, statutory or by decree; null on other days.</summary>
    public PublicHoliday? HolidayOn(DateOnly date)
    {
        if (_decreeDays.TryGetValue(date, out var decree))
        {
            return decree;
        }

        return Statutory(date.Year).TryGetValue(date, out var holiday) ? holiday : null;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(date) is null;

    /// <summary>The date itself when it is a working day, else the first working day after it (art. 1 lid 1 Atw).</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// Counts <paramref name="days"/> working days from <paramref name="date"/>: forward when positive, backward
    /// when negative (e.g. "5 working days before the meeting"). The start day itself is not counted.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    private Dictionary<DateOnly, PublicHoliday> Statutory(int year)
    {
        lock (_lock)
        {
            if (!_statutory.TryGetValue(year, out var days))
            {
                days = StatutoryHolidays.For(year).ToDictionary(h => h.Date);
                _statutory[year] = days;
            }

            return days;
        }
    }
}
