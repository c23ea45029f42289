using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Tests.Texts;

/// <summary>Dates, moments, periods and counts as people read them on pages and in mails: words, never "2027-01-20" or "P2W".</summary>
public sealed class DutchFormatTests
{
    [Fact]
    public void A_day_reads_with_its_Dutch_month_name() =>
        DutchFormat.Day(new DateOnly(2027, 1, 20)).Should().Be("20 januari 2027");

    [Fact]
    public void A_stored_day_reads_in_words() =>
        DutchFormat.Day("2027-01-20").Should().Be("20 januari 2027");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-02-30")]
    [InlineData("20-01-2027")]
    [InlineData("morgen")]
    public void A_stored_day_that_is_no_date_reads_as_unknown_never_as_the_stored_text(string? stored) =>
        DutchFormat.Day(stored).Should().Be("onbekende datum");

    [Fact]
    public void A_meeting_day_can_carry_its_weekday() =>
        DutchFormat.DayWithWeekday(new DateOnly(2027, 1, 20)).Should().Be("woensdag 20 januari 2027");

    [Fact]
    public void A_moment_in_winter_reads_on_the_Dutch_clock() =>
        DutchFormat.Moment(new DateTimeOffset(2027, 1, 20, 13, 30, 0, TimeSpan.Zero)).Should().Be("20 januari 2027 om 14:30");

    [Fact]
    public void A_moment_in_summer_reads_on_the_Dutch_summer_clock() =>
        DutchFormat.Moment(new DateTimeOffset(2027, 7, 9, 12, 30, 0, TimeSpan.Zero)).Should().Be("9 juli 2027 om 14:30");

    [Fact]
    public void A_moment_just_before_midnight_UTC_falls_on_the_next_Dutch_day() =>
        DutchFormat.Moment(new DateTimeOffset(2027, 1, 19, 23, 15, 0, TimeSpan.Zero)).Should().Be("20 januari 2027 om 00:15");

    [Fact]
    public void A_stored_moment_reads_in_words_and_a_bad_one_as_unknown()
    {
        DutchFormat.Moment("2027-01-20T13:30:00Z").Should().Be("20 januari 2027 om 14:30");
        DutchFormat.Moment("gisteren").Should().Be("onbekend moment");
    }

    [Fact]
    public void A_time_reads_as_hours_and_minutes_on_the_Dutch_clock()
    {
        DutchFormat.Time(new TimeOnly(9, 5)).Should().Be("09:05");
        DutchFormat.Time(new DateTimeOffset(2027, 1, 20, 13, 30, 0, TimeSpan.Zero)).Should().Be("14:30");
    }

    [Theory]
    [InlineData("P1W", "1 week")]
    [InlineData("P2W", "2 weken")]
    [InlineData("P12W", "12 weken")]
    [InlineData("P1D", "1 dag")]
    [InlineData("P3D", "3 dagen")]
    [InlineData("P1W2D", "1 week en 2 dagen")]
    [InlineData("P6M", "6 maanden")]
    [InlineData("P1Y", "1 jaar")]
    [InlineData("P1Y2M", "1 jaar en 2 maanden")]
    [InlineData("P1Y2M1D", "1 jaar, 2 maanden en 1 dag")]
    [InlineData("PT2H", "2 uur")]
    [InlineData("PT30M", "30 minuten")]
    [InlineData("PT1M", "1 minuut")]
    [InlineData("P1DT4H30M", "1 dag, 4 uur en 30 minuten")]
    [InlineData("PT48H", "48 uur")]
    [InlineData("P0D", "0 dagen")]
    public void A_period_reads_in_Dutch_words(string iso, string expected)
    {
        DutchFormat.Duration(iso).Should().Be(expected);
        DutchFormat.Duration(IsoDuration.Parse(iso)).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("P2X")]
    [InlineData("twee weken")]
    public void A_text_that_is_no_period_reads_as_unknown_never_as_the_code(string? text) =>
        DutchFormat.Duration(text).Should().Be("onbekende duur");

    [Theory]
    [InlineData(0, "geen voorstellen")]
    [InlineData(1, "1 voorstel")]
    [InlineData(2, "2 voorstellen")]
    [InlineData(1200, "1.200 voorstellen")]
    public void A_count_takes_the_singular_for_one_and_the_plural_otherwise(int n, string expected) =>
        DutchFormat.Count(n, "voorstel", "voorstellen").Should().Be(expected);

    [Fact]
    public void A_negative_count_is_refused() =>
        FluentActions.Invoking(() => DutchFormat.Count(-1, "voorstel", "voorstellen")).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void A_list_joins_its_last_item_with_en()
    {
        DutchFormat.List(["Assen"]).Should().Be("Assen");
        DutchFormat.List(["Assen", "Emmen"]).Should().Be("Assen en Emmen");
        DutchFormat.List(["Assen", "Emmen", "Meppel"]).Should().Be("Assen, Emmen en Meppel");
    }
}
