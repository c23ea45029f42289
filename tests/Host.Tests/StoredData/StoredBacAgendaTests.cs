using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Host.Tests.StoredData.StoredWalk;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>The kaderbrief stored on the agenda of the BAC Zorg en Veiligheid of 24 February 2027 goes on to its end.</summary>
public sealed class StoredBacAgendaTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    [Fact]
    public async Task The_kaderbrief_on_the_stored_BAC_agenda_passes_BAC_DB_and_AB_and_finishes_after_its_stored_journal()
    {
        using var walk = await StartAsync(host);
        var kaderbrief = Fixture.Proposal(StoredRoles.AtBacMeeting);

        await walk.OutcomeAsync(kaderbrief.Id, "advies", "bac-zv-2027-02-24", "positiefMetKanttekeningen", Amsterdam(2027, 2, 24, 16, 0));
        await walk.OutcomeAsync(kaderbrief.Id, "besluitDb", "db-2027-03-24", "vastgesteld", Amsterdam(2027, 3, 24, 12, 0));
        await walk.OutcomeAsync(kaderbrief.Id, "besluitAb", "ab-2027-04-14", "vastgesteld", Amsterdam(2027, 4, 14, 22, 0));

        var added = await walk.FinishedAfterStoredJournalAsync(kaderbrief);
        added.Where(j => j.Kind == "vergaderingUitkomst").Select(j => (j.Activity, j.Outcome))
            .Should().Equal(("advies", "positiefMetKanttekeningen"), ("besluitDb", "vastgesteld"), ("besluitAb", "vastgesteld"));
        added.Should().Contain(j => j.Kind == "melding" && j.Activity == "kaderbriefNaarRaden");
    }
}
