using System.Net;
using AdviesRoute.Host.Tests.Support;

namespace AdviesRoute.Host.Tests.Proposals;

/// <summary>The year view with the legal check, and the route simulation of both governance models, on the demo calendar.</summary>
public sealed class JaarkalenderPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_year_view_shows_the_meetings_the_milestones_and_that_the_begroting_fits_the_law()
    {
        using var client = await host.SignInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=2026"));

        page.Should().Contain("Jaarkalender 2026")
            .And.Contain("De kalender van 2026 maakt de wettelijke termijnen van de begroting haalbaar.")
            .And.Contain("Kaderbrief en voorlopige jaarrekening naar de raden: DB 25 maart 2026 (uiterlijk 29 april 2026 (art. 34b Wgr: vóór 30 april naar de raden))")
            .And.Contain("Vaststelling: AB 9 september 2026")
            .And.Contain("Begroting 2027 naar Gedeputeerde Staten (vóór 15 september) (art. 34 lid 2 Wgr)")
            .And.Contain("uiterlijk 26 augustus 2026 (reglement van orde: stukken 10 werkdagen vóór de vergadering)");
    }

    [Fact]
    public async Task The_simulation_shows_both_models_side_by_side_with_the_difference()
    {
        using var client = await host.SignInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=2026&soort=beleidsvoorstel&pijler=PubliekeGezondheid&start=2026-10-01"));

        page.Should().Contain("Met BAC's: besluit 14 april 2027")
            .And.Contain("Zonder BAC's: besluit 9 december 2026")
            .And.Contain("Het model met BAC's duurt 126 dagen langer en telt 1 vergadering meer.")
            .And.Contain("gemist");
        WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?start=2026-02-30")).Should().Contain("De startdatum '2026-02-30' is geen bestaande datum. Schrijf de datum als dag-maand-jaar");
        WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=2026&soort=beleidsvoorstel&pijler=PubliekeGezondheid&start=1-10-2026"))
            .Should().Contain("Met BAC's: besluit 14 april 2027", "a day as Dutch people write it is taken too");
    }

    [Fact]
    public async Task The_simulation_marks_voorlopige_jaarstukken_sent_after_29_april_as_too_late()
    {
        using var client = await host.SignInAsync();

        var late = WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=2027&soort=jaarrekening&pijler=PubliekeGezondheid&start=2027-04-01"));
        var inTime = WebUtility.HtmlDecode(await client.GetStringAsync("/Jaarkalender?jaar=2027&soort=jaarrekening&pijler=PubliekeGezondheid&start=2027-02-01"));

        late.Should().Contain("19 mei 2027: Melding: Voorlopige jaarstukken: (zonder titel)", "a simulation without a title names the proposal as untitled, not 'undefined'")
            .And.NotContain("undefined")
            .And.Contain("(te laat: uiterlijk 29 april 2027 (art. 34b Wgr: vóór 30 april naar de raden))");
        inTime.Should().Contain("24 maart 2027: Melding: Voorlopige jaarstukken: ").And.NotContain("te laat");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        using var client = host.Anonymous();

        var response = await client.GetAsync("/Jaarkalender");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }
}
