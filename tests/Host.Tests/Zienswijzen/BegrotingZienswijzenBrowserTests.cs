using AdviesRoute.Host.Tests.Documents;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Zienswijzen;

/// <summary>
/// The zienswijzen on an ontwerpbegroting as the law (art. 35 lid 3 Wgr) and a secretariat want them, through a real
/// browser and a real SMTP server (see <see cref="BegrotingZienswijzenFixture"/> for the walk): 12 councils, 3 give a
/// zienswijze through their own links and see it there, 9 stay silent until the deadline; the DB adopts the reactions;
/// then exactly those 3 get their own zienswijze with the board's reaction and the 9 others one notice with the
/// zienswijzennota; the AB's agenda item carries the nota. Screenshots at 1366 and 320 px in <c>screenshots/zienswijzen</c>.
/// </summary>
public sealed class BegrotingZienswijzenBrowserTests(BegrotingZienswijzenFixture walk, ITestOutputHelper output) : IClassFixture<BegrotingZienswijzenFixture>
{
    private static readonly (string Choice, string Text, string Reaction)[] Given = BegrotingZienswijzenFixture.Given;

    [Fact]
    public void A_council_sees_the_zienswijze_it_submitted_on_its_own_link_and_may_change_it_while_the_round_is_open()
    {
        walk.Reached("zienswijzen");
        output.WriteLine(walk.LinkPageAfterSubmit);
        walk.LinkPageAfterSubmit.Should().Contain("Zienswijze van uw raad").And.Contain("Positief").And.Contain(BegrotingZienswijzenFixture.FirstTextBeforeChange)
            .And.Contain("U kunt de zienswijze hieronder wijzigen zolang de termijn loopt");
        walk.TextShownForChange.Should().Be(BegrotingZienswijzenFixture.FirstTextBeforeChange, "the form starts from what the council sent");
        walk.LinkPageAfterChange.Should().Contain(Given[0].Text).And.NotContain(BegrotingZienswijzenFixture.FirstTextBeforeChange);
    }

    [Fact]
    public void The_text_is_asked_for_exactly_when_the_zienswijze_needs_one_and_the_label_says_so()
    {
        walk.Reached("zienswijzen");
        output.WriteLine($"label: {walk.TextLabel}; without text: {walk.WithoutText}");
        walk.TextLabel.Should().Contain("verplicht bij positief, positief met kanttekeningen of negatief; niet nodig bij geen zienswijze");
        walk.WithoutText.Status.Should().Be(422);
        walk.WithoutText.Message.Should().Contain("Een zienswijze heeft een tekst");
    }

    [Fact]
    public void Nothing_goes_to_the_councils_before_the_DB_has_adopted_the_reactions()
    {
        walk.Reached("reactions");
        walk.MailsBeforeAdoption.Should().Be(0);
    }

    [Fact]
    public void Exactly_the_three_councils_that_gave_a_zienswijze_get_their_own_with_the_boards_reaction_and_no_other()
    {
        walk.Reached("adoption");
        walk.Reactions.SelectMany(m => m.To).Select(t => t.Address).Should().BeEquivalentTo(walk.Councils.Select(c => c.Email));
        for (var i = 0; i < Given.Length; i++)
        {
            var mail = walk.Reactions.Single(m => m.To.Any(t => t.Address == walk.Councils[i].Email));
            output.WriteLine($"{walk.Councils[i].Council}: {mail.Text}");
            mail.Text.Should().Contain(Given[i].Text).And.Contain(Given[i].Reaction).And.Contain(walk.Councils[i].Council).And.Contain("art. 35 lid 3 Wgr");
            for (var other = 0; other < Given.Length; other++)
            {
                if (other != i)
                {
                    mail.Text.Should().NotContain(Given[other].Reaction).And.NotContain(Given[other].Text);
                }
            }

            mail.Attachments.Should().BeNullOrEmpty("a council that gave a zienswijze is sent its own reaction, not the others'");
        }
    }

    [Fact]
    public void The_nine_silent_councils_get_one_notice_each_with_the_zienswijzennota_attached_and_no_reaction_in_the_mail()
    {
        walk.Reached("adoption");
        var silent = walk.RequestAddresses.Except(walk.Councils.Select(c => c.Email)).ToList();
        silent.Should().HaveCount(9);
        walk.Notices.SelectMany(m => m.To).Select(t => t.Address).Should().BeEquivalentTo(silent, "one notice to each silent council, none to the others");
        foreach (var notice in walk.Notices)
        {
            notice.Text.Should().Contain("geen zienswijze gegeven").And.Contain("zienswijzennota is bijgevoegd").And.Contain("art. 35 lid 3 Wgr");
            foreach (var (_, text, reaction) in Given)
            {
                notice.Text.Should().NotContain(reaction).And.NotContain(text);
            }
        }

        walk.NoticeAttachments.Should().HaveCount(9);
        foreach (var pdf in walk.NoticeAttachments)
        {
            var text = PdfText.Normalize(PdfText.Body(pdf));
            text.Should().Contain("Zienswijzennota");
        }
    }

    [Fact]
    public void The_AB_agenda_item_carries_the_zienswijzennota_a_valid_PDF_holding_each_zienswijze_and_each_reaction()
    {
        walk.Reached("to the AB");
        output.WriteLine($"AB meeting {walk.AbMeetingId}; nota: {walk.NotaDocumentName} ({walk.NotaOfTheProposal.Length} bytes)");
        System.Net.WebUtility.HtmlDecode(walk.AbMeetingPage).Should().Contain(BegrotingZienswijzenFixture.Title).And.Contain(walk.NotaDocumentName)
            .And.Contain("Zienswijzen: 3 van de 12 raden (1 positief, 1 positief met kanttekeningen en 1 negatief)");
        walk.NotaDocumentName.Should().Be($"Zienswijzennota {BegrotingZienswijzenFixture.Title}.pdf");
        var text = PdfText.Normalize(PdfText.Body(walk.NotaOfTheProposal));
        output.WriteLine(text);
        text.Should().Contain("Gemeenschappelijke regeling SamenDrenthe").And.Contain("Vastgesteld door het dagelijks bestuur");
        for (var i = 0; i < Given.Length; i++)
        {
            text.Should().Contain(walk.Councils[i].Council).And.Contain(PdfText.Normalize(Given[i].Text)).And.Contain(PdfText.Normalize(Given[i].Reaction));
        }

        // The nota sent to the silent councils is the same nota.
        PdfText.Read(walk.NoticeAttachments[0]).Should().Be(PdfText.Read(walk.NotaOfTheProposal));
    }

    [Fact]
    public void The_secretary_downloads_the_draft_nota_from_the_proposal_page_as_PDF_and_DOCX_before_the_DB_decides()
    {
        walk.Reached("reactions");
        var text = PdfText.Normalize(PdfText.Body(walk.DraftPdf));
        text.Should().Contain("Concept").And.Contain("ter vaststelling door het dagelijks bestuur");
        foreach (var (_, _, reaction) in Given)
        {
            text.Should().Contain(PdfText.Normalize(reaction));
        }

        walk.DraftDocx.Take(2).Should().Equal((byte)'P', (byte)'K');
    }

    [Fact]
    public void After_the_adoption_a_council_reads_the_boards_reaction_to_its_own_zienswijze_on_its_link_and_none_other()
    {
        walk.Reached("to the AB");
        output.WriteLine(walk.LinkPageWithReaction);
        walk.LinkPageWithReaction.Should().Contain("Reactie van het dagelijks bestuur").And.Contain(Given[0].Reaction)
            .And.NotContain(Given[1].Reaction).And.NotContain(Given[2].Reaction);
    }

    [Fact]
    public void Every_page_and_mail_of_the_walk_fits_a_320_px_screen()
    {
        walk.Reached("to the AB");
        output.WriteLine($"Screenshots: {BegrotingZienswijzenFixture.ScreenshotFolder}");
        walk.TooWide.Should().BeEmpty();
    }
}
