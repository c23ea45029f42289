using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Calendar;

/// <summary>
/// The legal periods of the begroting under the Wet gemeenschappelijke regelingen (as amended on 1 July 2022).
/// Each method names its article; the article travels with the deadline to wherever it is shown.
/// </summary>
public sealed class BegrotingDeadlines(DeadlineCalculator deadlines)
{
    private static readonly IsoDuration TwelveWeeks = IsoDuration.Parse("P12W");
    private static readonly IsoDuration TwoWeeks = IsoDuration.Parse("P2W");

    /// <summary>Art. 35 lid 1 Wgr: the DB sends the ontwerpbegroting to the councils 12 weeks before it goes to the AB.</summary>
    public Deadline LatestDispatch(DateOnly abMeeting) =>
        deadlines.PeriodBefore(abMeeting, TwelveWeeks, "12 weken vóór behandeling in het algemeen bestuur naar de raden", "art. 35 lid 1 Wgr");

    /// <summary>
    /// Art. 34b Wgr: the DB sends the general financial and policy frameworks (the kaderbrief, for the begroting of the
    /// next year) and the voorlopige jaarrekening (of the past year) to the councils before 30 April of the year they
    /// are sent in ("vóór 30 april": 29 April is the last day). A fixed date, so nothing is shifted.
    /// </summary>
    public static Deadline KadersEnVoorlopigeJaarrekening(int year) =>
        DeadlineCalculator.FixedDate(new DateOnly(year, 4, 29), "vóór 30 april naar de raden", "art. 34b Wgr");

    /// <summary>Art. 35 lid 3 Wgr: the councils may give a zienswijze within 12 weeks of dispatch.</summary>
    public Deadline Zienswijzen(DateOnly dispatch) =>
        deadlines.PeriodAfter(dispatch, TwelveWeeks, "12 weken na verzending", "art. 35 lid 3 Wgr");

    /// <summary>
    /// Art. 34 lid 2 Wgr: the DB sends the adopted begroting to Gedeputeerde Staten within 2 weeks of adoption and in
    /// any case before 15 September ("vóór 15 september": 14 September is the last day); the earlier one counts.
    /// </summary>
    public Deadline ToGedeputeerdeStaten(DateOnly adoption) =>
        DeadlineCalculator.Earliest(
            deadlines.PeriodAfter(adoption, TwoWeeks, "binnen 2 weken na vaststelling naar Gedeputeerde Staten", "art. 34 lid 2 Wgr"),
            DeadlineCalculator.FixedDate(new DateOnly(adoption.Year, 9, 14), "vóór 15 september naar Gedeputeerde Staten", "art. 34 lid 2 Wgr"));
}
