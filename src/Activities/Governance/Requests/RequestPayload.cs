using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdviesRoute.Activities.Governance.Requests;

/// <summary>
/// What a governance step's bookmark carries, typed: the request to a seat (<c>Stem</c>), to a council or college
/// (<c>Antwoord</c>), the reaction to a zienswijze, a meeting's outcome, a group's or the secretariat's task, and the
/// timers of a round. Each step fills the properties its request has; the rest stay empty. The stored keys (Dutch, as
/// instances have always stored them) are kept: this record is how the steps write a payload and how the host and the
/// declarations read one, so no key is spelled in a second place.
/// </summary>
public sealed record RequestPayload
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The seat a written round asks (a member's id).</summary>
    [JsonPropertyName("zetel")]
    public string? Seat { get; init; }

    /// <summary>The number of the round the request belongs to; a link of an earlier round no longer counts.</summary>
    [JsonPropertyName("ronde")]
    public int? Round { get; init; }

    /// <summary>The member the request was sent to (the seat's holder when the round began).</summary>
    [JsonPropertyName("lid")]
    public string? Member { get; init; }

    /// <summary>Who is asked, as a person reads it: the member, the council or college, the body whose zienswijze is answered.</summary>
    [JsonPropertyName("naam")]
    public string? Name { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The body that acts or is asked (an id).</summary>
    [JsonPropertyName("orgaan")]
    public string? Body { get; init; }

    [JsonPropertyName("gemeente")]
    public string? Municipality { get; init; }

    /// <summary>The codes of the choices the request offers.</summary>
    [JsonPropertyName("keuzes")]
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The contacts of a council or college (name and e-mail each).</summary>
    [JsonPropertyName("contacten")]
    public JsonArray? Contacts { get; init; }

    /// <summary>The group a preparation task is for (an id), and its name.</summary>
    [JsonPropertyName("groep")]
    public string? Group { get; init; }

    [JsonPropertyName("groepNaam")]
    public string? GroupName { get; init; }

    /// <summary>What the group or the secretariat must do.</summary>
    [JsonPropertyName("taak")]
    public string? Task { get; init; }

    /// <summary>When a preparation is expected to be ready (yyyy-MM-dd).</summary>
    [JsonPropertyName("verwachtGereed")]
    public string? ExpectedReady { get; init; }

    /// <summary>Why a step waits (no meeting left on the calendar).</summary>
    [JsonPropertyName("reden")]
    public string? Reason { get; init; }

    /// <summary>The zienswijze a reaction answers (its code), and its text.</summary>
    [JsonPropertyName("zienswijze")]
    public string? Zienswijze { get; init; }

    [JsonPropertyName("tekst")]
    public string? Text { get; init; }

    /// <summary>The board's reaction to the zienswijze so far, when it is written anew.</summary>
    [JsonPropertyName("reactie")]
    public string? Reaction { get; init; }

    /// <summary>The meeting: as an object on a meeting's request (<c>id</c>, <c>datum</c>, <c>orgaanNaam</c> …), as its id on the timer after it.</summary>
    [JsonPropertyName("vergadering")]
    public JsonNode? Meeting { get; init; }

    /// <summary>The outcomes the secretary may record for a meeting.</summary>
    [JsonPropertyName("uitkomsten")]
    public IReadOnlyList<string>? Outcomes { get; init; }

    /// <summary>The deadline: its text on a round's requests and timer, the whole deadline (with <c>tekst</c>) on a follow-up task.</summary>
    [JsonPropertyName("uiterlijk")]
    public JsonNode? Deadline { get; init; }

    /// <summary>The working days before the deadline a reminder is sent.</summary>
    [JsonPropertyName("werkdagen")]
    public int? WorkingDays { get; init; }

    /// <summary>Who is asked: the body, else the group (an id).</summary>
    [JsonIgnore]
    public string? BodyOrGroup => Body ?? Group;

    /// <summary>The deadline as a person reads it ("uiterlijk 7 mei 2027 (…)"), whichever way the step stored it.</summary>
    [JsonIgnore]
    public string? DeadlineText => Deadline switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonObject o => o["tekst"]?.GetValue<string>(),
        _ => null,
    };

    /// <summary>The id of the meeting, whether the payload holds the meeting or its id.</summary>
    [JsonIgnore]
    public string? MeetingId => Meeting switch
    {
        JsonValue v when v.TryGetValue<string>(out var id) => id,
        JsonObject o => o["id"]?.GetValue<string>(),
        _ => null,
    };

    /// <summary>The payload as the step stores it with its bookmark.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Options)!.AsObject();

    /// <summary>A stored payload read typed; an empty one for none.</summary>
    public static RequestPayload Read(JsonObject? payload) => payload?.Deserialize<RequestPayload>(Options) ?? new RequestPayload();

    /// <summary>Lets a declaration's text (<see cref="Declarations.RequestDeclaration.Party"/> …) be asked with a stored payload.</summary>
    public static implicit operator RequestPayload(JsonObject? payload) => Read(payload);
}
