using AdviesRoute.Activities.Calendar;

namespace AdviesRoute.Activities.Tests.Calendar;

/// <summary>Periods as members read them in mails and on the link page: words, not "P2W".</summary>
public sealed class DutchDurationTests
{
    [Theory]
    [InlineData("P1W", "1 week")]
    [InlineData("P2W", "2 weken")]
    [InlineData("P12W", "12 weken")]
    [InlineData("P1D", "1 dag")]
    [InlineData("P10D", "10 dagen")]
    [InlineData("P1W3D", "1 week en 3 dagen")]
    [InlineData("P6M", "6 maanden")]
    [InlineData("P1Y2M", "1 jaar en 2 maanden")]
    [InlineData("PT30M", "30 minuten")]
    [InlineData("P1DT4H30M", "1 dag, 4 uur en 30 minuten")]
    [InlineData("P1M10D", "1 maand en 10 dagen")]
    [InlineData("P1Y2M1D", "1 jaar, 2 maanden en 1 dag")]
    [InlineData("PT48H", "48 uur")]
    public void A_period_reads_in_Dutch_words(string iso, string expected) =>
        DutchDuration.Format(iso).Should().Be(expected);

    [Fact]
    public void A_text_that_is_no_period_stays_as_it_is() =>
        DutchDuration.Format("twee weken").Should().Be("twee weken");
}
