using AdviesRoute.Activities.Governance.Answers;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Tests.Shared.Governance;
using AdviesRoute.Workflows.Runtime;

namespace AdviesRoute.Activities.Tests.Governance.Answers;

/// <summary>
/// Who may answer for a seat or a body on a day: one rule, asked by the steps and by the personal-link page. These
/// tests hold it to the cases that differed before it was one rule (a substitute's own term) and to the obvious one
/// that must never pass (a member of another body).
/// </summary>
public sealed class SeatRuleTests
{
    private static readonly DateOnly Day = new(2026, 11, 10);

    // Tineke Uneken (m065, Hoogeveen) sits on the DB; Jan Bos was her substitute until 31 October 2026, Fenna Dijk is
    // her substitute from 1 November. Roos Zijlstra (m063) chairs the DB; Hendrik Smit (m031) sits on the AB for Assen.
    private static GovernanceModel Model() => WithSubstitutes(GovernanceSeed.Parse(DemoGovernance.Json()));

    internal static GovernanceModel WithSubstitutes(GovernanceModel model) => model with
    {
        Members =
        [
            .. model.Members,
            new Member("m901", "Jan Bos", "jan.bos@hoogeveen.example.org", "db", MemberRole.Plaatsvervanger, "hoogeveen", 1,
                new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 31), SubstituteFor: "m065"),
            new Member("m902", "Fenna Dijk", "fenna.dijk@hoogeveen.example.org", "db", MemberRole.Plaatsvervanger, "hoogeveen", 1,
                new DateOnly(2026, 11, 1), null, SubstituteFor: "m065"),
        ],
    };

    private static Member M(GovernanceModel model, string id) => model.FindMember(id)!;

    [Fact]
    public void The_holder_of_a_seat_may_answer_for_it()
    {
        var model = Model();
        SeatRule.ForSeat(model, M(model, "m065"), M(model, "m065"), Day).Allowed.Should().BeTrue();
    }

    [Fact]
    public void A_substitute_whose_own_term_runs_may_answer_for_the_holder()
    {
        var model = Model();
        SeatRule.ForSeat(model, M(model, "m065"), M(model, "m902"), Day).Allowed.Should().BeTrue();
    }

    [Fact]
    public void A_substitute_whose_own_term_has_ended_may_not_answer()
    {
        var model = Model();
        var check = SeatRule.ForSeat(model, M(model, "m065"), M(model, "m901"), Day);
        check.Verdict.Should().Be(SeatVerdict.NotTheirs);
        check.Refusal.Should().Be("Jan Bos is op 10 november 2026 geen plaatsvervanger meer en kan niet kiezen voor de zetel van Tineke Uneken.");
    }

    [Fact]
    public void A_sitting_member_of_another_body_may_not_answer_for_a_seat()
    {
        var model = Model();
        var other = model.Members.First(m => m.Body == "ab" && m.SubstituteFor is null && m.SitsOn(Day));
        var check = SeatRule.ForSeat(model, M(model, "m063"), other, Day);
        check.Verdict.Should().Be(SeatVerdict.NotTheirs);
        check.Refusal.Should().Be($"{other.Name} mag niet kiezen voor de zetel van Roos Zijlstra.");
    }

    [Fact]
    public void A_member_whose_term_ended_is_told_the_request_passed_to_the_successor()
    {
        var model = Succession.Replace(GovernanceSeed.Parse(DemoGovernance.Json()), "m064", new DateOnly(2026, 9, 15), "m900", "Els Bakker", "els.bakker@emmen.example.org");
        var check = SeatRule.ForSeat(model, M(model, "m064"), M(model, "m064"), Day);
        check.Verdict.Should().Be(SeatVerdict.TermEnded);
        check.Holder!.Name.Should().Be("Els Bakker");
        SeatRule.ForSeat(model, M(model, "m064"), M(model, "m900"), Day).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Only_a_sitting_member_of_a_body_may_answer_for_that_body()
    {
        var model = Model();
        var council = model.FindBody("raad-assen")!;
        var member = model.MembersOf("raad-assen", Day).First();
        SeatRule.ForBody(council, member, Day).Allowed.Should().BeTrue();
        var check = SeatRule.ForBody(council, M(model, "m063"), Day);
        check.Allowed.Should().BeFalse();
        check.Refusal.Should().Be("Roos Zijlstra is op 10 november 2026 geen lid van Gemeenteraad Assen en kan niet namens Gemeenteraad Assen antwoorden.");
    }

    [Fact]
    public async Task The_written_round_refuses_a_substitute_whose_term_ended_and_a_member_of_another_body_and_stores_nothing()
    {
        await using var engine = await GovernanceEngine.StartAsync(Day, WithSubstitutes);
        await engine.Host.SaveAsync(WrittenDecision.Definition("schriftelijk-db", """{ "orgaan": "db", "wijze": "schriftelijk", "termijn": "P4W" }"""));
        var id = (await engine.StartAsync("schriftelijk-db", new { titel = "Aanbesteding jeugdgezondheidszorg" })).InstanceId;
        var journal = (await engine.JournalAsync(id)).Count;

        var ended = () => engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m901", keuze = "voor" }, seat: "m065");
        await ended.Should().ThrowAsync<ResumeRejectedException>()
            .WithMessage("Jan Bos is op 10 november 2026 geen plaatsvervanger meer en kan niet kiezen voor de zetel van Tineke Uneken.");
        var stranger = () => engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m031", keuze = "voor" }, seat: "m063");
        await stranger.Should().ThrowAsync<ResumeRejectedException>().WithMessage("* mag niet kiezen voor de zetel van Roos Zijlstra.");
        (await engine.JournalAsync(id)).Should().HaveCount(journal, "a refused answer stores nothing");

        // The substitute in office may answer, and the journal says for whom.
        await engine.ResumeAsync(id, "besluit", "Stem", new { lid = "m902", keuze = "voor" }, seat: "m065", actor: "Fenna Dijk");
        (await engine.JournalAsync(id)).Single(j => j.Kind == "stem").DataJson.Should().Contain("\"naam\":\"Fenna Dijk\"").And.Contain("\"plaatsvervanger\":true");
    }
}
