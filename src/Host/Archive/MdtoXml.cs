using System.Globalization;
using System.Text;
using System.Xml;

namespace AdviesRoute.Host.Archive;

/// <summary>An identifier of an object in a package: its kenmerk and the source that issued it.</summary>
public sealed record MdtoIdentifier(string Kenmerk, string Bron);

/// <summary>A reference to another object: its name and, where it has one, its identifier.</summary>
public sealed record MdtoReference(string Naam, MdtoIdentifier? Id);

/// <summary>A term from a list (MDTO <c>begripGegevens</c>): its label, its code when the list has one, and the list.</summary>
public sealed record MdtoTerm(string Label, string? Code, string List);

/// <summary>The metadata of an informatieobject: the dossier or one record (archiefstuk) in it.</summary>
public sealed record MdtoInformationObject
{
    public required IReadOnlyList<MdtoIdentifier> Identifiers { get; init; }
    public required string Naam { get; init; }
    public required MdtoTerm Aggregatieniveau { get; init; }
    public string? Omschrijving { get; init; }
    public required MdtoTerm Waardering { get; init; }

    /// <summary>The retention period (only for records to be destroyed): start, length in years, end.</summary>
    public (DateOnly Start, int Years)? Bewaartermijn { get; init; }

    public required MdtoTerm Informatiecategorie { get; init; }
    public MdtoReference? IsOnderdeelVan { get; init; }
    public IReadOnlyList<MdtoReference> BevatOnderdeel { get; init; } = [];
    public IReadOnlyList<MdtoReference> HeeftRepresentatie { get; init; } = [];
    public required MdtoReference Archiefvormer { get; init; }
    public required MdtoTerm BeperkingGebruik { get; init; }
    public string? BeperkingGebruikToelichting { get; init; }
}

/// <summary>The metadata of a file (MDTO <c>bestand</c>) that represents a record.</summary>
public sealed record MdtoFile
{
    public required MdtoIdentifier Identifier { get; init; }
    public required string Naam { get; init; }
    public required long Omvang { get; init; }
    public required MdtoTerm Bestandsformaat { get; init; }

    /// <summary>SHA-256, lowercase hex.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset ChecksumDatum { get; init; }

    /// <summary>Where the file lies, relative to this metadata file.</summary>
    public required string Url { get; init; }

    public required MdtoReference IsRepresentatieVan { get; init; }
}

/// <summary>
/// Writes MDTO 1.0.1 XML (namespace <see cref="Namespace"/>, root <c>MDTO</c>), one object per document, the elements in
/// the order the schema's sequences ask.
/// </summary>
public static class MdtoXml
{
    public const string Namespace = "https://www.nationaalarchief.nl/mdto";

    /// <summary>The MDTO list of waarderingen: "Blijvend te bewaren" (B) and "Tijdelijk te bewaren" (V).</summary>
    public const string WaarderingenList = "Begrippenlijst Waarderingen MDTO";

    public const string AggregatieniveausList = "Begrippenlijst Aggregatieniveaus MDTO";

    public const string ChecksumList = "Begrippenlijst ChecksumAlgoritme MDTO";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
    };

    public static byte[] Write(MdtoInformationObject o)
    {
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, Settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("MDTO", Namespace);
            x.WriteStartElement("informatieobject", Namespace);
            foreach (var id in o.Identifiers)
            {
                Identifier(x, "identificatie", id);
            }

            Text(x, "naam", o.Naam);
            Term(x, "aggregatieniveau", o.Aggregatieniveau);
            if (o.Omschrijving is { Length: > 0 } omschrijving)
            {
                Text(x, "omschrijving", omschrijving);
            }

            Text(x, "taal", "nl");
            Term(x, "waardering", o.Waardering);
            if (o.Bewaartermijn is { } term)
            {
                x.WriteStartElement("bewaartermijn", Namespace);
                Text(x, "termijnStartdatumLooptijd", Date(term.Start));
                Text(x, "termijnLooptijd", $"P{term.Years.ToString(CultureInfo.InvariantCulture)}Y");
                Text(x, "termijnEinddatum", Date(term.Start.AddYears(term.Years)));
                x.WriteEndElement();
            }

            Term(x, "informatiecategorie", o.Informatiecategorie);
            if (o.IsOnderdeelVan is { } parent)
            {
                Reference(x, "isOnderdeelVan", parent);
            }

            foreach (var part in o.BevatOnderdeel)
            {
                Reference(x, "bevatOnderdeel", part);
            }

            foreach (var file in o.HeeftRepresentatie)
            {
                Reference(x, "heeftRepresentatie", file);
            }

            Reference(x, "archiefvormer", o.Archiefvormer);
            x.WriteStartElement("beperkingGebruik", Namespace);
            Term(x, "beperkingGebruikType", o.BeperkingGebruik);
            if (o.BeperkingGebruikToelichting is { Length: > 0 } toelichting)
            {
                Text(x, "beperkingGebruikNadereBeschrijving", toelichting);
            }

            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public static byte[] Write(MdtoFile f)
    {
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, Settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("MDTO", Namespace);
            x.WriteStartElement("bestand", Namespace);
            Identifier(x, "identificatie", f.Identifier);
            Text(x, "naam", f.Naam);
            Text(x, "omvang", f.Omvang.ToString(CultureInfo.InvariantCulture));
            Term(x, "bestandsformaat", f.Bestandsformaat);
            x.WriteStartElement("checksum", Namespace);
            Term(x, "checksumAlgoritme", new MdtoTerm("SHA-256", null, ChecksumList));
            Text(x, "checksumWaarde", f.Sha256);
            Text(x, "checksumDatum", f.ChecksumDatum.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            x.WriteEndElement();
            Text(x, "URLBestand", f.Url);
            Reference(x, "isRepresentatieVan", f.IsRepresentatieVan);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Text(XmlWriter x, string name, string value) => x.WriteElementString(name, Namespace, value);

    private static void Identifier(XmlWriter x, string element, MdtoIdentifier id)
    {
        x.WriteStartElement(element, Namespace);
        Text(x, "identificatieKenmerk", id.Kenmerk);
        Text(x, "identificatieBron", id.Bron);
        x.WriteEndElement();
    }

    private static void Reference(XmlWriter x, string element, MdtoReference reference)
    {
        x.WriteStartElement(element, Namespace);
        Text(x, "verwijzingNaam", reference.Naam);
        if (reference.Id is { } id)
        {
            Identifier(x, "verwijzingIdentificatie", id);
        }

        x.WriteEndElement();
    }

    private static void Term(XmlWriter x, string element, MdtoTerm term)
    {
        x.WriteStartElement(element, Namespace);
        Text(x, "begripLabel", term.Label);
        if (term.Code is { Length: > 0 } code)
        {
            Text(x, "begripCode", code);
        }

        x.WriteStartElement("begripBegrippenlijst", Namespace);
        Text(x, "verwijzingNaam", term.List);
        x.WriteEndElement();
        x.WriteEndElement();
    }
}
