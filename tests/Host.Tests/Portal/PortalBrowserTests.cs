using System.Net;
using System.Xml.Linq;
using Xunit.Abstractions;
using static AdviesRoute.Host.Tests.Portal.PortalBrowserFixture;

namespace AdviesRoute.Host.Tests.Portal;

/// <summary>
/// The public portal as a resident and a secretary use it in Chromium (see <see cref="PortalBrowserFixture"/> for the walk).
/// Screenshots at 1366 and 320 px go to <c>screenshots/portaal</c>.
/// </summary>
public sealed class PortalBrowserTests(PortalBrowserFixture walk, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void When_the_convocation_is_sent_the_agenda_and_the_public_stukken_are_on_the_portal_and_the_vertrouwelijk_stuk_is_not()
    {
        walk.Reached("convocation");
        output.WriteLine(walk.AfterConvocation);
        walk.Meeting.Should().Be("ab-2027-04-14");
        walk.ConvocationPage.Should().Contain("Met het versturen komen de agenda en de openbare stukken ook op het openbare portaal.");
        walk.AfterConvocation.Should().ContainAll("Algemeen bestuur, woensdag 14 april 2027", "19:30 uur", "Agenda", "Gepubliceerd op ", Title,
            "De regionale aanpak van gezondheidsachterstanden vast te stellen.", PublicName, SecondName, "PDF,", "Opening", "Sluiting",
            "De besluitenlijst komt hier zodra het bestuur haar in zijn volgende vergadering heeft vastgesteld.", "artikel 22 van de Wet gemeenschappelijke regelingen");
        walk.AfterConvocation.Should().NotContain("Financiele onderbouwing");
        var (status, disposition, nosniff, content) = walk.Download;
        status.Should().Be(HttpStatusCode.OK);
        disposition.Should().StartWith("attachment").And.Contain(PublicName);
        nosniff.Should().Be("nosniff");
        System.Text.Encoding.ASCII.GetString(content).Should().Contain(PublicName);
    }

    [Fact]
    public void After_the_meeting_the_adopted_besluitenlijst_is_on_the_portal_and_in_a_valid_atom_feed()
    {
        walk.Reached("besluitenlijst");
        output.WriteLine(walk.AfterAdoption);
        walk.AfterAdoption.Should().ContainAll("Besluitenlijst", "Gepubliceerd op 23 juni 2027", "Vastgesteld in de vergadering van 23 juni 2027, zonder wijzigingen.",
            $"{Title}", "Besluit: vastgesteld", "Besluitenlijst als PDF");

        var feed = walk.FeedAfterAdoption!.Root!;
        output.WriteLine(walk.FeedAfterAdoption.ToString());
        feed.Name.Should().Be(Atom + "feed");
        feed.Element(Atom + "id")!.Value.Should().EndWith("/openbaar/feed.atom");
        Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute).Should().BeTrue();
        DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(new DateTimeOffset(2027, 6, 23, 0, 0, 0, TimeSpan.Zero));
        feed.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith("/openbaar/feed.atom"));
        feed.Element(Atom + "author")!.Element(Atom + "name")!.Value.Should().Be("Gemeenschappelijke regeling SamenDrenthe");
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Select(e => e.Element(Atom + "title")!.Value).Should().Equal(
            "Besluitenlijst van de vergadering van het algemeen bestuur van 14 april 2027", "Agenda van de vergadering van het algemeen bestuur van 14 april 2027");
        foreach (var entry in entries)
        {
            entry.Element(Atom + "id")!.Value.Should().MatchRegex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
            entry.Element(Atom + "updated").Should().NotBeNull();
            ((string?)entry.Element(Atom + "link")!.Attribute("href"))!.Should().EndWith("/openbaar/vergaderingen/ab-2027-04-14");
        }

        walk.FeedAgain!.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Should().Equal(entries.Select(e => e.Element(Atom + "id")!.Value), "entry ids are stable");
    }

    [Fact]
    public void The_vertrouwelijk_stuk_of_the_same_meeting_is_reachable_at_no_portal_address_by_id_or_by_name_and_found_by_no_public_search()
    {
        walk.Reached("probes");
        foreach (var probe in walk.Probes)
        {
            output.WriteLine($"{probe.Probe}: {(int)probe.Status}{(probe.Mentions ? " NOEMT HET STUK" : "")}");
        }

        walk.Probes.Should().NotContain(p => p.Mentions);
        walk.Probes.Where(p => p.Probe.StartsWith("/openbaar/stukken/", StringComparison.Ordinal)).Should().OnlyContain(p => p.Status == HttpStatusCode.NotFound);
        walk.Probes.Single(p => p.Probe.StartsWith("/documenten/", StringComparison.Ordinal)).Status.Should().NotBe(HttpStatusCode.OK, "the internal download asks for a login");
        walk.Probes.Where(p => !p.Probe.StartsWith("/openbaar/stukken/", StringComparison.Ordinal) && !p.Probe.StartsWith("/documenten/", StringComparison.Ordinal))
            .Should().OnlyContain(p => p.Status == HttpStatusCode.OK, "the pages, PDFs, feed and sitemap themselves answer");

        var sitemap = System.Xml.Linq.XDocument.Parse(walk.Texts["/sitemap.xml"]);
        XNamespace map = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(map + "url").Select(u => u.Element(map + "loc")!.Value).ToList();
        locations.Should().Contain(l => l.EndsWith("/openbaar/vergaderingen/ab-2027-04-14", StringComparison.Ordinal))
            .And.Contain(l => l.EndsWith($"/openbaar/stukken/{walk.PublicId}/Nota%20gezondheidsachterstanden.pdf", StringComparison.Ordinal))
            .And.Contain(l => l.EndsWith("/openbaar/organen/ab", StringComparison.Ordinal))
            .And.NotContain(l => l.Contains(walk.ConfidentialId, StringComparison.Ordinal));
        walk.Probes.Where(p => p.Probe.StartsWith("/openbaar/zoeken", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyContain(p => p.Status == HttpStatusCode.OK && !p.Mentions,
            "the public search finds the vertrouwelijk stuk by no word of its name");
        walk.Texts["/Zoeken?q=onderbouwing"].Should().Contain(PortalBrowserFixture.ConfidentialName, "a secretary finds it by the same word");
        walk.Texts["/robots.txt"].Should().Contain("Allow: /openbaar").And.MatchRegex(@"Sitemap: https?://\S+/sitemap\.xml");
    }

    [Fact]
    public void Every_portal_page_has_no_serious_accessibility_violation_and_reflows_at_320_px()
    {
        walk.Reached("withdrawal");
        foreach (var check in walk.Checks)
        {
            output.WriteLine($"{check.Page}: {check.Serious.Count} serious/critical, {check.ScrollWidth} <= {check.ClientWidth} at 320 px");
            check.Serious.Should().BeEmpty("axe-core finds nothing serious on {0}", check.Page);
            check.ScrollWidth.Should().BeLessThanOrEqualTo(check.ClientWidth, "{0} reflows at 320 px", check.Page);
        }

        walk.Checks.Select(c => c.Page).Should().Contain(["home", "orgaan-ab", "orgaan-db", "vergadering", "jaarkalender", "toegankelijkheid", "stuk-teruggetrokken"]);
        output.WriteLine($"Screenshots: {ScreenshotFolder}");
    }

    [Fact]
    public void A_secretary_withdraws_a_stuk_and_the_agenda_with_a_reason_the_portal_answers_410_with_it_the_feed_drops_it_and_the_timeline_names_her()
    {
        walk.Reached("withdrawal");
        var (status, message, stillThere) = walk.Refusal!.Value;
        status.Should().Be(422);
        message.Should().Contain("Geef de reden").And.Contain("Er is niets teruggetrokken.");
        stillThere.Should().Be(HttpStatusCode.OK, "a refusal takes nothing off");

        walk.InternalAfterWithdrawal.Should().Contain("Het stuk is van het openbare portaal gehaald.")
            .And.Contain($"{SecondName}: teruggetrokken op 23 juni 2027 om 16:00 door {SecretaryEmail}. Reden: {DocumentReason}")
            .And.NotContain($"‘{SecondName}’ van het portaal halen", "a withdrawn stuk is no longer offered to withdraw");
        walk.Gone.Status.Should().Be(HttpStatusCode.Gone);
        walk.Gone.Page.Should().Contain("Dit stuk is niet meer openbaar").And.Contain(SecondName).And.Contain(DocumentReason.TrimEnd('.'));
        walk.FeedAfterWithdrawal.Should().NotContain("Agenda van de vergadering").And.Contain("Besluitenlijst van de vergadering");
        walk.MeetingAfterWithdrawal.Should().Contain("De agenda en de openbare stukken zijn van dit portaal gehaald.").And.Contain(AgendaReason.TrimEnd('.'))
            .And.NotContain(PublicName);
        walk.MeetingGone.Status.Should().Be(HttpStatusCode.Gone);
        walk.MeetingGone.Page.Should().Contain("De besluitenlijst is van dit portaal gehaald.");

        output.WriteLine(walk.Timeline);
        walk.Timeline.Should().Contain($"{Secretary} publiceerde de agenda en de openbare stukken van de vergadering van het algemeen bestuur van 14 april 2027 op het openbare portaal.")
            .And.Contain($"{Secretary} publiceerde de besluitenlijst van de vergadering van het algemeen bestuur van 14 april 2027 op het openbare portaal.")
            .And.Contain($"{Secretary} haalde het stuk ‘{SecondName}’ van de vergadering van het algemeen bestuur van 14 april 2027 van het openbare portaal; reden: {DocumentReason}");
    }
}
