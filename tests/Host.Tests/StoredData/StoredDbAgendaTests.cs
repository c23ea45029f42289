using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Host.Tests.StoredData.StoredWalk;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// The two items stored on the agenda of the DB of 10 February 2027 (the tarieven held over on 20 January, and the
/// jaarrekening as a hamerstuk) are decided there and go on through the AB to their end.
/// </summary>
public sealed class StoredDbAgendaTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    [Fact]
    public async Task The_held_over_item_and_the_hamerstuk_are_decided_at_the_stored_DB_meeting_and_both_finish()
    {
        using var walk = await StartAsync(host);
        var tarieven = Fixture.Proposal(StoredRoles.HeldOver);
        var jaarrekening = Fixture.Proposal(StoredRoles.OnAgenda);

        await walk.OutcomeAsync(jaarrekening.Id, "besluitDb", "db-2027-02-10", "vastgesteld", Amsterdam(2027, 2, 10, 12, 0));
        await walk.OutcomeAsync(tarieven.Id, "besluitDb", "db-2027-02-10", "vastgesteld");
        await walk.OutcomeAsync(jaarrekening.Id, "besluitAb", "ab-2027-04-14", "vastgesteld", Amsterdam(2027, 4, 14, 22, 0));
        await walk.OutcomeAsync(tarieven.Id, "besluitAb", "ab-2027-04-14", "gewijzigdVastgesteld");
        await walk.FollowUpDoneAsync(jaarrekening.Id, "nazorgJaarrekening");

        var tarievenAdded = await walk.FinishedAfterStoredJournalAsync(tarieven);
        tarievenAdded.Where(j => j.Kind == "vergaderingUitkomst").Select(j => (j.Activity, j.Outcome))
            .Should().Equal(("besluitDb", "vastgesteld"), ("besluitAb", "gewijzigdVastgesteld"));
        var jaarrekeningAdded = await walk.FinishedAfterStoredJournalAsync(jaarrekening);
        jaarrekeningAdded.Should().Contain(j => j.Kind == "nazorgGereed");
    }
}
