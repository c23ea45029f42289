using System.Net;
using AdviesRoute.Tests.Shared.StoredData;
using static AdviesRoute.Host.Tests.StoredData.StoredWalk;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.StoredData;

/// <summary>
/// The ontwerpbegroting stored in its zienswijzenronde, three of the twelve councils having answered: the others answer
/// through the links in the mails sent before, the round closes at its legal deadline, the board reacts to each
/// zienswijze, and the AB decides.
/// </summary>
public sealed class StoredZienswijzenTests(StoredDataHost host) : IClassFixture<StoredDataHost>
{
    [Fact]
    public async Task The_stored_zienswijzenronde_takes_answers_by_the_old_links_closes_at_its_deadline_and_the_begroting_finishes()
    {
        using var walk = await StartAsync(host);
        var begroting = Fixture.Proposal(StoredRoles.Zienswijzen);

        // Its stored document is still listed and served as it was uploaded.
        var page = await walk.Secretary.GetStringAsync($"/Voorstellen/{begroting.Id}");
        var document = System.Text.RegularExpressions.Regex.Match(page, "href=\"(?<url>[^\"]*/documenten/[^\"]+)\">Ontwerpbegroting 2028.pdf</a>");
        document.Success.Should().BeTrue("the proposal's page links its stored document");
        (await walk.Secretary.GetByteArrayAsync(new Uri(document.Groups["url"].Value).AbsolutePath)).Should().Equal(Pdf("Ontwerpbegroting 2028"));

        // Two councils that had not answered do so now, through the links mailed on 20 January.
        var mails = OldMailsOf(begroting);
        mails.Should().HaveCount(12);
        var open = mails.Where(m => !begroting.AnsweredBy.Contains(m.To)).ToList();
        open.Should().HaveCount(9);
        using (var member = walk.Member())
        {
            (await open[0].ChooseAsync(member, "positief", "De raad steunt de begroting.")).Should().Contain("Uw keuze is vastgelegd.");
        }

        using (var member = walk.Member())
        {
            await open[1].ChooseAsync(member, "geenZienswijze");
        }

        // Sent again from the page, a request carries the same personal link as the mail sent before: the link key came along.
        var council = Council(open[2].To);
        var request = Bookmarks(await walk.InstanceAsync(begroting.Id)).Single(b => b.Name == "Antwoord" && b.Payload!["orgaan"]!.GetValue<string>() == council);
        await ResendOnPageAsync(walk.Secretary, begroting.Id, request.Id);
        var again = await RequestMail.InAsync(host.MailFolder, 1, m => m.To == open[2].To && StoredDataHost.OldMails.All(old => old.File != m.File));
        again.Should().ContainSingle().Which.LinkPath.Should().Be(open[2].LinkPath);

        // The twelve weeks end on 14 April 2027: the silent councils give no zienswijze; the board reacts to each one given.
        await walk.AdvanceToAsync(Amsterdam(2027, 4, 15, 9, 0));
        var reactions = await EventuallyAsync(async () => Bookmarks(await walk.InstanceAsync(begroting.Id)).Where(b => b.Name == "Reactie").ToList() is { Count: > 0 } list ? list : null,
            "the reactions to write");
        reactions.Select(r => r.Payload!["orgaan"]!.GetValue<string>()).Should().BeEquivalentTo(
            begroting.AnsweredBy.Where(a => !a.EndsWith("@emmen.example.org", StringComparison.Ordinal)).Append(open[0].To).Select(Council));
        foreach (var reaction in reactions)
        {
            await ResumeOnPageAsync(walk.Secretary, begroting.Id, reaction.Id,
                new Dictionary<string, string> { ["invoer.reactie"] = "Het bestuur dankt de raad en weegt de zienswijze mee in de begroting." });
        }

        await walk.OutcomeAsync(begroting.Id, "besluitAb", "ab-2027-06-23", "vastgesteld", Amsterdam(2027, 6, 23, 22, 0));
        await walk.FollowUpDoneAsync(begroting.Id, "nazorgBegroting");

        var added = await walk.FinishedAfterStoredJournalAsync(begroting);
        added.Where(j => j.Kind == "antwoord").Select(j => (j.Outcome, j.Channel)).Should().Equal(("positief", "Link"), ("geenZienswijze", "Link"));
        added.Count(j => j.Kind == "termijnVerstreken").Should().Be(7);
        added.Count(j => j.Kind == "reactieOpZienswijze").Should().Be(3);
    }

    /// <summary>The council of a clerk's address, e.g. raad-assen for …@assen.example.org.</summary>
    private static string Council(string address) => "raad-" + address.Split('@')[1].Replace(".example.org", "", StringComparison.Ordinal);
}
