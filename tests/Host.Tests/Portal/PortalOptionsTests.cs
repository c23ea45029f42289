using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Portal;

/// <summary>The portal's settings: SamenDrenthe's defaults, and the refusals at start-up that name the key.</summary>
public sealed class PortalOptionsTests
{
    private static PortalOptions Valid() => new()
    {
        Name = "Gemeenschappelijke regeling SamenDrenthe",
        Bodies = { ["ab"] = new PortalBodyOptions { Agenda = true, Stukken = true, Besluitenlijst = true } },
        WooCategories = { ["ab"] = "vergaderstukken decentrale overheden" },
        Toegankelijkheidsverklaring = new AccessibilityStatementOptions { Contact = "toegankelijkheid@example.org" },
    };

    private static IEnumerable<string> Failures(PortalOptions options) =>
        new PortalOptionsValidator().Validate(null, options) is { Failed: true } result ? result.Failures : [];

    [Fact]
    public async Task The_shipped_settings_publish_the_abs_agenda_stukken_and_besluitenlijst_and_the_dbs_besluitenlijst()
    {
        IAsyncLifetime host = new HostFixture();
        await host.InitializeAsync();
        PortalOptions options;
        try
        {
            options = ((HostFixture)host).Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        }
        finally
        {
            await host.DisposeAsync();
        }

        options.Name.Should().Be("Gemeenschappelijke regeling SamenDrenthe");
        (options.For("ab")!.Agenda, options.For("ab")!.Stukken, options.For("ab")!.Besluitenlijst).Should().Be((true, true, true));
        (options.For("db")!.Agenda, options.For("db")!.Stukken, options.For("db")!.Besluitenlijst).Should().Be((false, false, true));
        options.For("bac-pg").Should().BeNull();
        options.For("bac-zv").Should().BeNull();
        options.For("vg-pg").Should().BeNull("a body not listed publishes nothing");
        options.WooCategoryOf("db").Should().Be("agenda's en besluitenlijsten bestuurscolleges");
        Failures(options).Should().BeEmpty();
    }

    [Fact]
    public void Stukken_without_the_agenda_a_publishing_body_without_a_woo_category_and_an_incomplete_statement_are_refused_by_key()
    {
        Failures(Valid()).Should().BeEmpty();

        var options = Valid();
        options.Name = " ";
        options.Bodies["db"] = new PortalBodyOptions { Stukken = true, Besluitenlijst = true };
        options.Toegankelijkheidsverklaring = new AccessibilityStatementOptions { Status = "B", Url = "http://example.org/verklaring" };
        Failures(options).Should().BeEquivalentTo(
            "Portal:Name must be the GR's name for the portal's header, at most 120 characters.",
            "Portal:Bodies:db:Stukken needs Portal:Bodies:db:Agenda: the stukken are published with the agenda.",
            "Portal:WooCategories:db is missing: name the Woo information category (art. 3.3 lid 2 Woo) of what this body publishes.",
            "Portal:Toegankelijkheidsverklaring:Date is required with status B: the day the statement was drawn up.",
            "Portal:Toegankelijkheidsverklaring:Url must be an absolute https address.",
            "Portal:Toegankelijkheidsverklaring:Contact is required: whom a resident tells about an accessibility problem.");

        var unknown = Valid();
        unknown.Toegankelijkheidsverklaring.Status = "voldoet";
        Failures(unknown).Should().ContainSingle().Which.Should().StartWith("Portal:Toegankelijkheidsverklaring:Status must be A, B, C, D or E");
    }
}
