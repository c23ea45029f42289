using AdviesRoute.Activities.Governance.Voting;

namespace AdviesRoute.Activities.Tests.Governance;

public sealed class VoteCountTests
{
    // Five members of five municipalities; Assen and Emmen weigh more (e.g. by inhabitants).
    private static readonly Voter[] Board =
    [
        new("a", "Assen", 3),
        new("b", "Emmen", 3),
        new("c", "Meppel", 1),
        new("d", "Tynaarlo", 1),
        new("e", "Westerveld", 1),
        new("e-plv", "Westerveld", 1, SubstituteFor: "e"),
    ];

    private static CastVote[] Votes(string spec) =>
        spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).Select(p => new CastVote(p[0], p[1] switch
        {
            "v" => VoteChoice.Voor,
            "t" => VoteChoice.Tegen,
            _ => VoteChoice.Onthouding,
        })).ToArray();

    [Theory]
    // A plain majority of heads.
    [InlineData("a=v b=v c=t d=t e=v", false, VoteResult.Aangenomen, 3, 2)]
    // A tie: two for, two against, one abstains; abstentions are not votes cast.
    [InlineData("a=v c=v b=t d=t e=o", false, VoteResult.Staken, 2, 2)]
    // Abstentions take part (quorum met) but do not count: 1 for, 0 against.
    [InlineData("a=v b=o c=o", false, VoteResult.Aangenomen, 1, 0)]
    // A missing quorum: 2 of 5 seats take part, more than half is needed.
    [InlineData("a=v b=v", false, VoteResult.GeenQuorum, 2, 0)]
    // Weighted: by heads 3 against 2 for, by weight Assen and Emmen (6) outweigh three small ones (3).
    [InlineData("a=v b=v c=t d=t e=t", true, VoteResult.Aangenomen, 6, 3)]
    // The same votes counted by heads are rejected.
    [InlineData("a=v b=v c=t d=t e=t", false, VoteResult.Verworpen, 2, 3)]
    // A substitute votes for the absent member e and completes the majority.
    [InlineData("a=v c=t d=t e-plv=v b=v", false, VoteResult.Aangenomen, 3, 2)]
    // When the member votes after all, the substitute's vote does not count as well.
    [InlineData("a=v b=t c=t d=v e=t e-plv=v", false, VoteResult.Verworpen, 2, 3)]
    public void A_vote_is_decided_by_quorum_and_the_majority_of_votes_cast(string votes, bool weighted, VoteResult expected, int voor, int tegen)
    {
        var outcome = VoteCount.Count(Board, Votes(votes), new VoteRules(Weighted: weighted));

        outcome.Result.Should().Be(expected);
        outcome.For.Should().Be(voor);
        outcome.Against.Should().Be(tegen);
    }

    [Theory]
    // 2 for, 1 against, 2 abstain: a majority of the votes cast, but not of the five taking part.
    [InlineData("a=v b=v c=t d=o e=o", Majority.VotesCast, VoteResult.Aangenomen)]
    [InlineData("a=v b=v c=t d=o e=o", Majority.Participating, VoteResult.Verworpen)]
    // 3 for, 2 against: a majority, but short of two thirds (3/5 = 60%).
    [InlineData("a=v b=v c=v d=t e=t", Majority.VotesCast, VoteResult.Aangenomen)]
    [InlineData("a=v b=v c=v d=t e=t", Majority.TwoThirds, VoteResult.Verworpen)]
    // 4 for, 1 against: two thirds reached.
    [InlineData("a=v b=v c=v d=v e=t", Majority.TwoThirds, VoteResult.Aangenomen)]
    // A tie stays a tie under every rule.
    [InlineData("a=v b=t c=o", Majority.TwoThirds, VoteResult.Staken)]
    [InlineData("a=v b=t c=o", Majority.Participating, VoteResult.Staken)]
    // Everyone must agree: one against or one abstention rejects; until all five voted for, it is not adopted.
    [InlineData("a=v b=v c=v d=v e=v", Majority.Unanimous, VoteResult.Aangenomen)]
    [InlineData("a=v b=v c=v d=v e=o", Majority.Unanimous, VoteResult.Verworpen)]
    [InlineData("a=v b=v c=t", Majority.Unanimous, VoteResult.Verworpen)]
    [InlineData("a=v b=v c=v", Majority.Unanimous, VoteResult.GeenQuorum)]
    // Anyone: one vote for is enough, even among four against; nobody for after all voted rejects.
    [InlineData("a=t b=t c=v d=t", Majority.Any, VoteResult.Aangenomen)]
    [InlineData("a=t b=t c=t d=t e=o", Majority.Any, VoteResult.Verworpen)]
    [InlineData("a=t b=t", Majority.Any, VoteResult.GeenQuorum)]
    public void The_majority_rule_is_configurable(string votes, Majority majority, VoteResult expected) =>
        VoteCount.Count(Board, Votes(votes), new VoteRules(Majority: majority)).Result.Should().Be(expected);

    [Fact]
    public void Counted_per_municipality_a_municipality_has_one_vote_and_a_split_delegation_abstains()
    {
        // BAC with two members for Assen: they split, so Assen abstains; Emmen and Meppel decide.
        Voter[] bac = [new("a1", "Assen"), new("a2", "Assen"), new("b", "Emmen"), new("c", "Meppel")];

        var outcome = VoteCount.Count(bac, Votes("a1=v a2=t b=v c=t"), new VoteRules(Counting: VoteCounting.PerMunicipality));

        outcome.Seats.Should().Be(3);
        outcome.Abstained.Should().Be(1);
        outcome.Result.Should().Be(VoteResult.Staken);
        outcome.Explanation.Should().Be("De stemmen staken: 1 voor, 1 tegen, 1 onthouding (gemeenten).");
    }

    [Fact]
    public void A_vote_from_someone_outside_the_body_or_a_second_vote_is_refused()
    {
        var outsider = () => VoteCount.Count(Board, Votes("a=v x=v"), new VoteRules());
        var twice = () => VoteCount.Count(Board, Votes("a=v a=t"), new VoteRules());

        outsider.Should().Throw<ArgumentException>().WithMessage("x is geen stemgerechtigd lid van dit orgaan.*");
        twice.Should().Throw<ArgumentException>().WithMessage("Lid a heeft twee keer gestemd.*");
    }

    [Fact]
    public void The_explanation_names_the_tally_for_the_besluitenlijst()
    {
        var outcome = VoteCount.Count(Board, Votes("a=v b=v c=t d=o e=v"), new VoteRules());

        outcome.Explanation.Should().Be("Aangenomen met meerderheid van de uitgebrachte stemmen: 3 voor, 1 tegen, 1 onthouding (leden).");
    }
}
