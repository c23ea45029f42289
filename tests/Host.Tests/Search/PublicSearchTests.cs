using System.Net;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Search;
using AdviesRoute.Host.Tests.EndToEnd;
using AdviesRoute.Host.Tests.Support;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>
/// The public search (<c>/openbaar/zoeken</c>) finds only what the portal publishes: a public stuk by a word inside its
/// PDF, linked to its portal address; never a vertrouwelijk stuk, a besloten proposal or its stukken, nor a proposal by
/// its summary, which no public page shows. A secretary finds all of them.
/// </summary>
public sealed class PublicSearchTests(PublicSearchFixture fixture, ITestOutputHelper output) : IClassFixture<PublicSearchFixture>
{
    private static readonly string[] Codes = ["Proposal", "Document", "Pending", "NameOnly", "undefined", "null", "ab-proef", "2026-", "2027-", "Aangemeld als"];

    [Fact]
    public async Task A_public_pdf_is_found_by_an_inflection_of_a_word_inside_it_and_links_to_the_portal()
    {
        using var anonymous = fixture.Host.Client();
        using var response = await anonymous.GetAsync("/openbaar/zoeken?q=hittestressmaatregel");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        html.Should().Contain("1 resultaat voor ‘hittestressmaatregel’")
            .And.Contain("In 2027 nemen de gemeenten <mark>hittestressmaatregelen</mark> in wijken waar veel ouderen wonen.")
            .And.Contain($"<a href=\"{PortalPaths.Meeting(fixture.AbMeeting)}\">{PublicSearchFixture.OpenTitle}</a>")
            .And.Contain($"Stuk: <a href=\"{PortalPaths.Document(fixture.PublicPdfId, PublicSearchFixture.PublicPdf)}\">{PublicSearchFixture.PublicPdf}</a>")
            .And.Contain($"Algemeen bestuur, vergadering van {AdviesRoute.Activities.Texts.DutchFormat.Day(fixture.Day(fixture.AbMeeting))}")
            .And.NotContain("/documenten/").And.NotContain("/Voorstellen/");
        (await anonymous.GetAsync(PortalPaths.Document(fixture.PublicPdfId, PublicSearchFixture.PublicPdf))).StatusCode.Should().Be(HttpStatusCode.OK, "the link leads to the stuk");
    }

    [Theory]
    [InlineData("onderhandelingsruimte", PublicSearchFixture.ConfidentialPdf)]
    [InlineData("onderhandelingsnotitie", PublicSearchFixture.ConfidentialPdf)]
    [InlineData("grondaankoop", PublicSearchFixture.ClosedPdf)]
    [InlineData("taxatie", PublicSearchFixture.ClosedPdf)]
    public async Task A_secretary_finds_the_vertrouwelijk_stuk_and_the_besloten_proposals_stuk_and_the_public_search_does_not(string query, string document)
    {
        var signedIn = await fixture.SearchAsync(query, SearchScope.SignedIn);
        signedIn.Hits.Should().ContainSingle().Which.DocumentName.Should().Be(document);
        (await fixture.SearchAsync(query, SearchScope.Public)).Hits.Should().BeEmpty();

        using var anonymous = fixture.Host.Client();
        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/openbaar/zoeken?q=" + query));
        html.Should().Contain($"Geen resultaten voor ‘{query}’").And.NotContain(document);
    }

    [Fact]
    public async Task A_public_proposal_is_found_by_its_title_and_beslispunten_but_never_by_its_summary_nor_a_besloten_one_at_all()
    {
        (await fixture.SearchAsync("zomers", SearchScope.SignedIn)).Hits.Should().ContainSingle().Which.ProposalTitle.Should().Be(PublicSearchFixture.OpenTitle);
        (await fixture.SearchAsync("zomers", SearchScope.Public)).Hits.Should().BeEmpty("the summary is on no public page");

        var hit = (await fixture.SearchAsync("regionale aanpak", SearchScope.Public)).Hits.Should().ContainSingle().Subject;
        (hit.Kind, hit.ProposalTitle).Should().Be((SearchEntryKind.Proposal, PublicSearchFixture.OpenTitle));
        Passages.Plain(hit.Passage).Should().Be("Regionale aanpak van hitte · 1. de regionale aanpak van hitte vast te stellen.").And.NotContain("zomers");

        (await fixture.SearchAsync("koeltuin", SearchScope.SignedIn)).Hits.Should().NotBeEmpty();
        (await fixture.SearchAsync("koeltuin", SearchScope.Public)).Hits.Should().BeEmpty("a besloten proposal is never public");
    }

    [Fact]
    public async Task The_public_search_page_in_the_portal_layout_on_a_wide_screen_and_a_phone()
    {
        var page = await Browsers.NewPageAsync(fixture.Browser, fixture.BaseAddress);
        await page.GotoAsync("/openbaar");
        await page.FillAsync("#zoekterm", "hittestressmaatregel");
        await Browsers.SubmitAsync(page, "form[role=search] button");
        page.Url.Should().Contain("/openbaar/zoeken?q=hittestressmaatregel");
        await Browsers.ShowAsync(output, page, "zoeken/openbaar-resultaat", Codes, "Zoeken", "Zoek in de openbare vergaderstukken", "1 resultaat voor ‘hittestressmaatregel’",
            PublicSearchFixture.OpenTitle, "Stuk: " + PublicSearchFixture.PublicPdf, "Algemeen bestuur, vergadering van");
        (await page.Locator("nav[aria-label=Portaalmenu] a[aria-current=page]").InnerTextAsync()).Should().Be("Zoeken");

        await page.GotoAsync("/openbaar/zoeken");
        await Browsers.ShowAsync(output, page, "zoeken/openbaar-leeg", Codes, "Zoek in de openbare vergaderstukken", "‘maatregel’ vindt ook ‘maatregelen’");

        await page.FillAsync("#q", "regionale aanpak");
        await Browsers.SubmitAsync(page, "form[role=search] button");
        await Browsers.ShowAsync(output, page, "zoeken/openbaar-voorstel", Codes, "1 resultaat voor ‘regionale aanpak’", "Gevonden in de titel of de beslispunten van het voorstel",
            "Algemeen bestuur, vergadering van");
        (await page.GetAttributeAsync($"a:text-is('{PublicSearchFixture.OpenTitle}')", "href")).Should().Be(AdviesRoute.Host.Portal.Publishing.PortalPaths.Meeting(fixture.AbMeeting));

        await page.GotoAsync("/openbaar/zoeken?q=onderhandelingsruimte");
        await Browsers.ShowAsync(output, page, "zoeken/openbaar-niets", Codes, "Geen resultaten voor ‘onderhandelingsruimte’.");

        await page.GotoAsync("/openbaar/zoeken?q=");
        await Browsers.ShowAsync(output, page, "zoeken/openbaar-leeg-verstuurd", Codes, "Vul een of meer woorden in om te zoeken.");
        await page.Context.CloseAsync();
    }
}
