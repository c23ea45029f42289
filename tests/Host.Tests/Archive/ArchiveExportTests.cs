using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AdviesRoute.Host.Archive;
using AdviesRoute.Host.Tests.Documents;

namespace AdviesRoute.Host.Tests.Archive;

/// <summary>
/// The MDTO export of a closed begroting (walked to its end in <see cref="ArchiveFixture"/>): every XML validates against
/// the Nationaal Archief's MDTO 1.0.1 schema, every file's size and SHA-256 match its metadata, every relation resolves
/// inside the package, and the identifiers are the same when the dossier is exported again. And the refusals.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class ArchiveExportTests(ArchiveFixture fixture)
{
    private static readonly XNamespace Mdto = MdtoXml.Namespace;

    [Fact]
    public async Task The_dossier_of_a_closed_begroting_is_a_package_whose_metadata_validates_against_MDTO_and_whose_checksums_sizes_and_relations_hold()
    {
        var package = await DossierAsync(fixture.BegrotingId);
        var folders = package.Keys.Select(k => k.Split('/')[0]).Distinct().ToList();
        folders.Should().ContainSingle("one dossier is one folder").Which.Should().EndWith(ArchiveFixture.Title);
        var folder = folders[0];

        // Every XML validates against the schema as published (read from ../shared/standards).
        var schemas = new XmlSchemaSet();
        schemas.Add(MdtoXml.Namespace, ArchiveFixture.Xsd);
        var metadata = package.Where(e => e.Key.EndsWith(".mdto.xml", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => Validated(e.Key, e.Value, schemas));
        metadata.Should().ContainKey($"{folder}/dossier.mdto.xml");

        // The files: the stored document, the zienswijzennota, and the records AdviesRoute writes.
        var files = package.Keys.Where(k => !k.EndsWith(".mdto.xml", StringComparison.Ordinal)).Select(k => k[(folder.Length + 1)..]).ToList();
        files.Should().Equal(
            "01 Voorstel en besluitvorming.pdf",
            "02 Ontwerpbegroting 2028.pdf",
            "03 Zienswijzennota Ontwerpbegroting 2028.pdf",
            "04 Zienswijzen en reacties.pdf",
            "05 Verzonden berichten.pdf",
            "06 Journaal.pdf");
        package[$"{folder}/02 Ontwerpbegroting 2028.pdf"].Should().Equal(AdviesRoute.Tests.Shared.StoredData.HostPages.Pdf("ontwerpbegroting"), "the stored document goes in as uploaded");

        // Identifiers are unique in the package.
        var ids = metadata.SelectMany(m => m.Value.Root!.Elements().Single().Elements(Mdto + "identificatie"))
            .Select(i => (string)i.Element(Mdto + "identificatieKenmerk")! + "|" + (string)i.Element(Mdto + "identificatieBron")!).ToList();
        ids.Should().OnlyHaveUniqueItems();

        // Every relation between objects resolves to an object in the package.
        var relations = new[] { "isOnderdeelVan", "bevatOnderdeel", "heeftRepresentatie", "isRepresentatieVan" };
        var references = metadata.SelectMany(m => m.Value.Descendants().Where(e => relations.Contains(e.Name.LocalName))
            .Select(e => (From: m.Key, Relation: e.Name.LocalName, To: Id(e.Element(Mdto + "verwijzingIdentificatie")!)))).ToList();
        references.Should().NotBeEmpty();
        references.Where(r => !ids.Contains(r.To)).Should().BeEmpty("every relation names an object inside the package");

        // The dossier holds every record; each record is part of the dossier and has one file that represents it back.
        var dossier = metadata[$"{folder}/dossier.mdto.xml"].Root!.Element(Mdto + "informatieobject")!;
        ((string)dossier.Element(Mdto + "aggregatieniveau")!.Element(Mdto + "begripLabel")!).Should().Be("Dossier");
        ((string)dossier.Element(Mdto + "waardering")!.Element(Mdto + "begripLabel")!).Should().Be("Blijvend te bewaren");
        ((string)dossier.Element(Mdto + "informatiecategorie")!.Element(Mdto + "begripLabel")!).Should().Be("Vaststelling van de begroting (voorbeeld)");
        ((string)dossier.Element(Mdto + "archiefvormer")!.Element(Mdto + "verwijzingNaam")!).Should().Be("Gemeenschappelijke regeling SamenDrenthe");
        var dossierId = Id(dossier.Element(Mdto + "identificatie")!);
        var parts = dossier.Elements(Mdto + "bevatOnderdeel").Select(p => Id(p.Element(Mdto + "verwijzingIdentificatie")!)).ToList();
        parts.Should().HaveCount(files.Count);
        var records = metadata.Values.Select(x => x.Root!.Element(Mdto + "informatieobject")).OfType<XElement>()
            .Where(r => (string)r.Element(Mdto + "aggregatieniveau")!.Element(Mdto + "begripLabel")! == "Archiefstuk").ToList();
        records.Select(r => Id(r.Element(Mdto + "identificatie")!)).Should().BeEquivalentTo(parts);
        records.Should().OnlyContain(r => Id(r.Element(Mdto + "isOnderdeelVan")!.Element(Mdto + "verwijzingIdentificatie")!) == dossierId);

        // Every file's size and SHA-256 match its bestand, which names the file and the record it represents.
        var bestanden = metadata.Where(m => m.Key.EndsWith(".bestand.mdto.xml", StringComparison.Ordinal)).ToList();
        bestanden.Should().HaveCount(files.Count);
        foreach (var (name, xml) in bestanden)
        {
            var bestand = xml.Root!.Element(Mdto + "bestand")!;
            var url = Uri.UnescapeDataString((string)bestand.Element(Mdto + "URLBestand")!);
            package.Should().ContainKey($"{folder}/{url}", "{0} names a file in the package", name);
            var content = package[$"{folder}/{url}"];
            ((long)bestand.Element(Mdto + "omvang")!).Should().Be(content.LongLength, "the size of {0}", url);
            var checksum = bestand.Element(Mdto + "checksum")!;
            ((string)checksum.Element(Mdto + "checksumAlgoritme")!.Element(Mdto + "begripLabel")!).Should().Be("SHA-256");
            ((string)checksum.Element(Mdto + "checksumWaarde")!).Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)), "the checksum of {0}", url);
            var represents = Id(bestand.Element(Mdto + "isRepresentatieVan")!.Element(Mdto + "verwijzingIdentificatie")!);
            records.Single(r => Id(r.Element(Mdto + "identificatie")!) == represents).Elements(Mdto + "heeftRepresentatie")
                .Select(h => Id(h.Element(Mdto + "verwijzingIdentificatie")!)).Should().Equal(Id(bestand.Element(Mdto + "identificatie")!));
        }

        // The records AdviesRoute writes say in Dutch what happened: the decision, the zienswijze and reaction, the mails, the journal.
        var proposal = Text(package[$"{folder}/01 Voorstel en besluitvorming.pdf"]);
        proposal.Should().Contain("Beslispunten").And.Contain("Besluiten").And.Contain("in te stemmen met " + ArchiveFixture.Title);
        var zienswijzen = Text(package[$"{folder}/04 Zienswijzen en reacties.pdf"]);
        zienswijzen.Should().Contain("jeugdgezondheidszorg").And.Contain("uitvoeringsparagraaf");
        var mails = Text(package[$"{folder}/05 Verzonden berichten.pdf"]);
        mails.Should().Contain($"Verzoek om een zienswijze: {ArchiveFixture.Title}").And.NotContain("/verzoek/");
        var journal = Text(package[$"{folder}/06 Journaal.pdf"]);
        journal.Should().Contain("Moment").And.NotContain("ActivityCompleted").And.NotContain("besluitAb");
    }

    [Fact]
    public async Task Exporting_a_dossier_twice_gives_the_same_files_and_identifiers()
    {
        var first = await DossierAsync(fixture.BegrotingId);
        var second = await DossierAsync(fixture.BegrotingId);
        second.Keys.Should().Equal(first.Keys);
        static List<string> Identifiers(Dictionary<string, byte[]> package) => package.Where(e => e.Key.EndsWith(".mdto.xml", StringComparison.Ordinal))
            .SelectMany(e => XDocument.Parse(System.Text.Encoding.UTF8.GetString(e.Value)).Descendants(Mdto + "identificatieKenmerk").Select(k => e.Key + ": " + k.Value)).ToList();
        Identifiers(second).Should().Equal(Identifiers(first));
        second[first.Keys.Single(k => k.EndsWith("02 Ontwerpbegroting 2028.pdf", StringComparison.Ordinal))]
            .Should().Equal(first[first.Keys.Single(k => k.EndsWith("02 Ontwerpbegroting 2028.pdf", StringComparison.Ordinal))]);
    }

    [Fact]
    public async Task A_proposal_that_still_runs_is_refused_with_the_reason()
    {
        var problem = await RefusedAsync($"/api/archief/voorstellen/{fixture.RunningId}", HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().Should().Be("‘Jaarplan toezicht kinderopvang’ is niet geëxporteerd: het voorstel is nog niet afgesloten (stand: loopt). Alleen een afgerond of afgebroken voorstel gaat naar het archief.");
    }

    [Fact]
    public async Task A_kind_the_selectielijst_does_not_name_is_refused_with_the_reason()
    {
        var problem = await RefusedAsync($"/api/archief/voorstellen/{fixture.KaderbriefId}", HttpStatusCode.UnprocessableEntity);
        problem["detail"]!.GetValue<string>().Should().Be("‘Kaderbrief 2029’ is niet geëxporteerd: de soort ‘Kaderbrief’ staat niet in de selectielijst; de beheerder kan haar toevoegen.");
    }

    [Fact]
    public async Task A_document_changed_since_it_was_stored_is_refused_with_its_name()
    {
        var problem = await RefusedAsync($"/api/archief/voorstellen/{fixture.ChangedId}", HttpStatusCode.UnprocessableEntity);
        problem["detail"]!.GetValue<string>().Should().Be($"‘Tarieven reizigersvaccinatie’ is niet geëxporteerd: het stuk ‘{ArchiveFixture.ChangedDocumentName}’ is niet meer hetzelfde als bij het opslaan: de controlegetallen verschillen.");
    }

    [Fact]
    public async Task An_unknown_proposal_and_a_period_the_wrong_way_round_are_refused()
    {
        await RefusedAsync("/api/archief/voorstellen/bestaat-niet", HttpStatusCode.NotFound);
        var problem = await RefusedAsync("/api/archief/periode?van=2027-12-31&tot=2027-01-01", HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().Should().Be("De begindatum ligt na de einddatum.");
        await RefusedAsync("/api/archief/periode?van=31-12-2027", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_period_export_holds_one_folder_per_closed_dossier_and_names_what_it_left_out_and_why()
    {
        using var response = await fixture.Api.GetAsync("/api/archief/periode?van=2027-01-01&tot=2027-12-31");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        var package = Entries(await response.Content.ReadAsByteArrayAsync());
        package.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Select(k => k.Split('/')[0]).Distinct().Should()
            .ContainSingle().Which.Should().EndWith(ArchiveFixture.Title);
        var overview = System.Text.Encoding.UTF8.GetString(package["overzicht.txt"]);
        overview.Should().Contain("Opgenomen: 1 dossier.").And.Contain("Weggelaten: 2 voorstellen.")
            .And.Contain("Kaderbrief 2029").And.Contain("niet in de selectielijst")
            .And.Contain("Tarieven reizigersvaccinatie").And.Contain(ArchiveFixture.ChangedDocumentName)
            .And.NotContain("Jaarplan toezicht kinderopvang", "a proposal that still runs is not closed in the period");
        var schemas = new XmlSchemaSet();
        schemas.Add(MdtoXml.Namespace, ArchiveFixture.Xsd);
        foreach (var (name, xml) in package.Where(e => e.Key.EndsWith(".mdto.xml", StringComparison.Ordinal)))
        {
            Validated(name, xml, schemas);
        }
    }

    private async Task<Dictionary<string, byte[]>> DossierAsync(string id)
    {
        using var response = await fixture.Api.GetAsync($"/api/archief/voorstellen/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        var zip = await response.Content.ReadAsByteArrayAsync();

        // Kept beside the screenshots, for a person (or xmllint) to open.
        Directory.CreateDirectory(ArchiveFixture.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(ArchiveFixture.ScreenshotFolder, "dossier-begroting.zip"), zip);
        return Entries(zip);
    }

    private async Task<JsonObject> RefusedAsync(string path, HttpStatusCode status)
    {
        using var response = await fixture.Api.GetAsync(path);
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", "a refusal is problem details, no half-written package");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Parses and validates against the MDTO schema; any error or warning fails, naming the file.</summary>
    private static XDocument Validated(string name, byte[] xml, XmlSchemaSet schemas)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        problems.Should().BeEmpty("{0} must validate against MDTO 1.0.1", name);
        return XDocument.Load(new MemoryStream(xml));
    }

    private static string Text(byte[] pdf) => PdfText.Normalize(PdfText.Body(pdf));

    private static string Id(XElement identificatie) =>
        (string)identificatie.Element(Mdto + "identificatieKenmerk")! + "|" + (string)identificatie.Element(Mdto + "identificatieBron")!;
}
