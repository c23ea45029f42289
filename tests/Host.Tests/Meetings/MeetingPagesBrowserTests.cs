using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Meetings;

/// <summary>
/// The meeting page and the besluitenlijst as a secretary uses them in Chromium (see <see cref="MeetingPagesFixture"/> for
/// the walk). Screenshots at 1366 and 320 px are written to <c>screenshots/vergadering</c>.
/// </summary>
public sealed class MeetingPagesBrowserTests(MeetingPagesFixture walk, ITestOutputHelper output) : IClassFixture<MeetingPagesFixture>
{
    [Fact]
    public void The_meeting_page_shows_the_agenda_with_its_standard_items_around_the_proposals_and_the_own_item_and_fits_320_px()
    {
        walk.Reached("agenda");
        output.WriteLine(walk.AgendaText);
        var order = new[] { "Opening", "Vaststelling van de agenda", "Besluitenlijst van de", "Ingekomen stukken", "Mededelingen",
            MeetingPagesFixture.OpenTitle, MeetingPagesFixture.OwnItem, "Rondvraag", "Sluiting" };
        var at = walk.AgendaText.IndexOf("Agendapunt", StringComparison.Ordinal);
        foreach (var text in order)
        {
            var found = walk.AgendaText.IndexOf(text, at, StringComparison.Ordinal);
            found.Should().BeGreaterThan(at, "'{0}' follows on the agenda", text);
            at = found;
        }

        walk.AgendaText.Should().Contain("Het agendapunt 'Presentatie GGD-monitor' is toegevoegd.").And.Contain("De aanwezigheid wordt op de dag van de vergadering vastgelegd.");
        walk.AgendaAt320.ScrollWidth.Should().BeLessThanOrEqualTo(walk.AgendaAt320.Width, "the meeting page reflows at 320 px");
    }

    [Fact]
    public void Below_quorum_the_proposal_page_refuses_the_outcome_in_Dutch_and_nothing_is_stored()
    {
        walk.Reached("no quorum");
        output.WriteLine($"{walk.QuorumText}\n{walk.Refusal}");
        walk.QuorumText.Should().Be("Geen quorum: 2 van 5 leden aanwezig, nodig is ten minste 3 (art. 20 Gemeentewet, via art. 22 Wgr). Er kunnen geen besluiten worden vastgelegd.");
        walk.Seats.Should().HaveCount(5, "the attendance form lists the five DB members");
        walk.Refusal!.Value.Status.Should().Be(422);
        walk.Refusal.Value.Message.Should().Contain("heeft geen quorum: 2 van 5 leden aanwezig").And.Contain("art. 20 Gemeentewet").And.Contain("Er is niets vastgelegd.");
        walk.JournalAfterRefusal.Should().NotContain("vergaderingUitkomst");
    }

    [Fact]
    public void With_quorum_the_besluitenlijst_page_shows_beslispunten_outcome_tally_and_signatures_and_fits_320_px()
    {
        walk.Reached("besluitenlijst");
        output.WriteLine(walk.BesluitenlijstText);
        walk.BesluitenlijstText.Should().ContainAll(MeetingPagesFixture.Points)
            .And.ContainAll("Besluit: vastgesteld", "Stemming: Aangenomen met meerderheid van de uitgebrachte stemmen: 3 voor, 1 tegen, 0 onthouding (leden).",
                "Quorum aanwezig: 4 van 5 leden aanwezig", "Afwezig met kennisgeving:", "De voorzitter,", "De secretaris,", MeetingPagesFixture.ClosedTitle);
        walk.BesluitenlijstAt320.ScrollWidth.Should().BeLessThanOrEqualTo(walk.BesluitenlijstAt320.Width, "the besluitenlijst reflows at 320 px");
    }

    [Fact]
    public void The_next_meeting_adopts_the_besluitenlijst_and_the_earlier_besluitenlijst_says_so()
    {
        walk.Reached("adoption");
        output.WriteLine(walk.AdoptedText);
        walk.AdoptedText.Should().MatchRegex(@"Vastgesteld in de vergadering van \d{1,2} \p{L}+ 2027, met deze wijzigingen: Bij punt 6 de naam van de afdeling verbeterd\.");
        output.WriteLine($"Screenshots: {MeetingPagesFixture.ScreenshotFolder}");
    }
}
