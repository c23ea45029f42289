using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Activities.Governance.Meetings;

/// <summary>How a member attended a meeting, as the secretary recorded it.</summary>
public enum Presence
{
    Aanwezig,

    /// <summary>Absent, and said so beforehand ("afwezig met kennisgeving").</summary>
    AfwezigMetKennisgeving,

    /// <summary>Absent, and a substitute (plaatsvervanger) took the seat for the meeting.</summary>
    Vervangen,
}

/// <summary>One member's attendance; <paramref name="SubstituteId"/> is the plaatsvervanger who took the seat.</summary>
public sealed record Attendee(string MemberId, Presence Presence, string? SubstituteId = null);

/// <summary>
/// A meeting's attendance as recorded, and whether the secretary marked it as convened again after a meeting that had no
/// quorum (<paramref name="ReconvenedAfter"/>: that meeting's id).
/// </summary>
public sealed record MeetingAttendance(string MeetingId, IReadOnlyList<Attendee> Members, string? ReconvenedAfter = null);

/// <summary>
/// Where the step reads a meeting's attendance (the host keeps it). Registered by the host; without it, or while no
/// attendance is recorded for a meeting, the step records outcomes as before.
/// </summary>
public interface IMeetingAttendanceSource
{
    /// <summary>The attendance recorded for a meeting; null when the secretary recorded none.</summary>
    ValueTask<MeetingAttendance?> FindAsync(string meetingId, CancellationToken cancellationToken = default);

    /// <summary>Whether the proposal was on the agenda of that meeting (placed on it, moved from it or decided in it).</summary>
    ValueTask<bool> WasOnAgendaAsync(string instanceId, string meetingId, CancellationToken cancellationToken = default);
}

/// <summary>A meeting's quorum counted from its attendance: seats present (a substitute fills the seat), or votes where the body weighs them.</summary>
/// <param name="Present">The seats (or votes) present.</param>
/// <param name="Total">All seats (or votes) of the body on the meeting's day.</param>
/// <param name="Measure">"leden", "gemeenten", or with weighted votes "stemmen".</param>
public sealed record QuorumCount(decimal Present, decimal Total, string Measure)
{
    /// <summary>More than half of the seats or votes: the meeting may decide (art. 20 lid 1 Gemeentewet, via art. 22 Wgr).</summary>
    public bool Reached => Present * 2 > Total;

    /// <summary>
    /// At least a third: a meeting convened again after one without quorum may then also decide other items than those
    /// of that meeting (art. 20 lid 3 Gemeentewet).
    /// </summary>
    public bool AtLeastAThird => Present * 3 >= Total;

    /// <summary>"3 van 5 leden aanwezig".</summary>
    public string Text => $"{Number(Present)} van {Number(Total)} {Measure} aanwezig";

    /// <summary>"ten minste 3" (of 5 seats); "meer dan 7,5" where weighted votes do not add up to a whole number.</summary>
    public string Needed => decimal.Truncate(Total) == Total
        ? $"ten minste {Number(decimal.Floor(Total / 2) + 1)}"
        : $"meer dan {Number(Total / 2)}";

    private static string Number(decimal value) => value.ToString("0.##", DutchFormat.Culture);
}

/// <summary>
/// The quorum rule of a meeting: it decides only with more than half of the seats present, or of the votes where the
/// regeling weighs votes (art. 20 Gemeentewet, for the AB via art. 22 Wgr; the DB's reglement van orde follows it). A
/// meeting convened again after one without quorum may decide the items of that meeting without quorum (art. 20 lid 2
/// and 3 Gemeentewet); other items then need at least a third.
/// </summary>
public static class Quorum
{
    /// <summary>The law the rule comes from, as the pages and messages name it.</summary>
    public const string LegalBasis = "art. 20 Gemeentewet, via art. 22 Wgr";

    public static QuorumCount Count(GovernanceModel model, Body body, DateOnly day, IReadOnlyList<Attendee> attendance)
    {
        var seats = model.MembersOf(body.Id, day).Where(m => m.SubstituteFor is null).ToList();
        var byMember = attendance.GroupBy(a => a.MemberId).ToDictionary(g => g.Key, g => g.Last());
        bool IsPresent(Member seat) => byMember.TryGetValue(seat.Id, out var a)
            && (a.Presence == Presence.Aanwezig || (a.Presence == Presence.Vervangen && a.SubstituteId is not null));
        decimal Weight(Member m) => body.Weighted ? m.Weight : 1;
        if (body.VoteCounting == VoteCounting.PerMunicipality)
        {
            // One vote per municipality (as VoteCount counts them): a municipality is present when one of its members is.
            var municipalities = seats.GroupBy(s => s.Municipality ?? s.Id).ToList();
            return new QuorumCount(
                municipalities.Where(g => g.Any(IsPresent)).Sum(g => body.Weighted ? g.Max(m => m.Weight) : 1),
                municipalities.Sum(g => body.Weighted ? g.Max(m => m.Weight) : 1),
                body.Weighted ? "stemmen" : "gemeenten");
        }

        return new QuorumCount(seats.Where(IsPresent).Sum(Weight), seats.Sum(Weight), body.Weighted ? "stemmen" : "leden");
    }

    /// <summary>
    /// Why no outcome may be recorded for an item in this meeting, or null when it may: the quorum is reached, or the
    /// meeting was convened again after one without quorum and the item was on that meeting (or at least a third is present).
    /// </summary>
    public static string? Refusal(QuorumCount count, string meetingName, MeetingAttendance attendance, bool itemWasOnEarlierMeeting, string? earlierMeetingName)
    {
        if (count.Reached)
        {
            return null;
        }

        if (attendance.ReconvenedAfter is not null)
        {
            if (itemWasOnEarlierMeeting || count.AtLeastAThird)
            {
                return null;
            }

            return $"De vergadering van {meetingName} heeft geen quorum: {count.Text}. Deze opnieuw bijeengeroepen vergadering mag zonder quorum "
                + $"alleen besluiten over de punten van de vergadering van {earlierMeetingName ?? "de vergadering zonder quorum"}; over dit voorstel, "
                + $"dat daar niet op de agenda stond, pas met ten minste een derde aanwezig ({LegalBasis}). Er is niets vastgelegd.";
        }

        return $"De vergadering van {meetingName} heeft geen quorum: {count.Text}, nodig is {count.Needed} ({LegalBasis}). "
            + "Er is niets vastgelegd. Verplaats het voorstel naar een vergadering die opnieuw wordt bijeengeroepen; die mag er zonder quorum over besluiten.";
    }
}
