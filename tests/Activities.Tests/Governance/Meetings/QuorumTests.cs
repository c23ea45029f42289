using AdviesRoute.Activities.Governance.Meetings;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Tests.Governance.Meetings;

/// <summary>The quorum of a meeting from its attendance (art. 20 Gemeentewet via art. 22 Wgr), on the demo model of 2027.</summary>
public sealed class QuorumTests
{
    private static readonly GovernanceModel Model = GovernanceSeed.Parse(DemoGovernance.Json());
    private static readonly DateOnly Day = new(2027, 3, 10);
    private static Body Ab => Model.FindBody("ab")!;

    [Fact]
    public void The_ab_weighs_votes_so_five_of_twelve_members_with_nine_of_sixteen_votes_have_a_quorum()
    {
        // Emmen (3), Assen (2), Hoogeveen (2), Borger-Odoorn (1), and Aa en Hunze (1) through its substitute.
        var attendance = new[]
        {
            new Attendee("m043", Presence.Aanwezig), new Attendee("m031", Presence.Aanwezig), new Attendee("m046", Presence.Aanwezig),
            new Attendee("m034", Presence.Aanwezig), new Attendee("m028", Presence.Vervangen, "m029"), new Attendee("m037", Presence.AfwezigMetKennisgeving),
        };
        var count = Quorum.Count(Model, Ab, Day, attendance);
        count.Should().Be(new QuorumCount(9, 16, "stemmen"));
        count.Reached.Should().BeTrue();
        count.Text.Should().Be("9 van 16 stemmen aanwezig");
    }

    [Fact]
    public void Half_of_the_votes_is_no_quorum_and_a_replaced_seat_without_its_substitute_is_absent()
    {
        var attendance = new[]
        {
            new Attendee("m043", Presence.Aanwezig), new Attendee("m031", Presence.Aanwezig), new Attendee("m046", Presence.Aanwezig),
            new Attendee("m028", Presence.Aanwezig), new Attendee("m034", Presence.Vervangen),
        };
        var count = Quorum.Count(Model, Ab, Day, attendance);
        count.Should().Be(new QuorumCount(8, 16, "stemmen"));
        count.Reached.Should().BeFalse("eight of sixteen is not more than half");
        Quorum.Refusal(count, "Algemeen bestuur van 10 maart 2027", new MeetingAttendance("ab-1", attendance), false, null).Should()
            .Be("De vergadering van Algemeen bestuur van 10 maart 2027 heeft geen quorum: 8 van 16 stemmen aanwezig, nodig is ten minste 9 "
                + "(art. 20 Gemeentewet, via art. 22 Wgr). Er is niets vastgelegd. Verplaats het voorstel naar een vergadering die opnieuw wordt bijeengeroepen; die mag er zonder quorum over besluiten.");
    }

    [Fact]
    public void A_meeting_convened_again_decides_its_earlier_items_without_quorum_and_other_items_with_a_third()
    {
        var one = new[] { new Attendee("m043", Presence.Aanwezig) };
        var count = Quorum.Count(Model, Ab, Day, one);
        var again = new MeetingAttendance("ab-2", one, ReconvenedAfter: "ab-1");
        Quorum.Refusal(count, "Algemeen bestuur van 10 maart 2027", again, itemWasOnEarlierMeeting: true, "3 maart 2027").Should().BeNull();
        Quorum.Refusal(count, "Algemeen bestuur van 10 maart 2027", again, itemWasOnEarlierMeeting: false, "3 maart 2027").Should()
            .Contain("alleen besluiten over de punten van de vergadering van 3 maart 2027").And.Contain("ten minste een derde");

        var third = Quorum.Count(Model, Ab, Day, [new Attendee("m043", Presence.Aanwezig), new Attendee("m031", Presence.Aanwezig), new Attendee("m028", Presence.Aanwezig)]);
        third.Present.Should().Be(6);
        Quorum.Refusal(third, "Algemeen bestuur van 10 maart 2027", again with { Members = [] }, itemWasOnEarlierMeeting: false, "3 maart 2027").Should()
            .BeNull("six of sixteen votes is at least a third (art. 20 lid 3 Gemeentewet)");
    }
}
