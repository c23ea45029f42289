using AdviesRoute.Host.Archive;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace AdviesRoute.Host.Tests.Archive;

/// <summary>The selectielijst as shipped, and the start-up check that refuses one an e-depot could not use.</summary>
public sealed class ArchiveOptionsTests
{
    [Fact]
    public void The_shipped_selectielijst_names_every_kind_the_start_form_offers_passes_the_check_and_says_it_holds_examples()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(MaildevServer.RepositoryRoot(), "src", "Host", "appsettings.json"), optional: false)
            .Build();
        var options = configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>()!;

        new ArchiveOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        ProposalChoices.Soorten.Select(s => s.Value).Should().OnlyContain(kind => options.RuleFor(kind) != null, "every kind of proposal has a rule");
        options.Voorbeeld.Should().BeTrue("the shipped values are examples until the GR sets its own");
        options.Selectielijst.Values.Should().OnlyContain(r => r.CategorieCode == null, "no category number is shipped as if it were real");
    }

    [Fact]
    public void A_selectielijst_an_e_depot_could_not_use_stops_the_start_naming_each_setting()
    {
        var options = new ArchiveOptions
        {
            Archiefvormer = new ArchiveCreator { Naam = "", Identificatie = "00000001234567890000" },
            IdentificatieBron = "AdviesRoute",
            SelectielijstNaam = "Selectielijst van de GR",
            Selectielijst =
            {
                ["begroting"] = new SelectionRule { Waardering = "bewaren", Categorie = "Begroting" },
                ["viermaandsrapportage"] = new SelectionRule { Waardering = "vernietigen", Categorie = "Rapportage" },
                ["jaarrekening"] = new SelectionRule { Waardering = "blijvend", BewaartermijnJaren = 20, Categorie = " " },
            },
        };

        var result = new ArchiveOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "Archief:Archiefvormer:Naam is verplicht: de naam van de GR die het archief vormt.",
            "Archief:Archiefvormer:IdentificatieBron is verplicht naast Archief:Archiefvormer:Identificatie: het register waar de identificatie uit komt.",
            "Archief:Selectielijst:begroting:Waardering is ‘blijvend’ of ‘vernietigen’, niet ‘bewaren’.",
            "Archief:Selectielijst:viermaandsrapportage:BewaartermijnJaren is verplicht bij ‘vernietigen’: een aantal jaren van 1 tot en met 200.",
            "Archief:Selectielijst:jaarrekening:BewaartermijnJaren hoort niet bij ‘blijvend’: blijvend te bewaren stukken worden niet vernietigd.",
            "Archief:Selectielijst:jaarrekening:Categorie is verplicht: de categorie van de selectielijst in haar eigen woorden.");
    }
}
