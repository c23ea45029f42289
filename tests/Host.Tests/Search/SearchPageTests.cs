using System.Net;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Search;

/// <summary><c>/Zoeken</c> for signed-in people: the count in Dutch, the passages with the words marked, the links, the confidential mark.</summary>
public sealed class SearchPageTests(HostFixture host) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private SearchStory _story = null!;

    public async Task InitializeAsync() => _story = await SearchStory.OnceAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var anonymous = host.Anonymous();
        using var response = await anonymous.GetAsync("/Zoeken?q=hitte");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task A_secretary_finds_the_pdf_by_an_inflection_with_the_passage_marked_and_links_to_the_proposal_and_the_document()
    {
        using var admin = await host.SignInAsync();
        var html = await admin.GetStringAsync("/Zoeken?q=hittestressmaatregel");

        html.Should().Contain("1 resultaat voor ‘hittestressmaatregel’")
            .And.Contain("In 2027 nemen de gemeenten <mark>hittestressmaatregelen</mark> in wijken waar veel ouderen wonen.")
            .And.Contain($"<a href=\"/Voorstellen/{_story.HeatId}\">{SearchStory.HeatTitle}</a>")
            .And.MatchRegex("Stuk: <a href=\"/documenten/[0-9a-f]{32}\">Bijlage maatregelen.pdf</a>")
            .And.NotContain("vertrouwelijk</strong>");
    }

    [Fact]
    public async Task A_confidential_document_is_found_and_says_vertrouwelijk()
    {
        using var admin = await host.SignInAsync();
        var html = await admin.GetStringAsync("/Zoeken?q=grondaankopen");

        html.Should().Contain("1 resultaat voor ‘grondaankopen’")
            .And.Contain("<mark>grondaankoop</mark>")
            .And.Contain("Notitie grond.pdf</a> <strong class=\"badge badge--vertrouwelijk\">vertrouwelijk</strong>");
    }

    [Theory]
    [InlineData("", "Vul een of meer woorden in om te zoeken.")]
    [InlineData("x", "Vul minstens 2 tekens in om te zoeken.")]
    [InlineData("de en het", "Uw zoekvraag bevat alleen veelvoorkomende woorden")]
    [InlineData("olifantenpaadjes", "Geen resultaten voor ‘olifantenpaadjes’. Controleer de spelling of zoek op een ander woord.")]
    public async Task A_query_that_finds_nothing_or_cannot_be_searched_says_so_in_dutch(string query, string message)
    {
        using var admin = await host.SignInAsync();
        using var response = await admin.GetAsync("/Zoeken?q=" + Uri.EscapeDataString(query));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    [Fact]
    public async Task A_too_long_query_and_markup_in_a_query_are_answered_calmly()
    {
        using var admin = await host.SignInAsync();
        var tooLong = await admin.GetStringAsync("/Zoeken?q=" + new string('a', 250));
        WebUtility.HtmlDecode(tooLong).Should().Contain("Uw zoekvraag is te lang: gebruik hoogstens 200 tekens.");

        var markup = await admin.GetStringAsync("/Zoeken?q=" + Uri.EscapeDataString("<script>alert(1)</script> hittestressmaatregelen"));
        markup.Should().NotContain("<script>alert(1)</script>").And.Contain("&lt;script&gt;");
    }

    [Fact]
    public async Task The_page_is_in_the_main_menu_and_its_form_works_without_javascript()
    {
        using var admin = await host.SignInAsync();
        var html = await admin.GetStringAsync("/Zoeken");
        html.Should().Contain("href=\"/Zoeken\" aria-current=\"page\">Zoeken</a>").And.Contain("<form method=\"get\" action=\"/Zoeken\"").And.Contain("name=\"q\"")
            .And.NotContain("resultaten voor");
    }
}
