using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AdviesRoute.Activities.Governance.Model;

namespace AdviesRoute.Activities.Governance.Activities;

/// <summary>A person a mail goes to, as the outbox stores them.</summary>
public sealed record MailRecipient(
    [property: JsonPropertyName("lid")] string? MemberId,
    [property: JsonPropertyName("naam")] string Name,
    [property: JsonPropertyName("email")] string Email)
{
    public static MailRecipient Of(Member member) => new(member.Id, member.Name, member.Email);
}

/// <summary>The proposal a mail is about, as the step saw it.</summary>
/// <param name="Documents">The proposal's <c>documenten</c> input as it was: names, or objects with naam, url, id, vertrouwelijk and alleenVoor.</param>
public sealed record MailProposal(
    [property: JsonPropertyName("titel")] string? Title,
    [property: JsonPropertyName("samenvatting")] string? Summary = null,
    [property: JsonPropertyName("documenten")] JsonArray? Documents = null)
{
    /// <summary>The draft decision the person judges, as numbered points; null when the proposal has none (or the mail does not judge it).</summary>
    [JsonPropertyName("beslispunten")]
    public IReadOnlyList<Proposals.Beslispunt>? DecisionPoints { get; init; }

    /// <summary>The proposal from a workflow's input; a title or summary that is not text is shown as its JSON.</summary>
    /// <param name="documents">With the documents and the beslispunten: for a mail that asks the person to judge the proposal.</param>
    public static MailProposal From(JsonObject input, bool summary = true, bool documents = false) => new(
        Text(input["titel"]), summary ? Text(input["samenvatting"]) : null, documents ? input["documenten"]?.DeepClone() as JsonArray : null)
    {
        DecisionPoints = documents ? Proposals.ProposalInput.ReadPoints(input["beslispunten"]) : null,
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}

/// <summary>
/// The payload of an outbox message of kind <c>verzoek</c> (<see cref="RequestMails.OutboxKind"/>): a mail that asks one
/// person to act in a step's round, with the person's own link, which the host makes when it delivers it. Written by
/// the step (<see cref="RequestMails.Queue"/>) or by the host when it sends a request again.
/// </summary>
/// <remarks>
/// Stored in the outbox until delivered, also across an upgrade: the JSON names are the wire format of version 1 (the
/// Dutch names the first release wrote) and must stay; a new property must be optional.
/// </remarks>
public sealed record RequestMail
{
    /// <summary>verzoekStem, verzoekAdvies, verzoekZienswijze, verzoekColleges or herinnering (see <see cref="RequestMails.Defaults"/>).</summary>
    [JsonPropertyName("soort")]
    public required string RequestKind { get; init; }

    [JsonPropertyName("activiteit")]
    public required string ActivityId { get; init; }

    [JsonPropertyName("ronde")]
    public required int Round { get; init; }

    /// <summary>The seat (a member id) the request belongs to; or <see cref="Body"/>.</summary>
    [JsonPropertyName("zetel")]
    public string? Seat { get; init; }

    /// <summary>The body the request belongs to (a council or college answers as one); or <see cref="Seat"/>.</summary>
    [JsonPropertyName("orgaan")]
    public string? Body { get; init; }

    [JsonPropertyName("aan")]
    public required MailRecipient To { get; init; }

    /// <summary>The body the step asks; a document marked for another body is left out of the mail.</summary>
    [JsonPropertyName("orgaanId")]
    public string? BodyId { get; init; }

    [JsonPropertyName("orgaanNaam")]
    public string? BodyName { get; init; }

    [JsonPropertyName("keuzes")]
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The deadline in words, with its rule ("uiterlijk 19 oktober 2026 (…)").</summary>
    [JsonPropertyName("uiterlijk")]
    public string? Deadline { get; init; }

    /// <summary>When the person's link stops working.</summary>
    [JsonPropertyName("verlooptOp")]
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>A template with {naam}, {titel}, {orgaan} and {uiterlijk}.</summary>
    [JsonPropertyName("onderwerp")]
    public string? Subject { get; init; }

    /// <summary>A template with {naam}, {titel}, {orgaan} and {uiterlijk}; text, not HTML.</summary>
    [JsonPropertyName("tekst")]
    public string? Text { get; init; }

    [JsonPropertyName("voorstel")]
    public MailProposal? Proposal { get; init; }

    /// <summary>"zetel" or "orgaan", and its id: what the request and its link belong to.</summary>
    [JsonIgnore]
    public (string Kind, string Id) Target => Seat is not null ? ("zetel", Seat) : ("orgaan", Body ?? throw new InvalidOperationException("Het verzoek hoort bij geen zetel en geen orgaan."));

    public JsonObject ToJson() => OutboxJson.Write(this);

    public static RequestMail Read(JsonObject payload) => OutboxJson.Read<RequestMail>(payload, RequestMails.OutboxKind);
}

/// <summary>
/// The payload of an outbox message of kind <c>melding</c> (<see cref="MeldingActivity.OutboxKind"/>): a notice to
/// members (one mail each) and/or to everyone with a role, e.g. the secretaries.
/// </summary>
/// <remarks>Version 1, stored until delivered: the JSON names must stay, a new property must be optional.</remarks>
public sealed record NotificationMail
{
    /// <summary>What happened, e.g. besluitGenomen, termijnVerstreken, agendering, mededeling.</summary>
    [JsonPropertyName("soort")]
    public required string NotificationKind { get; init; }

    [JsonPropertyName("onderwerp")]
    public required string Subject { get; init; }

    [JsonPropertyName("tekst")]
    public string? Text { get; init; }

    [JsonPropertyName("aan")]
    public IReadOnlyList<MailRecipient>? To { get; init; }

    /// <summary>"secretary": also every account with that role.</summary>
    [JsonPropertyName("aanRol")]
    public string? ToRole { get; init; }

    /// <summary>The meeting an agenda item is on (as <c>Bestuur.ToJson(Meeting, …)</c> writes it): the mail carries it as an invitation.</summary>
    [JsonPropertyName("vergadering")]
    public JsonObject? Meeting { get; init; }

    [JsonPropertyName("voorstel")]
    public MailProposal? Proposal { get; init; }

    public JsonObject ToJson() => OutboxJson.Write(this);

    public static NotificationMail Read(JsonObject payload) => OutboxJson.Read<NotificationMail>(payload, MeldingActivity.OutboxKind);
}

/// <summary>How the step's mails are written to and read from the outbox: the names of the records, nulls left out.</summary>
internal static class OutboxJson
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static JsonObject Write<T>(T payload) => JsonSerializer.SerializeToNode(payload, Options)!.AsObject();

    public static T Read<T>(JsonObject payload, string kind)
    {
        try
        {
            return payload.Deserialize<T>(Options) ?? throw new JsonException("leeg");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"De inhoud van het bericht ({kind}) is onleesbaar: {ex.Message}", ex);
        }
    }
}
