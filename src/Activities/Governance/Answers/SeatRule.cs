using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Answers;

/// <summary>What <see cref="SeatRule"/> says of a person answering for a seat or a body on a day.</summary>
public enum SeatVerdict
{
    /// <summary>The person may answer.</summary>
    Allowed,

    /// <summary>Nobody holds the seat that day.</summary>
    Vacant,

    /// <summary>The person held the seat, but their term has ended; the request passed to the successor.</summary>
    TermEnded,

    /// <summary>The person is not the seat's holder, nor a substitute of the holder sitting that day; or not a member of the body.</summary>
    NotTheirs,
}

/// <summary>The verdict, the seat's holder that day, and the Dutch refusal when the person may not answer.</summary>
public sealed record SeatCheck(SeatVerdict Verdict, Member? Holder, string? Refusal)
{
    public bool Allowed => Verdict == SeatVerdict.Allowed;
}

/// <summary>
/// The one rule of who may answer a request on a day, asked by the steps themselves and by the personal-link page,
/// so a link never offers what the step would refuse. A seat's request is answered by the seat's holder that day (the
/// successor once the term of the first holder ended) or by a substitute of the holder whose own term runs that day.
/// A body's request (a council's zienswijze, a college's answer) is answered by a member of that body sitting that day.
/// </summary>
public static class SeatRule
{
    public static SeatCheck ForSeat(GovernanceModel model, Member seat, Member person, DateOnly day)
    {
        var holder = model.SeatHolder(seat, day);
        if (holder is null)
        {
            return new SeatCheck(SeatVerdict.Vacant, null, $"De zetel van {seat.Name} is op {Bestuur.Format(day)} niet bezet.");
        }

        if (person.Id == holder.Id || (person.SubstituteFor == holder.Id && person.SitsOn(day)))
        {
            return new SeatCheck(SeatVerdict.Allowed, holder, null);
        }

        if (person.Id == seat.Id && person.To is { } ended)
        {
            return new SeatCheck(SeatVerdict.TermEnded, holder,
                $"De zittingstermijn van {person.Name} is op {Bestuur.Format(ended)} geëindigd; het verzoek is overgegaan naar {holder.Name}.");
        }

        if (person.SubstituteFor == holder.Id)
        {
            return new SeatCheck(SeatVerdict.NotTheirs, holder,
                $"{person.Name} is op {Bestuur.Format(day)} geen plaatsvervanger meer en kan niet kiezen voor de zetel van {holder.Name}.");
        }

        return new SeatCheck(SeatVerdict.NotTheirs, holder, $"{person.Name} mag niet kiezen voor de zetel van {holder.Name}.");
    }

    public static SeatCheck ForBody(Body body, Member person, DateOnly day) =>
        person.Body == body.Id && person.SitsOn(day)
            ? new SeatCheck(SeatVerdict.Allowed, person, null)
            : new SeatCheck(SeatVerdict.NotTheirs, null, $"{person.Name} is op {Bestuur.Format(day)} geen lid van {body.Name} en kan niet namens {body.Name} antwoorden.");
}
