using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Calendar;

/// <summary>What the legal check found for the begroting of one year: warnings, and the route that fits if any.</summary>
/// <param name="KadersMeeting">The last DB meeting from which the kaderbrief and the voorlopige jaarrekening can still
/// reach the councils in time (<paramref name="KadersDeadline"/>, art. 34b Wgr).</param>
public sealed record BegrotingCheck(
    int Year,
    IReadOnlyList<string> Warnings,
    Meeting? Adoption,
    Meeting? ReactionMeeting,
    Deadline? LatestDispatch,
    Meeting? DispatchMeeting,
    Deadline? ToGedeputeerdeStaten,
    Deadline KadersDeadline,
    Meeting? KadersMeeting);

/// <summary>
/// Warns when a jaarkalender makes the legal periods of the begroting impossible. The AB adopts it in the meeting
/// marked <c>"pc": "Begroting"</c>; before that the DB must have answered the councils' zienswijzen in a meeting
/// after their 12 weeks ended (art. 35 lid 3 Wgr), so the DB must send the ontwerpbegroting at the latest 12 weeks
/// before that DB meeting (and so at least 12 weeks before the AB, art. 35 lid 1 Wgr), from a DB meeting on or
/// before that day; and the adopted begroting must reach Gedeputeerde Staten before 15 September (art. 34 lid 2 Wgr).
/// Earlier in the year the DB sends the kaderbrief and the voorlopige jaarrekening to the councils before 30 April
/// (art. 34b Wgr), so a DB meeting must fall on or before 29 April.
/// </summary>
public sealed class LegalCheck(DeadlineCalculator deadlines, BegrotingDeadlines begroting)
{
    private static readonly Workflows.Definitions.IsoDuration TwelveWeeks = Workflows.Definitions.IsoDuration.Parse("P12W");

    public BegrotingCheck Begroting(Jaarkalender calendar, int year, string abBody = "ab", string dbBody = "db")
    {
        var warnings = new List<string>();
        var dbMeetings = calendar.MeetingsOf(dbBody).ToList();
        var kaders = BegrotingDeadlines.KadersEnVoorlopigeJaarrekening(year);
        var kadersMeeting = dbMeetings.LastOrDefault(m => m.Date.Year == year && m.Date <= kaders.Date);
        if (kadersMeeting is null)
        {
            warnings.Add($"Er is in {year} geen vergadering van het dagelijks bestuur op of vóór {DutchFormat.Day(kaders.Date)}; dan kunnen de kaderbrief en de voorlopige jaarrekening niet vóór 30 april naar de raden (art. 34b Wgr).");
        }

        var adoption = calendar.MeetingsOf(abBody).FirstOrDefault(m => m.Date.Year == year && m.Pc == "Begroting");
        if (adoption is null)
        {
            warnings.Add($"Er is in {year} geen vergadering van het algemeen bestuur waarop de begroting wordt vastgesteld.");
            return new BegrotingCheck(year, warnings, null, null, null, null, null, kaders, kadersMeeting);
        }

        var toGs = begroting.ToGedeputeerdeStaten(adoption.Date);
        if (adoption.Date > new DateOnly(year, 9, 14))
        {
            warnings.Add($"Het algemeen bestuur stelt de begroting pas op {DutchFormat.Day(adoption.Date)} vast; dan kan zij niet meer vóór 15 september naar Gedeputeerde Staten (art. 34 lid 2 Wgr).");
        }

        var reaction = dbMeetings.LastOrDefault(m => m.Date < adoption.Date);
        if (reaction is null)
        {
            warnings.Add($"Er is geen vergadering van het dagelijks bestuur vóór het algemeen bestuur van {DutchFormat.Day(adoption.Date)} om de zienswijzen schriftelijk te beantwoorden.");
            return new BegrotingCheck(year, warnings, adoption, null, null, null, toGs, kaders, kadersMeeting);
        }

        // The councils' 12 weeks (with the Atw's forward shift) must have ended by the DB meeting that answers them.
        var latest = deadlines.PeriodBefore(reaction.Date, TwelveWeeks, "12 weken vóór de DB-vergadering die de zienswijzen beantwoordt naar de raden", "art. 35 lid 1 en 3 Wgr");
        while (begroting.Zienswijzen(latest.Date).Date > reaction.Date)
        {
            var earlier = latest.Date.AddDays(-1);
            latest = latest with { Date = earlier, Moment = DeadlineCalculator.EndOfDay(earlier) };
        }

        var dispatch = dbMeetings.LastOrDefault(m => m.Date <= latest.Date);
        if (dispatch is null)
        {
            warnings.Add($"Geen vergadering van het dagelijks bestuur op of vóór {DutchFormat.Day(latest.Date)} om de ontwerpbegroting te verzenden; de zienswijzentermijn van 12 weken (art. 35 lid 3 Wgr) past dan niet vóór de DB-vergadering van {DutchFormat.Day(reaction.Date)}.");
        }

        return new BegrotingCheck(year, warnings, adoption, reaction, latest, dispatch, toGs, kaders, kadersMeeting);
    }
}
