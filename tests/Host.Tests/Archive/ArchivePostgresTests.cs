using System.IO.Compression;
using System.Net;
using System.Xml;
using System.Xml.Schema;
using AdviesRoute.Host.Archive;
using AdviesRoute.Host.Tests.Postgres;
using static AdviesRoute.Tests.Shared.StoredData.HostPages;

namespace AdviesRoute.Host.Tests.Archive;

/// <summary>The archive export on PostgreSQL: the stored documents, the journal and the outbox read there as on SQLite.</summary>
public sealed class ArchivePostgresTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task A_cancelled_proposal_with_a_document_exports_a_package_that_validates_against_MDTO_on_postgresql()
    {
        using var secretary = await host.SignInAsync();
        var id = await StartProposalAsync(secretary, new NewProposal("Visie gezondheidsbeleid 2030", "PubliekeGezondheid", "beleidsvoorstel", "metBacs",
            Document: ("Visie 2030.pdf", Pdf("visie"))));
        await CancelOnPageAsync(secretary, id, "Wordt een kaderbrief.");

        using var api = host.Secretary();
        using var response = await api.GetAsync($"/api/archief/voorstellen/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.Name).ToList();
        names.Should().Contain(["02 Visie 2030.pdf", "03 Verzonden berichten.pdf", "04 Journaal.pdf", "dossier.mdto.xml"]);
        using (var document = new MemoryStream())
        {
            await zip.Entries.Single(e => e.Name == "02 Visie 2030.pdf").Open().CopyToAsync(document);
            document.ToArray().Should().Equal(Pdf("visie"));
        }

        var schemas = new XmlSchemaSet();
        schemas.Add(MdtoXml.Namespace, ArchiveFixture.Xsd);
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".mdto.xml", StringComparison.Ordinal)))
        {
            var problems = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);
            using (var reader = XmlReader.Create(entry.Open(), settings))
            {
                while (reader.Read())
                {
                }
            }

            problems.Should().BeEmpty("{0} validates against MDTO 1.0.1", entry.FullName);
        }
    }
}
