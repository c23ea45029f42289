namespace AdviesRoute.Activities.Governance.Voting;

/// <summary>What a member chose: voor, tegen or onthouding.</summary>
public enum VoteChoice
{
    Voor,
    Tegen,
    Onthouding,
}

/// <summary>Whether a body's votes count per member or per municipality (configurable per body).</summary>
public enum VoteCounting
{
    PerMember,
    PerMunicipality,
}

/// <summary>The result of a vote.</summary>
public enum VoteResult
{
    Aangenomen,
    Verworpen,

    /// <summary>As many votes for as against ("de stemmen staken").</summary>
    Staken,

    /// <summary>Too few members took part for the vote to count.</summary>
    GeenQuorum,
}

/// <summary>A member entitled to vote, with the weight of their vote and the municipality they represent.</summary>
/// <param name="SubstituteFor">Set for a substitute: the member whose seat they take when that member does not vote.</param>
public sealed record Voter(string MemberId, string Municipality, decimal Weight = 1, string? SubstituteFor = null);

/// <summary>A vote as given.</summary>
public sealed record CastVote(string MemberId, VoteChoice Choice);

/// <summary>What counts as a majority.</summary>
public enum Majority
{
    /// <summary>More votes for than against; abstentions are not votes cast (the usual rule, art. 28 Gemeentewet).</summary>
    VotesCast,

    /// <summary>More than half of those taking part, abstentions included.</summary>
    Participating,

    /// <summary>At least two thirds of the votes cast.</summary>
    TwoThirds,

    /// <summary>Everyone: every seat votes for; one vote against (or an abstention) rejects. No quorum needed beyond all.</summary>
    Unanimous,

    /// <summary>Anyone: one vote for approves (e.g. one of several portefeuillehouders); rejected when all voted and none was for.</summary>
    Any,
}

/// <summary>How a body decides.</summary>
/// <param name="QuorumFraction">The share of seats (or, when weighted, of the total weight) that must take part:
/// more than this fraction, e.g. 0.5 for "meer dan de helft".</param>
/// <param name="Weighted">Whether votes count with their weight instead of one each.</param>
public sealed record VoteRules(VoteCounting Counting = VoteCounting.PerMember, decimal QuorumFraction = 0.5m, bool Weighted = false,
    Majority Majority = Majority.VotesCast);

/// <summary>The outcome with the tally, and a Dutch explanation for the journal and the besluitenlijst.</summary>
public sealed record VoteOutcome(VoteResult Result, decimal For, decimal Against, decimal Abstained, decimal Participating, decimal Seats, string Explanation);

/// <summary>
/// Counts a vote by the rules of a body: a quorum of seats taking part, and a majority of the votes cast
/// (abstentions take part but are not votes cast). A substitute's vote counts for the seat of the member they
/// replace, only when that member did not vote. Counted per municipality, each municipality has one vote: the
/// majority of its members' votes, or an abstention when they are split evenly.
/// </summary>
public static class VoteCount
{
    /// <exception cref="ArgumentException">A vote from someone who is not a voter of the body, or two votes from one member.</exception>
    public static VoteOutcome Count(IReadOnlyList<Voter> voters, IReadOnlyList<CastVote> votes, VoteRules rules)
    {
        var byId = voters.ToDictionary(v => v.MemberId);
        var duplicate = votes.GroupBy(v => v.MemberId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Lid {duplicate.Key} heeft twee keer gestemd.", nameof(votes));
        }

        // One vote per seat: the member's own, else their substitute's.
        var seats = new Dictionary<string, (Voter Seat, VoteChoice Choice)>();
        foreach (var vote in votes.OrderBy(v => byId.TryGetValue(v.MemberId, out var voter) && voter.SubstituteFor is not null))
        {
            if (!byId.TryGetValue(vote.MemberId, out var voter))
            {
                throw new ArgumentException($"{vote.MemberId} is geen stemgerechtigd lid van dit orgaan.", nameof(votes));
            }

            var seatHolder = voter.SubstituteFor is { } replaced ? byId.GetValueOrDefault(replaced) ?? voter : voter;
            seats.TryAdd(seatHolder.MemberId, (seatHolder, vote.Choice));
        }

        var members = voters.Where(v => v.SubstituteFor is null).ToList();
        decimal Weight(Voter v) => rules.Weighted ? v.Weight : 1;

        List<(decimal Weight, VoteChoice Choice)> counted;
        decimal totalSeats;
        if (rules.Counting == VoteCounting.PerMunicipality)
        {
            totalSeats = members.GroupBy(m => m.Municipality).Sum(g => rules.Weighted ? g.Max(m => m.Weight) : 1);
            counted = seats.Values.GroupBy(s => s.Seat.Municipality).Select(g =>
            {
                var voor = g.Count(s => s.Choice == VoteChoice.Voor);
                var tegen = g.Count(s => s.Choice == VoteChoice.Tegen);
                var choice = voor > tegen ? VoteChoice.Voor : tegen > voor ? VoteChoice.Tegen : VoteChoice.Onthouding;
                return (rules.Weighted ? g.Max(s => s.Seat.Weight) : 1m, choice);
            }).ToList();
        }
        else
        {
            totalSeats = members.Sum(Weight);
            counted = seats.Values.Select(s => (Weight(s.Seat), s.Choice)).ToList();
        }

        var participating = counted.Sum(c => c.Weight);
        var voorTotal = counted.Where(c => c.Choice == VoteChoice.Voor).Sum(c => c.Weight);
        var tegenTotal = counted.Where(c => c.Choice == VoteChoice.Tegen).Sum(c => c.Weight);
        var onthouding = counted.Where(c => c.Choice == VoteChoice.Onthouding).Sum(c => c.Weight);
        var unit = rules.Counting == VoteCounting.PerMunicipality ? "gemeenten" : "leden";
        var measure = rules.Weighted ? $"stemgewicht van {unit}" : unit;

        if (rules.Majority is Majority.Unanimous or Majority.Any)
        {
            return ApprovalRule(rules.Majority, voorTotal, tegenTotal, onthouding, participating, totalSeats, measure);
        }

        if (participating <= totalSeats * rules.QuorumFraction)
        {
            return new VoteOutcome(VoteResult.GeenQuorum, voorTotal, tegenTotal, onthouding, participating, totalSeats,
                $"Geen quorum: {participating:0.##} van {totalSeats:0.##} ({measure}) namen deel; nodig is meer dan {totalSeats * rules.QuorumFraction:0.##}.");
        }

        var result = rules.Majority switch
        {
            _ when voorTotal == tegenTotal && rules.Majority != Majority.Participating => VoteResult.Staken,
            Majority.Participating when voorTotal * 2 > participating => VoteResult.Aangenomen,
            Majority.Participating => voorTotal == tegenTotal ? VoteResult.Staken : VoteResult.Verworpen,
            Majority.TwoThirds => voorTotal * 3 >= (voorTotal + tegenTotal) * 2 ? VoteResult.Aangenomen : VoteResult.Verworpen,
            _ => voorTotal > tegenTotal ? VoteResult.Aangenomen : VoteResult.Verworpen,
        };
        var tally = $"{voorTotal:0.##} voor, {tegenTotal:0.##} tegen, {onthouding:0.##} onthouding ({measure})";
        var rule = rules.Majority switch
        {
            Majority.Participating => "meer dan de helft van de deelnemers",
            Majority.TwoThirds => "twee derde van de uitgebrachte stemmen",
            _ => "meerderheid van de uitgebrachte stemmen",
        };
        var explanation = result switch
        {
            VoteResult.Aangenomen => $"Aangenomen met {rule}: {tally}.",
            VoteResult.Verworpen => $"Verworpen, geen {rule}: {tally}.",
            _ => $"De stemmen staken: {tally}.",
        };
        return new VoteOutcome(result, voorTotal, tegenTotal, onthouding, participating, totalSeats, explanation);
    }

    /// <summary>The approval rules "everyone" and "anyone": not a majority, but who has (not) agreed.</summary>
    private static VoteOutcome ApprovalRule(Majority rule, decimal voor, decimal tegen, decimal onthouding, decimal participating, decimal seats, string measure)
    {
        var tally = $"{voor:0.##} voor, {tegen:0.##} tegen, {onthouding:0.##} onthouding van {seats:0.##} ({measure})";
        if (rule == Majority.Unanimous)
        {
            return tegen + onthouding > 0
                ? new VoteOutcome(VoteResult.Verworpen, voor, tegen, onthouding, participating, seats, $"Verworpen: niet iedereen stemde voor ({tally}).")
                : voor >= seats
                    ? new VoteOutcome(VoteResult.Aangenomen, voor, tegen, onthouding, participating, seats, $"Aangenomen: iedereen stemde voor ({tally}).")
                    : new VoteOutcome(VoteResult.GeenQuorum, voor, tegen, onthouding, participating, seats, $"Nog niet iedereen heeft gekozen ({tally}).");
        }

        return voor > 0
            ? new VoteOutcome(VoteResult.Aangenomen, voor, tegen, onthouding, participating, seats, $"Aangenomen: er is instemming ({tally}).")
            : participating >= seats
                ? new VoteOutcome(VoteResult.Verworpen, voor, tegen, onthouding, participating, seats, $"Verworpen: niemand stemde voor ({tally}).")
                : new VoteOutcome(VoteResult.GeenQuorum, voor, tegen, onthouding, participating, seats, $"Nog geen instemming ({tally}).");
    }
}
