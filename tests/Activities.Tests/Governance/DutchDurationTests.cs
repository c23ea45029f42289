using AdviesRoute.Activities.Governance.Texts;

namespace AdviesRoute.Activities.Tests.Governance;

/// <summary>The period of a written round as members read it in the mail and on the link page: words, not "P2W".</summary>
public sealed class DutchDurationTests
{
    [Theory]
    [InlineData("P1W", "1 week")]
    [InlineData("P2W", "2 weken")]
    [InlineData("P10D", "10 dagen")]
    [InlineData("P1M10D", "1 maand en 10 dagen")]
    [InlineData("P1Y2M1D", "1 jaar, 2 maanden en 1 dag")]
    [InlineData("PT48H", "48 uur")]
    [InlineData("geen duur", "geen duur")]
    public void A_period_reads_as_Dutch_words(string iso, string dutch) => DutchDuration.Format(iso).Should().Be(dutch);
}
