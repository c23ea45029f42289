using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Overview;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Archive;

/// <summary>Why a dossier cannot be exported.</summary>
public enum RefusalKind
{
    /// <summary>No proposal with that id.</summary>
    NotFound,

    /// <summary>The proposal still runs (or is held up by an incident).</summary>
    NotClosed,

    /// <summary>The proposal has no kind, or its kind is not in the selectielijst.</summary>
    UnknownKind,

    /// <summary>A stored document's content is missing or does not match its checksum.</summary>
    MissingDocument,
}

/// <summary>A refusal, with the reason in Dutch for the person who asked.</summary>
/// <param name="Reason">Why, about the proposal: "De soort ‘Kaderbrief’ staat niet in de selectielijst; …".</param>
/// <param name="Title">The proposal's title; null when there is no such proposal.</param>
public sealed record ArchiveRefusal(RefusalKind Kind, string Reason, string? Title = null)
{
    /// <summary>The whole sentence, for an answer that names no proposal beside it: "‘Kaderbrief 2029’ is niet geëxporteerd: de soort …".</summary>
    public string Detail => Title is null ? Reason : $"‘{Title}’ is niet geëxporteerd: {char.ToLowerInvariant(Reason[0])}{Reason[1..]}";
}

/// <summary>A closed proposal in a period, as the archive page lists it: included, or left out with the reason.</summary>
public sealed record ClosedDossier(string Id, string Title, string? Kind, DateOnly ClosedOn, bool Cancelled, ArchiveRefusal? Refusal);

/// <summary>A package written to a temporary file (deleted when the stream is closed), ready to send.</summary>
public sealed record ArchivePackage(Stream Content, string FileName) : IDisposable
{
    public void Dispose() => Content.Dispose();
}

/// <summary>
/// Exports closed proposals' dossiers for the archive: per dossier its files (the stored documents and the records
/// AdviesRoute writes: <see cref="DossierRecords"/>) and one MDTO 1.0.1 XML per object (the dossier, each record, each file),
/// with the waardering, retention period and category of the selectielijst (<see cref="ArchiveOptions"/>). A dossier is
/// checked whole before its first byte is written, so a refused one leaves nothing behind. Packages are written to a
/// temporary file and stream from there: one document is in memory at a time, whatever the size of the export.
/// </summary>
public sealed class ArchiveExporter(
    ProposalReader reader,
    HostDbContext db,
    IWorkflowReader workflows,
    IOfficialDocumentWriter writer,
    IOptions<ArchiveOptions> options,
    TimeProvider time)
{
    /// <summary>The most dossiers one period export takes; a longer period is refused with the advice to split it.</summary>
    public const int MaxDossiersPerExport = 2000;

    public const string ZipType = "application/zip";

    private const string OwnList = "Openbaarheid in AdviesRoute";

    private ArchiveOptions Options => options.Value;

    /// <summary>Checks whether the proposal's dossier can be exported; the reading of every stored document included.</summary>
    public async Task<(DossierSource? Source, ArchiveRefusal? Refusal)> CheckAsync(string id, CancellationToken cancellationToken)
    {
        var proposal = await reader.GetAsync(id, cancellationToken);
        if (proposal is null)
        {
            return (null, new ArchiveRefusal(RefusalKind.NotFound, "Er is geen voorstel met dit nummer."));
        }

        var title = ProposalInput.Read(proposal.Instance.Input).TitleOrUntitled;
        if (proposal.Instance.Status is not (WorkflowStatus.Finished or WorkflowStatus.Cancelled))
        {
            return (null, new ArchiveRefusal(RefusalKind.NotClosed,
                $"Het voorstel is nog niet afgesloten (stand: {ProposalLabels.Status(proposal.Instance.Status.ToString()).ToLowerInvariant()}). Alleen een afgerond of afgebroken voorstel gaat naar het archief.", title));
        }

        var kind = proposal.Summary.Kind;
        if (Options.RuleFor(kind) is not { } rule)
        {
            return (null, new ArchiveRefusal(RefusalKind.UnknownKind, kind is null
                ? "Het voorstel heeft geen soort, dus de selectielijst zegt niet hoe lang het bewaard wordt."
                : $"De soort ‘{ProposalLabels.Kind(kind)}’ staat niet in de selectielijst; de beheerder kan haar toevoegen.", title));
        }

        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.InstanceId == id)
            .Select(d => new StoredDocument(d.Id, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.Confidential, d.ForBodyId))
            .ToListAsync(cancellationToken);
        documents = documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        // A document the proposal lists by id must be stored with it.
        var stored = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var listed in proposal.Instance.Input["documenten"] as System.Text.Json.Nodes.JsonArray ?? [])
        {
            if (listed?["id"]?.GetValue<string>() is { } listedId && !stored.Contains(listedId))
            {
                return (null, new ArchiveRefusal(RefusalKind.MissingDocument,
                    $"Het stuk ‘{listed["naam"]?.GetValue<string>() ?? listedId}’ is niet opgeslagen.", title));
            }
        }

        foreach (var document in documents)
        {
            if (await ContentOfAsync(document, cancellationToken) is { Refusal: { } refusal })
            {
                return (null, refusal with { Title = title });
            }
        }

        var closedOn = DutchTime.Today(proposal.Instance.FinishedAt ?? proposal.Instance.UpdatedAt);
        return (new DossierSource(proposal, rule, documents, closedOn,
            Pages.Voorstellen.DetailModel.KenmerkOf(proposal.Instance.Id, proposal.Instance.CreatedAt)), null);
    }

    /// <summary>One dossier as a ZIP with one folder; or the refusal, with nothing written.</summary>
    public async Task<(ArchivePackage? Package, ArchiveRefusal? Refusal)> ExportDossierAsync(string id, CancellationToken cancellationToken)
    {
        var (source, refusal) = await CheckAsync(id, cancellationToken);
        if (source is null)
        {
            return (null, refusal);
        }

        var file = TemporaryFile();
        try
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                await WriteDossierAsync(zip, FolderOf(source), source, cancellationToken);
            }

            file.Position = 0;
            return (new ArchivePackage(file, $"Archief {Safe(source.Kenmerk)} {Safe(source.Title)}.zip"), null);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The proposals closed (afgerond or afgebroken) from <paramref name="from"/> up to and including <paramref name="to"/>, Dutch days, each checked.</summary>
    /// <exception cref="ArchivePeriodTooLargeException">More than <see cref="MaxDossiersPerExport"/> proposals closed in the period.</exception>
    public async Task<IReadOnlyList<ClosedDossier>> ClosedInAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var found = new List<ClosedDossier>();
        await foreach (var summary in ClosedSummariesAsync(from, to, cancellationToken))
        {
            var (source, refusal) = await CheckAsync(summary.Id, cancellationToken);
            var proposal = source?.Proposal ?? await reader.GetAsync(summary.Id, cancellationToken);
            var input = ProposalInput.Read(proposal?.Instance.Input);
            found.Add(new ClosedDossier(summary.Id, input.TitleOrUntitled, input.Kind, DutchTime.Today(summary.FinishedAt ?? summary.UpdatedAt),
                summary.Status == WorkflowStatus.Cancelled, refusal));
        }

        return found.OrderBy(d => d.ClosedOn).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every dossier closed in the period, one folder each, in one ZIP; a dossier that cannot be exported is left out and
    /// named, with the reason, in <c>overzicht.txt</c> at the top of the package (as is every dossier that is in it).
    /// </summary>
    /// <exception cref="ArchivePeriodTooLargeException">More than <see cref="MaxDossiersPerExport"/> proposals closed in the period.</exception>
    public async Task<ArchivePackage> ExportPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var file = TemporaryFile();
        try
        {
            var included = new List<(string Folder, DossierSource Source)>();
            var left = new List<(string Id, string Title, DateOnly ClosedOn, ArchiveRefusal Refusal)>();
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                await foreach (var summary in ClosedSummariesAsync(from, to, cancellationToken))
                {
                    var (source, refusal) = await CheckAsync(summary.Id, cancellationToken);
                    if (source is null)
                    {
                        var proposal = await reader.GetAsync(summary.Id, cancellationToken);
                        left.Add((summary.Id, ProposalInput.Read(proposal?.Instance.Input).TitleOrUntitled, DutchTime.Today(summary.FinishedAt ?? summary.UpdatedAt), refusal!));
                        continue;
                    }

                    var folder = FolderOf(source);
                    await WriteDossierAsync(zip, folder, source, cancellationToken);
                    included.Add((folder, source));
                }

                await WriteTextAsync(zip, "overzicht.txt", Overview(from, to, included, left), cancellationToken);
            }

            file.Position = 0;
            return new ArchivePackage(file, $"Archief {DutchFormat.Day(from)} tot en met {DutchFormat.Day(to)}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async IAsyncEnumerable<InstanceSummary> ClosedSummariesAsync(DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new InstanceQuery { Statuses = [WorkflowStatus.Finished, WorkflowStatus.Cancelled] };
        string? cursor = null;
        var count = 0;
        do
        {
            var page = await workflows.PageSummariesAsync(query, cursor, IWorkflowReader.MaxPageSize, cancellationToken);
            foreach (var summary in page.Items)
            {
                var closedOn = DutchTime.Today(summary.FinishedAt ?? summary.UpdatedAt);
                if (closedOn < from || closedOn > to)
                {
                    continue;
                }

                if (++count > MaxDossiersPerExport)
                {
                    throw new ArchivePeriodTooLargeException(
                        $"In deze periode zijn meer dan {DutchFormat.Number(MaxDossiersPerExport)} voorstellen afgesloten. Kies een kortere periode.");
                }

                yield return summary;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private string Overview(DateOnly from, DateOnly to, List<(string Folder, DossierSource Source)> included, List<(string Id, string Title, DateOnly ClosedOn, ArchiveRefusal Refusal)> left)
    {
        var text = new StringBuilder();
        text.AppendLine($"Archiefexport van {Options.Archiefvormer.Naam}");
        text.AppendLine($"Voorstellen afgesloten van {DutchFormat.Day(from)} tot en met {DutchFormat.Day(to)}, gemaakt op {DutchFormat.Moment(time.GetUtcNow())}.");
        text.AppendLine();
        text.AppendLine($"Opgenomen: {DutchFormat.Count(included.Count, "dossier", "dossiers")}.");
        foreach (var (folder, source) in included)
        {
            text.AppendLine($"- {folder}: {source.Title}, afgesloten op {DutchFormat.Day(source.ClosedOn)}; {source.Rule.Words.ToLowerInvariant()}.");
        }

        text.AppendLine();
        text.AppendLine($"Weggelaten: {DutchFormat.Count(left.Count, "voorstel", "voorstellen")}.");
        foreach (var (_, title, closedOn, refusal) in left)
        {
            text.AppendLine($"- {title}, afgesloten op {DutchFormat.Day(closedOn)}: {refusal.Reason}");
        }

        if (left.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Een weggelaten voorstel kan apart worden geëxporteerd zodra de reden is weggenomen.");
        }

        return text.ToString();
    }

    /// <summary>Writes one dossier's folder: its files, and an MDTO XML for the dossier, each record and each file.</summary>
    private async Task WriteDossierAsync(ZipArchive zip, string folder, DossierSource source, CancellationToken cancellationToken)
    {
        var o = Options;
        var instanceId = source.Proposal.Instance.Id;
        var input = ProposalInput.Read(source.Proposal.Instance.Input);
        MdtoIdentifier Id(string suffix) => new(instanceId + suffix, o.IdentificatieBron);
        var dossierReference = new MdtoReference(source.Title, Id(""));
        var creator = new MdtoReference(o.Archiefvormer.Naam,
            o.Archiefvormer.Identificatie is { Length: > 0 } creatorId ? new MdtoIdentifier(creatorId, o.Archiefvormer.IdentificatieBron!) : null);
        var waardering = source.Rule.IsPermanent
            ? new MdtoTerm("Blijvend te bewaren", "B", MdtoXml.WaarderingenList)
            : new MdtoTerm("Tijdelijk te bewaren", "V", MdtoXml.WaarderingenList);
        (DateOnly, int)? term = source.Rule.IsPermanent ? null : (source.ClosedOn, source.Rule.BewaartermijnJaren!.Value);
        var category = new MdtoTerm(source.Rule.Categorie + (o.Voorbeeld ? " (voorbeeld)" : ""), source.Rule.CategorieCode, o.SelectielijstNaam);
        var now = time.GetUtcNow();

        // The records, in a fixed order, so two exports of one dossier give the same names and identifiers.
        var records = new List<DossierRecord>
        {
            Generated("voorstel", DossierRecords.Proposal(source.Proposal, source.Kenmerk), Restriction(input.IsClosed)),
        };
        records.AddRange(source.Documents.Select(d => new DossierRecord($"stuk-{d.Id}", Path.GetFileNameWithoutExtension(d.FileName), d.FileName, d.ContentType, d,
            null, d.Confidential || d.ForBodyId is not null
                ? new Restricted("Vertrouwelijk", d.ForBodyId is null
                    ? "Als vertrouwelijk gemarkeerd in AdviesRoute: leden konden het alleen inzien met een eenmalige code."
                    : "In AdviesRoute alleen te lezen voor de leden van één orgaan.")
                : Restriction(input.IsClosed))));
        if (DossierRecords.Zienswijzen(source.Proposal, source.Kenmerk) is { } zienswijzen)
        {
            records.Add(Generated("zienswijzen", zienswijzen, Restriction(input.IsClosed)));
        }

        var messages = await workflows.GetMessagesOfInstanceAsync(instanceId, cancellationToken);
        records.Add(Generated("berichten", DossierRecords.Messages(source.Proposal, messages, source.Kenmerk),
            new Restricted("Persoonsgegevens", "Bevat namen en e-mailadressen van de ontvangers.")));
        records.Add(Generated("journaal", DossierRecords.Journal(source.Proposal, source.Kenmerk),
            new Restricted("Persoonsgegevens", "Bevat de namen van wie iets deed met het voorstel.")));

        var number = 0;
        var parts = new List<MdtoReference>();
        foreach (var record in records)
        {
            number++;
            var baseName = $"{number.ToString("00", CultureInfo.InvariantCulture)} {Safe(record.Title)}";
            var extension = Path.GetExtension(record.FileName) is { Length: > 0 and <= 6 } ext ? ext.ToLowerInvariant() : "";
            var fileName = baseName + extension;
            var content = record.Content ?? (await ContentOfAsync(record.Stored!, cancellationToken)).Content
                ?? throw new InvalidOperationException($"Het stuk {record.Stored!.Id} veranderde tijdens de export.");
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var partReference = new MdtoReference(record.Title, Id("." + record.Key));
            var fileReference = new MdtoReference(fileName, Id("." + record.Key + ".bestand"));
            await WriteAsync(zip, $"{folder}/{fileName}", content, cancellationToken);
            await WriteAsync(zip, $"{folder}/{fileName}.bestand.mdto.xml", MdtoXml.Write(new MdtoFile
            {
                Identifier = fileReference.Id!,
                Naam = fileName,
                Omvang = content.LongLength,
                Bestandsformaat = FileFormats.Of(record.ContentType, content),
                Sha256 = sha,
                ChecksumDatum = record.Stored is { } stored ? new DateTimeOffset(DateTime.SpecifyKind(stored.UploadedAt, DateTimeKind.Utc)) : now,
                Url = Uri.EscapeDataString(fileName),
                IsRepresentatieVan = partReference,
            }), cancellationToken);
            await WriteAsync(zip, $"{folder}/{baseName}.mdto.xml", MdtoXml.Write(new MdtoInformationObject
            {
                Identifiers = [partReference.Id!],
                Naam = record.Title,
                Aggregatieniveau = new MdtoTerm("Archiefstuk", null, MdtoXml.AggregatieniveausList),
                Waardering = waardering,
                Bewaartermijn = term,
                Informatiecategorie = category,
                IsOnderdeelVan = dossierReference,
                HeeftRepresentatie = [fileReference],
                Archiefvormer = creator,
                BeperkingGebruik = new MdtoTerm(record.Restricted.Label, null, OwnList),
                BeperkingGebruikToelichting = record.Restricted.Description,
            }), cancellationToken);
            parts.Add(partReference);
        }

        var identifiers = new List<MdtoIdentifier> { Id(""), new(source.Kenmerk, "Nummer in AdviesRoute") };
        if (input.Reference is { Length: > 0 } reference)
        {
            identifiers.Add(new MdtoIdentifier(reference, "Kenmerk van het secretariaat van " + o.Archiefvormer.Naam));
        }

        var restriction = Restriction(input.IsClosed);
        await WriteAsync(zip, $"{folder}/dossier.mdto.xml", MdtoXml.Write(new MdtoInformationObject
        {
            Identifiers = identifiers,
            Naam = source.Title,
            Aggregatieniveau = new MdtoTerm("Dossier", null, MdtoXml.AggregatieniveausList),
            Omschrijving = $"{ProposalLabels.Kind(input.Kind)}"
                + (input.Pillar is null ? "" : $", pijler {ProposalLabels.Pillar(input.Pillar)}")
                + $"; {(source.Proposal.Instance.Status == WorkflowStatus.Cancelled ? "afgebroken" : "afgerond")} op {DutchFormat.Day(source.ClosedOn)}."
                + (input.Summary is { Length: > 0 } summary ? " " + summary : ""),
            Waardering = waardering,
            Bewaartermijn = term,
            Informatiecategorie = category,
            BevatOnderdeel = parts,
            Archiefvormer = creator,
            BeperkingGebruik = new MdtoTerm(restriction.Label, null, OwnList),
            BeperkingGebruikToelichting = restriction.Description,
        }), cancellationToken);

        DossierRecord Generated(string key, OfficialDocument document, Restricted restricted) =>
            new(key, document.Title, document.Title + ".pdf", OfficialDocumentFiles.PdfType, null, writer.Pdf(document), restricted);
    }

    private static Restricted Restriction(bool closedSession) => closedSession
        ? new Restricted("Besloten", "Het voorstel is in besloten vergadering behandeld.")
        : new Restricted("Geen beperking", null);

    /// <summary>A stored document's content, checked against its size and checksum.</summary>
    private async Task<(byte[]? Content, ArchiveRefusal? Refusal)> ContentOfAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        var content = await db.ProposalDocuments.AsNoTracking().Where(d => d.Id == document.Id).Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
        if (content is null || content.Length == 0)
        {
            return (null, new ArchiveRefusal(RefusalKind.MissingDocument, $"De inhoud van het stuk ‘{document.FileName}’ ontbreekt."));
        }

        if (content.LongLength != document.Size || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), document.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ArchiveRefusal(RefusalKind.MissingDocument,
                $"Het stuk ‘{document.FileName}’ is niet meer hetzelfde als bij het opslaan: de controlegetallen verschillen."));
        }

        return (content, null);
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }

    private static Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken) =>
        WriteAsync(zip, name, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ReplaceLineEndings("\r\n")), cancellationToken);

    private static string FolderOf(DossierSource source) => $"{source.Kenmerk} {Safe(source.Title)}";

    private static FileStream TemporaryFile() => new(Path.Combine(Path.GetTempPath(), "adviesroute-archief-" + Guid.NewGuid().ToString("N") + ".zip"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <summary>A name that every file system and every unzip program takes: no folder signs or control characters, at most 80 characters.</summary>
    internal static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c).ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "zonder titel";
        }

        return cleaned.Length > 80 ? cleaned[..80].TrimEnd('.', ' ') : cleaned;
    }

    private sealed record Restricted(string Label, string? Description);

    private sealed record DossierRecord(string Key, string Title, string FileName, string ContentType, StoredDocument? Stored, byte[]? Content, Restricted Restricted);
}

/// <summary>A stored document of a proposal, without its content.</summary>
public sealed record StoredDocument(string Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, bool Confidential, string? ForBodyId);

/// <summary>A proposal that passed the checks: what its package is made of.</summary>
public sealed record DossierSource(ProposalDetail Proposal, SelectionRule Rule, IReadOnlyList<StoredDocument> Documents, DateOnly ClosedOn, string Kenmerk)
{
    public string Title => ProposalInput.Read(Proposal.Instance.Input).TitleOrUntitled;
}

/// <summary>A period in which more proposals closed than one export takes.</summary>
public sealed class ArchivePeriodTooLargeException(string message) : Exception(message);
