using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// A computed deadline: its last day, the moment that means (23:59 Europe/DutchTime.Zone), the rule and the article it
/// came from, and how the calendar moved it, so the UI can show "uiterlijk 9 juli 2027 (art. 35 lid 3 Wgr: 12 weken
/// na verzending)".
/// </summary>
public sealed record Deadline(DateOnly Date, DateTimeOffset Moment, string Rule, string LegalBasis, string? Shift = null)
{
    /// <summary>The Dutch text shown beside the deadline.</summary>
    public string Display =>
        $"uiterlijk {DutchFormat.Day(Date)} ({LegalBasis}: {Rule}{(Shift is null ? "" : "; " + Shift)})";
}

/// <summary>
/// Computes deadlines from events on the working-day calendar. Whether the Algemene termijnenwet applies is a flag
/// per rule: it covers periods set by a formal law (the Wgr), not periods a regeling sets itself. Its exceptions
/// (art. 4 Atw) are not decided here: the caller passes <c>atwApplies: false</c> where one applies.
/// </summary>
public sealed class DeadlineCalculator(WorkingDayCalendar calendar)
{
    /// <summary>A date deadline means the end of that day in the Netherlands: 23:59, summer or winter time.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// A period after an event (e.g. 12 weeks after dispatch). Under the Atw (art. 1 lid 1) an end on a Saturday,
    /// Sunday or holiday moves to the next working day.
    /// </summary>
    /// <param name="atwApplies">Whether the Algemene termijnenwet covers the period: only periods set by a formal law (the Wgr).</param>
    /// <param name="movesToWorkingDay">
    /// Whether an end on a day off moves to the next working day; by default exactly when the Atw applies. A period a
    /// reglement sets that a person must meet (a written round) passes <c>atwApplies: false, movesToWorkingDay: true</c>:
    /// it moves like a period of the law, and its text names <paramref name="legalBasis"/> as the rule, not the Atw.
    /// </param>
    public Deadline PeriodAfter(DateOnly eventDate, IsoDuration period, string rule, string legalBasis, bool atwApplies = true, bool? movesToWorkingDay = null)
    {
        var end = period.AddTo(eventDate);
        if (!(movesToWorkingDay ?? atwApplies) || calendar.IsWorkingDay(end))
        {
            return new Deadline(end, EndOfDay(end), rule, legalBasis);
        }

        var moved = calendar.OnOrNextWorkingDay(end);
        var by = atwApplies ? "art. 1 lid 1 Atw" : legalBasis;
        return new Deadline(moved, EndOfDay(moved), rule, legalBasis, $"verschoven van {Describe(end)} naar de eerstvolgende werkdag ({by})");
    }

    /// <summary>
    /// A period before an event (e.g. 12 weeks before the AB meeting): counted backwards. The Atw's forward shift
    /// does not apply; a day that is not a working day is counted further back to the working day before it.
    /// </summary>
    public Deadline PeriodBefore(DateOnly eventDate, IsoDuration period, string rule, string legalBasis)
    {
        var day = period.SubtractFrom(eventDate);
        if (calendar.IsWorkingDay(day))
        {
            return new Deadline(day, EndOfDay(day), rule, legalBasis);
        }

        var earlier = day;
        while (!calendar.IsWorkingDay(earlier))
        {
            earlier = earlier.AddDays(-1);
        }

        return new Deadline(earlier, EndOfDay(earlier), rule, legalBasis, $"teruggeteld van {Describe(day)} naar de werkdag ervoor");
    }

    /// <summary>N working days before an event, e.g. the documents deadline of a meeting.</summary>
    public Deadline WorkingDaysBefore(DateOnly eventDate, int workingDays, string rule, string legalBasis)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = calendar.AddWorkingDays(eventDate, -workingDays);
        return new Deadline(day, EndOfDay(day), rule, legalBasis);
    }

    /// <summary>
    /// A fixed last day, e.g. "vóór 15 september": pass 14 September, the last day before it. It is a date, not a
    /// period, so nothing is shifted.
    /// </summary>
    public static Deadline FixedDate(DateOnly lastDay, string rule, string legalBasis) => new(lastDay, EndOfDay(lastDay), rule, legalBasis);

    /// <summary>The earliest of several deadlines (e.g. "within 2 weeks of adoption and before 15 September").</summary>
    public static Deadline Earliest(params Deadline[] deadlines)
    {
        ArgumentOutOfRangeException.ThrowIfZero(deadlines.Length);
        return deadlines.OrderBy(d => d.Date).First();
    }

    private string Describe(DateOnly day)
    {
        var name = calendar.HolidayOn(day)?.Name ?? DutchFormat.Weekday(day);
        return $"{DutchFormat.Day(day)} ({name})";
    }
}
