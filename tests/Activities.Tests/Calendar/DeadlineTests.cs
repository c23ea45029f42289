using AdviesRoute.Activities.Calendar;
using AdviesRoute.Workflows.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Calendar;

public sealed class DeadlineTests
{
    private static readonly IServiceProvider Services =
        new ServiceCollection().AddActivities(new ConfigurationBuilder().Build()).BuildServiceProvider();

    private static BegrotingDeadlines Begroting => Services.GetRequiredService<BegrotingDeadlines>();
    private static DeadlineCalculator Calculator => Services.GetRequiredService<DeadlineCalculator>();

    [Fact]
    public void The_zienswijze_deadline_is_twelve_weeks_after_dispatch_and_shows_its_article()
    {
        // Dispatch Friday 16 April 2027 + 84 days = Friday 9 July 2027, a working day.
        var deadline = Begroting.Zienswijzen(new DateOnly(2027, 4, 16));

        deadline.Date.Should().Be(new DateOnly(2027, 7, 9));
        deadline.Display.Should().Be("uiterlijk 9 juli 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)");
        deadline.Moment.Should().Be(new DateTimeOffset(2027, 7, 9, 23, 59, 0, TimeSpan.FromHours(2)), "23:59 in summer time");
    }

    [Fact]
    public void A_zienswijze_deadline_that_ends_on_a_holiday_moves_to_the_next_working_day()
    {
        // Dispatch Monday 22 February 2027 + 84 days = Monday 17 May 2027, Tweede Pinksterdag: moves to Tuesday 18 May.
        var deadline = Begroting.Zienswijzen(new DateOnly(2027, 2, 22));

        deadline.Date.Should().Be(new DateOnly(2027, 5, 18));
        deadline.Shift.Should().Be("verschoven van 17 mei 2027 (Tweede Pinksterdag) naar de eerstvolgende werkdag (art. 1 lid 1 Atw)");
    }

    [Fact]
    public void The_latest_dispatch_is_counted_back_from_the_ab_meeting_without_a_forward_shift()
    {
        // AB Thursday 1 July 2027 - 84 days = Thursday 8 April 2027.
        Begroting.LatestDispatch(new DateOnly(2027, 7, 1)).Date.Should().Be(new DateOnly(2027, 4, 8));

        // AB Tuesday 20 July 2027 - 84 days = Tuesday 27 April 2027, Koningsdag: counted further back to Monday 26 April.
        var onHoliday = Begroting.LatestDispatch(new DateOnly(2027, 7, 20));
        onHoliday.Date.Should().Be(new DateOnly(2027, 4, 26));
        onHoliday.LegalBasis.Should().Be("art. 35 lid 1 Wgr");
        onHoliday.Shift.Should().Be("teruggeteld van 27 april 2027 (Koningsdag) naar de werkdag ervoor");
    }

    [Theory]
    [InlineData("2027-07-08", "2027-07-22", "binnen 2 weken na vaststelling naar Gedeputeerde Staten")] // two weeks come first
    [InlineData("2027-09-09", "2027-09-14", "vóór 15 september naar Gedeputeerde Staten")]            // 23 Sep would pass 15 Sep
    public void The_gs_deadline_is_the_earlier_of_two_weeks_after_adoption_and_before_15_september(string adoption, string expected, string rule)
    {
        var deadline = Begroting.ToGedeputeerdeStaten(DateOnly.Parse(adoption));

        deadline.Date.Should().Be(DateOnly.Parse(expected));
        deadline.Rule.Should().Be(rule);
        deadline.LegalBasis.Should().Be("art. 34 lid 2 Wgr");
    }

    [Fact]
    public void A_documents_deadline_counts_working_days_back_from_the_meeting()
    {
        // 5 working days before Tuesday 19 May 2026 (Hemelvaartsdag 14 May is skipped): Monday 11 May.
        var deadline = Calculator.WorkingDaysBefore(new DateOnly(2026, 5, 19), 5, "stukken 5 werkdagen vóór de vergadering", "reglement van orde");

        deadline.Date.Should().Be(new DateOnly(2026, 5, 11));
    }

    [Fact]
    public void A_period_a_regeling_sets_itself_is_not_shifted_when_the_atw_does_not_apply()
    {
        // Friday 3 April 2026 + 1 day = Saturday 4 April; without the Atw it stays there.
        var deadline = Calculator.PeriodAfter(new DateOnly(2026, 4, 3), IsoDuration.Parse("P1D"), "1 dag na", "reglement", atwApplies: false);

        deadline.Date.Should().Be(new DateOnly(2026, 4, 4));
        deadline.Shift.Should().BeNull();
    }

    [Theory]
    [InlineData("2027-03-27", 1)] // the day before summer time starts (28 March 2027)
    [InlineData("2027-03-28", 2)] // the day it starts: 23:59 is already summer time
    [InlineData("2027-10-31", 1)] // the day winter time returns
    public void A_date_deadline_means_23_59_in_amsterdam_across_daylight_saving_changes(string date, int offsetHours)
    {
        var moment = DeadlineCalculator.EndOfDay(DateOnly.Parse(date));

        moment.Offset.Should().Be(TimeSpan.FromHours(offsetHours));
        moment.Hour.Should().Be(23);
        moment.Minute.Should().Be(59);
    }
}
