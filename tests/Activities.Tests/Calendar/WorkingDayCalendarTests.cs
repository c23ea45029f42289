using AdviesRoute.Activities.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Activities.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Calendar(params (string Date, string Name)[] decreeDays)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < decreeDays.Length; i++)
        {
            settings[$"Calendar:DecreeDays:{i}:Date"] = decreeDays[i].Date;
            settings[$"Calendar:DecreeDays:{i}:Name"] = decreeDays[i].Name;
            settings[$"Calendar:DecreeDays:{i}:Decree"] = "Besluit gelijkstelling dagen (test)";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddActivities(configuration).BuildServiceProvider().GetRequiredService<WorkingDayCalendar>();
    }

    public static TheoryData<int, string[]> Holidays => new()
    {
        // Easter Sundays: 5 Apr 2026, 28 Mar 2027, 16 Apr 2028, 1 Apr 2029, 21 Apr 2030.
        { 2026, ["2026-01-01 Nieuwjaarsdag", "2026-04-03 Goede Vrijdag", "2026-04-06 Tweede Paasdag", "2026-04-27 Koningsdag", "2026-05-05 Bevrijdingsdag", "2026-05-14 Hemelvaartsdag", "2026-05-25 Tweede Pinksterdag", "2026-12-25 Eerste Kerstdag", "2026-12-26 Tweede Kerstdag"] },
        { 2027, ["2027-01-01 Nieuwjaarsdag", "2027-03-26 Goede Vrijdag", "2027-03-29 Tweede Paasdag", "2027-04-27 Koningsdag", "2027-05-05 Bevrijdingsdag", "2027-05-06 Hemelvaartsdag", "2027-05-17 Tweede Pinksterdag", "2027-12-25 Eerste Kerstdag", "2027-12-26 Tweede Kerstdag"] },
        { 2028, ["2028-01-01 Nieuwjaarsdag", "2028-04-14 Goede Vrijdag", "2028-04-17 Tweede Paasdag", "2028-04-27 Koningsdag", "2028-05-05 Bevrijdingsdag", "2028-05-25 Hemelvaartsdag", "2028-06-05 Tweede Pinksterdag", "2028-12-25 Eerste Kerstdag", "2028-12-26 Tweede Kerstdag"] },
        { 2029, ["2029-01-01 Nieuwjaarsdag", "2029-03-30 Goede Vrijdag", "2029-04-02 Tweede Paasdag", "2029-04-27 Koningsdag", "2029-05-05 Bevrijdingsdag", "2029-05-10 Hemelvaartsdag", "2029-05-21 Tweede Pinksterdag", "2029-12-25 Eerste Kerstdag", "2029-12-26 Tweede Kerstdag"] },
        { 2030, ["2030-01-01 Nieuwjaarsdag", "2030-04-19 Goede Vrijdag", "2030-04-22 Tweede Paasdag", "2030-04-27 Koningsdag", "2030-05-05 Bevrijdingsdag", "2030-05-30 Hemelvaartsdag", "2030-06-10 Tweede Pinksterdag", "2030-12-25 Eerste Kerstdag", "2030-12-26 Tweede Kerstdag"] },
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void The_statutory_holidays_of_a_year_are_exactly_those_of_the_atw(int year, string[] expected)
    {
        var holidays = StatutoryHolidays.For(year);

        holidays.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}").Should().Equal(expected);
        holidays.Where(h => h.Name == "Goede Vrijdag").Should().ContainSingle().Which.LegalBasis.Should().Be("art. 3 lid 2 Atw");
        holidays.Where(h => h.Name != "Goede Vrijdag").Should().OnlyContain(h => h.LegalBasis == "art. 3 lid 1 Atw");
    }

    [Theory]
    [InlineData(2025, "2025-04-26")]
    [InlineData(2031, "2031-04-26")]
    [InlineData(2030, "2030-04-27")]
    public void Koningsdag_moves_to_the_26th_only_when_the_27th_is_a_sunday(int year, string expected)
    {
        StatutoryHolidays.KingsDay(year).Should().Be(DateOnly.Parse(expected));
    }

    [Theory]
    [InlineData("2026-09-12", "2026-09-14")] // Saturday -> Monday
    [InlineData("2026-04-03", "2026-04-07")] // Goede Vrijdag -> past Easter weekend and Tweede Paasdag
    [InlineData("2027-03-29", "2027-03-30")] // Tweede Paasdag (Monday) -> Tuesday
    [InlineData("2026-12-25", "2026-12-28")] // Christmas Friday -> past Tweede Kerstdag (Saturday) and Sunday
    [InlineData("2026-09-15", "2026-09-15")] // a working day stays
    public void A_period_that_ends_on_a_weekend_or_holiday_ends_on_the_next_working_day(string end, string expected)
    {
        Calendar().OnOrNextWorkingDay(DateOnly.Parse(end)).Should().Be(DateOnly.Parse(expected));
    }

    [Fact]
    public void A_configured_decree_day_is_honoured()
    {
        var ascension = new DateOnly(2026, 5, 14);

        Calendar().OnOrNextWorkingDay(ascension).Should().Be(new DateOnly(2026, 5, 15), "without a decree the Friday is a working day");
        var withDecree = Calendar(("2026-05-15", "Vrijdag na Hemelvaartsdag"));
        withDecree.OnOrNextWorkingDay(ascension).Should().Be(new DateOnly(2026, 5, 18));
        withDecree.HolidayOn(new DateOnly(2026, 5, 15))!.LegalBasis.Should().Be("art. 3 lid 3 Atw (Besluit gelijkstelling dagen (test))");
    }

    [Fact]
    public void Working_days_are_counted_backwards_past_weekends_and_holidays()
    {
        // Back from Tuesday 19 May 2026: Mon 18 (1), Fri 15 (2), Thu 14 Hemelvaartsdag skipped, Wed 13 (3), Tue 12 (4), Mon 11 (5).
        Calendar().AddWorkingDays(new DateOnly(2026, 5, 19), -5).Should().Be(new DateOnly(2026, 5, 11));
        // Forward from Thursday 31 December 2026: Fri 1 Jan is Nieuwjaarsdag, so Mon 4 (1), Tue 5 (2).
        Calendar().AddWorkingDays(new DateOnly(2026, 12, 31), 2).Should().Be(new DateOnly(2027, 1, 5));
    }

    [Fact]
    public void A_decree_day_without_a_decree_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Calendar:DecreeDays:0:Date"] = "2026-05-15",
            ["Calendar:DecreeDays:0:Name"] = "Vrijdag na Hemelvaartsdag",
        }).Build();
        var services = new ServiceCollection().AddActivities(configuration).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<WorkingDayOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage("*Calendar:DecreeDays*");
    }
}
