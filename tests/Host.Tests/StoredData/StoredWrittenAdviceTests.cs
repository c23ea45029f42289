using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Host.Tests.StoredData.StoredWalk;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// A proposal stored on a test copy of <c>voorstel</c> whose BAC advises in writing, three of the twelve BAC members
/// having voted: the others vote through the links in the mails sent before until the outcome is certain, and the
/// proposal goes on through DB and AB.
/// </summary>
public sealed class StoredWrittenAdviceTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    [Fact]
    public async Task The_stored_written_advice_round_closes_on_votes_by_the_old_links_and_the_proposal_finishes()
    {
        using var walk = await StartAsync(host);
        var hitte = Fixture.Proposal(StoredRoles.WrittenAdvice);
        hitte.DefinitionId.Should().Be("voorstel-schriftelijk");

        var mails = OldMailsOf(hitte);
        mails.Should().HaveCount(12);
        var votes = 0;
        foreach (var mail in mails.Where(m => !hitte.AnsweredBy.Contains(m.To)))
        {
            if (!Bookmarks(await walk.InstanceAsync(hitte.Id)).Any(b => b.Name == "Stem"))
            {
                break;
            }

            using var member = walk.Member();
            await mail.ChooseAsync(member, "positief");
            votes++;
        }

        // Stored: positief, positief met kanttekeningen, negatief. With five more in favour the advice is certain
        // (more than half of the twelve seats took part, and the seven left cannot outvote it).
        votes.Should().Be(5);
        await walk.OutcomeAsync(hitte.Id, "besluitDb", "db-2027-03-24", "vastgesteld", Amsterdam(2027, 3, 24, 12, 0));
        await walk.OutcomeAsync(hitte.Id, "besluitAb", "ab-2027-04-14", "vastgesteld", Amsterdam(2027, 4, 14, 22, 0));

        var added = await walk.FinishedAfterStoredJournalAsync(hitte);
        added.Where(j => j.Kind == "stem").Should().HaveCount(5).And.OnlyContain(j => j.Outcome == "positief" && j.Channel == "Link");
        added.Should().ContainSingle(j => j.Kind == "uitslag").Which.Outcome.Should().Be("Aangenomen");
        added.Should().ContainSingle(j => j.Kind == "ActivityCompleted" && j.Activity == "advies").Which.Outcome.Should().Be("positiefMetKanttekeningen");
    }
}
