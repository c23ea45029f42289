using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdviesRoute.Tests.Shared.StoredData;

/// <summary>
/// What <c>fixture.json</c> says about a folder of stored data (written by tests/FixtureMaker, read by the host tests
/// under StoredData/): the moment the data stands at, how to sign in, each proposal with its role and journal, and the
/// overview's and the agendas' results as the version that made the data showed them. Only plain values: it must keep
/// meaning the same when the host's own types change.
/// </summary>
internal sealed record StoredFixture(
    string Moment,
    string AdminEmail,
    string AdminPassword,
    IReadOnlyList<StoredProposal> Proposals,
    IReadOnlyList<OverviewResult> Overview,
    IReadOnlyList<AgendaResult> Agendas)
{
    public const string ManifestFile = "fixture.json";
    public const string DatabaseFile = "adviesroute.db";
    public const string LinkKeyFile = "link-key";
    public const string CertificateFile = "dataprotection-certificate.pfx";
    public const string MailFolder = "mail";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public DateTimeOffset At => DateTimeOffset.Parse(Moment, System.Globalization.CultureInfo.InvariantCulture);

    public StoredProposal Proposal(string role) => Proposals.Single(p => p.Role == role);

    public static StoredFixture Read(string folder) =>
        JsonSerializer.Deserialize<StoredFixture>(File.ReadAllText(Path.Combine(folder, ManifestFile)), Json)
            ?? throw new InvalidDataException($"{ManifestFile} in {folder} is empty.");

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(this, Json) + "\n");
}

/// <summary>The roles of the proposals in the fixture: what state each was left in.</summary>
internal static class StoredRoles
{
    /// <summary>Waiting in the ambtelijke voorbereiding, after one round of rework.</summary>
    public const string Preparation = "voorbereiding";

    /// <summary>Ontwerpbegroting in the zienswijzenronde: some councils answered by their link, the others not yet.</summary>
    public const string Zienswijzen = "zienswijzen";

    /// <summary>On the copy of <c>voorstel</c> with a written BAC advice: some members voted by their link.</summary>
    public const string WrittenAdvice = "schriftelijkAdvies";

    /// <summary>Held over ("aangehouden") by one DB meeting, now on the agenda of the next.</summary>
    public const string HeldOver = "aangehouden";

    /// <summary>On the same DB agenda as <see cref="HeldOver"/>, set as a hamerstuk so it comes first.</summary>
    public const string OnAgenda = "opAgenda";

    /// <summary>On the agenda of a BAC meeting still ahead.</summary>
    public const string AtBacMeeting = "bacVergadering";

    /// <summary>Through DB and AB to its end.</summary>
    public const string Finished = "afgerond";

    /// <summary>Cancelled by the secretary with a reason.</summary>
    public const string Cancelled = "afgebroken";
}

/// <param name="AnsweredBy">The addresses that answered through the personal link in their mail while the fixture was made.</param>
/// <param name="Journal">The journal as <c>GET /api/instances/{id}</c> gave it at the fixture's moment, in order.</param>
internal sealed record StoredProposal(
    string Role,
    string Id,
    string Title,
    string DefinitionId,
    string Kind,
    string Pillar,
    string Status,
    IReadOnlyList<string> AnsweredBy,
    IReadOnlyList<JournalLine> Journal);

/// <param name="At">When, as a UTC moment in ISO 8601 ("O").</param>
/// <param name="Actor">Who: a person's name or address, an API key's name, or none for the engine itself.</param>
/// <param name="Channel">Through what: Api, Page, Link, Timer, System.</param>
internal sealed record JournalLine(string At, string Kind, string? Activity, string? Outcome, string? Actor, string Channel);

/// <param name="Query">The query string of <c>/Voorstellen</c>, e.g. <c>?zoek=begroting&amp;pijler=PubliekeGezondheid</c>.</param>
/// <param name="Ids">The proposals the overview listed, in its order.</param>
internal sealed record OverviewResult(string Query, IReadOnlyList<string> Ids);

/// <param name="Meeting">The meeting's id on the jaarkalender.</param>
internal sealed record AgendaResult(string Meeting, IReadOnlyList<AgendaLine> Items);

/// <param name="Number">The item's number on the agenda (1, 2, …).</param>
/// <param name="Kind">hamerstuk or bespreekstuk.</param>
/// <param name="Outcome">The outcome as the meeting page shows it ("nog niet behandeld" until one was recorded).</param>
internal sealed record AgendaLine(string Id, int Number, string Kind, string Outcome);
