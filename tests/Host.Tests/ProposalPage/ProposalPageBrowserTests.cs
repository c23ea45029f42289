using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.ProposalPage;

/// <summary>
/// The proposal page and the start form as a secretary sees them in Chromium (see <see cref="ProposalPageFixture"/> for
/// the walk): a route diagram whose labels can be read, a round of twelve councils in one compact table, a choice and
/// text kept after a refusal, confirmations before cancelling and before a convocation, and only proposal routes to
/// start. Screenshots at 1366 and 320 px are written to <c>screenshots/voorstel</c>.
/// </summary>
public sealed class ProposalPageBrowserTests(ProposalPageFixture walk, ITestOutputHelper output) : IClassFixture<ProposalPageFixture>
{
    [Fact]
    public void The_route_diagram_labels_are_at_least_12_css_px_high_as_drawn_at_1366_px()
    {
        walk.Reached("before the round");
        output.WriteLine($"label heights before the round: {string.Join(", ", walk.LabelHeightsBefore.Select(h => h.ToString("0.0")))}");
        walk.LabelHeightsBefore.Should().NotBeEmpty("the diagram shows the proposal's path")
            .And.OnlyContain(h => h >= 12, "every label of the route diagram is readable: at least 12 CSS px as drawn");

        walk.Reached("decision");
        output.WriteLine($"label heights after the decision: {string.Join(", ", walk.LabelHeightsAfter.Select(h => h.ToString("0.0")))}");
        walk.LabelHeightsAfter.Should().NotBeEmpty().And.OnlyContain(h => h >= 12);
    }

    [Fact]
    public void The_route_is_also_an_ordered_list_that_says_done_now_and_ahead_in_words()
    {
        walk.Reached("before the round");
        output.WriteLine(walk.RouteListBefore);
        walk.RouteListBefore.Should().Contain("Nu: Ambtelijke voorbereiding").And.Contain("Nog te gaan: Dagelijks bestuur")
            .And.Contain("Nog te gaan: Zienswijzen van de raden").And.Contain("Nog te gaan: Algemeen bestuur");
        walk.RouteListBefore.Should().NotContain("Kaderbrief naar de raden", "a begroting does not take the kaderbrief's branch");
    }

    [Fact]
    public void During_a_round_of_twelve_councils_the_table_ends_within_2000_px_with_a_tally_and_no_form_per_council()
    {
        walk.Reached("round");
        var round = walk.Round!.Value;
        output.WriteLine($"rows {round.Rows}, bottom {round.Bottom:0} px; tally: {round.Tally}; header: {round.Header}");
        round.Rows.Should().Be(12, "all twelve councils are shown");
        round.Bottom.Should().BeLessThanOrEqualTo(2000, "the round's table ends within 2,000 CSS px of the top of the page at 1366 px");
        round.Tally.Should().Contain("7 van 12 geantwoord: 4 positief, 2 positief met kanttekeningen, 1 negatief; 5 nog niet");
        round.OnBehalfFields.Should().Be(0, "recording on a council's behalf opens its own form, not twelve on the page");
        round.Header.Should().Contain("Verwacht besluit").And.MatchRegex(@"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d");
    }

    [Fact]
    public void A_refused_outcome_keeps_the_choice_that_was_made()
    {
        walk.Reached("before the round");
        var refusal = walk.OutcomeRefusal!;
        output.WriteLine($"{refusal.Status}: {refusal.Message}");
        refusal.Status.Should().Be(422);
        refusal.Message.Should().Contain("toelichting");
        refusal.Checked.Should().Equal(["herzien"], "the refusal comes back with 'Herzien' still chosen, never another choice");
    }

    [Fact]
    public void A_refused_answer_on_a_councils_behalf_keeps_the_choice_and_the_text()
    {
        walk.Reached("round");
        var refusal = walk.OnBehalfRefusal!;
        output.WriteLine($"{refusal.Status}: {refusal.Message}");
        refusal.Status.Should().Be(422);
        refusal.Checked.Should().Equal(["negatief"]);
        refusal.Text.Should().Be("De raad kan niet instemmen met de verhoging van de bijdrage.");
    }

    [Fact]
    public void Cancelling_a_proposal_needs_a_confirmation_and_without_it_nothing_happens() => NeedsConfirmation(walk.Cancel, "the proposal runs on");

    [Fact]
    public void Sending_a_convocation_needs_a_confirmation_and_without_it_nothing_is_sent() => NeedsConfirmation(walk.Convocation, "no convocation goes out");

    /// <summary>Without the ticked box: 422, a message asking for it, and nothing done; with it, done.</summary>
    private void NeedsConfirmation(ProposalPageFixture.Confirmation? confirmation, string nothing)
    {
        walk.Reached("confirmations");
        output.WriteLine(confirmation!.ToString());
        confirmation.StatusWithout.Should().Be(422);
        confirmation.MessageWithout.Should().Contain("Bevestig");
        confirmation.HappenedWithout.Should().BeFalse("without the confirmation {0}", nothing);
        confirmation.HappenedWith.Should().BeTrue();
    }

    [Fact]
    public void The_start_form_offers_no_engine_example_route_and_refuses_one_posted_anyway()
    {
        walk.Reached("start form");
        output.WriteLine($"offered: {string.Join(", ", walk.OfferedRoutes)}; refusal: {walk.ExampleStartRefusal}");
        walk.OfferedRoutes.Should().Contain("voorstel").And.NotContain("voorbeeld-termijn");
        walk.ExampleStartRefusal.Should().Contain("Kies een route uit de lijst");
    }

    [Fact]
    public void After_the_decision_the_header_names_the_decision_and_the_route_is_done()
    {
        walk.Reached("decision");
        output.WriteLine(walk.HeaderAfter);
        walk.HeaderAfter.Should().Contain("Kenmerk").And.Contain("Portefeuillehouder").And.Contain("Begroting")
            .And.MatchRegex(@"Besluit\s+\d{1,2} \p{L}+ 2027 \(AB\)", "the AB adopted it");
        var expected = System.Text.RegularExpressions.Regex.Match(walk.Round!.Value.Header, @"Verwacht besluit\s+(?<day>.+)").Groups["day"].Value.Trim();
        var taken = System.Text.RegularExpressions.Regex.Match(walk.HeaderAfter, @"Besluit\s+(?<day>.+)").Groups["day"].Value.Trim();
        output.WriteLine($"expected during the round: {expected}; taken: {taken}");
        taken.Should().Be(expected, "the decision date simulated during the round is the day the AB decided");
        walk.DocumentsAfter.Count(d => d.StartsWith("Zienswijzennota", StringComparison.Ordinal)).Should()
            .Be(1, "the nota joins the stukken once, also when its delivery is handed over again while the first still runs");
        output.WriteLine($"Screenshots: {ProposalPageFixture.ScreenshotFolder}");
    }
}
