using System.Text.Json;
using System.Text.Json.Serialization;
using AdviesRoute.Activities.Governance.Voting;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Governance.Model;

/// <summary>The kinds of bodies a proposal can pass (DOMAIN: each must be routable).</summary>
public enum BodyKind
{
    Voorbereidingsgroep,
    Bac,
    DagelijksBestuur,
    AlgemeenBestuur,
    Gemeenteraad,
    College,
    Netwerktafel,
    Stuurgroep,
    Partnergroep,
}

public enum Pillar
{
    PubliekeGezondheid,
    ZorgEnVeiligheid,
}

public enum MemberRole
{
    Voorzitter,
    Portefeuillehouder,
    Lid,
    Plaatsvervanger,
}

public sealed record Municipality(string Id, string Name);

/// <summary>A body; councils and colleges belong to one municipality.</summary>
/// <param name="WrittenRounds">
/// Whether the body's reglement van orde lets it advise or decide in writing, outside a meeting (schriftelijke
/// besluitvorming); seed key <c>writtenRounds</c>, absent reads as not allowed. Whether a round may be written for a
/// given proposal is <see cref="Voting.WrittenRoundRule"/>'s to say: the AB never decides in writing, whatever this says.
/// </param>
public sealed record Body(string Id, string Name, BodyKind Kind, Pillar? Pillar = null, string? Municipality = null,
    VoteCounting VoteCounting = VoteCounting.PerMember, bool Weighted = false, bool WrittenRounds = false);

/// <summary>
/// A seat in a body for a term; <see cref="To"/> null means open-ended. A substitute names the member they replace.
/// A member marked absent (<see cref="AbsentFrom"/> to <see cref="AbsentTo"/>, e.g. illness or leave) keeps the seat,
/// but requests go to their substitute meanwhile.
/// </summary>
public sealed record Member(string Id, string Name, string Email, string Body, MemberRole Role, string? Municipality,
    decimal Weight, DateOnly From, DateOnly? To, string? SubstituteFor = null, DateOnly? AbsentFrom = null, DateOnly? AbsentTo = null)
{
    public bool SitsOn(DateOnly day) => From <= day && (To is null || day <= To);

    public bool IsAbsentOn(DateOnly day) => AbsentFrom is { } from && from <= day && (AbsentTo is null || day <= AbsentTo);
}

/// <summary>The municipalities, bodies and members of a gemeenschappelijke regeling, as seeded from JSON.</summary>
public sealed record GovernanceModel(IReadOnlyList<Municipality> Municipalities, IReadOnlyList<Body> Bodies, IReadOnlyList<Member> Members)
{
    /// <summary>The members of a body on a day (members change while proposals are open).</summary>
    public IEnumerable<Member> MembersOf(string bodyId, DateOnly day) => Members.Where(m => m.Body == bodyId && m.SitsOn(day));

    public Member? FindMember(string id) => Members.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// Who should receive a request for the seat of <paramref name="holder"/> on a day: the holder, or while the holder
    /// is marked absent, a substitute of theirs who sits that day (the holder when there is none).
    /// </summary>
    public Member Addressee(Member holder, DateOnly day) =>
        holder.IsAbsentOn(day)
            ? Members.Where(m => m.SubstituteFor == holder.Id && m.SitsOn(day) && !m.IsAbsentOn(day)).OrderBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault() ?? holder
            : holder;

    public Body? FindBody(string id) => Bodies.FirstOrDefault(b => b.Id == id);

    /// <summary>
    /// Who holds <paramref name="original"/>'s seat on a day: the member while their term runs; after it, the
    /// successor, a member of the same body, municipality and role whose term began after the original's ended
    /// (the earliest such one still sitting). Null when the seat is vacant. An open request follows the seat, so it
    /// passes to the successor when the colleges change (DOMAIN: after the 2026 elections).
    /// </summary>
    public Member? SeatHolder(Member original, DateOnly day)
    {
        if (original.SitsOn(day))
        {
            return original;
        }

        if (original.To is not { } ended || day < original.From)
        {
            return null;
        }

        return Members
            .Where(m => m.Id != original.Id && m.Body == original.Body && m.Municipality == original.Municipality
                && m.Role == original.Role && (m.SubstituteFor is null) == (original.SubstituteFor is null)
                && m.From > ended && m.SitsOn(day))
            .OrderBy(m => m.From).ThenBy(m => m.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>A governance seed was refused; nothing of it may be stored.</summary>
public sealed class GovernanceSeedException(IReadOnlyList<ValidationError> errors)
    : Exception("De bestuursgegevens zijn ongeldig: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>Reads and checks a governance seed; refuses it whole, with the JSON path of every error.</summary>
public static class GovernanceSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="GovernanceSeedException">The seed is malformed or inconsistent; nothing of it may be stored.</exception>
    public static GovernanceModel Parse(string json)
    {
        var document = SeedJson.Deserialize<Document>(json, Json);
        var errors = new List<ValidationError>();
        void Error(string path, string message) => errors.Add(new ValidationError(path, "InvalidGovernance", message));
        document ??= new Document();
        var municipalities = document.Municipalities ?? [];
        var bodies = document.Bodies ?? [];
        var members = document.Members ?? [];
        if (municipalities.Count == 0)
        {
            Error("$.municipalities", "Er is geen enkele gemeente opgegeven.");
        }

        var municipalityIds = new HashSet<string>();
        var municipalityNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < municipalities.Count; i++)
        {
            var m = municipalities[i];
            if (string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.Name))
            {
                Error($"$.municipalities[{i}]", "Een gemeente heeft een id en een naam nodig.");
            }
            else if (!municipalityIds.Add(m.Id) || !municipalityNames.Add(m.Name))
            {
                Error($"$.municipalities[{i}]", $"Gemeente '{m.Name}' ({m.Id}) staat er twee keer in.");
            }
        }

        var bodyIds = new HashSet<string>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var b = bodies[i];
            if (string.IsNullOrWhiteSpace(b.Id) || string.IsNullOrWhiteSpace(b.Name) || b.Kind is null)
            {
                Error($"$.bodies[{i}]", "Een orgaan heeft een id, een naam en een soort nodig.");
                continue;
            }

            if (!bodyIds.Add(b.Id))
            {
                Error($"$.bodies[{i}].id", $"Orgaan '{b.Id}' staat er twee keer in.");
            }

            if (b.Kind is BodyKind.Gemeenteraad or BodyKind.College && (b.Municipality is null || !municipalityIds.Contains(b.Municipality)))
            {
                Error($"$.bodies[{i}].municipality", $"{b.Name} hoort bij een bekende gemeente; '{b.Municipality}' is onbekend.");
            }
        }

        var memberIds = new HashSet<string>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var path = $"$.members[{i}]";
            if (string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.Name))
            {
                Error(path, "Een lid heeft een id en een naam nodig.");
                continue;
            }

            if (!memberIds.Add(m.Id))
            {
                Error($"{path}.id", $"Lid '{m.Id}' staat er twee keer in.");
            }

            if (string.IsNullOrWhiteSpace(m.Email) || !m.Email.Contains('@', StringComparison.Ordinal) || m.Email.Trim() != m.Email)
            {
                Error($"{path}.email", $"{m.Name} heeft geen geldig e-mailadres; zonder adres kan geen verzoek worden verstuurd.");
            }

            if (m.Body is null || !bodyIds.Contains(m.Body))
            {
                Error($"{path}.body", $"{m.Name} zit in een onbekend orgaan '{m.Body}'.");
            }

            if (m.Municipality is not null && !municipalityIds.Contains(m.Municipality))
            {
                Error($"{path}.municipality", $"{m.Name} vertegenwoordigt een onbekende gemeente '{m.Municipality}'.");
            }

            if (m.Role is null)
            {
                Error($"{path}.role", $"{m.Name} heeft geen rol (Voorzitter, Portefeuillehouder, Lid of Plaatsvervanger).");
            }

            if (m.From is null)
            {
                Error($"{path}.from", $"{m.Name} heeft geen begin van de zittingstermijn.");
            }
            else if (m.To is { } to && to < m.From)
            {
                Error($"{path}.to", $"De zittingstermijn van {m.Name} eindigt vóór hij begint.");
            }

            if (m.AbsentFrom is null && m.AbsentTo is not null)
            {
                Error($"{path}.absentFrom", $"Bij de afwezigheid van {m.Name} ontbreekt de begindatum.");
            }
            else if (m.AbsentTo is { } back && back < m.AbsentFrom)
            {
                Error($"{path}.absentTo", $"De afwezigheid van {m.Name} eindigt vóór zij begint.");
            }

            if (m.Weight is <= 0)
            {
                Error($"{path}.weight", $"Het stemgewicht van {m.Name} moet groter zijn dan 0.");
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (m.SubstituteFor is { } replaced && !members.Any(x => x.Id == replaced && x.Body == m.Body && x.SubstituteFor is null))
            {
                Error($"$.members[{i}].substituteFor", $"{m.Name} vervangt '{replaced}', maar dat is geen lid van hetzelfde orgaan.");
            }
        }

        if (errors.Count > 0)
        {
            throw new GovernanceSeedException(errors);
        }

        return new GovernanceModel(
            municipalities.Select(m => new Municipality(m.Id!, m.Name!)).ToList(),
            bodies.Select(b => new Body(b.Id!, b.Name!, b.Kind!.Value, b.Pillar, b.Municipality, b.VoteCounting ?? VoteCounting.PerMember, b.Weighted ?? false,
                b.WrittenRounds ?? false)).ToList(),
            members.Select(m => new Member(m.Id!, m.Name!, m.Email!, m.Body!, m.Role!.Value, m.Municipality, m.Weight ?? 1, m.From!.Value, m.To, m.SubstituteFor,
                m.AbsentFrom, m.AbsentTo)).ToList());
    }

    private sealed class Document
    {
        public string? Description { get; set; }
        public List<MunicipalityJson>? Municipalities { get; set; }
        public List<BodyJson>? Bodies { get; set; }
        public List<MemberJson>? Members { get; set; }
    }

    private sealed record MunicipalityJson(string? Id, string? Name);

    private sealed record BodyJson(string? Id, string? Name, BodyKind? Kind, Pillar? Pillar, string? Municipality, VoteCounting? VoteCounting, bool? Weighted,
        bool? WrittenRounds = null);

    private sealed record MemberJson(string? Id, string? Name, string? Email, string? Body, MemberRole? Role, string? Municipality,
        decimal? Weight, DateOnly? From, DateOnly? To, string? SubstituteFor, DateOnly? AbsentFrom = null, DateOnly? AbsentTo = null);
}

/// <summary>The demo governance shipped with the product: SamenDrenthe with fictional people.</summary>
public static class DemoGovernance
{
    public const string ResourceName = "AdviesRoute.Activities.Governance.samendrenthe.json";

    public static string Json() => SeedJson.Resource(ResourceName);
}
