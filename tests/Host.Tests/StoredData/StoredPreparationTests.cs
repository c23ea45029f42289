using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Host.Tests.StoredData.StoredWalk;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>A proposal stored while it waited in the ambtelijke voorbereiding (after one round of rework) goes on to its end.</summary>
public sealed class StoredPreparationTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    [Fact]
    public async Task The_proposal_stored_in_preparation_passes_BAC_DB_and_AB_and_finishes_after_its_stored_journal()
    {
        using var walk = await StartAsync(host);
        var visie = Fixture.Proposal(StoredRoles.Preparation);

        await walk.PrepareAsync(visie.Id, "gereed");
        await walk.OutcomeAsync(visie.Id, "advies", "bac-pg-2027-02-24", "positief", Amsterdam(2027, 2, 24, 16, 0));
        await walk.OutcomeAsync(visie.Id, "besluitDb", "db-2027-03-24", "vastgesteld", Amsterdam(2027, 3, 24, 12, 0));
        await walk.OutcomeAsync(visie.Id, "besluitAb", "ab-2027-04-14", "vastgesteld", Amsterdam(2027, 4, 14, 22, 0));

        var added = await walk.FinishedAfterStoredJournalAsync(visie);
        added.Where(j => j.Kind == "vergaderingUitkomst").Select(j => (j.Activity, j.Outcome))
            .Should().Equal(("advies", "positief"), ("besluitDb", "vastgesteld"), ("besluitAb", "vastgesteld"));
    }
}
